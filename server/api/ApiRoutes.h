#pragma once

#include "http/HttpResponse.h"

#include <optional>

namespace fieldsync::server {

class Authenticator;
class HttpRequest;
class PullService;
class PushService;
class Router;

// The protocol v1 endpoints: health, me, push, pull. Every route checks the protocol version on
// the head; all but health also the bearer token, both before the body is read.
class ApiRoutes
{
public:
    struct Options
    {
        int maxBatch = 1000; // changes per push request
        QString version;     // reported by health
    };

    ApiRoutes(Authenticator &authenticator, PushService &push, PullService &pull, Options options);

    void install(Router &router);

private:
    std::optional<HttpResponse> checkProtocol(const HttpRequest &request) const;
    std::optional<HttpResponse> checkAuthenticated(HttpRequest &request);

    HttpResponse health(const HttpRequest &request) const;
    HttpResponse me(const HttpRequest &request) const;
    HttpResponse push(const HttpRequest &request);
    HttpResponse pull(const HttpRequest &request);

    Authenticator &m_authenticator;
    PushService &m_push;
    PullService &m_pull;
    Options m_options;
};

} // namespace fieldsync::server
