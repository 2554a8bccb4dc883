// propagation: how long an edit on device A takes to be in device B's store, both online, through
// a loopback fieldsync-server. A and B are separate `fieldsync-cli watch` processes (automatic
// sync and server events, as a tablet left running). Each edit is written into A's data
// directory by this process through the core (as A's own UI would, in one durable transaction);
// A notices it (--poll-ms 5), pushes at once (--debounce-ms 0, to measure the path rather than
// the debounce a person's tablet waits for), the server tells B over the events WebSocket, and
// B pulls and applies. The clock runs from just before the edit to B's "pulled" line naming the
// record, which B prints after its store committed it.
#include "BenchRegistry.h"
#include "ServerProcess.h"
#include "WatchProcess.h"

#include "store/DeviceStore.h"
#include "store/LocalEditor.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QProcess>

#include <algorithm>
#include <cmath>

namespace fieldsync::bench {

namespace {

constexpr int PollMs = 5;
constexpr int DebounceMs = 0;

bool login(const BenchOptions &options, const QString &dir, const QUrl &server, const QString &token)
{
    QProcess cli;
    cli.start(QDir(options.binDir).filePath(QStringLiteral("fieldsync-cli")),
              {QStringLiteral("--data-dir"), dir, QStringLiteral("login"), QStringLiteral("--server"),
               server.toString(), QStringLiteral("--token"), token});
    return cli.waitForFinished(30000) && cli.exitStatus() == QProcess::NormalExit && cli.exitCode() == 0;
}

QStringList watchArguments()
{
    return {QStringLiteral("--poll-ms"),      QString::number(PollMs),
            QStringLiteral("--debounce-ms"),  QString::number(DebounceMs),
            QStringLiteral("--interval-ms"),  QStringLiteral("0"),
            QStringLiteral("--probe-max-ms"), QStringLiteral("1000")};
}

// The index of B's first line from `from` on saying it pulled `id`.
std::optional<int> waitPulled(test::WatchProcess &watch, const QString &id, int from, int timeoutMs)
{
    return watch.waitFor(
        [&](const QJsonObject &line) {
            return line.value(QStringLiteral("event")) == QLatin1String("pulled") &&
                   line.value(QStringLiteral("ids")).toArray().contains(id);
        },
        timeoutMs, from);
}

double percentile(QList<double> sorted, double p)
{
    if (sorted.isEmpty())
        return 0;
    const qsizetype index =
        std::min<qsizetype>(sorted.size() - 1, qsizetype(std::ceil(p * sorted.size())) - 1);
    return sorted.at(std::max<qsizetype>(0, index));
}

bool runPropagation(const BenchOptions &options)
{
    const QString name = QStringLiteral("propagation");
    const int n = options.n > 0 ? options.n : 100;
    qputenv("FIELDSYNC_BIN_DIR", options.binDir.toUtf8());
    // Per-edit debug lines from this process's store would only slow the loop.
    QLoggingCategory::setFilterRules(QStringLiteral("fieldsync.*.debug=false\nfieldsync.*.info=false"));
    // Scratch devices: their tokens go to files in the scratch folder, not the user's keychain.
    if (qEnvironmentVariableIsEmpty("FIELDSYNC_TOKEN_STORE"))
        qputenv("FIELDSYNC_TOKEN_STORE", "file");

    test::ServerProcess server;
    if (const Result<void> started = server.start(); !started) {
        reportError(name, started.error().toString());
        return false;
    }
    const Result<QString> tokenA =
        server.addUser(QStringLiteral("bench-a"), QStringLiteral("foreman"), {QStringLiteral("bench")});
    const Result<QString> tokenB =
        server.addUser(QStringLiteral("bench-b"), QStringLiteral("foreman"), {QStringLiteral("bench")});
    const QString dirA = QDir(options.workDir).filePath(QStringLiteral("a"));
    const QString dirB = QDir(options.workDir).filePath(QStringLiteral("b"));
    if (!tokenA || !tokenB || !login(options, dirA, server.url(), tokenA.value()) ||
        !login(options, dirB, server.url(), tokenB.value())) {
        reportError(name, QStringLiteral("cannot set up the two devices"));
        return false;
    }

    test::WatchProcess watchA(dirA, watchArguments());
    test::WatchProcess watchB(dirB, watchArguments());
    if (!watchA.start().ok() || !watchB.start().ok() ||
        !watchA.waitForStatus(QStringLiteral("synced"), 15000) ||
        !watchB.waitForStatus(QStringLiteral("synced"), 15000)) {
        reportError(name, QStringLiteral("the watching devices did not sync: ") + watchA.transcript() +
                              watchB.transcript());
        return false;
    }

    Result<std::unique_ptr<DeviceStore>> storeA = DeviceStore::open(dirA);
    if (!storeA) {
        reportError(name, storeA.error().toString());
        return false;
    }
    LocalEditor editorA(*storeA.value());
    // The record every round edits; its arrival at B also proves B's events connection is up.
    const Result<QString> created = editorA.create(
        EntityKind::Permit, QJsonObject{{QStringLiteral("title"), QStringLiteral("Propagation")}});
    if (!created || !waitPulled(watchB, created.value(), 0, 15000)) {
        reportError(name, QStringLiteral("the first record never reached B: ") + watchB.transcript());
        return false;
    }
    const QString id = created.value();

    QList<double> latencies;
    latencies.reserve(n);
    for (int round = 0; round < n; ++round) {
        const int from = watchB.lineCount();
        const qint64 startNs = test::WatchProcess::steadyNowNs();
        const Result<bool> edited = editorA.edit(
            id, QJsonObject{{QStringLiteral("title"), QStringLiteral("Propagation %1").arg(round)}});
        if (!edited || !edited.value()) {
            reportError(name, QStringLiteral("edit %1 failed: %2")
                                  .arg(round)
                                  .arg(edited ? QStringLiteral("no change") : edited.error().toString()));
            return false;
        }
        const std::optional<int> pulled = waitPulled(watchB, id, from, 10000);
        if (!pulled) {
            reportError(name, QStringLiteral("edit %1 never reached B").arg(round));
            return false;
        }
        latencies.append(double(watchB.lines().at(*pulled).atNs - startNs) / 1e6);
    }

    // What B printed is what B stored.
    Result<std::unique_ptr<DeviceStore>> storeB = DeviceStore::open(dirB);
    Result<std::optional<LocalRecord>> atB =
        storeB ? storeB.value()->records().find(id) : Result<std::optional<LocalRecord>>(storeB.error());
    const QString expected = QStringLiteral("Propagation %1").arg(n - 1);
    if (!atB || !atB.value() || atB.value()->data.value(QStringLiteral("title")).toString() != expected) {
        reportError(name, QStringLiteral("B's store does not hold the last edit"));
        return false;
    }
    watchA.terminate();
    watchB.terminate();

    QList<double> sorted = latencies;
    std::sort(sorted.begin(), sorted.end());
    double sum = 0;
    for (double latency : sorted)
        sum += latency;
    auto rounded = [](double value) { return std::round(value * 10.0) / 10.0; };
    emitResult(QJsonObject{{QStringLiteral("bench"), name},
                           {QStringLiteral("n"), n},
                           {QStringLiteral("p50_ms"), rounded(percentile(sorted, 0.50))},
                           {QStringLiteral("p95_ms"), rounded(percentile(sorted, 0.95))},
                           {QStringLiteral("max_ms"), rounded(sorted.last())},
                           {QStringLiteral("mean_ms"), rounded(sum / sorted.size())},
                           {QStringLiteral("poll_ms"), PollMs},
                           {QStringLiteral("debounce_ms"), DebounceMs}});
    return true;
}

} // namespace

FIELDSYNC_BENCH("propagation", 40, runPropagation);

} // namespace fieldsync::bench
