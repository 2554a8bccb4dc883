#include "SyncBenchSupport.h"

#include "common/TimeOrderedUuid.h"
#include "domain/RecordValidator.h"
#include "protocol/ProtocolInfo.h"
#include "store/LocalEditor.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QTimer>
#include <QUuid>

#include <algorithm>
#include <cmath>
#include <sys/resource.h>
#include <unistd.h>

namespace fieldsync::bench {

namespace {

// This process's CPU time so far, every thread counted (the network thread and the checkpointer
// work for the sync too).
double processCpuSeconds()
{
    rusage usage{};
    ::getrusage(RUSAGE_SELF, &usage);
    return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
           (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

} // namespace

QString benchProject()
{
    return QStringLiteral("bench");
}

QJsonObject permitFields(int index)
{
    // Fixed times keep every run's rows the same size; only the title differs between permits.
    static const QString validFrom = QStringLiteral("2026-11-21T07:00:00.000Z");
    static const QString validTo = QStringLiteral("2026-11-21T15:00:00.000Z");
    return QJsonObject{
        {QStringLiteral("project_id"), benchProject()},
        {QStringLiteral("title"), QStringLiteral("Hot work permit %1").arg(index + 1)},
        {QStringLiteral("description"),
         QStringLiteral("Welding of steel brackets at level 2 near grid C4; clear combustibles and keep an "
                        "extinguisher nearby.")},
        {QStringLiteral("location"), QStringLiteral("Level 2, grid C4")},
        {QStringLiteral("work_type"), QStringLiteral("hot_work")},
        {QStringLiteral("status"), QStringLiteral("draft")},
        {QStringLiteral("valid_from"), validFrom},
        {QStringLiteral("valid_to"), validTo},
        {QStringLiteral("assignee"), QStringLiteral("foreman1")},
        {QStringLiteral("ppe_requirements"),
         QJsonArray{QStringLiteral("helmet"), QStringLiteral("gloves"), QStringLiteral("face_shield")}},
        {QStringLiteral("safety_checklist"), QJsonObject{{QStringLiteral("area_barricaded"), true},
                                                         {QStringLiteral("fire_watch_present"), false},
                                                         {QStringLiteral("gas_tested"), true}}},
    };
}

BenchServer::BenchServer()
    : m_process(std::make_unique<test::ServerProcess>(
          QStringList{QStringLiteral("--rate-limit"), QStringLiteral("off")}))
{}

BenchServer::~BenchServer() = default;

Result<void> BenchServer::start()
{
    return m_process->start();
}

Result<QString> BenchServer::addForeman(const QString &name)
{
    return m_process->addUser(name, QStringLiteral("foreman"), {benchProject()});
}

QUrl BenchServer::url() const
{
    return m_process->url();
}

QByteArray BenchServer::procFile(const char *name) const
{
    const qint64 pid = m_process->processId();
    if (pid <= 0)
        return {};
    QFile file(QStringLiteral("/proc/%1/%2").arg(pid).arg(QLatin1String(name)));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

double BenchServer::cpuSeconds() const
{
    // The command name may hold spaces; the fields after its closing parenthesis do not.
    const QByteArray line = procFile("stat");
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    if (line.isEmpty() || fields.size() < 13)
        return -1;
    // utime and stime are fields 14 and 15 of the whole line, in clock ticks.
    return (fields.at(11).toDouble() + fields.at(12).toDouble()) / double(::sysconf(_SC_CLK_TCK));
}

double BenchServer::peakRssMb() const
{
    for (const QByteArray &line : procFile("status").split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return -1;
}

BenchDevice::~BenchDevice()
{
    // The client first: a request still under way (a run that timed out) ends with its answer
    // going to the engine, which must still be there; then the engine, then the store.
    m_api.reset();
    m_engine.reset();
    m_store.reset();
}

Result<std::unique_ptr<BenchDevice>> BenchDevice::open(const QString &parentDir, const QUrl &server,
                                                       const QString &userName, const QString &token)
{
    // No keychain on a bench machine: the token goes to the 0600 file, as in the tests.
    if (qEnvironmentVariableIsEmpty("FIELDSYNC_TOKEN_STORE"))
        qputenv("FIELDSYNC_TOKEN_STORE", "file");
    std::unique_ptr<BenchDevice> device(new BenchDevice);
    device->m_dir = std::make_unique<QTemporaryDir>(parentDir + QStringLiteral("/device-XXXXXX"));
    if (!device->m_dir->isValid())
        return makeError(QStringLiteral("bench"), QStringLiteral("cannot create a device folder"));
    Result<std::unique_ptr<DeviceStore>> opened = DeviceStore::open(device->m_dir->path());
    if (!opened)
        return opened.error();
    device->m_store = std::move(opened).value();
    DeviceAccount account;
    account.serverUrl = server.toString();
    account.token = token;
    account.userName = userName;
    account.role = Role::Foreman;
    account.projects = QStringList{benchProject()};
    account.currentProject = benchProject();
    if (Result<void> saved = device->m_store->saveAccount(account); !saved)
        return saved.error();
    device->m_api = std::make_unique<SyncApiClient>();
    device->m_api->setServer(server, token);
    device->m_engine = std::make_unique<SyncEngine>(*device->m_store, *device->m_api);
    return device;
}

Result<void> BenchDevice::queuePermits(int first, int count)
{
    constexpr int PerTransaction = 1000;
    const EntitySchema &schema = EntitySchema::of(EntityKind::Permit);
    for (int start = first; start < first + count; start += PerTransaction) {
        Transaction transaction(m_store->database());
        if (Result<void> begun = transaction.begin(); !begun)
            return begun;
        const int end = std::min(first + count, start + PerTransaction);
        for (int index = start; index < end; ++index) {
            // What LocalEditor::create stores for a new permit: the checked data with its defaults,
            // stamped with the time and this device, and the create change carrying that data.
            Result<QJsonObject> checked =
                RecordValidator::checkChangeData(schema, ChangeOp::Create, permitFields(index));
            if (!checked)
                return checked.error();
            const QJsonObject data = RecordValidator::withDefaults(schema, checked.value());
            LocalRecord record;
            record.entity = EntityKind::Permit;
            record.id = newTimeOrderedUuid(); // as LocalEditor::create makes them
            record.projectId = benchProject();
            record.data = data;
            const QString now = protocol::nowUtcString();
            record.data.insert(RecordMeta::UpdatedAt, now);
            record.data.insert(RecordMeta::DeviceId, m_store->deviceId());
            if (Result<void> saved = m_store->records().save(record, RecordStore::Row::New); !saved)
                return saved;
            const protocol::Change change =
                makeChange(EntityKind::Permit, ChangeOp::Create, record.id, 0, {}, data);
            if (Result<qint64> queued = m_store->outbox().enqueue(change, now); !queued)
                return queued.error();
        }
        if (Result<void> committed = transaction.commit(); !committed)
            return committed;
    }
    return {};
}

Result<SyncRun> BenchDevice::sync(int timeoutMs, const std::function<void()> &onPushEnded)
{
    SyncRun run;
    QEventLoop loop;
    QObject watcher; // owns the connections of this run only
    QElapsedTimer clock;
    bool finished = false;
    bool pushEnded = false;
    qint64 lastBatchNanos = 0;
    const double cpuAtStart = processCpuSeconds();
    QObject::connect(m_engine.get(), &SyncEngine::phaseChanged, &watcher, [&](SyncEngine::Phase phase) {
        if (phase != SyncEngine::Phase::Pushing && !pushEnded) {
            pushEnded = true;
            run.pushSeconds = clock.nsecsElapsed() / 1e9;
            run.pushCpuSeconds = processCpuSeconds() - cpuAtStart;
            if (onPushEnded)
                onPushEnded();
        }
    });
    QObject::connect(m_engine.get(), &SyncEngine::progress, &watcher, [&](int done, int) {
        if (done == 0 && run.batchMs.isEmpty())
            return; // the announcement at start, not a batch
        const qint64 now = clock.nsecsElapsed();
        run.batchMs.append((now - lastBatchNanos) / 1e6);
        lastBatchNanos = now;
    });
    QObject::connect(m_engine.get(), &SyncEngine::finished, &watcher, [&](const SyncReport &report) {
        run.totalSeconds = clock.nsecsElapsed() / 1e9;
        run.report = report;
        finished = true;
        loop.quit();
    });
    // FIELDSYNC_BENCH_TIMEOUT_SCALE stretches the limit, for runs under valgrind or perf.
    if (const int scale = qEnvironmentVariableIntValue("FIELDSYNC_BENCH_TIMEOUT_SCALE"); scale > 1)
        timeoutMs *= scale;
    QTimer::singleShot(timeoutMs, &watcher, [&] { loop.quit(); });
    clock.start();
    if (!m_engine->start())
        return makeError(QStringLiteral("bench"), QStringLiteral("the sync did not start"));
    if (!finished)
        loop.exec();
    if (!finished)
        return makeError(QStringLiteral("timeout"),
                         QStringLiteral("the sync did not finish within %1 s").arg(timeoutMs / 1000));
    if (!run.report.ok())
        return makeError(QStringLiteral("sync"), run.report.failureReason());
    if (!pushEnded)
        run.pushSeconds = run.totalSeconds;
    return run;
}

double SyncRun::slowestBatchMs() const
{
    return batchMs.isEmpty() ? 0 : *std::max_element(batchMs.begin(), batchMs.end());
}

namespace {

double meanOf(const QList<double> &values, qsizetype from, qsizetype count)
{
    double sum = 0;
    for (qsizetype index = from; index < from + count; ++index)
        sum += values.at(index);
    return sum / double(count);
}

} // namespace

double SyncRun::earlyBatchMs() const
{
    if (batchMs.isEmpty())
        return 0;
    return meanOf(batchMs, 0, std::max<qsizetype>(1, batchMs.size() / 10));
}

double SyncRun::lateBatchMs() const
{
    if (batchMs.isEmpty())
        return 0;
    const qsizetype count = std::max<qsizetype>(1, batchMs.size() / 10);
    return meanOf(batchMs, batchMs.size() - count, count);
}

bool resetPeakRss()
{
    // "5" resets the peak resident set size (Linux 4.0 and later).
    QFile clearRefs(QStringLiteral("/proc/self/clear_refs"));
    return clearRefs.open(QIODevice::WriteOnly) && clearRefs.write("5") == 1;
}

double roundTo(double value, int decimals)
{
    const double scale = std::pow(10.0, decimals);
    return std::round(value * scale) / scale;
}

double medianOf(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype middle = values.size() / 2;
    return values.size() % 2 ? values.at(middle) : (values.at(middle - 1) + values.at(middle)) / 2;
}

} // namespace fieldsync::bench
