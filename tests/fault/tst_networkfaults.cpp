// Network faults between a device and the real server, injected by a FaultProxy on loopback:
// connection refused, resets before and after the server saw the request, hangs (the client's
// timeout must fire), truncated and corrupted answers, delays, 5xx, and 413 for a batch too large
// (the client halves it). Each scenario ends, once the fault is lifted, with the device and an
// observer that synced directly agreeing on every record, and every queued edit applied once.
#include "FaultDevice.h"
#include "FaultProxy.h"
#include "ServerProcess.h"
#include "ServerTally.h"

#include <QTemporaryDir>
#include <QTest>

using namespace fieldsync;
using namespace fieldsync::test;

namespace {

enum class Expect
{
    Success, // the fault is absorbed within the run (a delay, a 413 the client splits around)
    Failure, // the run fails with a reason; the next one succeeds
};

enum class Where
{
    Push,
    Pull,
    Listener, // the proxy's port itself
};

QString pathOf(Where where)
{
    return where == Where::Pull ? protocol::Paths::Pull : protocol::Paths::Push;
}

} // namespace

class NetworkFaultsTest : public QObject
{
    Q_OBJECT

private:
    // Hundreds of syncs a second from one user: the rate limit is not what is under test.
    ServerProcess m_server{{QStringLiteral("--rate-limit"), QStringLiteral("off")}};
    QString m_token;
    QTemporaryDir m_dirs;
    std::unique_ptr<FaultDevice> m_observer;
    QString m_sharedPermit;
    int m_devices = 0;

    std::unique_ptr<FaultDevice> newDevice(ServerProcess &server, const QString &token)
    {
        auto device =
            std::make_unique<FaultDevice>(m_dirs.filePath(QStringLiteral("device-%1").arg(++m_devices)));
        if (!device->signIn(server.url(), token))
            return nullptr;
        return device;
    }

    // The edits every scenario queues: creates of each kind and an edit of a record others share.
    QStringList queueEdits(FaultDevice &device, const QString &label)
    {
        const QString permit = device.create(
            EntityKind::Permit, {{QStringLiteral("title"), QString(QStringLiteral("Permit ") + label)}});
        const QString task = device.create(
            EntityKind::Task, {{QStringLiteral("title"), QString(QStringLiteral("Task ") + label)},
                               {QStringLiteral("permit_id"), permit}});
        const QString reading =
            device.create(EntityKind::GasReading, {{QStringLiteral("permit_id"), permit},
                                                   {QStringLiteral("gas"), QStringLiteral("LEL")},
                                                   {QStringLiteral("value"), 3.5},
                                                   {QStringLiteral("unit"), QStringLiteral("%LEL")}});
        if (!device.edit(m_sharedPermit, {{QStringLiteral("location"), label}}))
            return {};
        return {permit, task, reading};
    }

    void verifyConverged(FaultDevice &device, const QStringList &created, const QString &label,
                         ServerProcess &server)
    {
        const QueueCounts counts = device.counts();
        QCOMPARE(counts.pending, 0);
        QCOMPARE(counts.conflicts, 0);
        QCOMPARE(counts.rejected, 0);
        const SyncReport observed = m_observer->sync();
        QVERIFY2(observed.ok(), qPrintable(observed.failureReason()));
        if (&server == &m_server)
            QCOMPARE(device.recordsState(), m_observer->recordsState());
        const ServerTally tally(server.databasePath());
        for (const QString &id : created) {
            const Result<qint64> applied =
                tally.number(QStringLiteral("SELECT COUNT(*) FROM audit WHERE record_id = ?"), {id});
            QVERIFY(applied);
            QCOMPARE(applied.value(), qint64(1));
        }
        if (&server == &m_server) {
            QCOMPARE(m_observer->record(m_sharedPermit).data.value(QStringLiteral("location")).toString(),
                     label);
            const Result<qint64> edits = tally.number(
                QStringLiteral("SELECT COUNT(*) FROM audit WHERE record_id = ? AND after_data LIKE ?"),
                {m_sharedPermit, QStringLiteral("%\"location\":\"%1\"%").arg(label)});
            QVERIFY(edits);
            QCOMPARE(edits.value(), qint64(1));
        }
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
        m_observer = newDevice(m_server, m_token);
        QVERIFY(m_observer);
        m_sharedPermit =
            m_observer->create(EntityKind::Permit, {{QStringLiteral("title"), QStringLiteral("Shared")}});
        QVERIFY(m_observer->sync().ok());
    }

