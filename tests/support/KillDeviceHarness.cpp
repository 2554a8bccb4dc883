#include "KillDeviceHarness.h"

#include "TestHttpClient.h"
#include "protocol/PullMessages.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QUuid>

namespace fieldsync::test {

namespace {

// Per trial: enough commands for a few syncs to carry several queued edits each.
constexpr int CommandsPerTrial = 12;
constexpr int KillPercent = 50;
// Kill moments run a little past a typical command's life (measured as the trial goes, as it
// differs tenfold between an idle and a busy machine), so that some land before the process
// opens the store, some mid-transaction, some mid-push and some after it is done.
constexpr double KillWindowOfTypical = 1.2;
constexpr int CommandTimeoutMs = 60000;

struct CliRun
{
    bool killed = false;
    int exitCode = -1;
    qint64 elapsedMs = 0;
    QJsonObject json;
};

QString cliBinary()
{
    const QString dir = qEnvironmentVariable("FIELDSYNC_BIN_DIR", QCoreApplication::applicationDirPath());
    return QDir(dir).filePath(QStringLiteral("fieldsync-cli"));
}

// One fieldsync-cli command on dataDir; SIGKILLed after killAfterMs unless it ended first (< 0:
// never killed).
CliRun runCli(const QString &dataDir, const QStringList &arguments, int killAfterMs)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("fieldsync.*=false"));
    environment.insert(QStringLiteral("FIELDSYNC_TOKEN_STORE"), QStringLiteral("file"));
    process.setProcessEnvironment(environment);
    process.start(cliBinary(), QStringList{QStringLiteral("--data-dir"), dataDir} + arguments);
    CliRun run;
    QElapsedTimer clock;
    clock.start();
    if (!process.waitForStarted())
        return run;
    if (!process.waitForFinished(killAfterMs >= 0 ? killAfterMs : CommandTimeoutMs)) {
        process.kill();
        process.waitForFinished();
        run.killed = true;
        return run;
    }
    run.elapsedMs = clock.elapsed();
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.json = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
    return run;
}

Result<QString> integrityOf(const QString &databasePath)
{
    const QString name = QStringLiteral("kill-check-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    QString verdict;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(databasePath);
        if (!db.open())
            return makeError(QStringLiteral("integrity"), QStringLiteral("cannot open %1").arg(databasePath));
        QSqlQuery query(db);
        if (!query.exec(QStringLiteral("PRAGMA integrity_check")))
            return makeError(QStringLiteral("integrity"), QStringLiteral("integrity_check did not run"));
        while (query.next())
            verdict += query.value(0).toString();
        query.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return verdict;
}

// What a trial's device was asked to do, and what it confirmed.
struct TrialLedger
{
    QStringList permits;                  // acknowledged creates
    QHash<QString, QStringList> titles;   // permit -> acknowledged titles (create's, then edits')
    QHash<QString, QStringList> attempts; // permit -> every title tried, acknowledged or not
    QHash<QString, QString> readings;     // acknowledged reading id -> its value
    int acknowledged = 0;
};

} // namespace

KillDeviceHarness::KillDeviceHarness(QUrl serverUrl, QString foremanToken, QString pmToken, QString workDir)
    : m_serverUrl(std::move(serverUrl))
    , m_foremanToken(std::move(foremanToken))
    , m_pmToken(std::move(pmToken))
    , m_workDir(std::move(workDir))
{}

QList<quint64> KillDeviceHarness::seeds(int count)
{
    bool given = false;
    const quint64 replay = qEnvironmentVariable("FIELDSYNC_KILL_SEED").toULongLong(&given);
    if (given)
        return {replay};
    const quint64 first = quint64(QDateTime::currentMSecsSinceEpoch());
    QList<quint64> seeds;
    for (int i = 0; i < count; ++i)
        seeds.append(first + quint64(i));
    return seeds;
}

