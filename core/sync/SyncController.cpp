#include "SyncController.h"

#include "common/Logging.h"

#include <cmath>

namespace fieldsync {

namespace {

SyncStatus::Connectivity statusConnectivity(ConnectivityMonitor::State state)
{
    switch (state) {
    case ConnectivityMonitor::State::Unknown:
        break;
    case ConnectivityMonitor::State::Online:
        return SyncStatus::Connectivity::Online;
    case ConnectivityMonitor::State::Offline:
        return SyncStatus::Connectivity::NoNetwork;
    case ConnectivityMonitor::State::ServerUnreachable:
        return SyncStatus::Connectivity::ServerUnreachable;
    case ConnectivityMonitor::State::SignedOut:
        return SyncStatus::Connectivity::SignedOut;
    }
    return SyncStatus::Connectivity::Unknown;
}

bool looksUnreachable(const ApiError &error)
{
    // A redirect on our API is a captive portal or a wrong address, not our server speaking.
    return error.kind == ApiError::Kind::Network || (error.httpStatus >= 300 && error.httpStatus < 400);
}

} // namespace

SyncController::SyncController(DeviceStore &store, QObject *parent)
    : SyncController(store, Options(), parent)
{}

SyncController::SyncController(DeviceStore &store, const Options &options, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_options(options)
    , m_engine(store, m_api)
    , m_scheduler(options.scheduler)
    , m_connectivity(options.connectivity)
    , m_events(options.events)
    , m_attachmentApi(m_api)
    , m_uploader(store, m_attachmentApi)
    , m_downloader(store, m_attachmentApi)
{
    m_engine.setAttachmentUploader(&m_uploader);
    connect(&m_uploader, &AttachmentUploader::progress, this, &SyncController::attachmentProgress);
    connect(&m_downloader, &AttachmentDownloader::fetched, this, &SyncController::attachmentFetched);
    connect(&m_downloader, &AttachmentDownloader::fetchFailed, this, &SyncController::attachmentFetchFailed);
    connect(&m_downloader, &AttachmentDownloader::thumbnailFetched, this, &SyncController::thumbnailFetched);
    connect(&m_engine, &SyncEngine::progress, this,
            [this](int done, int total) { m_status.setProgress(done, total); });
    connect(&m_engine, &SyncEngine::finished, this, &SyncController::onFinished);
    connect(&m_engine, &SyncEngine::recordsPulled, this, &SyncController::recordsPulled);
    connect(&m_engine, &SyncEngine::identityLearned, this, &SyncController::identityLearned);
    connect(&m_store, &DeviceStore::queueChanged, this, [this] {
        refreshCounts();
        checkLocalEdits();
    });
    connect(&m_scheduler, &SyncScheduler::runRequested, this, &SyncController::onRunRequested);
    connect(&m_scheduler, &SyncScheduler::retryScheduled, this, [this](qint64 ms) {
        m_status.setRetryInSeconds(ms < 0 ? -1 : int(std::ceil(double(ms) / 1000.0)));
    });
    connect(&m_connectivity, &ConnectivityMonitor::stateChanged, this,
            &SyncController::onConnectivityChanged);
    connect(&m_connectivity, &ConnectivityMonitor::restored, this, [this] {
        m_events.reconnectNow();
        m_scheduler.connectivityRestored();
    });
    connect(&m_events, &ServerEventsClient::changesAvailable, this, &SyncController::onServerChanges);
    connect(&m_events, &ServerEventsClient::connected, this, &SyncController::onEventsConnected);
    // A dropped events connection is often the first sign that the server went away.
    connect(&m_events, &ServerEventsClient::disconnected, &m_connectivity, &ConnectivityMonitor::checkNow);
    connect(&m_events, &ServerEventsClient::connectFailed, this, [this] {
        if (m_connectivity.isReachable())
            m_connectivity.checkNow();
    });
    connect(&m_events, &ServerEventsClient::unauthorized, this, [this](const QString &reason) {
        m_connectivity.reportSignedOut(reason);
        m_events.stop();
    });
    connect(&m_outboxPoll, &QTimer::timeout, this, [this] {
        // Another process may have queued edits: look at the database as it is now.
        m_store.database().releaseReads();
        checkLocalEdits();
    });

    Result<QString> lastSync = m_store.meta().value(MetaStore::LastSync);
    if (lastSync && !lastSync.value().isEmpty())
        m_status.setLastSync(QDateTime::fromString(lastSync.value(), Qt::ISODateWithMs));
    Result<qint64> seq = m_store.outbox().lastSeq();
    m_seenSeq = seq ? seq.value() : 0;
    reloadAccount();
    refreshCounts();
}

SyncController::~SyncController()
{
    // Members go in reverse order; stop their timers and sockets before any of them is gone.
    m_events.disconnect(this);
    m_connectivity.disconnect(this);
    m_scheduler.disconnect(this);
    m_engine.disconnect(this);
}

void SyncController::setOptions(const Options &options)
{
    m_options = options;
    m_scheduler.setOptions(options.scheduler);
    m_connectivity.setOptions(options.connectivity);
    m_events.setOptions(options.events);
    if (m_automatic && options.outboxPollMs > 0)
        m_outboxPoll.start(options.outboxPollMs);
    else
        m_outboxPoll.stop();
}

void SyncController::setTlsPolicy(const TlsPolicy &policy)
{
    m_api.setTlsPolicy(policy);
    m_connectivity.setTlsPolicy(policy);
    m_events.setTlsPolicy(policy);
}

void SyncController::reloadAccount()
{
    Result<DeviceAccount> account = m_store.account();
    if (!account) {
        m_status.setState(SyncStatus::State::Error, account.error().toString());
        return;
    }
    const QUrl url(account.value().serverUrl);
    const bool changed =
        url != m_api.baseUrl() || m_connectivity.state() == ConnectivityMonitor::State::SignedOut;
    m_api.setServer(url, account.value().token);
    m_attachmentApi.setToken(account.value().token);
    // The health checks and the events socket trust the same certificate as the requests.
    setTlsPolicy(TlsPolicy::forAccount(account.value()));
    m_connectivity.setServer(url);
    m_connectivity.clearSignedOut();
    m_events.setServer(url, account.value().token, m_store.deviceId());
    m_lastError.clear();
    if (m_automatic) {
        startWatchers();
        if (changed) {
            // A new sign-in or server owes nothing to the old one's failures.
            m_scheduler.resetBackoff();
            m_scheduler.request(SyncScheduler::Trigger::Startup);
        }
    }
    publishStatus();
}

void SyncController::startWatchers()
{
    if (!isConfigured())
        return;
    m_connectivity.start();
    if (m_options.useEvents)
        m_events.start();
}

bool SyncController::syncNow()
{
    if (!isConfigured())
        return false;
    const bool wasRunning = m_scheduler.isRunning() || m_engine.isRunning();
    m_scheduler.request(SyncScheduler::Trigger::Manual);
    return !wasRunning && m_engine.isRunning();
}

void SyncController::startAutomatic()
{
    if (m_automatic)
        return;
    m_automatic = true;
    m_scheduler.setEnabled(true);
    startWatchers();
    if (m_options.outboxPollMs > 0)
        m_outboxPoll.start(m_options.outboxPollMs);
    m_scheduler.request(SyncScheduler::Trigger::Startup);
}

void SyncController::stopAutomatic()
{
    m_automatic = false;
    m_scheduler.setEnabled(false);
    m_outboxPoll.stop();
    m_events.stop();
    m_connectivity.stop();
    m_eventsConnectedBefore = false;
}

void SyncController::fetchAttachment(const QString &attachmentId)
{
    m_downloader.fetch(attachmentId);
}

void SyncController::fetchThumbnail(const QString &attachmentId)
{
    m_downloader.fetchThumbnail(attachmentId);
}

void SyncController::refreshCounts()
{
    Result<QueueCounts> counts = m_store.counts();
    if (!counts) {
        qCWarning(lcSync) << "cannot count the queue:" << counts.error().toString();
        return;
    }
    m_status.setCounts(counts.value().pending, counts.value().conflicts, counts.value().rejected);
}

void SyncController::checkLocalEdits()
{
    Result<qint64> seq = m_store.outbox().lastSeq();
    if (!seq || seq.value() <= m_seenSeq)
        return;
    m_seenSeq = seq.value();
    refreshCounts();
    m_scheduler.request(SyncScheduler::Trigger::LocalEdit);
}

qint64 SyncController::localCursor()
{
    Result<QString> cursor = m_store.meta().value(MetaStore::Cursor, QStringLiteral("0"));
    return cursor ? cursor.value().toLongLong() : 0;
}

void SyncController::onServerChanges(qint64 cursor)
{
    // Our own pushes come back as events on other devices of the same user only, but an event
    // can still trail a pull that already brought its changes.
    if (!m_engine.isRunning() && cursor <= localCursor()) {
        qCDebug(lcSyncEvents) << "already have changes up to" << cursor;
        return;
    }
    m_scheduler.request(SyncScheduler::Trigger::ServerEvent);
}

void SyncController::onEventsConnected()
{
    m_connectivity.reportReachable();
    // While the socket was down, events were missed: pull once to catch up. The first connection
    // follows the startup sync, which pulls anyway.
    if (m_eventsConnectedBefore)
        m_scheduler.request(SyncScheduler::Trigger::ServerEvent);
    m_eventsConnectedBefore = true;
}

void SyncController::onRunRequested(SyncScheduler::Trigger trigger)
{
    if (!m_engine.start()) {
        m_scheduler.runFinished(SyncScheduler::Outcome::NotStarted);
        publishStatus();
        return;
    }
    qCInfo(lcSync) << "sync started by" << trigger;
    m_status.setRetryInSeconds(-1);
    publishStatus();
}

void SyncController::onFinished(const SyncReport &report)
{
    refreshCounts();
    SyncScheduler::Outcome outcome = SyncScheduler::Outcome::Failed;
    int retryAfter = -1;
    if (report.ok()) {
        m_lastError.clear();
        m_status.setLastSync(QDateTime::currentDateTimeUtc());
        m_connectivity.reportReachable();
        outcome = SyncScheduler::Outcome::Succeeded;
    } else if (report.error && looksUnreachable(*report.error)) {
        m_lastError.clear();
        m_connectivity.reportUnreachable(report.failureReason());
    } else if (report.error && report.error->kind == ApiError::Kind::Unauthorized) {
        m_connectivity.reportSignedOut(report.failureReason());
        m_events.stop();
        outcome = SyncScheduler::Outcome::NeedsPerson;
    } else {
        m_lastError = report.failureReason();
        if (report.error) {
            retryAfter = report.error->retryAfterSeconds;
            if (report.error->kind == ApiError::Kind::UpdateNeeded)
                outcome = SyncScheduler::Outcome::NeedsPerson;
            if (report.error->httpStatus > 0)
                m_connectivity.reportReachable();
            else
                m_connectivity.checkNow(); // an answer that is not ours: is it the server at all?
        }
    }
    publishStatus();
    emit syncFinished(report);
    // Last, since it may start the follow-up run at once.
    m_scheduler.runFinished(outcome, retryAfter);
}

void SyncController::onConnectivityChanged()
{
    const ConnectivityMonitor::State state = m_connectivity.state();
    const auto gone = [](ConnectivityMonitor::State which) {
        return which == ConnectivityMonitor::State::Offline ||
               which == ConnectivityMonitor::State::ServerUnreachable;
    };
    if (gone(state) && !gone(m_lastConnectivity) && m_engine.isRunning()) {
        // A hung server or a network that swallows packets would otherwise hold the run (and
        // "Sync now") until the transfer timeout, while the status already says it is gone. A
        // run a person started while it was gone already goes on: it may prove the check wrong.
        m_engine.abandon(m_connectivity.reason());
    }
    m_lastConnectivity = state;
    m_scheduler.setBlocked(gone(state) || state == ConnectivityMonitor::State::SignedOut);
    publishStatus();
}

void SyncController::publishStatus()
{
    using State = SyncStatus::State;
    const ConnectivityMonitor::State connectivity = m_connectivity.state();
    m_status.setSignedOut(connectivity == ConnectivityMonitor::State::SignedOut);
    m_status.setConnectivity(statusConnectivity(connectivity));
    if (!isConfigured()) {
        m_status.setState(State::NotConfigured);
    } else if (m_engine.isRunning()) {
        m_status.setState(State::Syncing);
    } else if (connectivity == ConnectivityMonitor::State::SignedOut) {
        m_status.setState(State::Error, m_connectivity.reason());
    } else if (connectivity == ConnectivityMonitor::State::Offline ||
               connectivity == ConnectivityMonitor::State::ServerUnreachable) {
        m_status.setState(State::Offline, m_connectivity.reason());
    } else if (!m_lastError.isEmpty()) {
        m_status.setState(State::Error, m_lastError);
    } else {
        m_status.setState(m_status.lastSync().isValid() ? State::Synced : State::Offline);
    }
}

} // namespace fieldsync
