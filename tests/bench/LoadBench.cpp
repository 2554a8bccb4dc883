// load: 200 simulated devices (each its own user, token and connection; a third also watching
// events) against one fieldsync-server on loopback with the default rate limit, for 60 s, once
// on SQLite and once on PostgreSQL. One line each:
//   {"bench":"load","devices":200,"seconds":60,"changes_per_s":..,"p50_ms":..,"p99_ms":..,
//    "errors":0,"server_rss_mb":..,"db":"sqlite"}
// --n sets the devices; FIELDSYNC_BENCH_SECONDS the duration; FIELDSYNC_BENCH_DB=sqlite or
// postgresql runs one of the two.
#include "BenchRegistry.h"
#include "LoadDevice.h"
#include "PostgresCluster.h"
#include "ServerProcess.h"

#include "auth/Tokens.h"
#include "store/ServerDatabase.h"
#include "store/UserRepository.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QTimer>

#include <QJsonObject>

#include <algorithm>
#include <cmath>

#include <memory>
#include <unistd.h>

namespace fieldsync::bench {

namespace {

constexpr int DevicesPerProject = 10;

double residentMb(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return -1;
}

// CPU seconds (user + system) the process has used, from /proc/PID/stat.
double cpuSeconds(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray text = stat.readAll();
    // Fields after the command name (which may hold spaces) start behind the last ')'.
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    const double ticks = fields.value(11).toDouble() + fields.value(12).toDouble();
    return ticks / double(::sysconf(_SC_CLK_TCK));
}

double percentile(std::vector<double> values, double fraction)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const size_t index = std::min(values.size() - 1, size_t(fraction * double(values.size())));
    return values[index];
}

double rounded(double value, int decimals = 1)
{
    const double scale = std::pow(10.0, decimals);
    return std::round(value * scale) / scale;
}

// The devices' users, written straight into the server's database: 200 add-user processes would
// take longer than the run.
Result<QStringList> createUsers(const QString &database, int devices)
{
    server::ServerDatabase db;
    if (const Result<void> opened = db.open(database); !opened)
        return opened.error();
    if (const Result<void> begun = db.beginWrite(); !begun)
        return begun.error();
    server::UserRepository users(db);
    QStringList tokens;
    for (int index = 0; index < devices; ++index) {
        const QString token = server::Tokens::generate();
        const QString project = QStringLiteral("site-%1").arg(index / DevicesPerProject);
        if (const Result<void> added = users.addUser(QStringLiteral("load-%1").arg(index), Role::Foreman,
                                                     {project}, server::Tokens::hash(token));
            !added)
            return added.error();
        tokens.append(token);
    }
    if (const Result<void> committed = db.commit(); !committed)
        return committed.error();
    return tokens;
}

bool runOnce(const QString &dbKind, int devices, int seconds)
{
    const QString bench = QStringLiteral("load");
    test::ServerProcess server;
    if (dbKind == QLatin1String("postgresql")) {
        const Result<test::PostgresCluster *> cluster = test::PostgresCluster::shared();
        if (!cluster) {
            reportError(bench, cluster.error().toString());
            return false;
        }
        const Result<QString> url = cluster.value()->createDatabase();
        if (!url) {
            reportError(bench, url.error().toString());
            return false;
        }
        server.setDatabase(url.value());
    }
    const Result<QStringList> tokens = createUsers(server.databasePath(), devices);
    if (!tokens) {
        reportError(bench, tokens.error().toString());
        return false;
    }
    if (const Result<void> started = server.start(); !started) {
        reportError(bench, started.error().toString());
        return false;
    }

    LoadStats stats;
    std::vector<std::unique_ptr<LoadDevice>> fleet;
    for (int index = 0; index < devices; ++index) {
        fleet.push_back(std::make_unique<LoadDevice>(index, server.port(), tokens.value().at(index),
                                                     QStringLiteral("site-%1").arg(index / DevicesPerProject),
                                                     index % 3 == 0, stats));
    }
    for (const auto &device : fleet)
        device->start();

    // Memory after the warm-up (every device connected, caches filled) against the end.
    QList<double> rss;
    QTimer sampler;
    QObject::connect(&sampler, &QTimer::timeout, &sampler,
                     [&] { rss.append(residentMb(server.processId())); });
    sampler.start(1000);
    QEventLoop loop;
    QTimer::singleShot(seconds * 1000, &loop, &QEventLoop::quit);
    QElapsedTimer elapsed;
    elapsed.start();
    const double cpuAtStart = cpuSeconds(server.processId());
    loop.exec();
    const double serverCpu = cpuSeconds(server.processId()) - cpuAtStart;
    sampler.stop();
    for (const auto &device : fleet)
        device->stop();
    const double runSeconds = double(elapsed.elapsed()) / 1000.0;
    const double endRss = residentMb(server.processId());
    // Let the requests still out come back before the connections go.
    QEventLoop drain;
    QTimer::singleShot(1000, &drain, &QEventLoop::quit);
    drain.exec();
    fleet.clear();
    const Result<void> stopped = server.stop();

    const int warm = std::min<int>(int(rss.size()) - 1, std::max(5, seconds / 10));
    QJsonObject result{{QStringLiteral("bench"), bench},
                       {QStringLiteral("devices"), devices},
                       {QStringLiteral("seconds"), seconds},
                       {QStringLiteral("changes_per_s"), rounded(double(stats.changesApplied) / runSeconds)},
                       {QStringLiteral("requests_per_s"), rounded(double(stats.requests) / runSeconds)},
                       {QStringLiteral("p50_ms"), rounded(percentile(stats.latenciesMs, 0.50), 2)},
                       {QStringLiteral("p99_ms"), rounded(percentile(stats.latenciesMs, 0.99), 2)},
                       {QStringLiteral("errors"), stats.errors},
                       {QStringLiteral("server_rss_mb"), rounded(endRss)},
                       {QStringLiteral("server_rss_warm_mb"), rounded(warm >= 0 ? rss.value(warm) : -1)},
                       // Share of one core the server used: near 100 means it, not the machine,
                       // is the limit.
                       {QStringLiteral("server_cpu_pct"), rounded(100.0 * serverCpu / runSeconds)},
                       {QStringLiteral("watchers"), stats.watchersConnected},
                       {QStringLiteral("events"), stats.events},
                       {QStringLiteral("db"), dbKind}};
    emitResult(result);
    for (auto it = stats.errorStatuses.begin(); it != stats.errorStatuses.end(); ++it)
        reportError(bench, QStringLiteral("%1 answers with status %2").arg(it.value()).arg(it.key()));
    if (!stopped)
        reportError(bench, stopped.error().toString());
    return stats.errors == 0 && stopped.ok();
}

bool runLoad(const BenchOptions &options)
{
    const int devices = options.n > 0 ? options.n : 200;
    const int seconds = qEnvironmentVariableIsSet("FIELDSYNC_BENCH_SECONDS")
                            ? qMax(5, qEnvironmentVariableIntValue("FIELDSYNC_BENCH_SECONDS"))
                            : 60;
    const QString only = qEnvironmentVariable("FIELDSYNC_BENCH_DB");
    bool ok = true;
    if (only.isEmpty() || only == QLatin1String("sqlite"))
        ok = runOnce(QStringLiteral("sqlite"), devices, seconds) && ok;
    if (only.isEmpty() || only == QLatin1String("postgresql")) {
        if (test::PostgresCluster::binDir().isEmpty())
            reportError(QStringLiteral("load"), QStringLiteral("PostgreSQL is not installed; skipped"));
        else
            ok = runOnce(QStringLiteral("postgresql"), devices, seconds) && ok;
    }
    return ok;
}

} // namespace

FIELDSYNC_BENCH("load", 60, runLoad);

} // namespace fieldsync::bench
