#pragma once

#include "sync/CommitListener.h"

#include <QByteArray>
#include <QHash>
#include <QString>

#include <array>
#include <functional>

namespace fieldsync::server {

// The counters an operator watches, rendered in the Prometheus text format for
// GET /api/v1/metrics. Aggregates only: no user, device or project appears in a label, so the
// endpoint can be scraped without a token and still tells nobody whose work is on the server.
class ServerMetrics : public CommitListener
{
public:
    ServerMetrics();

    void pushCommitted(const CommittedPush &push) override;
    // One answered HTTP request: its route (unknown paths are counted as "other"), status and
    // time from its complete head to its answer being queued.
    void observeRequest(const QString &path, int status, double seconds);
    void countRateLimited() { ++m_rateLimited; }

    // Live values read when the metrics are rendered.
    void setOpenWebSockets(std::function<int()> gauge) { m_openWebSockets = std::move(gauge); }
    void setOpenConnections(std::function<int()> gauge) { m_openConnections = std::move(gauge); }

    QByteArray render() const;

    // The bucket bounds of the latency histogram, in seconds.
    static constexpr std::array<double, 11> Buckets{0.005, 0.01, 0.025, 0.05, 0.1, 0.25,
                                                    0.5,   1.0,  2.5,   5.0,  10.0};

private:
    struct Histogram
    {
        std::array<quint64, Buckets.size()> counts{}; // per bucket, not cumulative
        quint64 count = 0;
        double sum = 0;
    };

    static QString routeOf(const QString &path);

    quint64 m_pushes = 0;
    quint64 m_changesReceived = 0;
    quint64 m_changesApplied = 0;
    quint64 m_conflicts = 0;
    quint64 m_rejections = 0;
    quint64 m_rateLimited = 0;
    QHash<QString, Histogram> m_latency;            // by route
    QHash<QPair<QString, int>, quint64> m_requests; // by route and status
    std::function<int()> m_openWebSockets;
    std::function<int()> m_openConnections;
};

} // namespace fieldsync::server
