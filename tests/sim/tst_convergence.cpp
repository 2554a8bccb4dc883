// The convergence property of the whole loop, seeded (see ConvergenceSim.h). A failure prints
// its seed; FIELDSYNC_SIM_SEED=<seed> runs only that seed again.
#include "ConvergenceSim.h"

#include <QLoggingCategory>
#include <QStandardPaths>
#include <QTest>

using namespace fieldsync::sim;

class ConvergenceTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        // The sim's faults make every device log warnings by design.
        QLoggingCategory::setFilterRules(QStringLiteral("fieldsync.*.warning=false\nfieldsync.*.info=false"));
    }

    void threeDevicesConverge_data()
    {
        QTest::addColumn<quint64>("seed");
        bool ok = false;
        const quint64 replay = qEnvironmentVariable("FIELDSYNC_SIM_SEED").toULongLong(&ok);
        if (ok) {
            QTest::newRow(qPrintable(QStringLiteral("seed %1").arg(replay))) << replay;
            return;
        }
        // Seeds 1-30 and 7777: measured under ctest on 2026-11-22 at 2.2-3.4 s a seed while the
        // machine was busy (about 80 s in all), 0.5-0.9 s when quiet. Seeds 1-150 and 7777 all
        // passed locally after the fixes for: a conflict settled on the state its answer carried
        // instead of the newest one (the device stayed a version behind), a late answer that left
        // a settled record under an older state, an edit that changed nothing answered with the
        // version it was made on (queued forever), and a take-server choice that queues nothing,
        // taken by the sim for a refused one. Replay one with FIELDSYNC_SIM_SEED;
        // fieldsync-bench --only sim runs 10 devices.
        QList<quint64> seeds;
        for (quint64 seed = 1; seed <= 30; ++seed)
            seeds.append(seed);
        seeds.append(7777);
        for (const quint64 seed : std::as_const(seeds))
            QTest::newRow(qPrintable(QStringLiteral("seed %1").arg(seed))) << seed;
    }

    void threeDevicesConverge()
    {
        QFETCH(quint64, seed);
        SimConfig config;
        config.seed = seed;
        config.devices = 3;
        config.steps = 250;
        const SimOutcome outcome = runConvergenceSim(config);
        qInfo("seed %llu: %d edits (%d applied, %d conflicts resolved, %d rejected, %d refused locally), "
              "%d syncs (%d failed under %d faults), %d records, settled in %d rounds, %lld ms",
              static_cast<unsigned long long>(seed), outcome.edits, outcome.applied, outcome.conflicts,
              outcome.rejected, outcome.refusedLocally, outcome.syncs, outcome.failedSyncs, outcome.faults,
              outcome.records, outcome.settleRounds, static_cast<long long>(outcome.elapsedMs));
        if (!outcome.converged) {
            // QTest cuts a long message short: the whole story goes to the log first.
            for (const QString &line : outcome.failure.split(QLatin1Char('\n')))
                qInfo("%s", qPrintable(line));
        }
        QVERIFY2(outcome.converged, qPrintable(outcome.failure));
        // The run must have exercised what it claims to prove.
        QVERIFY(outcome.applied > 50);
        QVERIFY(outcome.faults > 5);
    }
};

QTEST_GUILESS_MAIN(ConvergenceTest)
#include "tst_convergence.moc"
