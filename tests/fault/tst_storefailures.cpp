// The i-th database operation of a sync fails, for every i over one undisturbed sync, once as a
// disk I/O error and once as a full disk (LocalDatabase's failure point): the sync reports the
// error as a value, and the next sync reaches exactly the state an undisturbed sync reaches.
// Every run starts from a copy of the same data directory, against the same real server.
#include "FaultDevice.h"
#include "ServerProcess.h"
#include "store/LocalEditor.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace fieldsync;
using namespace fieldsync::test;

namespace {

QString firstDifference(const QStringList &expected, const QStringList &actual)
{
    for (qsizetype i = 0; i < std::max(expected.size(), actual.size()); ++i) {
        if (expected.value(i) != actual.value(i))
            return QStringLiteral("row %1: expected [%2], got [%3]")
                .arg(i)
                .arg(expected.value(i), actual.value(i));
    }
    return {};
}

} // namespace

class StoreFailuresTest : public QObject
{
    Q_OBJECT

private:
    // Hundreds of syncs a second from one user: the rate limit is not what is under test.
    ServerProcess m_server{{QStringLiteral("--rate-limit"), QStringLiteral("off")}};
    QTemporaryDir m_dirs;
    QString m_snapshot;
    QStringList m_reference;
    qint64 m_operations = 0;

