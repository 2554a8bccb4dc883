#include "BackoffPolicy.h"

#include <QElapsedTimer>
#include <QRandomGenerator>

#include <algorithm>
#include <cmath>

namespace fieldsync {

namespace {

qint64 monotonicNow()
{
    static QElapsedTimer timer = [] {
        QElapsedTimer started;
        started.start();
        return started;
    }();
    return timer.elapsed();
}

} // namespace

BackoffPolicy::BackoffPolicy()
    : BackoffPolicy(Options())
{}

BackoffPolicy::BackoffPolicy(const Options &options, Clock clock, Random random)
    : m_options(options)
    , m_clock(clock ? std::move(clock) : Clock(&monotonicNow))
    , m_random(random ? std::move(random)
                      : Random([] { return QRandomGenerator::global()->generateDouble(); }))
{}

qint64 BackoffPolicy::recordFailure(int retryAfterSeconds)
{
    ++m_failures;
    const double initial = std::max(1, m_options.initialMs);
    const double cap = std::max(m_options.initialMs, m_options.maxMs);
    // pow() past the cap is pointless and overflows after a few hundred failures.
    const double step =
        std::min(cap, initial * std::pow(std::max(1.0, m_options.multiplier), std::min(m_failures - 1, 64)));
    const double jitter = std::clamp(m_options.jitter, 0.0, 1.0);
    qint64 delay = qint64(step * (1.0 - jitter * m_random()));
    m_serverAsked = false;
    if (retryAfterSeconds >= 0) {
        const qint64 asked = std::min<qint64>(qint64(retryAfterSeconds) * 1000, m_options.maxRetryAfterMs);
        if (asked >= delay) {
            delay = asked;
            m_serverAsked = true;
        }
    }
    delay = std::max<qint64>(delay, 1);
    m_notBefore = m_clock() + delay;
    return delay;
}

void BackoffPolicy::reset()
{
    m_failures = 0;
    m_notBefore = 0;
    m_serverAsked = false;
}

qint64 BackoffPolicy::remainingMs() const
{
    return std::max<qint64>(0, m_notBefore - m_clock());
}

} // namespace fieldsync
