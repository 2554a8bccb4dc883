// `fieldsync-cli watch --json` end to end: the real CLI left running against the real server,
// edited beside it by other fieldsync-cli processes on the same data directory.
#include "CliRunner.h"
#include "ServerProcess.h"
#include "TestHttpClient.h"
#include "WatchProcess.h"

#include "store/DeviceStore.h"
#include "store/LocalEditor.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace fieldsync;
using namespace fieldsync::test;

class WatchTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ServerProcess> m_server;
    QTemporaryDir m_dirs;
    int m_devices = 0;
    int m_users = 0;

    // Quick timings; no periodic sync, so that whatever happens was caused by something else.
    static QStringList fastWatch()
    {
        return {QStringLiteral("--poll-ms"),          QStringLiteral("50"),
                QStringLiteral("--debounce-ms"),      QStringLiteral("0"),
                QStringLiteral("--interval-ms"),      QStringLiteral("0"),
                QStringLiteral("--retry-initial-ms"), QStringLiteral("200"),
                QStringLiteral("--probe-max-ms"),     QStringLiteral("300")};
    }

    QString newUser(const QString &project = QStringLiteral("p1"))
    {
        const Result<QString> token =
            m_server->addUser(QStringLiteral("user%1").arg(++m_users), QStringLiteral("foreman"), {project});
        return token ? token.value() : QString();
    }

    // A signed-in data directory.
    QString newDevice(const QString &token)
    {
        const QString dir = m_dirs.filePath(QStringLiteral("device%1").arg(++m_devices));
        const CliResult login =
            CliRunner(dir).run({QStringLiteral("login"), QStringLiteral("--server"),
                                m_server->url().toString(), QStringLiteral("--token"), token});
        if (login.exitCode != 0)
            qWarning("login failed: %s", login.err.constData());
        return dir;
    }

    static QString createTask(const QString &dir, const QString &title)
    {
        const CliResult created =
            CliRunner(dir).run({QStringLiteral("create"), QStringLiteral("task"),
                                QStringLiteral("title=") + title, QStringLiteral("--json")});
        return created.json().object().value(QStringLiteral("id")).toString();
    }

    static QJsonObject status(const QString &dir)
    {
        return CliRunner(dir).run({QStringLiteral("status"), QStringLiteral("--json")}).json().object();
    }

    QStringList serverTaskIds(const QString &token)
    {
        TestHttpClient http(m_server->url(), token);
        QStringList ids;
        const TestHttpResponse pulled = http.get(QStringLiteral("/api/v1/sync/pull?cursor=0&limit=1000"));
        for (const QJsonValue &change : pulled.json().value(QStringLiteral("changes")).toArray())
            ids.append(change.toObject().value(QStringLiteral("id")).toString());
        return ids;
    }

    static bool isStatus(const QJsonObject &line, const QString &state, int pending = -1)
    {
        return line.value(QStringLiteral("event")) == QLatin1String("status") &&
               line.value(QStringLiteral("state")).toString() == state &&
               (pending < 0 || line.value(QStringLiteral("pending")).toInt() == pending);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLoggingCategory::setFilterRules(
            QStringLiteral("fieldsync.*.debug=false\nfieldsync.store.info=false"));
        m_server = std::make_unique<ServerProcess>();
        const Result<void> started = m_server->start();
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().toString()));
    }

    void init()
    {
        if (!m_server->isRunning())
            QVERIFY(m_server->restart().ok());
    }

    void watchNeedsASignedInDevice()
    {
        const CliResult result =
            CliRunner(m_dirs.filePath(QStringLiteral("nobody"))).run({QStringLiteral("watch")});
        QCOMPARE(result.exitCode, 1);
        QVERIFY(result.err.contains("not signed in"));
    }

    void editsFromAnotherProcessAreSyncedByThemselves()
    {
        const QString token = newUser();
        const QString dir = newDevice(token);
        WatchProcess watch(dir, fastWatch());
        QVERIFY(watch.start().ok());
        const std::optional<int> synced = watch.waitForStatus(QStringLiteral("synced"), 10000);
        QVERIFY2(synced, qPrintable(watch.transcript()));
        // Every status line has the documented shape.
        const QJsonObject line = watch.lines().at(*synced).json;
        for (const char *key : {"event", "state", "pending", "conflicts", "reason"})
            QVERIFY2(line.contains(QLatin1String(key)), key);

        const QString id = createTask(dir, QStringLiteral("Sweep level 3"));
        QVERIFY(!id.isEmpty());
        const std::optional<int> syncing = watch.waitForStatus(QStringLiteral("syncing"), 5000, *synced + 1);
        QVERIFY2(syncing, qPrintable(watch.transcript()));
        QVERIFY2(watch.waitForStatus(QStringLiteral("synced"), 5000, *syncing + 1, 0),
                 qPrintable(watch.transcript()));
        QVERIFY(serverTaskIds(token).contains(id));
        QCOMPARE(watch.terminate(), 0);
    }

    void serverDownIsOfflineWithPendingThenSyncsByItselfWhenBack()
    {
        const QString token = newUser();
        const QString dir = newDevice(token);
        WatchProcess watch(dir, fastWatch());
        QVERIFY(watch.start().ok());
        const std::optional<int> synced = watch.waitForStatus(QStringLiteral("synced"), 10000);
        QVERIFY2(synced, qPrintable(watch.transcript()));

        QVERIFY(m_server->stop().ok());
        const std::optional<int> offline = watch.waitForStatus(QStringLiteral("offline"), 5000, *synced + 1);
        QVERIFY2(offline, qPrintable(watch.transcript()));
        QVERIFY(watch.lines().at(*offline).json.value(QStringLiteral("reason")).isString());
        QCOMPARE(watch.lines().at(*offline).json.value(QStringLiteral("connectivity")).toString(),
                 QStringLiteral("server_unreachable"));
        const QString a = createTask(dir, QStringLiteral("Queued while the server is down"));
        const QString b = createTask(dir, QStringLiteral("Queued too"));
        const std::optional<int> queued = watch.waitForStatus(QStringLiteral("offline"), 5000, *offline, 2);
        QVERIFY2(queued, qPrintable(watch.transcript()));
        // It keeps queueing without trying in vain.
        QVERIFY(!watch.waitFor([](const QJsonObject &l) { return isStatus(l, QStringLiteral("syncing")); },
                               300, *offline));

        QVERIFY(m_server->restart().ok());
        QVERIFY2(watch.waitForStatus(QStringLiteral("synced"), 8000, *queued, 0),
                 qPrintable(watch.transcript()));
        const QStringList onServer = serverTaskIds(token);
        QVERIFY(onServer.contains(a) && onServer.contains(b));
        QCOMPARE(watch.terminate(), 0);
    }

    void anEditOnAReachesAWatchingBWithoutPolling()
    {
        const QString dirA = newDevice(newUser());
        const QString dirB = newDevice(newUser());
        WatchProcess watchB(dirB, fastWatch()); // --interval-ms 0: no periodic sync at all
        QVERIFY(watchB.start().ok());
        QVERIFY2(watchB.waitForStatus(QStringLiteral("synced"), 10000), qPrintable(watchB.transcript()));
        QTest::qWait(300); // the events connection follows the first sync
        const int before = watchB.lineCount();

        const QString id = createTask(dirA, QStringLiteral("From A"));
        QCOMPARE(CliRunner(dirA).run({QStringLiteral("sync")}).exitCode, 0);
        const std::optional<int> pulled = watchB.waitFor(
            [&](const QJsonObject &line) {
                return line.value(QStringLiteral("event")) == QLatin1String("pulled") &&
                       line.value(QStringLiteral("ids")).toArray().contains(id);
            },
            3000, before);
        QVERIFY2(pulled, qPrintable(watchB.transcript()));
        const CliResult listed =
            CliRunner(dirB).run({QStringLiteral("list"), QStringLiteral("tasks"), QStringLiteral("--json")});
        QVERIFY(listed.out.contains(id.toUtf8()));
        QCOMPARE(watchB.terminate(), 0);
    }

    void aRevokedTokenShowsSignedOutAndKeepsTheQueue()
    {
        const QString name = QStringLiteral("user%1").arg(m_users + 1);
        const QString dir = newDevice(newUser());
        WatchProcess watch(dir, fastWatch());
        QVERIFY(watch.start().ok());
        QVERIFY2(watch.waitForStatus(QStringLiteral("synced"), 10000), qPrintable(watch.transcript()));

        QCOMPARE(m_server->runCommand({QStringLiteral("revoke-token"), name}).exitCode, 0);
        createTask(dir, QStringLiteral("Made after the revocation"));
        const std::optional<int> signedOut = watch.waitFor(
            [](const QJsonObject &line) {
                return isStatus(line, QStringLiteral("error"), 1) &&
                       line.value(QStringLiteral("signed_out")).toBool() &&
                       line.value(QStringLiteral("reason"))
                           .toString()
                           .contains(QLatin1String("unauthorized"));
            },
            5000);
        QVERIFY2(signedOut, qPrintable(watch.transcript()));
        QCOMPARE(watch.terminate(), 0);
        QCOMPARE(status(dir).value(QStringLiteral("pending")).toInt(), 1);
    }

    void sigtermMidSyncExitsCleanlyAndLosesNothing()
    {
        const QString token = newUser();
        const QString dir = newDevice(token);
        QStringList ids;
        {
            // Queued before the watch starts, written straight through the core for speed.
            Result<std::unique_ptr<DeviceStore>> store = DeviceStore::open(dir);
            QVERIFY(store.ok());
            for (int i = 0; i < 300; ++i) {
                Result<QString> id =
                    LocalEditor(*store.value())
                        .create(EntityKind::Task,
                                QJsonObject{{QStringLiteral("title"), QStringLiteral("Task %1").arg(i)}});
                QVERIFY(id.ok());
                ids.append(id.value());
            }
        }
        WatchProcess watch(dir, fastWatch() + QStringList{QStringLiteral("--no-events")});
        QVERIFY(watch.start().ok());
        QVERIFY2(watch.waitForStatus(QStringLiteral("syncing"), 10000), qPrintable(watch.transcript()));
        QCOMPARE(watch.terminate(), 0);

        // What the server did not answer is still queued, and goes with the next sync.
        const int pending = status(dir).value(QStringLiteral("pending")).toInt();
        qInfo() << pending << "of 300 still queued after SIGTERM";
        QCOMPARE(CliRunner(dir).run({QStringLiteral("sync")}).exitCode, 0);
        QCOMPARE(status(dir).value(QStringLiteral("pending")).toInt(), 0);
        const QStringList onServer = serverTaskIds(token);
        for (const QString &id : std::as_const(ids))
            QVERIFY2(onServer.contains(id), qPrintable(id));
    }
};

QTEST_GUILESS_MAIN(WatchTest)
#include "tst_watch.moc"
