#pragma once

// What the sync benchmarks (push, pull, drain) share: a real fieldsync-server process on loopback,
// a device on the real core (DeviceStore, SyncApiClient, SyncEngine) in its own data directory,
// permit-shaped records like the PouchDB peer's documents, and a bounded, observed sync run.

#include "BenchRegistry.h"
#include "ServerProcess.h"

#include "store/DeviceStore.h"
#include "sync/SyncApiClient.h"
#include "sync/SyncEngine.h"

#include <QJsonObject>
#include <QTemporaryDir>
#include <QUrl>

#include <functional>
#include <memory>

namespace fieldsync::bench {

// The project every sync benchmark works in.
QString benchProject();

// The fields of the index-th permit: the same shape and about the same size (~650 bytes of JSON) as
// the documents tests/bench/peers/pouchdb_push.js replicates.
QJsonObject permitFields(int index);

// A fieldsync-server process with its own database in a temporary folder, stopped (and its folder
// removed) by the destructor. Runs without the per-user rate limit: the benchmarks measure how fast
// one device can go, not the limiter.
class BenchServer
{
public:
    BenchServer();
    ~BenchServer();

    Result<void> start();
    // A foreman in benchProject(); returns the token.
    Result<QString> addForeman(const QString &name);
    QUrl url() const;
    // Peak resident memory of the server process so far (VmHWM), in MiB; -1 when unknown.
    double peakRssMb() const;
    // CPU time the server process has used so far (user and system), or -1.
    double cpuSeconds() const;

private:
    // /proc/<server pid>/<name>, empty when unreadable.
    QByteArray procFile(const char *name) const;

    std::unique_ptr<test::ServerProcess> m_process;
};

// How one sync run went, as a benchmark needs it.
struct SyncRun
{
    SyncReport report;
    double pushSeconds = 0;    // from start() until the push phase ended (the outbox drained)
    double totalSeconds = 0;   // until finished (the pull phase included)
    QList<double> batchMs;     // per push batch: from the previous batch settled to this one settled
    double pushCpuSeconds = 0; // this process's CPU time (all its threads) in the push phase
    double slowestBatchMs() const;
    // The mean of the first (or last) tenth of the batches, to show whether batches slow down.
    double earlyBatchMs() const;
    double lateBatchMs() const;
};

// One device signed in to a server, its data directory removed with it.
class BenchDevice
{
public:
    ~BenchDevice();

    // userName/token as add-user made them; the account is written as a sign-in would.
    static Result<std::unique_ptr<BenchDevice>> open(const QString &parentDir, const QUrl &server,
                                                     const QString &userName, const QString &token);

    DeviceStore &store() { return *m_store; }

    // Queues count new permits (the index-th onwards) exactly as LocalEditor::create stores them:
    // the record and its create change. Set-up, not timed: many per transaction to be quick.
    Result<void> queuePermits(int first, int count);

    // Runs one sync to the end; an error when it fails or takes longer than timeoutMs.
    // onPushEnded runs the moment the push phase ends (to read another process's clock then).
    Result<SyncRun> sync(int timeoutMs, const std::function<void()> &onPushEnded = {});

private:
    BenchDevice() = default;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<DeviceStore> m_store;
    std::unique_ptr<SyncApiClient> m_api;
    std::unique_ptr<SyncEngine> m_engine;
};

// Resets this process's peak resident memory (VmHWM), so that peakRssMbOfSelf() covers only what
// follows. False when the kernel does not allow it.
bool resetPeakRss();

double roundTo(double value, int decimals = 1);
double medianOf(QList<double> values);

} // namespace fieldsync::bench
