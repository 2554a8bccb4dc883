#pragma once

#include "ApiError.h"
#include "PushAnswerQueue.h"
#include "TlsPolicy.h"
#include "TransferPace.h"
#include "protocol/AuditMessages.h"
#include "protocol/ProtocolInfo.h"
#include "protocol/PullMessages.h"
#include "protocol/PushMessages.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <functional>
#include <optional>

namespace fieldsync {

// The client half of protocol v1 over HTTP: one method per endpoint, every answer decoded
// strictly, every failure classified as an ApiError.
class SyncApiClient : public QObject
{
    Q_OBJECT

public:
    explicit SyncApiClient(QObject *parent = nullptr);

    void setServer(const QUrl &baseUrl, const QString &token);
    QUrl baseUrl() const { return m_baseUrl; }
    bool isConfigured() const { return m_baseUrl.isValid() && !m_baseUrl.isEmpty(); }
    void setTransferTimeout(int milliseconds) { m_timeoutMs = milliseconds; }
    // The average pace a request must keep past its grace period (see TransferPace).
    void setTransferPace(const TransferPace &pace) { m_pace = pace; }
    const TransferPace &transferPace() const { return m_pace; }
    // Certificate pin and extra CAs for https servers (see TlsPolicy).
    void setTlsPolicy(const TlsPolicy &policy) { m_tls = policy; }
    const TlsPolicy &tlsPolicy() const { return m_tls; }

    void push(const protocol::PushRequest &request,
              std::function<void(const ApiResult<protocol::PushResponse> &)> done);
    struct PushCallbacks
    {
        // The request's body has left (once, and not at all for a request that fails first): the
        // caller's own work from here on no longer holds up the upload, which this thread feeds.
        std::function<void()> uploaded;
        // A 2xx answer has arrived, before it is decoded, so that the caller can send its next
        // request while this answer is decoded and applied.
        std::function<void()> accepted;
        // The decoded answer or the error.
        std::function<void(const ApiResult<protocol::PushResponse> &)> done;
    };
    // The same for a request encoded beforehand (PushRequest::toJson). Answers reach done in the
    // order the requests were made. Like every answer still in flight, one not yet delivered is
    // dropped with this client: its changes stay queued on the device.
    void push(const QByteArray &encodedRequest, PushCallbacks callbacks);
    void pull(qint64 cursor, int limit, std::function<void(const ApiResult<protocol::PullResponse> &)> done);
    void health(std::function<void(const ApiResult<protocol::HealthResponse> &)> done);
    void me(std::function<void(const ApiResult<protocol::MeResponse> &)> done);
    // A record's history (a PM or admin of its project; 403 for others, 404 outside it).
    void audit(const QString &recordId, std::function<void(const ApiResult<protocol::AuditTrail> &)> done);

    QNetworkAccessManager *networkAccessManager() { return &m_network; }
    // Fails every request in flight on this client's connections (attachments' included) as a
    // network error with this reason, at once rather than at the transfer timeout.
    void abandonRequests(const QString &reason);

private:
    QNetworkRequest makeRequest(const QString &path, const QString &query = {}) const;
    void releaseHold();
    void finish(QNetworkReply *reply, std::function<void(const ApiResult<QByteArray> &)> done);

    QNetworkAccessManager m_network;
    QUrl m_baseUrl;
    QString m_token;
    TlsPolicy m_tls;
    int m_timeoutMs = 60000;
    TransferPace m_pace;
    // The newest push request, and whether its body has left: an answer that arrives while it is
    // still being sent is held (see push()) until it has.
    QPointer<QNetworkReply> m_newestPush;
    bool m_newestPushUploaded = false;
    // Push answers in order; held while the newest request's body is still leaving.
    PushAnswerQueue m_answers;
    QPointer<QNetworkReply> m_holdingFor;
    quint64 m_holds = 0;
};

} // namespace fieldsync
