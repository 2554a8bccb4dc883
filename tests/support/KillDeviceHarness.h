#pragma once

#include "common/Result.h"

#include <QStringList>
#include <QUrl>

namespace fieldsync::test {

// What one kill trial found. An edit is acknowledged when its fieldsync-cli command exited 0 and
// printed its id: the person saw it saved.
struct KillTrialOutcome
{
    quint64 seed = 0;
    int commands = 0;
    int kills = 0;
    int acknowledged = 0;
    int lost = 0;         // acknowledged, but not on the server after the final sync
    int duplicated = 0;   // applied on the server more than once
    QStringList problems; // every lost or duplicated edit, a damaged store, a sync that never settled

    bool clean() const { return lost == 0 && duplicated == 0 && problems.isEmpty(); }
};

// The "device killed at random points" harness, shared by tst_killdevice (20 trials) and
// `fieldsync-bench --only kill_device` (200). A trial is one device (a data directory) driven
// through real fieldsync-cli processes: creates, title edits, gas readings and syncs, each
// process SIGKILLed at a seeded random moment or left to finish. Then the device starts again
// (a new process on the same directory), syncs until nothing is queued, and the trial checks:
// the store passes PRAGMA integrity_check; every acknowledged create, edit and reading is on the
// server (pull and the audit trail of a PM) exactly once; nothing was rejected or conflicted.
//
// The server is a real fieldsync-server the caller runs; foremanToken's user makes the edits
// (project `site`), pmToken's reads the audit trail (same project).
class KillDeviceHarness
{
public:
    KillDeviceHarness(QUrl serverUrl, QString foremanToken, QString pmToken, QString workDir);

    // Replays exactly for the same seed (the kill moments are seeded; how far a process got by
    // then is up to the machine, so a failure may need a few runs of its seed to show again).
    Result<KillTrialOutcome> runTrial(quint64 seed);

    // Seeds for a run of trials: FIELDSYNC_KILL_SEED when set (one trial replayed), else
    // count seeds from a time-based start.
    static QList<quint64> seeds(int count);

private:
    QUrl m_serverUrl;
    QString m_foremanToken;
    QString m_pmToken;
    QString m_workDir;
};

} // namespace fieldsync::test