Result<KillTrialOutcome> KillDeviceHarness::runTrial(quint64 seed)
{
    KillTrialOutcome outcome;
    outcome.seed = seed;
    QRandomGenerator random(seed);
    const QString dataDir = QDir(m_workDir).filePath(QStringLiteral("device-%1").arg(seed));
    QDir(dataDir).removeRecursively();

    // Where the server stands before this trial: whatever it sends from here on is this trial's.
    TestHttpClient foreman(m_serverUrl, m_foremanToken);
    auto pullFrom = [&foreman](qint64 cursor, QList<protocol::PulledRecord> *records) -> Result<qint64> {
        for (;;) {
            const TestHttpResponse answer =
                foreman.get(QStringLiteral("/api/v1/sync/pull?cursor=%1&limit=500").arg(cursor));
            if (answer.status != 200)
                return makeError(
                    QStringLiteral("pull"),
                    QStringLiteral("pull answered %1 %2").arg(answer.status).arg(answer.networkError));
            Result<protocol::PullResponse> page = protocol::PullResponse::fromJson(answer.body);
            if (!page)
                return page.error();
            if (records)
                records->append(page.value().changes);
            if (!page.value().hasMore || page.value().cursor <= cursor)
                return page.value().cursor;
            cursor = page.value().cursor;
        }
    };
    Result<qint64> startCursor = pullFrom(0, nullptr);
    if (!startCursor)
        return startCursor.error();

    const CliRun login = runCli(dataDir,
                                {QStringLiteral("login"), QStringLiteral("--server"), m_serverUrl.toString(),
                                 QStringLiteral("--token"), m_foremanToken},
                                -1);
    if (login.exitCode != 0)
        return makeError(QStringLiteral("kill"),
                         QStringLiteral("login failed (exit %1)").arg(login.exitCode));

    TrialLedger ledger;
    double typicalMs = double(login.elapsedMs);
    for (int step = 0; step < CommandsPerTrial; ++step) {
        const int kind = int(random.bounded(100));
        const bool kill = int(random.bounded(100)) < KillPercent;
        const int killAfterMs = kill ? int(random.bounded(int(typicalMs * KillWindowOfTypical) + 1)) : -1;
        const QString permit = ledger.permits.isEmpty()
                                   ? QString()
                                   : ledger.permits.at(int(random.bounded(int(ledger.permits.size()))));
        QStringList arguments;
        QString title;
        QString readingValue;
        enum class Command
        {
            CreatePermit,
            EditTitle,
            AppendReading,
            Sync
        } command;
        if (permit.isEmpty() || kind < 25) {
            command = Command::CreatePermit;
            title = QStringLiteral("P%1").arg(step);
            arguments = {QStringLiteral("create"), QStringLiteral("permit"), QStringLiteral("title=") + title,
                         QStringLiteral("location=Bay %1").arg(step), QStringLiteral("--json")};
        } else if (kind < 50) {
            command = Command::EditTitle;
            title = QStringLiteral("E%1").arg(step);
            arguments = {QStringLiteral("edit"), permit, QStringLiteral("title=") + title,
                         QStringLiteral("--json")};
            ledger.attempts[permit].append(title);
        } else if (kind < 75) {
            command = Command::AppendReading;
            readingValue = QString::number(step);
            arguments = {QStringLiteral("create"),
                         QStringLiteral("gas-reading"),
                         QStringLiteral("permit_id=") + permit,
                         QStringLiteral("gas=O2"),
                         QStringLiteral("value=") + readingValue,
                         QStringLiteral("unit=%"),
                         QStringLiteral("--json")};
        } else {
            command = Command::Sync;
            arguments = {QStringLiteral("sync"), QStringLiteral("--json")};
        }

        const CliRun run = runCli(dataDir, arguments, killAfterMs);
        ++outcome.commands;
        if (!run.killed)
            typicalMs = 0.7 * typicalMs + 0.3 * double(run.elapsedMs);
        if (run.killed) {
            ++outcome.kills;
            continue;
        }
        if (run.exitCode != 0) {
            outcome.problems.append(QStringLiteral("step %1: `%2` failed with exit %3 without being killed")
                                        .arg(step)
                                        .arg(arguments.join(QLatin1Char(' ')))
                                        .arg(run.exitCode));
            continue;
        }
        const QString id = run.json.value(QStringLiteral("id")).toString();
        if (command == Command::Sync)
            continue;
        if (id.isEmpty()) {
            outcome.problems.append(QStringLiteral("step %1: exit 0 but no id printed").arg(step));
            continue;
        }
        ++ledger.acknowledged;
        if (command == Command::CreatePermit) {
            ledger.permits.append(id);
            ledger.titles[id].append(title);
            ledger.attempts[id].append(title);
        } else if (command == Command::EditTitle) {
            ledger.titles[permit].append(title);
        } else {
            ledger.readings.insert(id, readingValue);
        }
    }
    outcome.acknowledged = ledger.acknowledged;

    // The restart: a fresh process on the same directory syncs until nothing is left to send.
    bool settled = false;
    for (int attempt = 0; attempt < 3 && !settled; ++attempt) {
        const CliRun sync = runCli(dataDir, {QStringLiteral("sync"), QStringLiteral("--json")}, -1);
        settled = sync.exitCode == 0 && sync.json.value(QStringLiteral("pending")).toInt(-1) == 0;
    }
    if (!settled)
        outcome.problems.append(QStringLiteral("the device never synced to an empty queue after the kills"));
    const CliRun status = runCli(dataDir, {QStringLiteral("status"), QStringLiteral("--json")}, -1);
    if (status.exitCode != 0) {
        outcome.problems.append(QStringLiteral("`status` fails on the store after the kills"));
    } else if (status.json.value(QStringLiteral("conflicts")).toInt() != 0 ||
               status.json.value(QStringLiteral("rejected")).toInt() != 0) {
        outcome.problems.append(
            QStringLiteral("the device's own edits came back as %1 conflict(s), %2 rejection(s)")
                .arg(status.json.value(QStringLiteral("conflicts")).toInt())
                .arg(status.json.value(QStringLiteral("rejected")).toInt()));
    }
    Result<QString> integrity = integrityOf(QDir(dataDir).filePath(QStringLiteral("fieldsync.db")));
    if (!integrity)
        outcome.problems.append(integrity.error().toString());
    else if (integrity.value() != QLatin1String("ok"))
        outcome.problems.append(QStringLiteral("integrity_check: ") + integrity.value());

    // What reached the server in this trial.
    QList<protocol::PulledRecord> pulled;
    if (Result<qint64> end = pullFrom(startCursor.value(), &pulled); !end)
        return end.error();
    QHash<QString, protocol::PulledRecord> onServer;
    QHash<QString, int> readingsByValue;
    for (const protocol::PulledRecord &record : std::as_const(pulled)) {
        onServer.insert(record.id, record);
        if (record.entity == EntityKind::GasReading)
            ++readingsByValue[QString::number(record.data.value(QStringLiteral("value")).toDouble())];
    }
    for (auto it = ledger.readings.cbegin(); it != ledger.readings.cend(); ++it) {
        if (!onServer.contains(it.key())) {
            ++outcome.lost;
            outcome.problems.append(
                QStringLiteral("acknowledged reading %1 is not on the server").arg(it.key()));
        }
    }
    for (auto it = readingsByValue.cbegin(); it != readingsByValue.cend(); ++it) {
        if (it.value() > 1) {
            outcome.duplicated += it.value() - 1;
            outcome.problems.append(
                QStringLiteral("reading %1 appended %2 times on the server").arg(it.key()).arg(it.value()));
        }
    }

    TestHttpClient pm(m_serverUrl, m_pmToken);
    for (const QString &permit : std::as_const(ledger.permits)) {
        if (!onServer.contains(permit)) {
            ++outcome.lost;
            outcome.problems.append(
                QStringLiteral("acknowledged permit %1 is not on the server").arg(permit));
            continue;
        }
        const TestHttpResponse audit = pm.get(QStringLiteral("/api/v1/audit?record=") + permit);
        if (audit.status != 200)
            return makeError(QStringLiteral("audit"),
                             QStringLiteral("audit of %1 answered %2").arg(permit).arg(audit.status));
        // Titles are unique per trial, so each appears as the result of exactly one applied change.
        QHash<QString, int> applications;
        for (const QJsonValue &entry : audit.json().value(QStringLiteral("entries")).toArray()) {
            const QJsonObject before = entry.toObject().value(QStringLiteral("before")).toObject();
            const QJsonObject after = entry.toObject().value(QStringLiteral("after")).toObject();
            const QString title = after.value(QStringLiteral("title")).toString();
            if (title != before.value(QStringLiteral("title")).toString() || before.isEmpty())
                ++applications[title];
            else
                ++applications[title + QStringLiteral(" (again)")];
        }
        for (const QString &title : ledger.titles.value(permit)) {
            if (applications.value(title) == 0) {
                ++outcome.lost;
                outcome.problems.append(
                    QStringLiteral("acknowledged title %1 of permit %2 never applied on the server")
                        .arg(title, permit));
            }
        }
        for (auto it = applications.cbegin(); it != applications.cend(); ++it) {
            if (it.value() > 1 || it.key().endsWith(QStringLiteral(" (again)"))) {
                outcome.duplicated +=
                    it.key().endsWith(QStringLiteral(" (again)")) ? it.value() : it.value() - 1;
                outcome.problems.append(
                    QStringLiteral("title %1 of permit %2 applied more than once").arg(it.key(), permit));
            }
        }
        // The last title tried that the server holds must not be older than the last acknowledged one.
        const QString serverTitle = onServer.value(permit).data.value(QStringLiteral("title")).toString();
        const QStringList tried = ledger.attempts.value(permit);
        const QString lastAcknowledged = ledger.titles.value(permit).constLast();
        if (tried.indexOf(serverTitle) < tried.indexOf(lastAcknowledged)) {
            ++outcome.lost;
            outcome.problems.append(
                QStringLiteral("permit %1 holds %2 on the server, older than the acknowledged %3")
                    .arg(permit, serverTitle, lastAcknowledged));
        }
    }
    QDir(dataDir).removeRecursively();
    return outcome;
}

} // namespace fieldsync::test
