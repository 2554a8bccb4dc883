#include "ConnectivityMonitor.h"

#include "common/Logging.h"
#include "sync/SyncApiClient.h"

#include <QHostAddress>
#include <QNetworkInformation>
#include <QPointer>

namespace fieldsync {

namespace {

bool isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

ConnectivityMonitor::SystemReachability fromQt(QNetworkInformation::Reachability reachability)
{
    switch (reachability) {
    case QNetworkInformation::Reachability::Unknown:
        return ConnectivityMonitor::SystemReachability::Unknown;
    case QNetworkInformation::Reachability::Disconnected:
        return ConnectivityMonitor::SystemReachability::Disconnected;
    case QNetworkInformation::Reachability::Local:
        return ConnectivityMonitor::SystemReachability::Local;
    case QNetworkInformation::Reachability::Site:
        return ConnectivityMonitor::SystemReachability::Site;
    case QNetworkInformation::Reachability::Online:
        return ConnectivityMonitor::SystemReachability::Online;
    }
    return ConnectivityMonitor::SystemReachability::Unknown;
}

} // namespace

ConnectivityMonitor::ConnectivityMonitor(QObject *parent)
    : ConnectivityMonitor(Options(), parent)
{}

ConnectivityMonitor::ConnectivityMonitor(const Options &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_probeApi(std::make_unique<SyncApiClient>())
    , m_probeBackoff(options.probeBackoff)
{
    m_probeApi->setTransferTimeout(m_options.probeTimeoutMs);
    m_probeTimer.setSingleShot(true);
    connect(&m_probeTimer, &QTimer::timeout, this, &ConnectivityMonitor::checkNow);
}

ConnectivityMonitor::~ConnectivityMonitor() = default;

QString ConnectivityMonitor::stateName(State state)
{
    switch (state) {
    case State::Unknown:
        return QStringLiteral("unknown");
    case State::Online:
        return QStringLiteral("online");
    case State::Offline:
        return QStringLiteral("offline");
    case State::ServerUnreachable:
        return QStringLiteral("server_unreachable");
    case State::SignedOut:
        return QStringLiteral("signed_out");
    }
    return {};
}

void ConnectivityMonitor::setOptions(const Options &options)
{
    m_options = options;
    m_probeApi->setTransferTimeout(options.probeTimeoutMs);
    m_probeBackoff.setOptions(options.probeBackoff);
}

void ConnectivityMonitor::setServer(const QUrl &baseUrl)
{
    if (baseUrl == m_baseUrl)
        return;
    m_baseUrl = baseUrl;
    m_serverIsLocal = isLoopbackHost(baseUrl.host());
    m_probeApi->setServer(baseUrl, {});
    ++m_generation;
    m_probing = false;
    m_confirmedDown = false;
    m_probeTimer.stop();
    m_probeBackoff.reset();
    setState(State::Unknown, {});
    if (m_started)
        checkNow();
}

void ConnectivityMonitor::setTlsPolicy(const TlsPolicy &policy)
{
    m_probeApi->setTlsPolicy(policy);
}

void ConnectivityMonitor::setProbe(Probe probe)
{
    m_probe = std::move(probe);
}

void ConnectivityMonitor::start()
{
    if (m_started)
        return;
    m_started = true;
    if (m_options.useSystemNetworkInformation)
        bindSystemNetworkInformation();
    checkNow();
}

void ConnectivityMonitor::stop()
{
    m_started = false;
    m_probing = false;
    ++m_generation;
    m_probeTimer.stop();
}

void ConnectivityMonitor::bindSystemNetworkInformation()
{
    // One backend per process; absent on many systems (containers, minimal installs), and then
    // the health checks alone decide.
    static const bool loaded =
        QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability);
    QNetworkInformation *info = QNetworkInformation::instance();
    if (!loaded || !info) {
        qCInfo(lcConnectivity) << "no system network information; relying on server checks";
        return;
    }
    qCInfo(lcConnectivity) << "system network information from" << info->backendName();
    connect(info, &QNetworkInformation::reachabilityChanged, this,
            [this](QNetworkInformation::Reachability reachability) {
                setSystemReachability(fromQt(reachability));
            });
    if (info->supports(QNetworkInformation::Feature::CaptivePortal)) {
        connect(info, &QNetworkInformation::isBehindCaptivePortalChanged, this, [this](bool captive) {
            // The portal may let us through now, or may just have appeared: ask the server.
            qCInfo(lcConnectivity) << "captive portal" << (captive ? "detected" : "gone");
            checkNow();
        });
    }
    setSystemReachability(fromQt(info->reachability()));
}

bool ConnectivityMonitor::systemSaysDisconnected() const
{
    // A server on this machine needs no network; the system's view is about the world outside.
    return !m_serverIsLocal && m_system == SystemReachability::Disconnected;
}

void ConnectivityMonitor::setSystemReachability(SystemReachability reachability)
{
    const SystemReachability previous = m_system;
    m_system = reachability;
    if (previous == reachability || m_serverIsLocal)
        return;
    qCInfo(lcConnectivity) << "system reachability" << reachability;
    if (reachability == SystemReachability::Disconnected) {
        m_confirmedDown = true;
        if (m_state != State::SignedOut)
            setState(State::Offline, tr("no network"));
        // Still checked now and then: some backends say disconnected when they do not know.
        if (m_started && !m_probing && !m_probeTimer.isActive())
            scheduleProbe();
        return;
    }
    // A network came or changed: worth a check at once rather than at the next backoff step.
    m_probeBackoff.reset();
    checkNow();
}

void ConnectivityMonitor::checkNow()
{
    if (!m_started || m_probing || m_baseUrl.isEmpty() || m_state == State::SignedOut)
        return;
    m_probeTimer.stop();
    m_probing = true;
    const quint64 generation = m_generation;
    QPointer<ConnectivityMonitor> self(this);
    ProbeDone done = [self, generation](const ProbeResult &result) {
        if (!self || self->m_generation != generation)
            return;
        self->onProbeDone(result);
    };
    if (m_probe)
        m_probe(std::move(done));
    else
        defaultProbe(std::move(done));
}

void ConnectivityMonitor::defaultProbe(ProbeDone done)
{
    m_probeApi->health([done = std::move(done)](const ApiResult<protocol::HealthResponse> &answer) {
        if (answer.ok() && answer.value().status == QLatin1String("ok")) {
            done({true, {}});
            return;
        }
        if (!answer.ok() && answer.error().kind == ApiError::Kind::UpdateNeeded) {
            done({true, {}}); // the server is there; the sync will say what to do about the version
            return;
        }
        QString reason;
        if (answer.ok())
            reason = tr("the server says it is not ready (%1)").arg(answer.value().status);
        else if (answer.error().kind == ApiError::Kind::Network)
            reason = tr("server unreachable: %1").arg(answer.error().message);
        else if (answer.error().kind == ApiError::Kind::Protocol)
            reason = tr("server unreachable: the answer did not come from a FieldSync server "
                        "(a Wi-Fi login page?)");
        else
            reason = tr("server unreachable: %1").arg(answer.error().describe());
        done({false, reason});
    });
}

void ConnectivityMonitor::onProbeDone(const ProbeResult &result)
{
    m_probing = false;
    if (m_state == State::SignedOut)
        return; // health needs no token, so it cannot say whether ours works again
    if (result.reachable) {
        reportReachable();
        return;
    }
    m_confirmedDown = true;
    setState(systemSaysDisconnected() ? State::Offline : State::ServerUnreachable, result.reason);
    scheduleProbe();
}

void ConnectivityMonitor::scheduleProbe()
{
    if (!m_started)
        return;
    const qint64 delay = m_probeBackoff.recordFailure();
    qCDebug(lcConnectivity) << "next server check in" << delay << "ms";
    m_probeTimer.start(int(delay));
}

void ConnectivityMonitor::reportReachable()
{
    m_probeTimer.stop();
    m_probeBackoff.reset();
    const bool wasDown =
        m_confirmedDown && (m_state == State::Offline || m_state == State::ServerUnreachable);
    m_confirmedDown = false;
    // restored() first: whoever syncs on it starts one run, instead of a run on the state change
    // and a second one on restored().
    if (wasDown) {
        qCInfo(lcConnectivity) << "server reachable again";
        emit restored();
    }
    setState(State::Online, {});
}

void ConnectivityMonitor::reportUnreachable(const QString &reason)
{
    if (m_state == State::SignedOut)
        return;
    setState(systemSaysDisconnected() ? State::Offline : State::ServerUnreachable, reason);
    if (m_started && !m_probing && !m_probeTimer.isActive())
        scheduleProbe();
}

void ConnectivityMonitor::reportSignedOut(const QString &reason)
{
    m_probeTimer.stop();
    setState(State::SignedOut, reason);
}

void ConnectivityMonitor::clearSignedOut()
{
    if (m_state != State::SignedOut)
        return;
    setState(State::Unknown, {});
    checkNow();
}

void ConnectivityMonitor::setState(State state, const QString &reason)
{
    if (m_state == state && m_reason == reason)
        return;
    if (m_state != state)
        qCInfo(lcConnectivity) << "connectivity" << stateName(state) << reason;
    m_state = state;
    m_reason = reason;
    emit stateChanged(state, reason);
}

} // namespace fieldsync
