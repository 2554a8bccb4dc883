// Long offline: a device with 30 days of work queued (100,000 edits: permits created, retitled
// twice, a gas reading each, stamped over 30 days through the device clock) drains it in one
// sync, in the order it was made, reading the outbox a bounded batch at a time. The memory and
// speed of such a drain against a tenth of it are measured by `fieldsync-bench --only drain`.
#include "FaultDevice.h"
#include "FaultProxy.h"
#include "ServerProcess.h"
#include "ServerTally.h"
#include "protocol/ProtocolInfo.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace fieldsync;
using namespace fieldsync::test;

namespace {

constexpr int Permits = 25000;
constexpr int EditsPerPermit = 4; // create, retitle, reading, retitle
constexpr int Edits = Permits * EditsPerPermit;
constexpr int Batch = 500;
constexpr qint64 Backlog = qint64(30) * 24 * 3600 * 1000;

} // namespace

class LongOfflineTest : public QObject
{
    Q_OBJECT

private slots:
    void thirtyDaysOfEditsDrainInOrderInBoundedBatches()
    {
        // 100,000 "created" lines would drown the test's own output.
        QLoggingCategory::setFilterRules(QStringLiteral("fieldsync.*.info=false"));
        ServerProcess server({QStringLiteral("--rate-limit"), QStringLiteral("off")}); // not under test here
        const Result<void> started = server.start();
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().toString()));
        const Result<QString> token =
            server.addUser(QStringLiteral("ana"), QStringLiteral("foreman"), {QStringLiteral("site")});
        QVERIFY(token);
        FaultProxy proxy;
        QVERIFY(proxy.start(server.url()).ok());
        QTemporaryDir dir;
        FaultDevice device(dir.filePath(QStringLiteral("device")));
        QVERIFY(device.signIn(server.url(), token.value()));
        device.setServerUrl(proxy.url());
        // Each edit's own durability is not under test here; queueing 100,000 of them fast is.
        QSqlQuery(device.store().database().connection()).exec(QStringLiteral("PRAGMA synchronous=NORMAL"));

        // The backlog, made through the real editor, the clock moving from 30 days ago to now.
        QStringList expectedOrder;
        expectedOrder.reserve(Edits);
        const QString site = QStringLiteral("site");
        for (int i = 0; i < Permits; ++i) {
            auto at = [i](int step) { return -Backlog + Backlog * (i * EditsPerPermit + step) / Edits; };
            protocol::setClockOffsetMs(at(0));
            const QString permit =
                device.create(EntityKind::Permit, {{QStringLiteral("title"), QStringLiteral("P%1").arg(i)},
                                                   {QStringLiteral("project_id"), site}});
            QVERIFY(!permit.isEmpty());
            expectedOrder.append(permit + QStringLiteral("|P%1").arg(i));
            protocol::setClockOffsetMs(at(1));
            QVERIFY(device.edit(permit, {{QStringLiteral("title"), QStringLiteral("P%1a").arg(i)}}));
            expectedOrder.append(permit + QStringLiteral("|P%1a").arg(i));
            protocol::setClockOffsetMs(at(2));
            const QString reading =
                device.create(EntityKind::GasReading, {{QStringLiteral("permit_id"), permit},
                                                       {QStringLiteral("gas"), QStringLiteral("CO")},
                                                       {QStringLiteral("value"), i % 50},
                                                       {QStringLiteral("unit"), QStringLiteral("ppm")},
                                                       {QStringLiteral("project_id"), site}});
            QVERIFY(!reading.isEmpty());
            expectedOrder.append(reading + QStringLiteral("|%1").arg(i % 50));
            protocol::setClockOffsetMs(at(3));
            QVERIFY(device.edit(permit, {{QStringLiteral("title"), QStringLiteral("P%1b").arg(i)}}));
            expectedOrder.append(permit + QStringLiteral("|P%1b").arg(i));
        }
        protocol::setClockOffsetMs(0);
        {
            QSqlQuery span(device.store().database().connection());
            QVERIFY(
                span.exec(QStringLiteral("SELECT MIN(created_at), MAX(created_at), COUNT(*) FROM outbox")));
            QVERIFY(span.next());
            const QDateTime oldest = QDateTime::fromString(span.value(0).toString(), Qt::ISODateWithMs);
            const QDateTime newest = QDateTime::fromString(span.value(1).toString(), Qt::ISODateWithMs);
            QCOMPARE(span.value(2).toInt(), Edits);
            QVERIFY2(oldest.daysTo(newest) >= 29, qPrintable(oldest.toString(Qt::ISODate)));
        }

        SyncEngine::Limits limits;
        limits.maxChanges = Batch;
        device.engine().setLimits(limits);
        QList<int> steps;
        int lastDone = 0;
        connect(&device.engine(), &SyncEngine::progress, this, [&](int done, int total) {
            QCOMPARE(total, Edits);
            steps.append(done - lastDone);
            lastDone = done;
        });
        const SyncReport report = device.sync(300000);
        QVERIFY2(report.ok(), qPrintable(report.failureReason()));
        QCOMPARE(report.pushed, Edits);
        QCOMPARE(report.applied, Edits);
        QCOMPARE(report.conflicts, 0);
        QCOMPARE(report.rejected, 0);
        QCOMPARE(report.pending, 0);

        // One push per bounded read of the outbox, each moving the count on, none larger than the limit.
        QCOMPARE(proxy.requestsTo("POST", protocol::Paths::Push).size(), qsizetype(Edits / Batch));
        QCOMPARE(lastDone, Edits);
        for (const int step : std::as_const(steps))
            QVERIFY2(step >= 0 && step <= Batch, qPrintable(QString::number(step)));
        QCOMPARE(int(steps.count(Batch)), Edits / Batch);

        // The server applied them in the order they were made.
        const ServerTally tally(server.databasePath());
        const Result<QStringList> applied = tally.column(
            QStringLiteral(
                "SELECT record_id || '|' || COALESCE(%1, %2) FROM audit WHERE device_id = ? ORDER BY seq")
                .arg(tally.jsonField(QStringLiteral("after_data"), QStringLiteral("title")),
                     tally.jsonField(QStringLiteral("after_data"), QStringLiteral("value"))),
            {device.store().deviceId()});
        QVERIFY2(applied, qPrintable(applied ? QString() : applied.error().toString()));
        QCOMPARE(applied.value().size(), qsizetype(Edits));
        for (int i = 0; i < Edits; ++i) {
            if (applied.value().at(i) != expectedOrder.at(i))
                QFAIL(qPrintable(QStringLiteral("change %1 applied as %2, expected %3")
                                     .arg(i)
                                     .arg(applied.value().at(i), expectedOrder.at(i))));
        }
    }
};

QTEST_GUILESS_MAIN(LongOfflineTest)
#include "tst_longoffline.moc"
