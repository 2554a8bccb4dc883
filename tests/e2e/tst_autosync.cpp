// Automatic sync end to end: devices running SyncController in automatic mode against the real
// fieldsync-server, some through a FaultProxy for what the server cannot show on cue (429 with
// Retry-After, a slow push, a captive portal). Nobody presses Sync now unless the test says so.
#include "AutoSyncDevice.h"
#include "FaultProxy.h"
#include "ServerProcess.h"
#include "TestHttpClient.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <csignal>

using namespace fieldsync;
using namespace fieldsync::test;
using State = SyncStatus::State;

class AutoSyncTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ServerProcess> m_server;
    QString m_token;
    int m_users = 0;

    // The ids of the tasks the server holds for project p1.
    QStringList serverTaskIds()
    {
        TestHttpClient http(m_server->url(), m_token);
        const TestHttpResponse pulled = http.get(QStringLiteral("/api/v1/sync/pull?cursor=0&limit=1000"));
        QStringList ids;
        for (const QJsonValue &change : pulled.json().value(QStringLiteral("changes")).toArray())
            ids.append(change.toObject().value(QStringLiteral("id")).toString());
        return ids;
    }

    // A user of its own, so that revoking one does not touch the others.
    QString newUser()
    {
        const Result<QString> token = m_server->addUser(QStringLiteral("user%1").arg(++m_users),
                                                        QStringLiteral("foreman"), {QStringLiteral("p1")});
        return token ? token.value() : QString();
    }

    static bool waitSynced(AutoSyncDevice &device, int timeoutMs = 5000)
    {
        return QTest::qWaitFor(
            [&] {
                return device.status().state() == State::Synced && device.status().pending() == 0 &&
                       !device.sync().isSyncing();
            },
            timeoutMs);
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
        m_token = newUser();
        QVERIFY(!m_token.isEmpty());
    }

    void init()
    {
        if (!m_server->isRunning())
            QVERIFY(m_server->restart().ok());
    }

    void anEditIsPushedShortlyAfterWithoutSyncNow()
    {
        AutoSyncDevice device(m_server->url(), m_token, QStringLiteral("p1"));
        device.sync().startAutomatic();
        QVERIFY(waitSynced(device));
        const QString id = device.createTask(QStringLiteral("Sweep level 3"));
        QCOMPARE(device.status().pending(), 1);
        QVERIFY(waitSynced(device, 3000));
        QVERIFY(serverTaskIds().contains(id));
    }

    void editsDuringASyncMakeExactlyOneFollowUpRun()
    {
        FaultProxy proxy;
        QVERIFY(proxy.start(m_server->url()).ok());
        AutoSyncDevice device(proxy.url(), m_token, QStringLiteral("p1"));
        device.sync().startAutomatic();
        QVERIFY(waitSynced(device));
        QSignalSpy finished(&device.sync(), &SyncController::syncFinished);

        FaultProxy::Fault slow;
        slow.method = "POST";
        slow.pathPrefix = QStringLiteral("/api/v1/sync/push");
        slow.delayMs = 600;
        proxy.addFault(slow);
        const QString first = device.createTask(QStringLiteral("First"));
        QVERIFY(QTest::qWaitFor([&] { return device.sync().isSyncing(); }, 2000));
        const QString second = device.createTask(QStringLiteral("Second, made mid-sync"));
        const QString third = device.createTask(QStringLiteral("Third, made mid-sync"));
        QVERIFY(device.sync().scheduler()->hasFollowUp());

        QVERIFY(waitSynced(device, 5000));
        QTest::qWait(300);
        QCOMPARE(finished.size(), 2); // the slow run and one follow-up, nothing more
        const QStringList onServer = serverTaskIds();
        QVERIFY(onServer.contains(first) && onServer.contains(second) && onServer.contains(third));
        QCOMPARE(proxy.requestsTo("POST", QStringLiteral("/api/v1/sync/push")).size(), 2);
    }

    void serverDownIsOfflineWithPendingThenSyncsByItselfWhenBack()
    {
        AutoSyncDevice device(m_server->url(), m_token, QStringLiteral("p1"));
        device.sync().startAutomatic();
        QVERIFY(waitSynced(device));
        QVERIFY(QTest::qWaitFor([&] { return device.sync().events()->isConnected(); }, 3000));
        QSignalSpy finished(&device.sync(), &SyncController::syncFinished);

        QVERIFY(m_server->stop().ok());
        QVERIFY(QTest::qWaitFor([&] { return device.status().state() == State::Offline; }, 3000));
        QVERIFY(!device.status().reason().isEmpty());
        QCOMPARE(device.status().connectivity(), SyncStatus::Connectivity::ServerUnreachable);
        // Work goes on: edits queue up and the status says how many wait.
        const QString a = device.createTask(QStringLiteral("Queued while the server is down"));
        const QString b = device.createTask(QStringLiteral("Queued too"));
        QTest::qWait(400);
        QCOMPARE(device.status().state(), State::Offline);
        QCOMPARE(device.status().pending(), 2);
        QCOMPARE(finished.size(), 0); // no point in trying while the server cannot be reached

        QVERIFY(m_server->restart().ok());
        QVERIFY2(waitSynced(device, 5000), qPrintable(device.status().reason()));
        const QStringList onServer = serverTaskIds();
        QVERIFY(onServer.contains(a) && onServer.contains(b));
    }

    // A server that hangs (here stopped, like a process frozen or a network that swallows every
    // packet) holds a push for the whole transfer timeout. Once the health check says the server
    // is gone, the run ends at once, the status says so (and Sync now can be pressed), nothing is
    // lost, and the edit goes out when the server is back.
    void aHungServerEndsTheRunOnceTheCheckSaysItIsGone()
    {
        AutoSyncDevice device(m_server->url(), m_token, QStringLiteral("p1"));
        device.sync().api()->setTransferTimeout(60000);
        device.sync().startAutomatic();
        QVERIFY(waitSynced(device));
        QList<SyncReport> finished;
        connect(&device.sync(), &SyncController::syncFinished, this,
                [&finished](const SyncReport &report) { finished.append(report); });

        const pid_t server = pid_t(m_server->processId());
        QVERIFY(::kill(server, SIGSTOP) == 0);
        const auto resume = qScopeGuard([server] { ::kill(server, SIGCONT); });
        const QString id = device.createTask(QStringLiteral("Made while the server hangs"));
        QVERIFY(QTest::qWaitFor([&] { return device.sync().isSyncing(); }, 2000));
        QTest::qWait(300); // the push is in flight, and no answer comes
        QVERIFY(device.sync().isSyncing());

        QElapsedTimer timer;
        timer.start();
        device.sync().connectivity()->checkNow(); // as a dropped events connection makes it
        QVERIFY(QTest::qWaitFor([&] { return !device.sync().isSyncing(); }, 10000));
        QVERIFY2(timer.elapsed() < 10000, "the run waited for the transfer timeout");
        QCOMPARE(finished.size(), 1);
        const SyncReport report = finished.constFirst();
        QVERIFY(!report.ok());
        // What the health check found, not the push's own timeout.
        QVERIFY2(report.failureReason().contains(QStringLiteral("server unreachable")),
                 qPrintable(report.failureReason()));
        QCOMPARE(device.status().state(), State::Offline);
        QCOMPARE(device.status().connectivity(), SyncStatus::Connectivity::ServerUnreachable);
        QCOMPARE(device.status().pending(), 1);

        ::kill(server, SIGCONT);
        QVERIFY2(waitSynced(device, 10000), qPrintable(device.status().reason()));
        QCOMPARE(serverTaskIds().count(id), 1);
    }

    void retryAfterOf429IsHonoured()
    {
        FaultProxy proxy;
        QVERIFY(proxy.start(m_server->url()).ok());
        AutoSyncDevice device(proxy.url(), m_token, QStringLiteral("p1"));
        device.sync().startAutomatic();
        QVERIFY(waitSynced(device));

        FaultProxy::Fault limited;
        limited.method = "POST";
        limited.pathPrefix = QStringLiteral("/api/v1/sync/push");
        limited.status = 429;
        limited.headers = {{"Retry-After", "2"}};
        limited.body = R"({"error":"rate_limited","message":"slow down"})";
        proxy.addFault(limited);
        const QString first = device.createTask(QStringLiteral("Pushed into a rate limit"));
        QVERIFY(QTest::qWaitFor([&] { return device.status().state() == State::Error; }, 3000));
        QVERIFY2(device.status().reason().contains(QStringLiteral("rate_limited")),
                 qPrintable(device.status().reason()));
        QCOMPARE(device.status().retryInSeconds(), 2);
        QCOMPARE(device.status().pending(), 1);
        // Another edit in the meantime waits for the server's time too.
        QTest::qWait(300);
        const QString second = device.createTask(QStringLiteral("Made while waiting"));

        QVERIFY(waitSynced(device, 6000));
        const QList<FaultProxy::Request> pushes =
            proxy.requestsTo("POST", QStringLiteral("/api/v1/sync/push"));
        QCOMPARE(pushes.size(), 2);
        QCOMPARE(pushes.at(0).injectedStatus, 429);
        const qint64 waited = pushes.at(1).atMs - pushes.at(0).atMs;
        QVERIFY2(waited >= 1950 && waited < 4000, qPrintable(QString::number(waited)));
        const QStringList onServer = serverTaskIds();
        QVERIFY(onServer.contains(first) && onServer.contains(second));
    }

    void syncNowOverridesTheBackoff()
    {
        FaultProxy proxy;
        QVERIFY(proxy.start(m_server->url()).ok());
        AutoSyncDevice device(proxy.url(), m_token, QStringLiteral("p1"));
        device.sync().startAutomatic();
        QVERIFY(waitSynced(device));
        FaultProxy::Fault limited;
        limited.method = "POST";
        limited.status = 429;
        limited.headers = {{"Retry-After", "60"}};
        proxy.addFault(limited);
        device.createTask(QStringLiteral("Rate limited for a minute"));
        QVERIFY(QTest::qWaitFor([&] { return device.status().retryInSeconds() == 60; }, 3000));
        QVERIFY(device.sync().syncNow());
        QVERIFY(waitSynced(device, 3000));
        QCOMPARE(device.status().retryInSeconds(), -1);
    }

    void aRevokedTokenShowsSignedOutAndKeepsTheQueue()
    {
        const QString name = QStringLiteral("user%1").arg(m_users + 1);
        const QString token = newUser();
        AutoSyncDevice device(m_server->url(), token, QStringLiteral("p1"));
        device.sync().startAutomatic();
        QVERIFY(waitSynced(device));

        const ServerProcess::CommandResult revoked =
            m_server->runCommand({QStringLiteral("revoke-token"), name});
        QVERIFY2(revoked.exitCode == 0, qPrintable(revoked.err));
        const QString id = device.createTask(QStringLiteral("Made after the token was revoked"));
        QVERIFY(QTest::qWaitFor([&] { return device.status().signedOut(); }, 3000));
        QCOMPARE(device.status().state(), State::Error);
        QCOMPARE(device.status().connectivity(), SyncStatus::Connectivity::SignedOut);
        QCOMPARE(device.status().pending(), 1);
        // Retrying cannot help: nothing more goes out until someone signs in again.
        QSignalSpy finished(&device.sync(), &SyncController::syncFinished);
        device.createTask(QStringLiteral("Still queued"));
        QTest::qWait(500);
        QCOMPARE(finished.size(), 0);
        QCOMPARE(device.status().pending(), 2);

        const ServerProcess::CommandResult issued =
            m_server->runCommand({QStringLiteral("issue-token"), name});
        QVERIFY2(issued.exitCode == 0, qPrintable(issued.err));
        device.setToken(issued.out.trimmed().split(QLatin1Char('\n')).constLast().trimmed());
        QVERIFY(waitSynced(device, 5000));
        QVERIFY(!device.status().signedOut());
        QVERIFY(serverTaskIds().contains(id));
    }

    void aCaptivePortalIsNotOnline()
    {
        FaultProxy proxy;
        QVERIFY(proxy.start(m_server->url()).ok());
        FaultProxy::Fault portal;
        portal.count = -1;
        portal.status = 200;
        portal.contentType = "text/html";
        portal.body = "<html><body>Welcome to Site Wi-Fi. Please log in.</body></html>";
        proxy.addFault(portal);
        AutoSyncDevice device(proxy.url(), m_token, QStringLiteral("p1"));
        device.createTask(QStringLiteral("Made behind the portal"));
        device.sync().startAutomatic();
        QVERIFY(QTest::qWaitFor([&] { return device.status().state() == State::Offline; }, 3000));
        QVERIFY2(device.status().reason().contains(QStringLiteral("FieldSync")),
                 qPrintable(device.status().reason()));
        QCOMPARE(device.status().connectivity(), SyncStatus::Connectivity::ServerUnreachable);
        QCOMPARE(device.status().pending(), 1);

        proxy.clearFaults(); // the foreman logged in to the Wi-Fi
        QVERIFY2(waitSynced(device, 5000), qPrintable(device.status().reason()));
        QCOMPARE(device.status().connectivity(), SyncStatus::Connectivity::Online);
    }
};

QTEST_GUILESS_MAIN(AutoSyncTest)
#include "tst_autosync.moc"
