// kill_device: the device-killed-at-random-points harness of tst_killdevice (KillDeviceHarness),
// 200 seeded trials by default (--n to change) against one fieldsync-server process. Every trial
// drives fieldsync-cli processes, SIGKILLs some at random moments, restarts, syncs and checks
// that every acknowledged edit reached the server exactly once:
//   {"bench":"kill_device","trials":200,"acknowledged":..,"lost":0,"duplicated":0,"kills":..,
//    "commands":..,"failed_seeds":[],"seconds":..}
// A trial with any other problem (a damaged store, a sync that never settled) fails the bench
// with its seed, to replay with FIELDSYNC_KILL_SEED=<seed> tst_killdevice.
#include "BenchRegistry.h"
#include "KillDeviceHarness.h"
#include "ServerProcess.h"

#include <QElapsedTimer>
#include <QJsonArray>

namespace fieldsync::bench {

namespace {

constexpr int DefaultTrials = 200;

bool runKillDevice(const BenchOptions &options)
{
    const QString name = QStringLiteral("kill_device");
    qputenv("FIELDSYNC_BIN_DIR", options.binDir.toUtf8());
    test::ServerProcess server(
        {QStringLiteral("--rate-limit"), QStringLiteral("off")}); // not under test here
    if (Result<void> started = server.start(); !started) {
        reportError(name, started.error().toString());
        return false;
    }
    const Result<QString> foreman =
        server.addUser(QStringLiteral("ana"), QStringLiteral("foreman"), {QStringLiteral("site")});
    const Result<QString> pm =
        server.addUser(QStringLiteral("pia"), QStringLiteral("pm"), {QStringLiteral("site")});
    if (!foreman || !pm) {
        reportError(name, QStringLiteral("cannot add the users"));
        return false;
    }
    test::KillDeviceHarness harness(server.url(), foreman.value(), pm.value(), options.workDir);

    QElapsedTimer timer;
    timer.start();
    const int trials = options.n > 0 ? options.n : DefaultTrials;
    int acknowledged = 0;
    int lost = 0;
    int duplicated = 0;
    int kills = 0;
    int commands = 0;
    QJsonArray failedSeeds;
    QStringList problems;
    for (const quint64 seed : test::KillDeviceHarness::seeds(trials)) {
        const Result<test::KillTrialOutcome> trial = harness.runTrial(seed);
        if (!trial) {
            reportError(name, QStringLiteral("seed %1: %2").arg(seed).arg(trial.error().toString()));
            return false;
        }
        const test::KillTrialOutcome &outcome = trial.value();
        acknowledged += outcome.acknowledged;
        lost += outcome.lost;
        duplicated += outcome.duplicated;
        kills += outcome.kills;
        commands += outcome.commands;
        if (!outcome.clean()) {
            failedSeeds.append(QString::number(seed));
            problems.append(
                QStringLiteral("seed %1: %2").arg(seed).arg(outcome.problems.join(QStringLiteral("; "))));
        }
    }
    emitResult(QJsonObject{{QStringLiteral("bench"), name},
                           {QStringLiteral("trials"), trials},
                           {QStringLiteral("acknowledged"), acknowledged},
                           {QStringLiteral("lost"), lost},
                           {QStringLiteral("duplicated"), duplicated},
                           {QStringLiteral("kills"), kills},
                           {QStringLiteral("commands"), commands},
                           {QStringLiteral("failed_seeds"), failedSeeds},
                           {QStringLiteral("seconds"), double(timer.elapsed() / 100) / 10.0}});
    for (const QString &problem : std::as_const(problems))
        reportError(name, problem);
    return problems.isEmpty();
}

} // namespace

FIELDSYNC_BENCH("kill_device", 70, runKillDevice);

} // namespace fieldsync::bench
