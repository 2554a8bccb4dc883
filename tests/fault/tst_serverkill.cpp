// The server dies mid-push (SIGKILL while a large push is in flight, then a restart on the same
// database), and the server commits but its answer never reaches the device (the ambiguous
// commit): each change is applied all or nothing, the device retries, the retry is answered from
// the idempotency record, nothing is applied twice.
#include "FaultDevice.h"
#include "FaultProxy.h"
#include "ServerProcess.h"
#include "ServerTally.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace fieldsync;
using namespace fieldsync::test;

class ServerKillTest : public QObject
{
    Q_OBJECT

private:
    // Hundreds of syncs a second from one user: the rate limit is not what is under test.
    ServerProcess m_server{{QStringLiteral("--rate-limit"), QStringLiteral("off")}};
    QString m_token;
    QTemporaryDir m_dirs;
    int m_devices = 0;

    std::unique_ptr<FaultDevice> newDevice(const QUrl &url)
    {
        auto device =
            std::make_unique<FaultDevice>(m_dirs.filePath(QStringLiteral("device-%1").arg(++m_devices)));
        if (!device->signIn(m_server.url(), m_token))
            return nullptr;
        device->setServerUrl(url);
        // Durability of each local edit is not what these tests are about; queueing fast is.
        QSqlQuery(device->store().database().connection()).exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
        return device;
    }