    QString dir(const QString &name) const { return m_dirs.filePath(name); }

private slots:
    void initTestCase()
    {
        qputenv("FIELDSYNC_TOKEN_STORE", "file"); // the token travels with the copied directory
        const Result<void> started = m_server.start();
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().toString()));
        const Result<QString> ana =
            m_server.addUser(QStringLiteral("ana"), QStringLiteral("foreman"), {QStringLiteral("site")});
        const Result<QString> ben =
            m_server.addUser(QStringLiteral("ben"), QStringLiteral("foreman"), {QStringLiteral("site")});
        QVERIFY(ana && ben);

        // A device with a bit of everything a sync does: creates, an edit the server merges, an
        // edit that conflicts, a reading, a create deleted before it was sent, and another
        // device's changes to pull.
        m_snapshot = dir(QStringLiteral("snapshot"));
        FaultDevice a(m_snapshot);
        FaultDevice b(dir(QStringLiteral("other")));
        QVERIFY(a.signIn(m_server.url(), ana.value()));
        QVERIFY(b.signIn(m_server.url(), ben.value()));
        const QString merged =
            a.create(EntityKind::Permit, {{QStringLiteral("title"), QStringLiteral("Hot work bay 4")}});
        const QString conflicted =
            a.create(EntityKind::Permit, {{QStringLiteral("title"), QStringLiteral("Scaffold east")}});
        const QString task = a.create(EntityKind::Task, {{QStringLiteral("title"), QStringLiteral("Sweep")}});
        QVERIFY(!merged.isEmpty() && !conflicted.isEmpty() && !task.isEmpty());
        QVERIFY(a.sync().ok());
        QVERIFY(b.sync().ok());
        QVERIFY(b.edit(merged, {{QStringLiteral("location"), QStringLiteral("North gate")}}));
        QVERIFY(b.edit(conflicted, {{QStringLiteral("title"), QStringLiteral("Scaffold east (B)")}}));
        QVERIFY(
            !b.create(EntityKind::Permit, {{QStringLiteral("title"), QStringLiteral("From B")}}).isEmpty());
        QVERIFY(b.sync().ok());

        QVERIFY(a.edit(merged, {{QStringLiteral("title"), QStringLiteral("Hot work bay 4, level 2")}}));
        QVERIFY(a.edit(conflicted, {{QStringLiteral("title"), QStringLiteral("Scaffold east (A)")}}));
        QVERIFY(a.edit(task, {{QStringLiteral("priority"), QStringLiteral("high")}}));
        QVERIFY(!a.create(EntityKind::GasReading, {{QStringLiteral("permit_id"), merged},
                                                   {QStringLiteral("gas"), QStringLiteral("O2")},
                                                   {QStringLiteral("value"), 20.9},
                                                   {QStringLiteral("unit"), QStringLiteral("%")}})
                     .isEmpty());
        const QString dropped =
            a.create(EntityKind::Permit, {{QStringLiteral("title"), QStringLiteral("Never mind")}});
        QVERIFY(LocalEditor(a.store()).remove(dropped).ok());
        for (int i = 0; i < 6; ++i)
            QVERIFY(!a.create(EntityKind::Task, {{QStringLiteral("title"), QStringLiteral("Task %1").arg(i)}})
                         .isEmpty());
        a.close();

        // The undisturbed sync: its final state and how many database operations it takes.
        QVERIFY(copyDataDir(m_snapshot, dir(QStringLiteral("reference"))));
        FaultDevice reference(dir(QStringLiteral("reference")));
        const qint64 before = reference.store().database().operationCount();
        const SyncReport report = reference.sync();
        QVERIFY2(report.ok(), qPrintable(report.failureReason()));
        QCOMPARE(report.conflicts, 1);
        QCOMPARE(report.pending, 0);
        m_operations = reference.store().database().operationCount() - before;
        m_reference = reference.syncedState();
        qInfo("an undisturbed sync takes %lld database operations", m_operations);
        QVERIFY(m_operations > 10);
    }

    void everyOperationFailingOnceLosesNothing_data()
    {
        QTest::addColumn<int>("kind");
        QTest::newRow("disk I/O error") << int(LocalDatabase::FailureKind::IoError);
        QTest::newRow("disk full") << int(LocalDatabase::FailureKind::DiskFull);
    }

    void everyOperationFailingOnceLosesNothing()
    {
        QFETCH(int, kind);
        const QString expectedCode = kind == int(LocalDatabase::FailureKind::DiskFull)
                                         ? QStringLiteral("store_full")
                                         : QStringLiteral("store_io");
        int reported = 0;
        int absorbed = 0;
        for (qint64 failing = 1; failing <= m_operations; ++failing) {
            const QString runDir = dir(QStringLiteral("run-%1-%2").arg(kind).arg(failing));
            QVERIFY(copyDataDir(m_snapshot, runDir));
            FaultDevice device(runDir);
            const qint64 start = device.store().database().operationCount();
            bool hit = false;
            device.store().database().setFailurePoint(
                [&hit, target = start + failing](qint64 operation) {
                    if (operation != target)
                        return false;
                    hit = true;
                    return true;
                },
                LocalDatabase::FailureKind(kind));
            const SyncReport failed = device.sync();
            const QString where = QStringLiteral("operation %1 of %2").arg(failing).arg(m_operations);
            if (failed.ok()) {
                // Only a read the engine does again later (the push path reads the next batch
                // ahead and reads it again on error) may pass unreported, and only if nothing
                // came of it: the run must have reached the undisturbed state by itself.
                const QStringList state = device.syncedState();
                QVERIFY2(state == m_reference,
                         qPrintable(where + QStringLiteral(" failed unreported and the state differs: ") +
                                    firstDifference(m_reference, state)));
                ++absorbed;
            } else {
                QVERIFY2(hit, qPrintable(where +
                                         QStringLiteral(": the run failed without the injected failure: ") +
                                         failed.failureReason()));
                QVERIFY2(failed.storeError.contains(expectedCode),
                         qPrintable(where + QStringLiteral(": ") + failed.failureReason()));
                ++reported;
            }

            device.store().database().setFailurePoint({});
            const SyncReport retried = device.sync();
            QVERIFY2(retried.ok(), qPrintable(where + QStringLiteral(", then: ") + retried.failureReason()));
            const QStringList state = device.syncedState();
            QVERIFY2(state == m_reference,
                     qPrintable(where + QStringLiteral(", then: ") + firstDifference(m_reference, state)));
            device.close();
            QDir(runDir).removeRecursively();
        }
        qInfo("%d failures reported by the sync, %d absorbed by a later read, of %lld operations", reported,
              absorbed, m_operations);
        // Nearly every operation of a sync is one whose failure must be reported.
        QVERIFY(reported >= m_operations * 9 / 10);
    }
};

QTEST_GUILESS_MAIN(StoreFailuresTest)
#include "tst_storefailures.moc"
