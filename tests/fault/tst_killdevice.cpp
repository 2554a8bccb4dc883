// A device SIGKILLed at random points while editing and while syncing (fieldsync-cli processes
// against the real server): after a restart and a sync every acknowledged edit is on the server
// exactly once and the store is intact. 20 seeded trials; replay one with FIELDSYNC_KILL_SEED.
#include "KillDeviceHarness.h"
#include "ServerProcess.h"

#include <QTemporaryDir>
#include <QTest>

using namespace fieldsync;
using namespace fieldsync::test;

class KillDeviceTest : public QObject
{
    Q_OBJECT

private slots:
    void everyAcknowledgedEditSurvivesRandomKills()
    {
        ServerProcess server({QStringLiteral("--rate-limit"), QStringLiteral("off")}); // not under test here
        const Result<void> started = server.start();
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().toString()));
        const Result<QString> foreman =
            server.addUser(QStringLiteral("ana"), QStringLiteral("foreman"), {QStringLiteral("site")});
        const Result<QString> pm =
            server.addUser(QStringLiteral("pia"), QStringLiteral("pm"), {QStringLiteral("site")});
        QVERIFY(foreman && pm);
        QTemporaryDir work;
        KillDeviceHarness harness(server.url(), foreman.value(), pm.value(), work.path());

        int acknowledged = 0;
        int kills = 0;
        const QList<quint64> seeds = KillDeviceHarness::seeds(20);
        for (const quint64 seed : seeds) {
            const Result<KillTrialOutcome> trial = harness.runTrial(seed);
            QVERIFY2(trial.ok(), qPrintable(QStringLiteral("FIELDSYNC_KILL_SEED=%1: %2")
                                                .arg(seed)
                                                .arg(trial.ok() ? QString() : trial.error().toString())));
            const KillTrialOutcome &outcome = trial.value();
            QVERIFY2(outcome.clean(),
                     qPrintable(QStringLiteral("FIELDSYNC_KILL_SEED=%1 (%2 lost, %3 duplicated): %4")
                                    .arg(seed)
                                    .arg(outcome.lost)
                                    .arg(outcome.duplicated)
                                    .arg(outcome.problems.join(QStringLiteral("; ")))));
            acknowledged += outcome.acknowledged;
            kills += outcome.kills;
        }
        qInfo("%lld trials: %d acknowledged edits, %d kills, none lost or duplicated", qint64(seeds.size()),
              acknowledged, kills);
        // The trials must really have killed processes and kept edits, or they proved nothing.
        QVERIFY(kills >= int(seeds.size()));
        QVERIFY(acknowledged >= int(seeds.size()));
    }
};

QTEST_GUILESS_MAIN(KillDeviceTest)
#include "tst_killdevice.moc"
