#include "TransferPace.h"

#include "TlsPolicy.h"

#include "common/Logging.h"

#include <QNetworkReply>

namespace fieldsync {

namespace {

const char *const AbandonedReason = "fieldsync_abandoned_because";

} // namespace

bool TransferPace::keptUp(qint64 bytes, qint64 elapsedMs) const
{
    if (elapsedMs <= graceMs)
        return true;
    return bytes * 1000 >= qint64(minBytesPerSecond) * elapsedMs;
}

std::shared_ptr<TransferWatch> TransferWatch::start(QNetworkReply *reply, const TransferPace &pace,
                                                    int timeoutMs)
{
    auto watch = std::make_shared<TransferWatch>();
    watch->m_pace = pace;
    watch->m_timeoutMs = timeoutMs;
    watch->m_sinceRequest.start();
    // Checked as bytes move: a transfer with none at all is cut by the transfer timeout.
    QObject::connect(reply, &QNetworkReply::uploadProgress, reply, [watch, reply](qint64 sent, qint64 total) {
        if (!watch->m_sinceAnswer.isValid() && sent < total)
            watch->check(reply, Broken::Sending, sent, watch->m_sinceRequest.elapsed());
    });
    QObject::connect(reply, &QNetworkReply::metaDataChanged, reply, [watch] {
        if (!watch->m_sinceAnswer.isValid())
            watch->m_sinceAnswer.start();
    });
    QObject::connect(reply, &QNetworkReply::downloadProgress, reply, [watch, reply](qint64 received, qint64) {
        if (!watch->m_sinceAnswer.isValid())
            watch->m_sinceAnswer.start();
        watch->check(reply, Broken::Receiving, received, watch->m_sinceAnswer.elapsed());
    });
    return watch;
}

void TransferWatch::check(QNetworkReply *reply, Broken where, qint64 bytes, qint64 elapsedMs)
{
    if (m_broken != Broken::No || m_pace.keptUp(bytes, elapsedMs))
        return;
    m_broken = where;
    qCWarning(lcSync) << "transfer too slow, cut off:" << reply->url().path() << bytes << "bytes in"
                      << elapsedMs << "ms" << (where == Broken::Sending ? "sending" : "receiving");
    reply->abort();
}

void TransferWatch::abandon(QNetworkReply *reply, const QString &reason)
{
    if (reply->isFinished())
        return;
    qCInfo(lcSync) << "request abandoned:" << reply->url().path() << reason;
    reply->setProperty(AbandonedReason, reason);
    reply->abort();
}

ApiError TransferWatch::error(const QNetworkReply *reply) const
{
    ApiError error;
    error.kind = ApiError::Kind::Network;
    // A refused certificate is named apart: a person must check the address or the pin.
    if (const QString tlsFailure = TlsPolicy::failureOf(reply);
        !tlsFailure.isEmpty() || reply->error() == QNetworkReply::SslHandshakeFailedError) {
        error.code = QStringLiteral("tls");
        error.message = tlsFailure.isEmpty() ? reply->errorString() : tlsFailure;
    } else if (const QVariant abandoned = reply->property(AbandonedReason); abandoned.isValid()) {
        error.code = QStringLiteral("unreachable");
        error.message = abandoned.toString();
    } else if (m_broken != Broken::No) {
        error.code = QStringLiteral("too_slow");
        error.message = m_broken == Broken::Receiving
                            ? QStringLiteral("the server sent its answer too slowly")
                            : QStringLiteral("the server took the request too slowly");
    } else if (reply->error() == QNetworkReply::OperationCanceledError) {
        error.code = QStringLiteral("timeout");
        error.message =
            QStringLiteral("timed out: the server sent nothing for %1 s").arg(m_timeoutMs / 1000.0);
    } else {
        error.code = QStringLiteral("network");
        error.message = reply->errorString();
    }
    return error;
}

} // namespace fieldsync
