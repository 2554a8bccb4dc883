#include "CliRunner.h"

#include <QCoreApplication>
#include <QDir>
#include <QProcess>

namespace fieldsync::test {

CliRunner::CliRunner(QString dataDir)
    : m_dataDir(std::move(dataDir))
{}

QString CliRunner::binary()
{
    const QString dir = qEnvironmentVariable("FIELDSYNC_BIN_DIR", QCoreApplication::applicationDirPath());
    return QDir(dir).filePath(QStringLiteral("fieldsync-cli"));
}

CliResult CliRunner::run(const QStringList &arguments) const
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("fieldsync.*=false"));
    process.setProcessEnvironment(environment);
    process.start(binary(), QStringList{QStringLiteral("--data-dir"), m_dataDir} + arguments);
    CliResult result;
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        result.err = "timed out";
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

} // namespace fieldsync::test
