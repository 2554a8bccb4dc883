#include "ServerMetrics.h"

#include "protocol/ProtocolInfo.h"

#include <QFile>
#include <QStringList>

#include <unistd.h>

namespace fieldsync::server {

namespace {

const QStringList KnownRoutes{protocol::Paths::Push,
                              protocol::Paths::Pull,
                              protocol::Paths::Events,
                              protocol::Paths::Health,
                              protocol::Paths::Me,
                              QStringLiteral("/api/v1/audit"),
                              QStringLiteral("/api/v1/metrics")};

void family(QByteArray &out, const char *name, const char *type, const char *help)
{
    out += QByteArray("# HELP ") + name + ' ' + help + '\n';
    out += QByteArray("# TYPE ") + name + ' ' + type + '\n';
}

void sample(QByteArray &out, const QByteArray &nameAndLabels, double value)
{
    out += nameAndLabels + ' ' + QByteArray::number(value, 'g', 12) + '\n';
}

QByteArray number(quint64 value)
{
    return QByteArray::number(value);
}

// Resident memory from /proc, so that an operator sees growth without another exporter.
double residentBytes()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.size() > 1 ? fields.at(1).toDouble() * double(::sysconf(_SC_PAGESIZE)) : 0;
}

} // namespace

ServerMetrics::ServerMetrics() = default;

QString ServerMetrics::routeOf(const QString &path)
{
    return KnownRoutes.contains(path) ? path : QStringLiteral("other");
}

void ServerMetrics::pushCommitted(const CommittedPush &push)
{
    ++m_pushes;
    m_changesReceived += quint64(push.changes);
    m_changesApplied += quint64(push.applied);
    m_conflicts += quint64(push.conflicts);
    m_rejections += quint64(push.rejected);
}

void ServerMetrics::observeRequest(const QString &path, int status, double seconds)
{
    const QString route = routeOf(path);
    ++m_requests[qMakePair(route, status)];
    Histogram &histogram = m_latency[route];
    ++histogram.count;
    histogram.sum += seconds;
    for (size_t index = 0; index < Buckets.size(); ++index) {
        if (seconds <= Buckets[index]) {
            ++histogram.counts[index];
            break;
        }
    }
}

QByteArray ServerMetrics::render() const
{
    QByteArray out;
    out.reserve(4096);
    family(out, "fieldsync_pushes_total", "counter", "Push requests committed.");
    sample(out, "fieldsync_pushes_total", double(m_pushes));
    family(out, "fieldsync_changes_received_total", "counter", "Changes received in committed pushes.");
    sample(out, "fieldsync_changes_received_total", double(m_changesReceived));
    family(out, "fieldsync_changes_applied_total", "counter", "Changes applied (replays included).");
    sample(out, "fieldsync_changes_applied_total", double(m_changesApplied));
    family(out, "fieldsync_conflicts_total", "counter", "Changes answered with a conflict.");
    sample(out, "fieldsync_conflicts_total", double(m_conflicts));
    family(out, "fieldsync_rejections_total", "counter", "Changes rejected (validation, permission).");
    sample(out, "fieldsync_rejections_total", double(m_rejections));
    family(out, "fieldsync_rate_limited_total", "counter", "Requests refused with 429.");
    sample(out, "fieldsync_rate_limited_total", double(m_rateLimited));

    family(out, "fieldsync_http_requests_total", "counter", "HTTP requests answered, by route and status.");
    for (auto it = m_requests.begin(); it != m_requests.end(); ++it) {
        sample(out,
               "fieldsync_http_requests_total{route=\"" + it.key().first.toUtf8() + "\",code=\"" +
                   QByteArray::number(it.key().second) + "\"}",
               double(it.value()));
    }
    family(out, "fieldsync_http_request_duration_seconds", "histogram",
           "Time from a request's complete head to its answer.");
    for (auto it = m_latency.begin(); it != m_latency.end(); ++it) {
        const QByteArray route = it.key().toUtf8();
        quint64 cumulative = 0;
        for (size_t index = 0; index < Buckets.size(); ++index) {
            cumulative += it->counts[index];
            out += "fieldsync_http_request_duration_seconds_bucket{route=\"" + route + "\",le=\"" +
                   QByteArray::number(Buckets[index], 'g', 6) + "\"} " + number(cumulative) + '\n';
        }
        out += "fieldsync_http_request_duration_seconds_bucket{route=\"" + route + "\",le=\"+Inf\"} " +
               number(it->count) + '\n';
        sample(out, "fieldsync_http_request_duration_seconds_sum{route=\"" + route + "\"}", it->sum);
        out += "fieldsync_http_request_duration_seconds_count{route=\"" + route + "\"} " + number(it->count) +
               '\n';
    }
    family(out, "fieldsync_websockets_open", "gauge", "Open event WebSockets.");
    sample(out, "fieldsync_websockets_open", m_openWebSockets ? m_openWebSockets() : 0);
    family(out, "fieldsync_http_connections_open", "gauge", "Open HTTP connections.");
    sample(out, "fieldsync_http_connections_open", m_openConnections ? m_openConnections() : 0);
    family(out, "process_resident_memory_bytes", "gauge", "Resident memory size in bytes.");
    sample(out, "process_resident_memory_bytes", residentBytes());
    return out;
}

} // namespace fieldsync::server
