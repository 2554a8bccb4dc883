#include "BenchRegistry.h"

#include <QFile>
#include <QJsonDocument>
#include <QMap>

#include <cstdio>

namespace fieldsync::bench {

namespace {

struct Entry
{
    int order;
    BenchFunction function;
};

QMap<QString, Entry> &registry()
{
    static QMap<QString, Entry> benches;
    return benches;
}

} // namespace

BenchRegistration::BenchRegistration(const QString &name, int order, BenchFunction function)
{
    registry().insert(name, Entry{order, std::move(function)});
}

void emitResult(const QJsonObject &result)
{
    const QByteArray line = QJsonDocument(result).toJson(QJsonDocument::Compact);
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

void reportError(const QString &bench, const QString &message)
{
    const QByteArray line = (QStringLiteral("fieldsync-bench: %1: %2\n").arg(bench, message)).toUtf8();
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
}

QStringList benchNames()
{
    QList<std::pair<int, QString>> ordered;
    for (auto it = registry().begin(); it != registry().end(); ++it)
        ordered.append({it->order, it.key()});
    std::sort(ordered.begin(), ordered.end());
    QStringList names;
    for (const auto &[order, name] : ordered)
        names.append(name);
    return names;
}

bool runBench(const QString &name, const BenchOptions &options)
{
    const auto it = registry().constFind(name);
    if (it == registry().constEnd()) {
        reportError(
            name,
            QStringLiteral("no such benchmark (have: %1)").arg(benchNames().join(QStringLiteral(", "))));
        return false;
    }
    return it->function(options);
}

double peakRssMbOfSelf()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return -1;
}

} // namespace fieldsync::bench
