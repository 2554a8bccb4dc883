#include "SyncScheduler.h"

#include "common/Logging.h"

namespace fieldsync {

SyncScheduler::SyncScheduler(QObject *parent)
    : SyncScheduler(Options(), parent)
{}

SyncScheduler::SyncScheduler(const Options &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_backoff(options.backoff)
{
    m_debounce.setSingleShot(true);
    m_retry.setSingleShot(true);
    m_periodic.setSingleShot(true);
    connect(&m_debounce, &QTimer::timeout, this, [this] { startOrWait(Trigger::LocalEdit); });
    connect(&m_periodic, &QTimer::timeout, this, [this] { startOrWait(Trigger::Periodic); });
    connect(&m_retry, &QTimer::timeout, this, &SyncScheduler::onRetryTimer);
}

void SyncScheduler::setOptions(const Options &options)
{
    m_options = options;
    m_backoff.setOptions(options.backoff);
    if (m_enabled && m_options.periodicMs > 0)
        m_periodic.start(m_options.periodicMs);
    else
        m_periodic.stop();
}

void SyncScheduler::setEnabled(bool enabled)
{
    m_enabled = enabled;
    if (enabled) {
        if (m_options.periodicMs > 0)
            m_periodic.start(m_options.periodicMs);
        return;
    }
    m_debounce.stop();
    m_periodic.stop();
    m_retry.stop();
    m_wanted = false;
    if (!m_followUpManual)
        m_followUp = false;
    emit retryScheduled(-1);
}

void SyncScheduler::setBlocked(bool blocked)
{
    if (m_blocked == blocked)
        return;
    m_blocked = blocked;
    qCDebug(lcSync) << "automatic sync" << (blocked ? "blocked" : "unblocked");
    if (!blocked && m_wanted)
        startOrWait(Trigger::Retry);
}

void SyncScheduler::request(Trigger trigger)
{
    if (trigger == Trigger::LocalEdit) {
        if (!m_enabled)
            return;
        if (m_running) {
            m_followUp = true;
            return;
        }
        // Restarted by every edit: a person filling in a form pushes once, when they pause.
        m_debounce.start(std::max(0, m_options.debounceMs));
        return;
    }
    startOrWait(trigger);
}

void SyncScheduler::connectivityRestored()
{
    if (!m_backoff.serverAskedToWait()) {
        m_backoff.reset();
        m_retry.stop();
    }
    m_blocked = false;
    startOrWait(Trigger::ConnectivityRestored);
}

void SyncScheduler::resetBackoff()
{
    m_backoff.reset();
    m_retry.stop();
    emit retryScheduled(-1);
}

void SyncScheduler::startOrWait(Trigger trigger)
{
    const bool manual = trigger == Trigger::Manual;
    if (!manual && !m_enabled)
        return;
    if (m_running) {
        m_followUp = true;
        m_followUpManual = m_followUpManual || manual;
        return;
    }
    if (!manual && m_blocked) {
        m_wanted = true;
        return;
    }
    if (!manual && m_backoff.isWaiting()) {
        m_wanted = true;
        if (!m_retry.isActive())
            m_retry.start(int(m_backoff.remainingMs()));
        return;
    }
    start(trigger);
}

void SyncScheduler::start(Trigger trigger)
{
    qCDebug(lcSync) << "sync run for" << trigger;
    m_running = true;
    m_wanted = false;
    m_debounce.stop();
    m_retry.stop();
    m_periodic.stop();
    emit runRequested(trigger);
}

void SyncScheduler::runFinished(Outcome outcome, int retryAfterSeconds)
{
    if (!m_running)
        return;
    m_running = false;
    switch (outcome) {
    case Outcome::Succeeded:
        m_backoff.reset();
        emit retryScheduled(-1);
        break;
    case Outcome::Failed: {
        const qint64 delay = m_backoff.recordFailure(retryAfterSeconds);
        qCInfo(lcSync) << "sync failed; next automatic attempt in" << delay << "ms";
        if (m_enabled) {
            m_retry.start(int(delay));
            emit retryScheduled(delay);
        }
        break;
    }
    case Outcome::NeedsPerson:
        // Retrying cannot help; automatic triggers still wait out the backoff, Sync now does not.
        m_backoff.recordFailure(retryAfterSeconds);
        m_retry.stop();
        emit retryScheduled(-1);
        break;
    case Outcome::NotStarted:
        break;
    }
    if (m_enabled && m_options.periodicMs > 0)
        m_periodic.start(m_options.periodicMs);
    if (m_followUp) {
        const bool manual = m_followUpManual;
        m_followUp = false;
        m_followUpManual = false;
        // After a failure an automatic follow-up waits for the retry like any other trigger.
        startOrWait(manual ? Trigger::Manual : Trigger::FollowUp);
    }
}

void SyncScheduler::onRetryTimer()
{
    emit retryScheduled(-1);
    startOrWait(Trigger::Retry);
}

qint64 SyncScheduler::retryInMs() const
{
    return m_retry.isActive() ? m_retry.remainingTime() : -1;
}

} // namespace fieldsync
