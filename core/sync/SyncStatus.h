#pragma once

#include <QDateTime>
#include <QObject>
#include <QString>

namespace fieldsync {

// The one observable truth about syncing that the GUI's indicator and the CLI's watch both show.
class SyncStatus : public QObject
{
    Q_OBJECT

public:
    enum class State
    {
        NotConfigured, // no server: everything stays queued on the device
        Offline,       // no network, or the server cannot be reached
        Syncing,
        Synced,
        Error, // anything else, with a reason (signed out, update needed, server refusing...)
    };
    Q_ENUM(State)

    // What the connection check says, under the state: Offline covers both "no network" and
    // "server unreachable" (a captive Wi-Fi), Error with signedOut() is a refused token.
    enum class Connectivity
    {
        Unknown,
        Online,
        NoNetwork,
        ServerUnreachable,
        SignedOut,
    };
    Q_ENUM(Connectivity)

    explicit SyncStatus(QObject *parent = nullptr);

    State state() const { return m_state; }
    int pending() const { return m_pending; }
    int conflicts() const { return m_conflicts; }
    int rejected() const { return m_rejected; }
    int progressDone() const { return m_progressDone; }
    int progressTotal() const { return m_progressTotal; }
    QDateTime lastSync() const { return m_lastSync; }
    QString reason() const { return m_reason; }
    bool signedOut() const { return m_signedOut; }
    // Seconds until the next automatic attempt after a failure; -1 when none is planned.
    int retryInSeconds() const { return m_retryInSeconds; }
    Connectivity connectivity() const { return m_connectivity; }

    static QString stateName(State state);
    // online, no_network, server_unreachable, signed_out, unknown
    static QString connectivityName(Connectivity connectivity);

    void setState(State state, const QString &reason = {});
    void setCounts(int pending, int conflicts, int rejected);
    void setProgress(int done, int total);
    void setLastSync(const QDateTime &when);
    void setSignedOut(bool signedOut);
    void setRetryInSeconds(int seconds);
    void setConnectivity(Connectivity connectivity);

signals:
    void changed();

private:
    State m_state = State::NotConfigured;
    int m_pending = 0;
    int m_conflicts = 0;
    int m_rejected = 0;
    int m_progressDone = 0;
    int m_progressTotal = 0;
    QDateTime m_lastSync;
    QString m_reason;
    bool m_signedOut = false;
    int m_retryInSeconds = -1;
    Connectivity m_connectivity = Connectivity::Unknown;
};

} // namespace fieldsync
