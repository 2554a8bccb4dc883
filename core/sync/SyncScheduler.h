#pragma once

#include "BackoffPolicy.h"

#include <QObject>
#include <QTimer>

namespace fieldsync {

// Decides when the next sync runs. Knows nothing of HTTP or the store: it hears triggers (an
// edit, a timer, a server event, connectivity coming back, Sync now), hears how each run ended,
// and asks for a run with runRequested(). The rules:
//  - never two runs at once; triggers during a run make exactly one follow-up run after it, so
//    an edit made mid-sync does not wait for the periodic timer;
//  - local edits are debounced (a burst of field edits is one push);
//  - after a failure, automatic triggers wait for the backoff (and a server's Retry-After);
//  - while blocked (offline, server unreachable, signed out) automatic triggers only note that a
//    run is wanted;
//  - Sync now (Manual) overrides all of that, except that it too never starts a second run.
class SyncScheduler : public QObject
{
    Q_OBJECT

public:
    enum class Trigger
    {
        Startup,
        LocalEdit,
        Periodic,
        ServerEvent,
        ConnectivityRestored,
        Retry,
        FollowUp,
        Manual
    };
    Q_ENUM(Trigger)

    enum class Outcome
    {
        Succeeded,
        Failed,      // retried after the backoff (network, 429, 5xx, a broken answer...)
        NeedsPerson, // signed out, update needed: no automatic retry until something changes
        NotStarted   // the runner could not start (no server configured)
    };
    Q_ENUM(Outcome)

    struct Options
    {
        int debounceMs = 1000;
        int periodicMs = 2 * 60 * 1000; // 0: no periodic runs
        BackoffPolicy::Options backoff;
    };

    explicit SyncScheduler(QObject *parent = nullptr);
    explicit SyncScheduler(const Options &options, QObject *parent = nullptr);

    void setOptions(const Options &options);
    const Options &options() const { return m_options; }
    // For tests: a fake clock or random source in the backoff.
    void setBackoffPolicy(const BackoffPolicy &policy) { m_backoff = policy; }
    const BackoffPolicy &backoff() const { return m_backoff; }

    // Automatic mode: timers run and automatic triggers count. Off, only Manual starts runs.
    void setEnabled(bool enabled);
    bool isEnabled() const { return m_enabled; }
    void setBlocked(bool blocked);
    bool isBlocked() const { return m_blocked; }

    void request(Trigger trigger);
    // Connectivity came back after a real outage: the network backoff no longer applies (a
    // server's Retry-After still does) and a run starts as soon as nothing else forbids it.
    void connectivityRestored();
    // Forgets past failures (a new sign-in or server).
    void resetBackoff();
    // The runner calls this when the run that runRequested() asked for ended.
    void runFinished(Outcome outcome, int retryAfterSeconds = -1);

    bool isRunning() const { return m_running; }
    bool hasFollowUp() const { return m_followUp; }
    // Milliseconds until an automatic retry, -1 when none is planned.
    qint64 retryInMs() const;

signals:
    // Start a run now; answer with runFinished().
    void runRequested(fieldsync::SyncScheduler::Trigger trigger);
    // A retry was planned after a failure (ms), or dropped (-1).
    void retryScheduled(qint64 ms);

private:
    void startOrWait(Trigger trigger);
    void start(Trigger trigger);
    void onRetryTimer();

    Options m_options;
    BackoffPolicy m_backoff;
    QTimer m_debounce;
    QTimer m_periodic;
    QTimer m_retry;
    bool m_enabled = false;
    bool m_blocked = false;
    bool m_running = false;
    bool m_followUp = false;
    bool m_followUpManual = false;
    bool m_wanted = false; // an automatic trigger was held back (blocked or backing off)
};

} // namespace fieldsync
