#pragma once

#include "HttpResponse.h"

#include <optional>

namespace fieldsync::server {

class HttpRequest;

// What the HTTP layer calls. checkHead runs on the head alone, before any body byte is read, so
// that requests to unknown paths, without credentials, or in an unsupported protocol version are
// refused without the server reading (or buffering) what they send.
class HttpHandler
{
public:
    virtual ~HttpHandler() = default;

    // An answer ends the request there; nullopt lets it go on to its body and handle(). May attach
    // what it learnt to the request (HttpRequest::setContext).
    virtual std::optional<HttpResponse> checkHead(HttpRequest &request) = 0;
    virtual HttpResponse handle(const HttpRequest &request) = 0;
};

} // namespace fieldsync::server
