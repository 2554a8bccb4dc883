#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <functional>

namespace fieldsync::bench {

struct BenchOptions
{
    int n = 0;       // 0: the benchmark's own default
    QString binDir;  // where fieldsync-server, fieldsync-cli and fieldsync live
    QString workDir; // a scratch directory for this run
    QString sourceDir;
};

// One benchmark: prints its own JSON lines through emitResult and returns false on failure.
using BenchFunction = std::function<bool(const BenchOptions &options)>;

struct BenchRegistration
{
    BenchRegistration(const QString &name, int order, BenchFunction function);
};

void emitResult(const QJsonObject &result);
void reportError(const QString &bench, const QString &message);
QStringList benchNames();
bool runBench(const QString &name, const BenchOptions &options);

// Peak resident memory of a finished child or of this process, from /proc.
double peakRssMbOfSelf();

} // namespace fieldsync::bench

#define FIELDSYNC_BENCH_CONCAT2(a, b) a##b
#define FIELDSYNC_BENCH_CONCAT(a, b) FIELDSYNC_BENCH_CONCAT2(a, b)
// Registers a benchmark at start-up; order decides where it runs in a full run.
#define FIELDSYNC_BENCH(name, order, function)                                                               \
    static const fieldsync::bench::BenchRegistration FIELDSYNC_BENCH_CONCAT(benchRegistration, __LINE__)(    \
        QStringLiteral(name), order, function)
