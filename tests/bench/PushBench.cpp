// push: n queued permit creates pushed by a device (the real core and SyncEngine, in this process)
// to a fieldsync-server process on loopback, against PouchDB replicating as many permit-shaped
// documents to pouchdb-server on the same machine (tests/bench/peers/run.sh). Rounds alternate
// between the two so that both see the same machine weather; the figures are the medians:
//   {"bench":"push","n":10000,"seconds":..,"per_s":..,"pouchdb_per_s":..,"ratio":..,"met":..}
// pouchdb_per_s is null (with pouchdb_error saying why) when Node.js is missing or the peer fails.
#include "BenchRegistry.h"
#include "SyncBenchSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>

#include <csignal>
#include <optional>
#include <sys/prctl.h>

namespace fieldsync::bench {

namespace {

constexpr int DefaultCount = 10000;
constexpr int DefaultRounds = 3; // FIELDSYNC_BENCH_ROUNDS overrides
constexpr double TargetRatio = 10;

struct PushFigures
{
    double pushSeconds = 0;
    double syncSeconds = 0;
    int batches = 0;
    double serverPeakRssMb = -1;
    // CPU time of each process in the push phase; negative when it could not be read.
    double deviceCpuSeconds = 0;
    double serverCpuSeconds = 0;
};

Result<PushFigures> pushOnce(const BenchOptions &options, int count)
{
    BenchServer server;
    if (Result<void> started = server.start(); !started)
        return started.error();
    const QString user = QStringLiteral("bench-pusher");
    Result<QString> token = server.addForeman(user);
    if (!token)
        return token.error();
    Result<std::unique_ptr<BenchDevice>> device =
        BenchDevice::open(options.workDir, server.url(), user, token.value());
    if (!device)
        return device.error();
    if (Result<void> queued = device.value()->queuePermits(0, count); !queued)
        return queued.error();
    const double serverCpuAtStart = server.cpuSeconds();
    double serverCpuAtPushEnd = serverCpuAtStart;
    Result<SyncRun> run =
        device.value()->sync(60000 + count * 10, [&] { serverCpuAtPushEnd = server.cpuSeconds(); });
    if (!run)
        return run.error();
    const SyncReport &report = run.value().report;
    if (report.pushed != count || report.applied != count || report.pending != 0) {
        return makeError(QStringLiteral("push"),
                         QStringLiteral("pushed %1, applied %2, %3 still queued; expected %4")
                             .arg(report.pushed)
                             .arg(report.applied)
                             .arg(report.pending)
                             .arg(count));
    }
    return PushFigures{
        run.value().pushSeconds,
        run.value().totalSeconds,
        int(run.value().batchMs.size()),
        server.peakRssMb(),
        run.value().pushCpuSeconds,
        serverCpuAtStart < 0 || serverCpuAtPushEnd < 0 ? -1.0 : serverCpuAtPushEnd - serverCpuAtStart};
}

// The peer's docs/s, or why there is none.
Result<double> pouchDbOnce(const BenchOptions &options, int count)
{
    if (QStandardPaths::findExecutable(QStringLiteral("node")).isEmpty() ||
        QStandardPaths::findExecutable(QStringLiteral("npm")).isEmpty())
        return makeError(QStringLiteral("unavailable"), QStringLiteral("node/npm not found on PATH"));
    const int timeoutSeconds = 120 + count / 50;
    QProcess peer;
    peer.setProgram(QStringLiteral("bash"));
    peer.setArguments({options.sourceDir + QStringLiteral("/tests/bench/peers/run.sh"),
                       QString::number(count), QStringLiteral("--timeout"), QString::number(timeoutSeconds)});
    // npm ci's progress and the peer's complaints stay visible; stdout is its one JSON line.
    peer.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    peer.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
    peer.start();
    if (!peer.waitForFinished((timeoutSeconds + 60) * 1000)) {
        peer.kill();
        peer.waitForFinished(5000);
        return makeError(QStringLiteral("pouchdb"),
                         QStringLiteral("the PouchDB peer did not finish in time"));
    }
    const QList<QByteArray> lines = peer.readAllStandardOutput().trimmed().split('\n');
    if (peer.exitStatus() != QProcess::NormalExit || peer.exitCode() != 0)
        return makeError(QStringLiteral("pouchdb"),
                         QStringLiteral("the PouchDB peer failed with exit code %1").arg(peer.exitCode()));
    const QJsonObject result = QJsonDocument::fromJson(lines.constLast()).object();
    const double perSecond = result.value(QStringLiteral("per_s")).toDouble();
    if (result.value(QStringLiteral("n")).toInt() != count || perSecond <= 0)
        return makeError(
            QStringLiteral("pouchdb"),
            QStringLiteral("unexpected PouchDB output: %1").arg(QString::fromUtf8(lines.constLast())));
    return perSecond;
}

bool runPush(const BenchOptions &options)
{
    const QString name = QStringLiteral("push");
    const int count = options.n > 0 ? options.n : DefaultCount;
    const int rounds = qEnvironmentVariableIntValue("FIELDSYNC_BENCH_ROUNDS") > 0
                           ? qEnvironmentVariableIntValue("FIELDSYNC_BENCH_ROUNDS")
                           : DefaultRounds;
    QList<double> ours;
    QList<double> oursSync;
    QList<double> peers;
    QList<double> deviceCpu;
    QList<double> serverCpu;
    PushFigures last;
    std::optional<QString> peerProblem;
    for (int round = 0; round < rounds; ++round) {
        // Alternate who goes first, so that neither always runs on a warmer (or busier) machine.
        for (int turn = 0; turn < 2; ++turn) {
            if ((turn == 0) == (round % 2 == 0)) {
                Result<PushFigures> figures = pushOnce(options, count);
                if (!figures) {
                    reportError(name, figures.error().toString());
                    return false;
                }
                last = figures.value();
                ours.append(count / figures.value().pushSeconds);
                // CPU per second of push: 1.0 is one core kept busy the whole time.
                if (figures.value().deviceCpuSeconds >= 0)
                    deviceCpu.append(figures.value().deviceCpuSeconds / figures.value().pushSeconds);
                if (figures.value().serverCpuSeconds >= 0)
                    serverCpu.append(figures.value().serverCpuSeconds / figures.value().pushSeconds);
                oursSync.append(figures.value().syncSeconds);
            } else if (!peerProblem) {
                Result<double> peer = pouchDbOnce(options, count);
                if (peer) {
                    peers.append(peer.value());
                } else {
                    // Without the peer the push figure still stands; say why there is no ratio.
                    peerProblem = peer.error().message;
                    reportError(name, QStringLiteral("PouchDB comparison skipped: ") + *peerProblem);
                }
            }
        }
    }
    const double perSecond = medianOf(ours);
    QJsonObject line{{QStringLiteral("bench"), name},
                     {QStringLiteral("n"), count},
                     {QStringLiteral("seconds"), roundTo(count / perSecond, 3)},
                     {QStringLiteral("per_s"), roundTo(perSecond)},
                     {QStringLiteral("sync_seconds"), roundTo(medianOf(oursSync), 3)},
                     {QStringLiteral("batches"), last.batches},
                     {QStringLiteral("rounds"), rounds},
                     {QStringLiteral("server_peak_rss_mb"), roundTo(last.serverPeakRssMb)},
                     {QStringLiteral("device_cpu_share"),
                      deviceCpu.isEmpty() ? QJsonValue() : QJsonValue(roundTo(medianOf(deviceCpu), 2))},
                     {QStringLiteral("server_cpu_share"),
                      serverCpu.isEmpty() ? QJsonValue() : QJsonValue(roundTo(medianOf(serverCpu), 2))},
                     {QStringLiteral("target_ratio"), TargetRatio}};
    QJsonArray oursRuns;
    for (double value : ours)
        oursRuns.append(roundTo(value));
    line.insert(QStringLiteral("per_s_runs"), oursRuns);
    if (peers.isEmpty()) {
        line.insert(QStringLiteral("pouchdb_per_s"), QJsonValue(QJsonValue::Null));
        line.insert(QStringLiteral("ratio"), QJsonValue(QJsonValue::Null));
        line.insert(QStringLiteral("met"), QJsonValue(QJsonValue::Null));
        line.insert(QStringLiteral("pouchdb_error"), peerProblem.value_or(QStringLiteral("not run")));
    } else {
        const double peerPerSecond = medianOf(peers);
        QJsonArray peerRuns;
        for (double value : peers)
            peerRuns.append(roundTo(value));
        line.insert(QStringLiteral("pouchdb_per_s"), roundTo(peerPerSecond));
        line.insert(QStringLiteral("pouchdb_per_s_runs"), peerRuns);
        line.insert(QStringLiteral("ratio"), roundTo(perSecond / peerPerSecond, 2));
        line.insert(QStringLiteral("met"), perSecond / peerPerSecond >= TargetRatio);
    }
    emitResult(line);
    return true;
}

} // namespace

FIELDSYNC_BENCH("push", 20, runPush);

} // namespace fieldsync::bench
