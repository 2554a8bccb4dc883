#pragma once

#include <QJsonDocument>
#include <QStringList>

namespace fieldsync::test {

// Runs fieldsync-cli as a person or a script would, against one data directory.
struct CliResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QJsonDocument json() const { return QJsonDocument::fromJson(out); }
};

class CliRunner
{
public:
    explicit CliRunner(QString dataDir);
    CliResult run(const QStringList &arguments) const;
    static QString binary();

private:
    QString m_dataDir;
};

} // namespace fieldsync::test
