// pull: a fresh device (the real core and SyncEngine, in this process) pulls n records from a
// fieldsync-server process on loopback, page by page until has_more is false. The server is seeded
// first through its own push API, 1,000 permits per request from another user; only the fresh
// device's sync is timed:
//   {"bench":"pull","n":100000,"seconds":..,"per_s":..,"pages":..,"peak_rss_mb":..}
#include "BenchRegistry.h"
#include "SyncBenchSupport.h"

#include "domain/RecordValidator.h"
#include "protocol/ProtocolInfo.h"
#include "store/LocalEditor.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>
#include <QUuid>

namespace fieldsync::bench {

namespace {

constexpr int DefaultCount = 100000;
constexpr int SeedBatch = 1000; // the server's default --max-batch

// Pushes count permits straight through the protocol, as a device with a full outbox would.
Result<void> seed(BenchServer &server, int count)
{
    Result<QString> token = server.addForeman(QStringLiteral("bench-seeder"));
    if (!token)
        return token.error();
    SyncApiClient api;
    api.setServer(server.url(), token.value());
    const EntitySchema &schema = EntitySchema::of(EntityKind::Permit);
    const QString deviceId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    for (int first = 0; first < count; first += SeedBatch) {
        protocol::PushRequest request;
        request.deviceId = deviceId;
        request.clientTime = protocol::nowUtcString();
        request.batchId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        for (int index = first; index < std::min(count, first + SeedBatch); ++index) {
            Result<QJsonObject> checked =
                RecordValidator::checkChangeData(schema, ChangeOp::Create, permitFields(index));
            if (!checked)
                return checked.error();
            request.changes.append(makeChange(EntityKind::Permit, ChangeOp::Create,
                                              QUuid::createUuid().toString(QUuid::WithoutBraces), 0, {},
                                              RecordValidator::withDefaults(schema, checked.value())));
        }
        QEventLoop loop;
        std::optional<ApiResult<protocol::PushResponse>> answer;
        api.push(request, [&](const ApiResult<protocol::PushResponse> &result) {
            answer = result;
            loop.quit();
        });
        QTimer::singleShot(120000, &loop, &QEventLoop::quit);
        if (!answer)
            loop.exec();
        if (!answer)
            return makeError(QStringLiteral("timeout"), QStringLiteral("a seeding push took over 120 s"));
        if (!answer->ok())
            return makeError(QStringLiteral("seed"), answer->error().describe());
        if (answer->value().applied.size() != request.changes.size())
            return makeError(QStringLiteral("seed"),
                             QStringLiteral("the server applied %1 of %2 seeded permits")
                                 .arg(answer->value().applied.size())
                                 .arg(request.changes.size()));
    }
    return {};
}

bool runPull(const BenchOptions &options)
{
    const QString name = QStringLiteral("pull");
    const int count = options.n > 0 ? options.n : DefaultCount;
    BenchServer server;
    if (Result<void> started = server.start(); !started) {
        reportError(name, started.error().toString());
        return false;
    }
    QElapsedTimer seeding;
    seeding.start();
    if (Result<void> seeded = seed(server, count); !seeded) {
        reportError(name, seeded.error().toString());
        return false;
    }
    const double seedSeconds = seeding.nsecsElapsed() / 1e9;

    const QString user = QStringLiteral("bench-reader");
    Result<QString> token = server.addForeman(user);
    if (!token) {
        reportError(name, token.error().toString());
        return false;
    }
    Result<std::unique_ptr<BenchDevice>> device =
        BenchDevice::open(options.workDir, server.url(), user, token.value());
    if (!device) {
        reportError(name, device.error().toString());
        return false;
    }
    resetPeakRss();
    Result<SyncRun> run = device.value()->sync(60000 + count * 5);
    if (!run) {
        reportError(name, run.error().toString());
        return false;
    }
    const double peakRss = peakRssMbOfSelf();
    RecordQuery everything;
    everything.entity = EntityKind::Permit;
    Result<int> stored = device.value()->store().records().count(everything);
    if (run.value().report.pulled != count || !stored || stored.value() != count) {
        reportError(name, QStringLiteral("pulled %1 and stored %2 records; expected %3")
                              .arg(run.value().report.pulled)
                              .arg(stored ? stored.value() : -1)
                              .arg(count));
        return false;
    }
    const double seconds = run.value().totalSeconds;
    emitResult(QJsonObject{
        {QStringLiteral("bench"), name},
        {QStringLiteral("n"), count},
        {QStringLiteral("seconds"), roundTo(seconds, 3)},
        {QStringLiteral("per_s"), roundTo(count / seconds)},
        {QStringLiteral("pages"), (count + protocol::DefaultPullLimit - 1) / protocol::DefaultPullLimit},
        {QStringLiteral("peak_rss_mb"), roundTo(peakRss)},
        {QStringLiteral("server_peak_rss_mb"), roundTo(server.peakRssMb())},
        {QStringLiteral("seed_seconds"), roundTo(seedSeconds, 3)}});
    return true;
}

} // namespace

FIELDSYNC_BENCH("pull", 25, runPull);

} // namespace fieldsync::bench
