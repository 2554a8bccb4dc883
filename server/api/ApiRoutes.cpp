#include "ApiRoutes.h"

#include "auth/Authenticator.h"
#include "common/Logging.h"
#include "http/HttpRequest.h"
#include "http/RateLimiter.h"
#include "http/Router.h"
#include "ops/ServerMetrics.h"
#include "protocol/ProtocolInfo.h"
#include "sync/PullService.h"
#include "sync/PushService.h"

namespace fieldsync::server {

namespace {

HttpResponse internalError(const Error &error)
{
    qCWarning(lcServer) << "request failed:" << error.toString();
    return HttpResponse::error(500, QStringLiteral("internal"),
                               QStringLiteral("the server could not complete the request; try again"));
}

// The user the guard authenticated; every authenticated route has one.
const AuthUser &userOf(const HttpRequest &request)
{
    return *std::any_cast<AuthUser>(&request.context());
}

std::optional<qint64> parseNumber(const QString &text)
{
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok)
        return std::nullopt;
    return value;
}

} // namespace

ApiRoutes::ApiRoutes(Authenticator &authenticator, PushService &push, PullService &pull, Options options)
    : m_authenticator(authenticator)
    , m_push(push)
    , m_pull(pull)
    , m_options(std::move(options))
{}

Router::Guard ApiRoutes::protocolGuard()
{
    return [this](HttpRequest &request) { return checkProtocol(request); };
}

Router::Guard ApiRoutes::authenticatedGuard()
{
    return [this](HttpRequest &request) {
        if (std::optional<HttpResponse> refusal = checkProtocol(request))
            return refusal;
        return checkAuthenticated(request);
    };
}

void ApiRoutes::install(Router &router)
{
    const Router::Guard protocolOnly = protocolGuard();
    const Router::Guard authenticated = authenticatedGuard();
    router.addRoute(
        "GET", protocol::Paths::Health, [this](const HttpRequest &request) { return health(request); },
        protocolOnly);
    router.addRoute(
        "GET", protocol::Paths::Me, [this](const HttpRequest &request) { return me(request); },
        authenticated);
    router.addRoute(
        "POST", protocol::Paths::Push, [this](const HttpRequest &request) { return push(request); },
        authenticated);
    router.addRoute(
        "GET", protocol::Paths::Pull, [this](const HttpRequest &request) { return pull(request); },
        authenticated);
}

std::optional<HttpResponse> ApiRoutes::checkProtocol(const HttpRequest &request) const
{
    const QByteArray version = request.header(protocol::VersionHeader).trimmed();
    if (!request.hasHeader(protocol::VersionHeader) || version == QByteArray::number(protocol::Version))
        return std::nullopt;
    HttpResponse response =
        HttpResponse::error(426, QStringLiteral("unsupported_protocol"),
                            QStringLiteral("protocol version %1 is not supported; this server speaks %2")
                                .arg(QString::fromLatin1(version.left(32)))
                                .arg(protocol::Version));
    response.setHeader(protocol::SupportedVersionsHeader, QByteArray::number(protocol::Version));
    return response;
}

std::optional<HttpResponse> ApiRoutes::checkAuthenticated(HttpRequest &request)
{
    Result<AuthUser> user = m_authenticator.authenticate(request.header("authorization"));
    if (!user) {
        if (user.error().code != QLatin1String("unauthorized"))
            return internalError(user.error());
        HttpResponse response = HttpResponse::error(401, user.error().code, user.error().message);
        response.setHeader("WWW-Authenticate", "Bearer");
        return response;
    }
    if (std::optional<HttpResponse> refusal = checkRateLimit(user.value().name))
        return refusal;
    request.setClientKey(user.value().name);
    request.setContext(std::move(user).value());
    return std::nullopt;
}

