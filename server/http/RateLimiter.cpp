#include "RateLimiter.h"

#include <cmath>

namespace fieldsync::server {

namespace {

// Buckets are only made for authenticated users, so the map is bounded by the user table; this
// keeps it small anyway when many users were active once and are idle now.
constexpr int PruneAbove = 10000;

} // namespace

RateLimiter::RateLimiter(Settings settings)
    : m_settings(settings)
{
    m_clock.start();
}

int RateLimiter::take(const QString &key)
{
    if (!m_settings.enabled())
        return 0;
    const qint64 now = m_clock.elapsed();
    auto it = m_buckets.find(key);
    if (it == m_buckets.end()) {
        if (m_buckets.size() >= PruneAbove)
            prune(now);
        it = m_buckets.insert(key, Bucket{m_settings.burst, now});
    }
    Bucket &bucket = it.value();
    bucket.tokens = std::min(m_settings.burst,
                             bucket.tokens + double(now - bucket.updatedMs) * m_settings.perSecond / 1000.0);
    bucket.updatedMs = now;
    if (bucket.tokens >= 1.0) {
        bucket.tokens -= 1.0;
        return 0;
    }
    const double waitSeconds = (1.0 - bucket.tokens) / m_settings.perSecond;
    return std::max(1, int(std::ceil(waitSeconds)));
}

void RateLimiter::prune(qint64 nowMs)
{
    // A bucket that would be full again carries no information.
    for (auto it = m_buckets.begin(); it != m_buckets.end();) {
        const double refilled = it->tokens + double(nowMs - it->updatedMs) * m_settings.perSecond / 1000.0;
        if (refilled >= m_settings.burst)
            it = m_buckets.erase(it);
        else
            ++it;
    }
}

} // namespace fieldsync::server
