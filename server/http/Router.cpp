#include "Router.h"

#include "HttpRequest.h"

namespace fieldsync::server {

void Router::addRoute(const QByteArray &method, const QString &path, Handler handler, Guard guard)
{
    m_routes.append(Route{method, path, std::move(handler), std::move(guard)});
}

void Router::addPrefixRoute(const QByteArray &method, const QString &prefix, Handler handler, Guard guard)
{
    m_routes.append(Route{method, prefix, std::move(handler), std::move(guard), true});
}

const Router::Route *Router::find(const HttpRequest &request, std::optional<HttpResponse> *refusal) const
{
    QByteArrayList allowed;
    for (const Route &route : m_routes) {
        if (!route.matches(request.path()))
            continue;
        if (route.method == request.method())
            return &route;
        allowed.append(route.method);
    }
    if (allowed.isEmpty()) {
        *refusal = HttpResponse::error(404, QStringLiteral("not_found"),
                                       QStringLiteral("no such endpoint: %1").arg(request.path()));
    } else {
        HttpResponse response = HttpResponse::error(
            405, QStringLiteral("method_not_allowed"),
            QStringLiteral("%1 takes %2").arg(request.path(), QString::fromLatin1(allowed.join(", "))));
        response.setHeader("Allow", allowed.join(", "));
        *refusal = response;
    }
    return nullptr;
}

std::optional<HttpResponse> Router::checkHead(HttpRequest &request)
{
    std::optional<HttpResponse> refusal;
    const Route *route = find(request, &refusal);
    if (!route)
        return refusal;
    if (route->guard)
        return route->guard(request);
    return std::nullopt;
}

HttpResponse Router::handle(const HttpRequest &request)
{
    std::optional<HttpResponse> refusal;
    const Route *route = find(request, &refusal);
    if (!route)
        return *refusal;
    return route->handler(request);
}

} // namespace fieldsync::server