std::optional<HttpResponse> ApiRoutes::checkRateLimit(const QString &user)
{
    if (!m_options.rateLimiter)
        return std::nullopt;
    const int waitSeconds = m_options.rateLimiter->take(user);
    if (waitSeconds == 0)
        return std::nullopt;
    if (m_options.metrics)
        m_options.metrics->countRateLimited();
    HttpResponse response =
        HttpResponse::error(429, QStringLiteral("rate_limited"),
                            QStringLiteral("too many requests; retry in %1 s").arg(waitSeconds));
    response.setHeader("Retry-After", QByteArray::number(waitSeconds));
    return response;
}

HttpResponse ApiRoutes::health(const HttpRequest &) const
{
    return HttpResponse::json(200,
                              protocol::HealthResponse{QStringLiteral("ok"), m_options.version}.toJson());
}

HttpResponse ApiRoutes::me(const HttpRequest &request) const
{
    const AuthUser &user = userOf(request);
    return HttpResponse::json(200, protocol::MeResponse{user.name, user.role, user.projects}.toJson());
}

HttpResponse ApiRoutes::push(const HttpRequest &request)
{
    // A body declared as something else (a form, text) is not a push, whatever it happens to parse
    // as; a request without Content-Type is taken as JSON, as old clients and curl send it.
    const QByteArray mediaType = request.header("content-type").split(';').value(0).trimmed().toLower();
    if (!mediaType.isEmpty() && mediaType != "application/json") {
        return HttpResponse::error(415, QStringLiteral("unsupported_media_type"),
                                   QStringLiteral("send the push as application/json, not %1")
                                       .arg(QString::fromLatin1(mediaType.left(64))));
    }
    // Creates written as devices write them are checked and stored as their text (ChangeProcessor).
    const Result<protocol::PushRequest> decoded = protocol::PushRequest::fromJson(
        request.body(), protocol::PushRequest::DataOfCreates::TextWhenCanonical);
    if (!decoded)
        return HttpResponse::error(400, decoded.error().code, decoded.error().message);
    if (decoded.value().changes.size() > m_options.maxBatch) {
        return HttpResponse::error(413, QStringLiteral("too_many_changes"),
                                   QStringLiteral("%1 changes in one push; send at most %2 per request")
                                       .arg(decoded.value().changes.size())
                                       .arg(m_options.maxBatch));
    }
    QByteArray body;
    QByteArray gzippedBody;
    const Result<protocol::PushResponse> answer =
        m_push.push(userOf(request), decoded.value(), &body, request.acceptsGzip() ? &gzippedBody : nullptr,
                    PushService::AppliedData::InBodyOnly);
    if (!answer)
        return internalError(answer.error());
    HttpResponse response = HttpResponse::json(200, std::move(body));
    response.setGzippedBody(std::move(gzippedBody));
    return response;
}

HttpResponse ApiRoutes::pull(const HttpRequest &request)
{
    qint64 cursor = 0;
    if (request.hasQueryValue(QStringLiteral("cursor"))) {
        const std::optional<qint64> parsed = parseNumber(request.queryValue(QStringLiteral("cursor")));
        if (!parsed || *parsed < 0) {
            return HttpResponse::error(400, QStringLiteral("malformed"),
                                       QStringLiteral("cursor must be a whole number, 0 or more"));
        }
        cursor = *parsed;
    }
    qint64 limit = protocol::DefaultPullLimit;
    if (request.hasQueryValue(QStringLiteral("limit"))) {
        // Above the maximum is clamped (the protocol says so); below 1 is a client bug, and
        // answering it with a page of one would hide that.
        const std::optional<qint64> parsed = parseNumber(request.queryValue(QStringLiteral("limit")));
        if (!parsed || *parsed < 1)
            return HttpResponse::error(
                400, QStringLiteral("malformed"),
                QStringLiteral("limit must be a whole number from 1 to %1").arg(protocol::MaxPullLimit));
        limit = *parsed;
    }
    Result<QByteArray> answer = m_pull.pullJson(userOf(request), cursor, limit);
    if (!answer)
        return internalError(answer.error());
    return HttpResponse::json(200, std::move(answer).value());
}

} // namespace fieldsync::server
