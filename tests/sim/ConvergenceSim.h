#pragma once

#include "SimLedger.h"

#include <QString>

namespace fieldsync::sim {

struct SimConfig
{
    quint64 seed = 1;
    int devices = 3;
    int steps = 300;       // random actions, syncs included
    int faultPercent = 30; // of syncs that go through an armed fault
};

struct SimOutcome
{
    bool converged = false;
    QString failure; // what broke, with the seed and the ledger's tail; empty on success
    int edits = 0;   // ledger entries
    int applied = 0;
    int conflicts = 0; // edits that became conflicts (all resolved by the end)
    int rejected = 0;
    int refusedLocally = 0;
    int syncs = 0;
    int failedSyncs = 0; // syncs a fault made fail (retried later)
    int faults = 0;
    int settleRounds = 0;
    int records = 0; // on the server at the end
    qint64 elapsedMs = 0;
};

// Seeded property test of the whole loop: devices running the real core, each behind its own
// FaultProxy, against one real fieldsync-server process, make random offline edits of shared
// records and sync in random orders; then, faults off, everyone syncs until quiet. Every device
// must then hold exactly what the server holds (every record, field by field, and its version),
// and every edit must be accounted for: applied (exactly once: one audit entry per applied edit),
// resolved by a recorded choice, or rejected and still visible. The same seed replays the same
// actions (the network's timing may still differ).
SimOutcome runConvergenceSim(const SimConfig &config);

} // namespace fieldsync::sim
