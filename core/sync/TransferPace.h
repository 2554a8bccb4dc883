#pragma once

#include "ApiError.h"

#include <QElapsedTimer>

#include <memory>

class QNetworkReply;

namespace fieldsync {

// Qt's transfer timeout fires only after a silence, so a server that sends a byte every few
// seconds holds a request forever. A transfer must therefore also keep an average pace once it
// has had its grace period. The floor is far below any real link (a weak cellular link moves
// 2 KiB/s), and the grace outlasts the 60 s transfer timeout, so a real link that stalls for just
// under the timeout and then moves even 1 KiB/s still keeps the pace: only a trickle trips it.
struct TransferPace
{
    int graceMs = 90000;
    int minBytesPerSecond = 256;

    // Whether a transfer that has moved bytes in elapsedMs still keeps the pace.
    bool keptUp(qint64 bytes, qint64 elapsedMs) const;
};

// Holds one request to a pace: aborts it when its body leaves, or its answer arrives, slower than
// the pace (each timed from its own start: the server's thinking in between is the transfer
// timeout's business), and afterwards tells why it failed below HTTP.
class TransferWatch
{
public:
    static std::shared_ptr<TransferWatch> start(QNetworkReply *reply, const TransferPace &pace,
                                                int timeoutMs);

    // Aborts a request whose server other evidence (the health probe) says is gone; error()
    // then says why instead of "timed out".
    static void abandon(QNetworkReply *reply, const QString &reason);

    bool tooSlow() const { return m_broken != Broken::No; }
    // A transient network error: tls when the server's certificate was refused, too slow when
    // this watch aborted the reply, unreachable when it
    // was abandoned, timed out when Qt's transfer timeout did (all only read "Operation canceled"
    // otherwise), else what Qt says.
    // The caller has ruled out its own other reasons to abort.
    ApiError error(const QNetworkReply *reply) const;

private:
    enum class Broken
    {
        No,
        Sending,  // the request body left in a trickle
        Receiving // the answer arrived in a trickle
    };

    void check(QNetworkReply *reply, Broken where, qint64 bytes, qint64 elapsedMs);

    TransferPace m_pace;
    int m_timeoutMs = 0;
    QElapsedTimer m_sinceRequest;
    QElapsedTimer m_sinceAnswer; // invalid until the answer's headers are in
    Broken m_broken = Broken::No;
};

} // namespace fieldsync
