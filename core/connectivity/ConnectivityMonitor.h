#pragma once

#include "sync/BackoffPolicy.h"
#include "sync/TlsPolicy.h"

#include <QObject>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <memory>

namespace fieldsync {

class SyncApiClient;

// Whether this device can talk to its server right now, from three kinds of evidence:
//  - the operating system's view (QNetworkInformation, where a backend exists): a hint, since a
//    captive or dead site Wi-Fi looks "online" to it, and some backends are simply wrong;
//  - a real check, GET /api/v1/health, which only a FieldSync server answers correctly (a
//    captive portal's login page or redirect is not an answer);
//  - what the sync itself saw: any answer from the server, a network failure, a 401.
//
// While the server is not reachable it probes again with backoff; a probe that succeeds after a
// real outage emits restored(), which is what makes a device sync by itself when it can.
class ConnectivityMonitor : public QObject
{
    Q_OBJECT

public:
    enum class State
    {
        Unknown,           // not checked yet
        Online,            // the server answered
        Offline,           // the system says there is no network at all
        ServerUnreachable, // a network exists (or may), but the server does not answer as itself
        SignedOut,         // the server answered 401: the token is no longer valid
    };
    Q_ENUM(State)

    // Mirrors QNetworkInformation::Reachability without dragging it into every user.
    enum class SystemReachability
    {
        Unknown,
        Disconnected,
        Local,
        Site,
        Online
    };
    Q_ENUM(SystemReachability)

    struct Options
    {
        int probeTimeoutMs = 5000;
        BackoffPolicy::Options probeBackoff{1000, 30000, 2.0, 0.3, 30000};
        // Listen to QNetworkInformation. Tests switch it off and feed setSystemReachability().
        bool useSystemNetworkInformation = true;
    };

    struct ProbeResult
    {
        bool reachable = false;
        QString reason; // why not, for people
    };
    using ProbeDone = std::function<void(const ProbeResult &)>;
    // Checks the server once and calls done exactly once.
    using Probe = std::function<void(ProbeDone done)>;

    explicit ConnectivityMonitor(QObject *parent = nullptr);
    explicit ConnectivityMonitor(const Options &options, QObject *parent = nullptr);
    ~ConnectivityMonitor() override;

    void setOptions(const Options &options);
    // The server to check; back to Unknown (a new server proves nothing about the old one).
    void setServer(const QUrl &baseUrl);
    // The same certificate rules as the sync's requests.
    void setTlsPolicy(const TlsPolicy &policy);
    // Replaces the health request (tests).
    void setProbe(Probe probe);

    void start();
    void stop();
    bool isStarted() const { return m_started; }

    State state() const { return m_state; }
    QString reason() const { return m_reason; }
    bool isReachable() const { return m_state == State::Online || m_state == State::Unknown; }
    static QString stateName(State state);

    // Probes now, unless a probe is in flight already.
    void checkNow();
    // Evidence from the sync and the events connection.
    void reportReachable();
    void reportUnreachable(const QString &reason);
    void reportSignedOut(const QString &reason);
    void clearSignedOut();
    void setSystemReachability(SystemReachability reachability);

signals:
    void stateChanged(fieldsync::ConnectivityMonitor::State state, const QString &reason);
    // Reachable again after a confirmed outage; emitted just before stateChanged(Online).
    void restored();

private:
    void setState(State state, const QString &reason);
    void scheduleProbe();
    void onProbeDone(const ProbeResult &result);
    void bindSystemNetworkInformation();
    bool systemSaysDisconnected() const;
    void defaultProbe(ProbeDone done);

    Options m_options;
    QUrl m_baseUrl;
    bool m_serverIsLocal = false;
    Probe m_probe;
    std::unique_ptr<SyncApiClient> m_probeApi;
    BackoffPolicy m_probeBackoff;
    QTimer m_probeTimer;
    State m_state = State::Unknown;
    QString m_reason;
    SystemReachability m_system = SystemReachability::Unknown;
    bool m_started = false;
    bool m_probing = false;
    bool m_confirmedDown = false; // a probe failed or the system said disconnected
    quint64 m_generation = 0;     // probes started for another server are ignored
};

} // namespace fieldsync