    void faultIsSurvived_data()
    {
        QTest::addColumn<int>("action");
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("delayMs");
        QTest::addColumn<int>("where");
        QTest::addColumn<int>("expect");
        using A = FaultProxy::Action;
        const int success = int(Expect::Success);
        const int failure = int(Expect::Failure);
        QTest::newRow("connection refused") << int(A::Forward) << 0 << 0 << int(Where::Listener) << failure;
        QTest::newRow("accepted then closed at once")
            << int(A::ResetBeforeForward) << 0 << 0 << int(Where::Listener) << failure;
        QTest::newRow("reset after the push was sent")
            << int(A::ResetBeforeForward) << 0 << 0 << int(Where::Push) << failure;
        QTest::newRow("reset after the server committed")
            << int(A::ResetAfterResponse) << 0 << 0 << int(Where::Push) << failure;
        QTest::newRow("reset after the pull was sent")
            << int(A::ResetBeforeForward) << 0 << 0 << int(Where::Pull) << failure;
        QTest::newRow("push hangs") << int(A::Hang) << 0 << 0 << int(Where::Push) << failure;
        QTest::newRow("pull hangs") << int(A::Hang) << 0 << 0 << int(Where::Pull) << failure;
        QTest::newRow("push answer truncated")
            << int(A::TruncateBody) << 0 << 0 << int(Where::Push) << failure;
        QTest::newRow("pull answer truncated")
            << int(A::TruncateBody) << 0 << 0 << int(Where::Pull) << failure;
        QTest::newRow("push answer corrupted")
            << int(A::CorruptBody) << 0 << 0 << int(Where::Push) << failure;
        QTest::newRow("pull answer corrupted")
            << int(A::CorruptBody) << 0 << 0 << int(Where::Pull) << failure;
        QTest::newRow("push delayed") << int(A::Forward) << 0 << 700 << int(Where::Push) << success;
        QTest::newRow("pull delayed") << int(A::Forward) << 0 << 700 << int(Where::Pull) << success;
        QTest::newRow("500 on push") << int(A::Forward) << 500 << 0 << int(Where::Push) << failure;
        QTest::newRow("502 on push") << int(A::Forward) << 502 << 0 << int(Where::Push) << failure;
        QTest::newRow("503 on pull") << int(A::Forward) << 503 << 0 << int(Where::Pull) << failure;
        QTest::newRow("413 on push") << int(A::Forward) << 413 << 0 << int(Where::Push) << success;
    }

    void faultIsSurvived()
    {
        QFETCH(int, action);
        QFETCH(int, status);
        QFETCH(int, delayMs);
        QFETCH(int, where);
        QFETCH(int, expect);
        const QString label = QString::fromLatin1(QTest::currentDataTag());

        FaultProxy proxy;
        QVERIFY(proxy.start(m_server.url()).ok());
        std::unique_ptr<FaultDevice> device = newDevice(m_server, m_token);
        QVERIFY(device);
        device->setServerUrl(proxy.url());
        // Long enough for the delays, short enough that a hang costs the suite little.
        device->setTransferTimeout(1500);
        QVERIFY(device->sync().ok()); // knows the shared permit
        const QStringList created = queueEdits(*device, label);
        QCOMPARE(created.size(), 3);

        if (Where(where) == Where::Listener && FaultProxy::Action(action) == FaultProxy::Action::Forward) {
            proxy.stopListening();
            proxy.disconnectAll(); // the kept-alive connection of the sync before goes too
        } else if (Where(where) == Where::Listener) {
            proxy.setRefusing(true);
            proxy.disconnectAll();
        } else {
            FaultProxy::Fault fault;
            fault.method = Where(where) == Where::Pull ? "GET" : "POST";
            fault.pathPrefix = pathOf(Where(where));
            fault.action = FaultProxy::Action(action);
            fault.status = status;
            fault.delayMs = delayMs;
            // A failure lasts until lifted, past the HTTP layer's own quiet resends; what the
            // run absorbs happens once.
            fault.count = Expect(expect) == Expect::Failure ? -1 : 1;
            if (status != 0)
                fault.body = QByteArrayLiteral("{\"error\":\"injected\",\"message\":\"by the fault proxy\"}");
            proxy.addFault(fault);
        }

        const SyncReport first = device->sync();
        if (Expect(expect) == Expect::Failure) {
            QVERIFY2(!first.ok(), "the fault must fail the run");
            QVERIFY2(first.error.has_value(), qPrintable(first.failureReason()));
            QVERIFY(!first.failureReason().isEmpty());
            proxy.clearFaults();
            proxy.setRefusing(false);
            QVERIFY(proxy.resumeListening().ok());
            const SyncReport second = device->sync();
            QVERIFY2(second.ok(), qPrintable(second.failureReason()));
            QCOMPARE(first.applied + second.applied, 4);
        } else {
            QVERIFY2(first.ok(), qPrintable(first.failureReason()));
            QCOMPARE(first.applied, 4);
        }
        if (status == 413) {
            // The refused batch of four went again as two halves.
            QCOMPARE(proxy.requestsTo("POST", protocol::Paths::Push).size(), 3);
        }
        verifyConverged(*device, created, label, m_server);
    }

    void realServerRefusingALargeBatchGetsItInHalves()
    {
        // The real server's own limit, not the proxy's: at most 8 changes a push.
        ServerProcess small({QStringLiteral("--max-batch"), QStringLiteral("8")});
        const Result<void> started = small.start();
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().toString()));
        const Result<QString> token =
            small.addUser(QStringLiteral("ana"), QStringLiteral("foreman"), {QStringLiteral("site")});
        QVERIFY(token);
        std::unique_ptr<FaultDevice> device = newDevice(small, token.value());
        QVERIFY(device);
        QStringList created;
        for (int i = 0; i < 30; ++i)
            created.append(device->create(EntityKind::Task,
                                          {{QStringLiteral("title"), QStringLiteral("Task %1").arg(i)}}));
        const SyncReport report = device->sync();
        QVERIFY2(report.ok(), qPrintable(report.failureReason()));
        QCOMPARE(report.applied, 30);
        QCOMPARE(report.rejected, 0);
        QVERIFY(device->engine().limits().maxChanges > 8); // the split is per run, the limit stays
        const ServerTally tally(small.databasePath());
        const Result<qint64> audited = tally.number(QStringLiteral("SELECT COUNT(*) FROM audit"));
        QVERIFY(audited);
        QCOMPARE(audited.value(), qint64(30));
        QCOMPARE(device->counts().pending, 0);
    }
};

QTEST_GUILESS_MAIN(NetworkFaultsTest)
#include "tst_networkfaults.moc"