    qint64 serverCount(const QString &sql, const QVariantList &binds)
    {
        const Result<qint64> counted = ServerTally(m_server.databasePath()).number(sql, binds);
        return counted ? counted.value() : -1;
    }

private slots:
    void initTestCase()
    {
        const Result<void> started = m_server.start();
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().toString()));
        const Result<QString> token =
            m_server.addUser(QStringLiteral("ana"), QStringLiteral("foreman"), {QStringLiteral("site")});
        QVERIFY(token);
        m_token = token.value();
    }

    void serverKilledMidPushAppliesEachChangeOnce_data()
    {
        QTest::addColumn<int>("killDelayMs");
        QTest::newRow("as the push arrives") << 0;
        QTest::newRow("while it is applied") << 30;
        QTest::newRow("later in the batch") << 120;
    }

    void serverKilledMidPushAppliesEachChangeOnce()
    {
        QFETCH(int, killDelayMs);
        constexpr int Batch = 500;
        constexpr int Changes = 3 * Batch;
        FaultProxy proxy;
        QVERIFY(proxy.start(m_server.url()).ok());
        std::unique_ptr<FaultDevice> device = newDevice(proxy.url());
        QVERIFY(device);
        SyncEngine::Limits limits;
        limits.maxChanges = Batch;
        limits.maxBytes = 64 * 1024 * 1024;
        device->engine().setLimits(limits);
        for (int i = 0; i < Changes; ++i)
            QVERIFY(!device
                         ->create(EntityKind::Permit,
                                  {{QStringLiteral("title"), QStringLiteral("Permit %1").arg(i)}})
                         .isEmpty());

        // The second batch reaches the server; it dies killDelayMs later.
        int pushes = 0;
        connect(&proxy, &FaultProxy::requestArrived, this,
                [&](const QByteArray &method, const QString &path) {
                    if (method == "POST" && path == protocol::Paths::Push && ++pushes == 2)
                        QTimer::singleShot(killDelayMs, this, [this] { m_server.kill(); });
                });
        const SyncReport interrupted = device->sync();
        proxy.disconnect(this);
        QVERIFY2(!interrupted.ok(), "the sync must have been cut by the kill");
        QVERIFY(!m_server.isRunning());
        const Result<void> alone = ServerTally(m_server.databasePath()).waitUntilAlone();
        QVERIFY2(alone.ok(), qPrintable(alone.ok() ? QString() : alone.error().toString()));

        // Dead server, its database as the kill left it: every change is there whole (record, audit
        // line, idempotency record) or not at all, and whole pushes only.
        const QString deviceId = device->store().deviceId();
        const qint64 records =
            serverCount(QStringLiteral("SELECT COUNT(*) FROM records WHERE device_id = ?"), {deviceId});
        const qint64 audited =
            serverCount(QStringLiteral("SELECT COUNT(*) FROM audit WHERE device_id = ?"), {deviceId});
        const qint64 remembered =
            serverCount(QStringLiteral("SELECT COUNT(*) FROM idempotency WHERE device_id = ?"), {deviceId});
        qInfo("killed %d ms after the second push arrived: %lld of %d changes committed", killDelayMs,
              records, Changes);
        QCOMPARE(audited, records);
        QCOMPARE(remembered, records);
        QCOMPARE(records % Batch, 0);

        const Result<void> restarted = m_server.restart();
        QVERIFY2(restarted.ok(), qPrintable(restarted.ok() ? QString() : restarted.error().toString()));
        proxy.setUpstream(m_server.url());
        const SyncReport retried = device->sync();
        QVERIFY2(retried.ok(), qPrintable(retried.failureReason()));
        QCOMPARE(retried.conflicts, 0);
        QCOMPARE(retried.rejected, 0);
        QCOMPARE(retried.pending, 0);
        QCOMPARE(interrupted.applied + retried.applied, Changes);
        QCOMPARE(
            serverCount(QStringLiteral("SELECT COUNT(*) FROM records WHERE device_id = ? AND version = 1"),
                        {deviceId}),
            qint64(Changes));
        QCOMPARE(serverCount(QStringLiteral("SELECT COUNT(*) FROM audit WHERE device_id = ?"), {deviceId}),
                 qint64(Changes));
        QCOMPARE(
            serverCount(QStringLiteral("SELECT COUNT(*) FROM idempotency WHERE device_id = ?"), {deviceId}),
            qint64(Changes));
        QCOMPARE(device->counts().pending, 0);
    }

    void lostAnswerIsAnsweredFromTheIdempotencyRecord_data()
    {
        QTest::addColumn<int>("action");
        QTest::newRow("reset after the server answered") << int(FaultProxy::Action::ResetAfterResponse);
        QTest::newRow("reset halfway through the answer") << int(FaultProxy::Action::ResetMidResponse);
        QTest::newRow("answer withheld until the client times out")
            << int(FaultProxy::Action::WithholdResponse);
    }

    void lostAnswerIsAnsweredFromTheIdempotencyRecord()
    {
        QFETCH(int, action);
        FaultProxy proxy;
        QVERIFY(proxy.start(m_server.url()).ok());
        std::unique_ptr<FaultDevice> device = newDevice(proxy.url());
        QVERIFY(device);
        device->setTransferTimeout(1500);
        const QString permit = device->create(
            EntityKind::Permit, {{QStringLiteral("title"), QStringLiteral("Confined space, tank 2")}});
        QVERIFY(device->sync().ok());
        QCOMPARE(device->record(permit).version, 1);

        // An edit and an append to it, and two creates: all in the one push whose answer is lost.
        QVERIFY(device->edit(permit, {{QStringLiteral("location"), QStringLiteral("Tank 2 manway")}}));
        const QString reading =
            device->create(EntityKind::GasReading, {{QStringLiteral("permit_id"), permit},
                                                    {QStringLiteral("gas"), QStringLiteral("H2S")},
                                                    {QStringLiteral("value"), 1.5},
                                                    {QStringLiteral("unit"), QStringLiteral("ppm")}});
        const QString task =
            device->create(EntityKind::Task, {{QStringLiteral("title"), QStringLiteral("Vent tank")},
                                              {QStringLiteral("permit_id"), permit}});
        QVERIFY(!reading.isEmpty() && !task.isEmpty());

        FaultProxy::Fault lost;
        lost.method = "POST";
        lost.pathPrefix = protocol::Paths::Push;
        lost.action = FaultProxy::Action(action);
        proxy.addFault(lost);
        SyncReport first = device->sync();
        // The server did commit the push whose answer was lost.
        QTRY_COMPARE(serverCount(QStringLiteral("SELECT version FROM records WHERE id = ?"), {permit}),
                     qint64(2));
        QCOMPARE(
            serverCount(QStringLiteral("SELECT COUNT(*) FROM records WHERE id IN (?, ?)"), {reading, task}),
            qint64(2));

        int applied = first.applied;
        if (!first.ok()) {
            QCOMPARE(device->counts().pending, 3); // nothing settled without an answer
            const SyncReport retried = device->sync();
            QVERIFY2(retried.ok(), qPrintable(retried.failureReason()));
            applied += retried.applied;
            QCOMPARE(retried.conflicts, 0);
            QCOMPARE(retried.rejected, 0);
        }
        // The retry went out (from the sync, or resent by the HTTP layer within the first run) and
        // was answered `applied` from the idempotency record, not applied again.
        QVERIFY(proxy.requestsTo("POST", protocol::Paths::Push).size() >= 2);
        QCOMPARE(applied, 3);
        QCOMPARE(serverCount(QStringLiteral("SELECT version FROM records WHERE id = ?"), {permit}),
                 qint64(2));
        QCOMPARE(serverCount(QStringLiteral("SELECT COUNT(*) FROM audit WHERE record_id = ?"), {permit}),
                 qint64(2));
        QCOMPARE(serverCount(QStringLiteral("SELECT COUNT(*) FROM audit WHERE record_id IN (?, ?)"),
                             {reading, task}),
                 qint64(2));
        QCOMPARE(device->counts().pending, 0);
        QCOMPARE(device->counts().conflicts, 0);
        QCOMPARE(device->record(permit).version, 2);
        QCOMPARE(device->record(permit).data.value(QStringLiteral("location")).toString(),
                 QStringLiteral("Tank 2 manway"));
    }
};

QTEST_GUILESS_MAIN(ServerKillTest)
#include "tst_serverkill.moc"
