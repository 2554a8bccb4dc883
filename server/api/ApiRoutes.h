#pragma once

#include "http/HttpResponse.h"
#include "http/Router.h"

#include <optional>

namespace fieldsync::server {

class Authenticator;
class HttpRequest;
class PullService;
class PushService;
class RateLimiter;
class ServerMetrics;

// The protocol v1 endpoints: health, me, push, pull. Every route checks the protocol version on
// the head; all but health also the bearer token, both before the body is read.
class ApiRoutes
{
public:
    struct Options
    {
        int maxBatch = 1000;                // changes per push request
        QString version;                    // reported by health
        RateLimiter *rateLimiter = nullptr; // per user, after authentication; none: no limit
        ServerMetrics *metrics = nullptr;   // counts the requests the limit refused
    };

    ApiRoutes(Authenticator &authenticator, PushService &push, PullService &pull, Options options);

    void install(Router &router);

    // For other routes that need the same checks: the protocol version only, or the version,
    // the bearer token and the rate limit (the guard attaches the AuthUser to the request).
    Router::Guard protocolGuard();
    Router::Guard authenticatedGuard();

private:
    std::optional<HttpResponse> checkProtocol(const HttpRequest &request) const;
    std::optional<HttpResponse> checkAuthenticated(HttpRequest &request);
    std::optional<HttpResponse> checkRateLimit(const QString &user);

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
