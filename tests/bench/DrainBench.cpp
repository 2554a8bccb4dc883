// drain: a device with a backlog of pending edits (permit creates, queued before the run) syncs it
// all to a fieldsync-server process on loopback, once with n/10 and once with n queued (10,000 and
// 100,000 by default). The backlog must drain in time linear in its size, without batches slowing
// down as it goes, and without the draining process growing with it. One line per size; the
// larger one compares its time per change with the smaller one's:
//   {"bench":"drain","n":10000,"seconds":..,"per_s":..,"peak_rss_mb":..,"slowest_batch_ms":..}
//   {"bench":"drain","n":100000,...,"per_change_ratio":..,"peak_rss_growth_mb":..,"linear":true}
// The n/10 backlog drains twice, before and after the large one; per_change_ratio compares the
// large run's time per change with the mean of those two. batch_drift compares the large run's
// last tenth of batches with its first tenth (flat within a run when nothing slows down). seconds
// is the push phase (until the outbox is empty); sync_seconds includes the pull that follows.
#include "BenchRegistry.h"
#include "SyncBenchSupport.h"

#include <optional>

namespace fieldsync::bench {

namespace {

constexpr int DefaultCount = 100000;
// Time per change may grow this much from n/10 to n (B-tree depth, noise) and still count as linear.
constexpr double LinearTolerance = 1.3;

struct DrainFigures
{
    int count = 0;
    SyncRun run;
    double peakRssMb = -1;
    double serverPeakRssMb = -1;
};

Result<DrainFigures> drainOnce(const BenchOptions &options, int count)
{
    BenchServer server;
    if (Result<void> started = server.start(); !started)
        return started.error();
    const QString user = QStringLiteral("bench-drainer");
    Result<QString> token = server.addForeman(user);
    if (!token)
        return token.error();
    Result<std::unique_ptr<BenchDevice>> device =
        BenchDevice::open(options.workDir, server.url(), user, token.value());
    if (!device)
        return device.error();
    if (Result<void> queued = device.value()->queuePermits(0, count); !queued)
        return queued.error();
    // The peak from here on is the drain's own.
    if (!resetPeakRss())
        return makeError(QStringLiteral("bench"),
                         QStringLiteral("cannot reset the peak RSS (/proc/self/clear_refs)"));
    Result<SyncRun> run = device.value()->sync(60000 + count * 5);
    if (!run)
        return run.error();
    const SyncReport &report = run.value().report;
    if (report.applied != count || report.pending != 0) {
        return makeError(QStringLiteral("drain"),
                         QStringLiteral("applied %1, %2 still queued; expected %3 applied")
                             .arg(report.applied)
                             .arg(report.pending)
                             .arg(count));
    }
    return DrainFigures{count, run.value(), peakRssMbOfSelf(), server.peakRssMb()};
}

QJsonObject lineFor(const DrainFigures &figures)
{
    const SyncRun &run = figures.run;
    return QJsonObject{{QStringLiteral("bench"), QStringLiteral("drain")},
                       {QStringLiteral("n"), figures.count},
                       {QStringLiteral("seconds"), roundTo(run.pushSeconds, 3)},
                       {QStringLiteral("per_s"), roundTo(figures.count / run.pushSeconds)},
                       {QStringLiteral("sync_seconds"), roundTo(run.totalSeconds, 3)},
                       {QStringLiteral("batches"), int(run.batchMs.size())},
                       {QStringLiteral("slowest_batch_ms"), roundTo(run.slowestBatchMs())},
                       {QStringLiteral("early_batch_ms"), roundTo(run.earlyBatchMs())},
                       {QStringLiteral("late_batch_ms"), roundTo(run.lateBatchMs())},
                       {QStringLiteral("peak_rss_mb"), roundTo(figures.peakRssMb)},
                       {QStringLiteral("server_peak_rss_mb"), roundTo(figures.serverPeakRssMb)}};
}

bool runDrain(const BenchOptions &options)
{
    const QString name = QStringLiteral("drain");
    const int large = options.n > 0 ? options.n : DefaultCount;
    const int small = std::max(1, large / 10);
    // The small backlog drains before and after the large one, so that a burst of load on the
    // machine during one short run does not decide the comparison alone.
    QList<DrainFigures> smallRuns;
    std::optional<DrainFigures> largeRun;
    for (const int count : {small, large, small}) {
        Result<DrainFigures> figures = drainOnce(options, count);
        if (!figures) {
            reportError(name, QStringLiteral("n=%1: %2").arg(count).arg(figures.error().toString()));
            return false;
        }
        if (count == large && !largeRun) {
            largeRun = figures.value();
            continue;
        }
        if (smallRuns.isEmpty())
            emitResult(lineFor(figures.value()));
        smallRuns.append(figures.value());
    }
    double smallPerChange = 0;
    double smallPeakRss = 0;
    for (const DrainFigures &run : std::as_const(smallRuns)) {
        smallPerChange += run.run.pushSeconds / small / double(smallRuns.size());
        smallPeakRss = std::max(smallPeakRss, run.peakRssMb);
    }
    const double largePerChange = largeRun->run.pushSeconds / large;
    const double ratio = largePerChange / smallPerChange;
    const double drift = largeRun->run.lateBatchMs() / largeRun->run.earlyBatchMs();
    QJsonObject line = lineFor(*largeRun);
    line.insert(QStringLiteral("small_n"), small);
    line.insert(QStringLiteral("small_seconds_mean"), roundTo(smallPerChange * small, 3));
    line.insert(QStringLiteral("per_change_ratio"), roundTo(ratio, 2));
    line.insert(QStringLiteral("batch_drift"), roundTo(drift, 2));
    line.insert(QStringLiteral("peak_rss_growth_mb"), roundTo(largeRun->peakRssMb - smallPeakRss));
    line.insert(QStringLiteral("linear"), ratio <= LinearTolerance);
    emitResult(line);
    return true;
}

} // namespace

FIELDSYNC_BENCH("drain", 30, runDrain);

} // namespace fieldsync::bench
