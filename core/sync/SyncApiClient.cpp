#include "SyncApiClient.h"

#include "common/Logging.h"

#include <QNetworkReply>
#include <QTimer>
#include <QUrlQuery>

#include <memory>

namespace fieldsync {

namespace {

constexpr qint64 MaxResponseBytes = 256 * 1024 * 1024;
constexpr int MaxAnswerHoldMs = 50;

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
    , m_answers(this)
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
    // An answer larger than any valid one is cut off as soon as its declared length or the bytes
    // received so far show it, instead of being buffered until the transfer ends (which, for a
    // server that sends forever, would be never or out of memory).
    auto oversized = std::make_shared<bool>(false);
    auto guardSize = [reply, oversized](qint64 received) {
        if (*oversized)
            return;
        const qint64 declared = reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
        if (declared > MaxResponseBytes || received > MaxResponseBytes) {
            *oversized = true;
            qCWarning(lcSync) << "answer too large, cut off:" << reply->url().path() << "declared" << declared
                              << "received" << received;
            reply->abort();
        }
    };
    connect(reply, &QNetworkReply::metaDataChanged, reply, [guardSize] { guardSize(0); });
    connect(reply, &QNetworkReply::downloadProgress, reply,
            [guardSize](qint64 received, qint64) { guardSize(received); });
    auto watch = TransferWatch::start(reply, m_pace, m_timeoutMs);
    connect(reply, &QNetworkReply::finished, this, [reply, oversized, watch, done = std::move(done)] {
        reply->deleteLater();
        if (*oversized || reply->bytesAvailable() > MaxResponseBytes) {
            ApiError error;
            error.kind = ApiError::Kind::Protocol;
            error.code = QStringLiteral("too_large");
            error.message = QStringLiteral("the server's answer is larger than any valid answer");
            done(error);
            return;
        }
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        // Cut off for its pace, an answer is a failed transfer whatever its status said.
        if (status == 0 || !TlsPolicy::failureOf(reply).isEmpty() || watch->tooSlow()) {
            const ApiError error = watch->error(reply);
            qCInfo(lcSync) << "request failed:" << reply->url().path() << error.message;
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
            const ApiError error = watch->error(reply);
            qCInfo(lcSync) << "answer cut short:" << reply->url().path() << error.message;
            done(error);
            return;
        }
        done(body);
    });
}

void SyncApiClient::abandonRequests(const QString &reason)
{
    // Qt makes the manager every reply's parent.
    const QList<QNetworkReply *> inFlight =
        m_network.findChildren<QNetworkReply *>(Qt::FindDirectChildrenOnly);
    for (QNetworkReply *reply : inFlight)
        TransferWatch::abandon(reply, reason);
}

void SyncApiClient::push(const protocol::PushRequest &request,
                         std::function<void(const ApiResult<protocol::PushResponse> &)> done)
{
    push(request.toJson(), PushCallbacks{{}, [] {}, std::move(done)});
}

void SyncApiClient::push(const QByteArray &encodedRequest, PushCallbacks callbacks)
{
    QNetworkReply *reply = m_network.post(makeRequest(protocol::Paths::Push), encodedRequest);
    m_newestPush = reply;
    m_newestPushUploaded = false;
    connect(reply, &QNetworkReply::uploadProgress, this,
            [this, reply, uploaded = std::move(callbacks.uploaded)](qint64 sent, qint64 total) mutable {
                // A body of unknown size (total -1) counts as sent at its first progress: holding
                // an answer, or starting the caller's next work, is only ever a matter of speed.
                if (total > 0 && sent < total)
                    return;
                if (uploaded)
                    std::exchange(uploaded, nullptr)();
                if (reply != m_newestPush)
                    return;
                m_newestPushUploaded = true;
                if (m_holdingFor == reply)
                    releaseHold();
            });
    finish(reply, [this, reply, accepted = std::move(callbacks.accepted),
                   done = std::move(callbacks.done)](const ApiResult<QByteArray> &body) {
        // Answers held for this request's upload belong to earlier requests: they go first.
        releaseHold();
        if (!body.ok()) {
            m_answers.addFailure(body.error(), std::move(done));
            return;
        }
        // QNetworkAccessManager starts and feeds a request from this thread's event loop: a
        // request sent from accepted() would wait for the applying of this answer (tens of
        // milliseconds for 500 changes) before its first byte left. So this answer is decoded
        // on another thread while that request is uploaded, and applied after, and the server
        // works while the device does. accepted() itself waits for the answers before this one.
        m_answers.addBody(
            body.value(),
            [this, reply = QPointer<QNetworkReply>(reply), accepted] {
                accepted();
                if (!m_newestPush || m_newestPush == reply || m_newestPushUploaded)
                    return;
                const quint64 hold = ++m_holds;
                m_holdingFor = m_newestPush;
                m_answers.hold();
                // A slow link does not keep an answer waiting long: it is applied after this at the
                // latest.
                QTimer::singleShot(MaxAnswerHoldMs, this, [this, hold] {
                    if (m_holds == hold)
                        releaseHold();
                });
            },
            std::move(done));
    });
}

void SyncApiClient::releaseHold()
{
    if (!m_answers.isHeld())
        return;
    m_holdingFor = nullptr;
    ++m_holds;
    m_answers.release();
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

void SyncApiClient::audit(const QString &recordId,
                          std::function<void(const ApiResult<protocol::AuditTrail> &)> done)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("record"), recordId);
    QNetworkReply *reply =
        m_network.get(makeRequest(protocol::Paths::Audit, query.toString(QUrl::FullyEncoded)));
    finish(reply, [done = std::move(done)](const ApiResult<QByteArray> &body) {
        done(decodeBody<protocol::AuditTrail>(body, &protocol::AuditTrail::fromJson));
    });
}

} // namespace fieldsync
