#pragma once

#include "HttpHandler.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>

namespace fieldsync::server {

// Dispatches by method and exact path: unknown path 404, known path with another method 405
// (with Allow). A route's guard runs on the head, before the body is read.
class Router : public HttpHandler
{
public:
    using Handler = std::function<HttpResponse(const HttpRequest &)>;
    using Guard = std::function<std::optional<HttpResponse>(HttpRequest &)>;

    void addRoute(const QByteArray &method, const QString &path, Handler handler, Guard guard = {});
    // Every path under prefix (ending in '/'): for endpoints with ids in the path, which the
    // handler and guard parse themselves.
    void addPrefixRoute(const QByteArray &method, const QString &prefix, Handler handler, Guard guard = {});

    std::optional<HttpResponse> checkHead(HttpRequest &request) override;
    HttpResponse handle(const HttpRequest &request) override;

private:
    struct Route
    {
        QByteArray method;
        QString path;
        Handler handler;
        Guard guard;
        bool prefix = false;

        bool matches(const QString &requestPath) const
        {
            return prefix ? requestPath.startsWith(path) : requestPath == path;
        }
    };

    const Route *find(const HttpRequest &request, std::optional<HttpResponse> *refusal) const;

    QList<Route> m_routes;
};

} // namespace fieldsync::server
