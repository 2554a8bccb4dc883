#include "SyncApiClient.h"

#include "common/Logging.h"

#include <QNetworkReply>

namespace fieldsync {

namespace {

constexpr qint64 MaxResponseBytes = 256 * 1024 * 1024;

template<typename T, typename Decode>
ApiResult<T> decodeBody(const ApiResult<QByteArray> &body, Decode decode)
{
    if (!body.ok())
        return body.error();
    Result<T> decoded = decode(body.value());
    if (!decoded)
        return ApiError::protocolViolation(decoded.error());
    return decoded.value();
}

} // namespace

SyncApiClient::SyncApiClient(QObject *parent)
    : QObject(parent)
{
    // Our own redirects are never needed; following one could hand the token to another host.
    m_network.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

void SyncApiClient::setServer(const QUrl &baseUrl, const QString &token)
{
    m_baseUrl = baseUrl;
    m_token = token;
}

QNetworkRequest SyncApiClient::makeRequest(const QString &path, const QString &query) const
{
    QUrl url = m_baseUrl;
    url.setPath(url.path().chopped(url.path().endsWith(QLatin1Char('/')) ? 1 : 0) + path);
    if (!query.isEmpty())
        url.setQuery(query);
    QNetworkRequest request(url);
    request.setRawHeader(protocol::VersionHeader, QByteArray::number(protocol::Version));
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    request.setTransferTimeout(m_timeoutMs);
    m_tls.apply(request);
    return request;
}

void SyncApiClient::finish(QNetworkReply *reply, std::function<void(const ApiResult<QByteArray> &)> done)
{
    m_tls.watch(reply);
    connect(reply, &QNetworkReply::finished, this, [reply, done = std::move(done)] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QString tlsFailure = TlsPolicy::failureOf(reply);
        if (status == 0 || !tlsFailure.isEmpty()) {
            ApiError error;
            error.kind = ApiError::Kind::Network;
            const bool tls =
                !tlsFailure.isEmpty() || reply->error() == QNetworkReply::SslHandshakeFailedError;
            error.code = tls ? QStringLiteral("tls") : QStringLiteral("network");
            error.message = tlsFailure.isEmpty() ? reply->errorString() : tlsFailure;
            qCInfo(lcSync) << "request failed:" << reply->url().path() << error.message;
            done(error);
            return;
        }
        if (reply->bytesAvailable() > MaxResponseBytes) {
            ApiError error;
            error.kind = ApiError::Kind::Protocol;
            error.code = QStringLiteral("too_large");
            error.message = QStringLiteral("the server's answer is larger than any valid answer");
            done(error);
            return;
        }
        const QByteArray body = reply->readAll();
        if (status < 200 || status >= 300) {
            const ApiError error = ApiError::fromHttpStatus(status, body, reply->rawHeader("Retry-After"));
            qCInfo(lcSync) << "request refused:" << reply->url().path() << error.describe();
            done(error);
            return;
        }
        if (reply->error() != QNetworkReply::NoError) {
            // A 2xx whose body was cut short is a broken answer, not a success.
            ApiError error;
            error.kind = ApiError::Kind::Network;
            error.code = QStringLiteral("network");
            error.message = reply->errorString();
            done(error);
            return;
        }
        done(body);
    });
}

void SyncApiClient::push(const protocol::PushRequest &request,
                         std::function<void(const ApiResult<protocol::PushResponse> &)> done)
{
    QNetworkReply *reply = m_network.post(makeRequest(protocol::Paths::Push), request.toJson());
    finish(reply, [done = std::move(done)](const ApiResult<QByteArray> &body) {
        done(decodeBody<protocol::PushResponse>(body, &protocol::PushResponse::fromJson));
    });
}

void SyncApiClient::pull(qint64 cursor, int limit,
                         std::function<void(const ApiResult<protocol::PullResponse> &)> done)
{
    const QString query = QStringLiteral("cursor=%1&limit=%2").arg(cursor).arg(limit);
    QNetworkReply *reply = m_network.get(makeRequest(protocol::Paths::Pull, query));
    finish(reply, [done = std::move(done)](const ApiResult<QByteArray> &body) {
        done(decodeBody<protocol::PullResponse>(body, &protocol::PullResponse::fromJson));
    });
}

void SyncApiClient::health(std::function<void(const ApiResult<protocol::HealthResponse> &)> done)
{
    QNetworkReply *reply = m_network.get(makeRequest(protocol::Paths::Health));
    finish(reply, [done = std::move(done)](const ApiResult<QByteArray> &body) {
        done(decodeBody<protocol::HealthResponse>(body, &protocol::HealthResponse::fromJson));
    });
}

void SyncApiClient::me(std::function<void(const ApiResult<protocol::MeResponse> &)> done)
{
    QNetworkReply *reply = m_network.get(makeRequest(protocol::Paths::Me));
    finish(reply, [done = std::move(done)](const ApiResult<QByteArray> &body) {
        done(decodeBody<protocol::MeResponse>(body, &protocol::MeResponse::fromJson));
    });
}

} // namespace fieldsync
