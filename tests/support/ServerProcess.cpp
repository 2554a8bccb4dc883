#include "ServerProcess.h"

#include "PostgresCluster.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <csignal>
#include <sys/prctl.h>

namespace fieldsync::test {

namespace {

const QString ListeningPrefix = QStringLiteral("listening on ");

Error processError(const QString &message, const QString &logs)
{
    QString text = message;
    if (!logs.trimmed().isEmpty())
        text += QStringLiteral("\n--- server output ---\n") + logs.right(4000);
    return makeError(QStringLiteral("server_process"), text);
}

bool liveLogs()
{
    return qEnvironmentVariableIntValue("FIELDSYNC_SERVER_LOGS") != 0;
}

} // namespace

ServerProcess::ServerProcess(QStringList extraArgs)
    : m_extraArgs(std::move(extraArgs))
    , m_databasePath(m_dir.filePath(QStringLiteral("server.db")))
    , m_attachmentsDir(m_dir.filePath(QStringLiteral("attachments")))
{}

ServerProcess::~ServerProcess()
{
    if (isRunning())
        (void)stop(5000);
}

QString ServerProcess::serverBinary()
{
    QString dir = qEnvironmentVariable("FIELDSYNC_BIN_DIR");
    if (dir.isEmpty())
        dir = QCoreApplication::applicationDirPath();
    return QDir(dir).filePath(QStringLiteral("fieldsync-server"));
}

bool ServerProcess::usesPostgres()
{
    return qEnvironmentVariable("FIELDSYNC_TEST_DB") == QLatin1String("postgresql");
}

Result<void> ServerProcess::prepareDatabase()
{
    if (m_databaseReady)
        return {};
    if (usesPostgres()) {
        const Result<QString> url = PostgresCluster::newSharedDatabase();
        if (!url)
            return url.error();
        m_databasePath = url.value();
    }
    m_databaseReady = true;
    return {};
}

bool ServerProcess::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

QUrl ServerProcess::url() const
{
    if (m_port == 0)
        return {};
    return QUrl(QStringLiteral("%1://127.0.0.1:%2").arg(m_scheme).arg(m_port));
}

QString ServerProcess::outputValue(const QString &prefix) const
{
    for (const QString &line : m_outputLines) {
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed();
    }
    return {};
}

QString ServerProcess::logs() const
{
    QFile file(logPath());
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

QString ServerProcess::logPath() const
{
    return m_dir.filePath(QStringLiteral("server.log"));
}

void ServerProcess::collectOutput()
{
    if (!m_process)
        return;
    m_stdoutBuffer += m_process->readAllStandardOutput();
    qsizetype newline = 0;
    while ((newline = m_stdoutBuffer.indexOf('\n')) >= 0) {
        m_outputLines.append(QString::fromUtf8(m_stdoutBuffer.left(newline)).trimmed());
        m_stdoutBuffer.remove(0, newline + 1);
    }
}

Result<void> ServerProcess::start(int timeoutMs)
{
    if (!m_dir.isValid())
        return makeError(QStringLiteral("server_process"), QStringLiteral("no temporary folder"));
    if (isRunning())
        return makeError(QStringLiteral("server_process"), QStringLiteral("the server is already running"));
    return launch(0, timeoutMs);
}

Result<void> ServerProcess::launch(quint16 port, int timeoutMs)
{
    const QString binary = serverBinary();
    if (!QFileInfo(binary).isExecutable())
        return makeError(QStringLiteral("server_process"),
                         QStringLiteral("no server binary at %1").arg(binary));
    if (const Result<void> prepared = prepareDatabase(); !prepared)
        return prepared;

    m_process = std::make_unique<QProcess>();
    m_stdoutBuffer.clear();
    m_outputLines.clear();
    m_process->setProgram(binary);
    // Logs go to a file, not a pipe: a pipe nobody drains would block the server once full.
    if (liveLogs())
        m_process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    else
        m_process->setStandardErrorFile(logPath(), QIODevice::Append);
    QStringList arguments{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(port),
                          QStringLiteral("--db"), m_databasePath};
    const bool attachmentsChosen =
        std::any_of(m_extraArgs.cbegin(), m_extraArgs.cend(), [](const QString &argument) {
            return argument.startsWith(QLatin1String("--attachments-dir")) ||
                   argument == QLatin1String("--no-attachments");
        });
    // A server on PostgreSQL refuses to start without a folder for attachments.
    if (m_databasePath.startsWith(QLatin1String("postgres")) && !attachmentsChosen)
        arguments << QStringLiteral("--attachments-dir") << m_attachmentsDir;
    m_process->setArguments(arguments + m_extraArgs);
    // A crashed test must not leave servers behind.
    m_process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
    m_process->start();
    if (!m_process->waitForStarted(timeoutMs))
        return processError(QStringLiteral("cannot start %1: %2").arg(binary, m_process->errorString()),
                            logs());

    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        collectOutput();
        for (const QString &line : std::as_const(m_outputLines)) {
            if (!line.startsWith(ListeningPrefix))
                continue;
            const QUrl listening(line.mid(ListeningPrefix.size()));
            if (!listening.isValid() || listening.port() <= 0)
                return processError(QStringLiteral("cannot read the port from '%1'").arg(line), logs());
            m_port = quint16(listening.port());
            m_scheme = listening.scheme();
            return {};
        }
        if (m_process->state() == QProcess::NotRunning) {
            finishRun();
            return processError(
                QStringLiteral("the server exited with code %1 before listening").arg(m_lastExitCode),
                logs());
        }
        m_process->waitForReadyRead(int(qBound(qint64(10), deadline.remainingTime(), qint64(200))));
    }
    kill();
    return processError(QStringLiteral("the server did not print 'listening on' within %1 ms").arg(timeoutMs),
                        logs());
}

void ServerProcess::finishRun()
{
    collectOutput();
    m_lastExitCode = m_process->exitStatus() == QProcess::NormalExit ? m_process->exitCode() : -1;
}

Result<void> ServerProcess::stop(int timeoutMs)
{
    if (!isRunning())
        return {};
    m_process->terminate();
    if (!m_process->waitForFinished(timeoutMs)) {
        kill();
        return processError(
            QStringLiteral("the server did not stop within %1 ms after SIGTERM; killed").arg(timeoutMs),
            logs());
    }
    finishRun();
    if (m_lastExitCode != 0)
        return processError(QStringLiteral("the server exited with code %1 on SIGTERM").arg(m_lastExitCode),
                            logs());
    return {};
}

void ServerProcess::terminate()
{
    if (isRunning())
        m_process->terminate();
}

int ServerProcess::waitForExit(int timeoutMs)
{
    if (!m_process)
        return -1;
    if (m_process->state() != QProcess::NotRunning && !m_process->waitForFinished(timeoutMs))
        return -1;
    finishRun();
    return m_lastExitCode;
}

void ServerProcess::kill()
{
    if (!isRunning())
        return;
    m_process->kill();
    m_process->waitForFinished(10000);
    finishRun();
    m_lastExitCode = -1;
}

Result<void> ServerProcess::restart(int timeoutMs)
{
    if (isRunning()) {
        if (const Result<void> stopped = stop(); !stopped)
            return stopped;
    }
    const Result<void> samePort = launch(m_port, timeoutMs);
    if (samePort || m_port == 0)
        return samePort;
    // The port was taken meanwhile: any free one will do, url() tells which.
    return launch(0, timeoutMs);
}

ServerProcess::CommandResult ServerProcess::runCommand(const QStringList &arguments)
{
    CommandResult result;
    if (const Result<void> prepared = prepareDatabase(); !prepared) {
        result.err = prepared.error().toString();
        return result;
    }
    QProcess process;
    process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
    process.start(serverBinary(), arguments + QStringList{QStringLiteral("--db"), m_databasePath});
    if (!process.waitForFinished(30000)) {
        process.kill();
        process.waitForFinished();
        result.err = QStringLiteral("%1 did not finish").arg(arguments.value(0));
        return result;
    }
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return result;
}

Result<QString> ServerProcess::addUser(const QString &name, const QString &role, const QStringList &projects)
{
    QStringList arguments{QStringLiteral("add-user"), name, QStringLiteral("--role"), role};
    for (const QString &project : projects)
        arguments << QStringLiteral("--project") << project;
    const CommandResult process = runCommand(arguments);
    const QString &output = process.out;
    if (process.exitCode != 0) {
        return makeError(
            QStringLiteral("server_process"),
            QStringLiteral("add-user %1 failed (%2): %3").arg(name).arg(process.exitCode).arg(process.err));
    }
    const QStringList lines = output.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    if (lines.isEmpty() || lines.constLast().trimmed().isEmpty())
        return makeError(QStringLiteral("server_process"), QStringLiteral("add-user printed no token"));
    return lines.constLast().trimmed();
}

} // namespace fieldsync::test
