#include "AttachmentApiClient.h"

#include "common/Logging.h"
#include "protocol/ProtocolInfo.h"

#include <QNetworkReply>

namespace fieldsync {

namespace {

constexpr qint64 MaxAnswerBytes = 64 * 1024 * 1024; // a thumbnail or a status, never more

ApiResult<protocol::UploadStatus> decodeStatus(const ApiResult<QByteArray> &body)
{
    if (!body.ok())
        return body.error();
    Result<protocol::UploadStatus> status = protocol::UploadStatus::fromJson(body.value());
    if (!status)
        return ApiError::protocolViolation(status.error());
    return status.value();
}

ApiError storeWriteError()
{
    ApiError error;
    error.kind = ApiError::Kind::Protocol;
    error.code = QStringLiteral("store_write");
    error.message = QStringLiteral("cannot write the downloaded file");
    return error;
}

} // namespace

AttachmentApiClient::AttachmentApiClient(SyncApiClient &api, QObject *parent)
    : QObject(parent)
    , m_api(api)
{}

QNetworkRequest AttachmentApiClient::makeRequest(const QString &path) const
{
    QUrl url = m_api.baseUrl();
    url.setPath(url.path().chopped(url.path().endsWith(QLatin1Char('/')) ? 1 : 0) + path);
    QNetworkRequest request(url);
    request.setRawHeader(protocol::VersionHeader, QByteArray::number(protocol::Version));
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    request.setTransferTimeout(m_timeoutMs);
    m_api.tlsPolicy().apply(request);
    return request;
}

void AttachmentApiClient::finish(QNetworkReply *reply,
                                 std::function<void(const ApiResult<QByteArray> &)> done)
{
    m_api.tlsPolicy().watch(reply);
    auto watch = TransferWatch::start(reply, m_api.transferPace(), m_timeoutMs);
    connect(reply, &QNetworkReply::finished, this, [reply, watch, done = std::move(done)] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 0 || !TlsPolicy::failureOf(reply).isEmpty() || watch->tooSlow()) {
            const ApiError error = watch->error(reply);
            qCInfo(lcSync) << "attachment request failed:" << reply->url().path() << error.message;
            done(error);
            return;
        }
        const QByteArray body = reply->read(MaxAnswerBytes);
        if (status < 200 || status >= 300) {
            const ApiError error = ApiError::fromHttpStatus(status, body, reply->rawHeader("Retry-After"));
            qCInfo(lcSync) << "attachment request refused:" << reply->url().path() << error.describe();
            done(error);
            return;
        }
        if (reply->error() != QNetworkReply::NoError) {
            done(watch->error(reply));
            return;
        }
        done(body);
    });
}

void AttachmentApiClient::uploadStatus(const QString &attachmentId,
                                       std::function<void(const ApiResult<protocol::UploadStatus> &)> done)
{
    QNetworkReply *reply =
        m_api.networkAccessManager()->get(makeRequest(protocol::AttachmentPaths::upload(attachmentId)));
    finish(reply, [done = std::move(done)](const ApiResult<QByteArray> &body) { done(decodeStatus(body)); });
}

void AttachmentApiClient::putChunk(const QString &attachmentId, qint64 index, qint64 offset,
                                   const QByteArray &bytes, const QByteArray &sha256Hex,
                                   std::function<void(const ApiResult<protocol::UploadStatus> &)> done)
{
    QNetworkRequest request = makeRequest(protocol::AttachmentPaths::chunk(attachmentId, index));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/octet-stream"));
    request.setRawHeader(protocol::ChunkOffsetHeader, QByteArray::number(offset));
    request.setRawHeader(protocol::ChunkSha256Header, sha256Hex);
    QNetworkReply *reply = m_api.networkAccessManager()->put(request, bytes);
    finish(reply, [done = std::move(done)](const ApiResult<QByteArray> &body) { done(decodeStatus(body)); });
}

void AttachmentApiClient::download(const QString &attachmentId,
                                   std::function<bool(const QByteArray &)> writeTo,
                                   std::function<void(const ApiResult<QByteArray> &)> done)
{
    QNetworkRequest request = makeRequest(protocol::AttachmentPaths::file(attachmentId));
    // Photos are compressed already: gzip would cost the server time and save nothing.
    request.setRawHeader("Accept-Encoding", "identity");
    QNetworkReply *reply = m_api.networkAccessManager()->get(request);
    m_api.tlsPolicy().watch(reply);
    auto watch = TransferWatch::start(reply, m_api.transferPace(), m_timeoutMs);
    auto writeFailed = std::make_shared<bool>(false);
    // The file goes to disk as it arrives: a photo is never held whole in memory.
    connect(reply, &QNetworkReply::readyRead, this, [reply, writeTo, writeFailed] {
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status != 200 || *writeFailed)
            return;
        if (!writeTo(reply->readAll())) {
            *writeFailed = true;
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::finished, this,
            [reply, writeTo, writeFailed, watch, done = std::move(done)] {
                reply->deleteLater();
                const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                if (*writeFailed) {
                    done(storeWriteError());
                    return;
                }
                if (status == 0 || !TlsPolicy::failureOf(reply).isEmpty() || watch->tooSlow()) {
                    done(watch->error(reply));
                    return;
                }
                if (status != 200) {
                    done(ApiError::fromHttpStatus(status, reply->read(MaxAnswerBytes),
                                                  reply->rawHeader("Retry-After")));
                    return;
                }
                if (reply->error() != QNetworkReply::NoError) {
                    done(watch->error(reply));
                    return;
                }
                if (!writeTo(reply->readAll())) {
                    done(storeWriteError());
                    return;
                }
                done(reply->rawHeader(protocol::FileSha256Header));
            });
}

void AttachmentApiClient::thumbnail(const QString &attachmentId,
                                    std::function<void(const ApiResult<QByteArray> &)> done)
{
    QNetworkRequest request = makeRequest(protocol::AttachmentPaths::thumbnail(attachmentId));
    request.setRawHeader("Accept-Encoding", "identity");
    QNetworkReply *reply = m_api.networkAccessManager()->get(request);
    finish(reply, std::move(done));
}

} // namespace fieldsync
