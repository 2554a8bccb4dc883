#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QString>

namespace fieldsync::server {

// A token bucket per key (the authenticated user, whose token it is): a burst of requests is
// allowed, then they refill at a steady rate. Per instance: behind a load balancer each instance
// counts for itself.
class RateLimiter
{
public:
    struct Settings
    {
        double burst = 200;    // requests a quiet client may send at once
        double perSecond = 50; // refill rate; 0 turns the limit off
        bool enabled() const { return perSecond > 0 && burst >= 1; }
    };

    explicit RateLimiter(Settings settings);

    // 0 when the request may go on (and is counted), else the whole seconds to wait before one
    // would be allowed (at least 1), for Retry-After.
    int take(const QString &key);

    const Settings &settings() const { return m_settings; }

private:
    struct Bucket
    {
        double tokens = 0;
        qint64 updatedMs = 0;
    };

    void prune(qint64 nowMs);

    Settings m_settings;
    QElapsedTimer m_clock;
    QHash<QString, Bucket> m_buckets;
};

} // namespace fieldsync::server
