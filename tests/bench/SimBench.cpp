// sim: the convergence simulation of tests/sim at a larger scale: 10 devices, each behind its
// own fault proxy, against one real server (see ConvergenceSim.h). n is the number of random
// steps (default 1000); FIELDSYNC_SIM_SEED picks the seed (default 1).
#include "BenchRegistry.h"
#include "ConvergenceSim.h"

#include <QLoggingCategory>
#include <QStandardPaths>

namespace fieldsync::bench {

namespace {

bool runSim(const BenchOptions &options)
{
    QStandardPaths::setTestModeEnabled(true);
    // Faults make every device warn by design; the result line says what happened.
    QLoggingCategory::setFilterRules(QStringLiteral("fieldsync.*.warning=false\nfieldsync.*.info=false"));
    sim::SimConfig config;
    config.devices = 10;
    config.steps = options.n > 0 ? options.n : 1000;
    bool ok = false;
    const quint64 seed = qEnvironmentVariable("FIELDSYNC_SIM_SEED").toULongLong(&ok);
    config.seed = ok ? seed : 1;
    const sim::SimOutcome outcome = sim::runConvergenceSim(config);
    emitResult(QJsonObject{{QStringLiteral("bench"), QStringLiteral("sim")},
                           {QStringLiteral("devices"), config.devices},
                           {QStringLiteral("steps"), config.steps},
                           {QStringLiteral("seed"), QString::number(config.seed)},
                           {QStringLiteral("edits"), outcome.edits},
                           {QStringLiteral("applied"), outcome.applied},
                           {QStringLiteral("conflicts_resolved"), outcome.conflicts},
                           {QStringLiteral("rejected"), outcome.rejected},
                           {QStringLiteral("refused_locally"), outcome.refusedLocally},
                           {QStringLiteral("syncs"), outcome.syncs},
                           {QStringLiteral("failed_syncs"), outcome.failedSyncs},
                           {QStringLiteral("faults"), outcome.faults},
                           {QStringLiteral("records"), outcome.records},
                           {QStringLiteral("settle_rounds"), outcome.settleRounds},
                           {QStringLiteral("converged"), outcome.converged},
                           {QStringLiteral("elapsed_ms"), outcome.elapsedMs}});
    if (!outcome.converged)
        reportError(QStringLiteral("sim"), outcome.failure);
    return outcome.converged;
}

} // namespace

FIELDSYNC_BENCH("sim", 80, runSim);

} // namespace fieldsync::bench
