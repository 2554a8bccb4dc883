#pragma once

#include "protocol/AttachmentMessages.h"
#include "sync/ApiError.h"
#include "sync/SyncApiClient.h"

#include <QObject>

#include <functional>

namespace fieldsync {

// The client half of the attachment endpoints. Shares the sync client's network access manager
// and certificate rules, so an attachment request trusts exactly what a push trusts.
class AttachmentApiClient : public QObject
{
    Q_OBJECT

public:
    explicit AttachmentApiClient(SyncApiClient &api, QObject *parent = nullptr);

    void setToken(const QString &token) { m_token = token; }
    bool isConfigured() const { return m_api.isConfigured(); }

    void uploadStatus(const QString &attachmentId,
                      std::function<void(const ApiResult<protocol::UploadStatus> &)> done);
    void putChunk(const QString &attachmentId, qint64 index, qint64 offset, const QByteArray &bytes,
                  const QByteArray &sha256Hex,
                  std::function<void(const ApiResult<protocol::UploadStatus> &)> done);
    // The whole file, streamed to writeTo as it arrives; done gets the server's SHA-256 header.
    void download(const QString &attachmentId, std::function<bool(const QByteArray &)> writeTo,
                  std::function<void(const ApiResult<QByteArray> &)> done);
    void thumbnail(const QString &attachmentId, std::function<void(const ApiResult<QByteArray> &)> done);

private:
    QNetworkRequest makeRequest(const QString &path) const;
    void finish(QNetworkReply *reply, std::function<void(const ApiResult<QByteArray> &)> done);

    SyncApiClient &m_api;
    QString m_token;
    int m_timeoutMs = 60000;
};

} // namespace fieldsync
