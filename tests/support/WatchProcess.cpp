#include "WatchProcess.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QJsonDocument>

#include <chrono>
#include <csignal>
#include <sys/prctl.h>

namespace fieldsync::test {

WatchProcess::WatchProcess(QString dataDir, QStringList extraArgs)
    : m_dataDir(std::move(dataDir))
    , m_extraArgs(std::move(extraArgs))
{}

WatchProcess::~WatchProcess()
{
    if (isRunning())
        terminate(5000);
}

QString WatchProcess::binary()
{
    const QString dir = qEnvironmentVariable("FIELDSYNC_BIN_DIR", QCoreApplication::applicationDirPath());
    return QDir(dir).filePath(QStringLiteral("fieldsync-cli"));
}

qint64 WatchProcess::steadyNowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

Result<void> WatchProcess::start()
{
    m_process = std::make_unique<QProcess>();
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    if (!environment.contains(QStringLiteral("QT_LOGGING_RULES")))
        environment.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("fieldsync.*=false"));
    m_process->setProcessEnvironment(environment);
    m_process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
    QObject::connect(m_process.get(), &QProcess::readyReadStandardOutput, m_process.get(),
                     [this] { readOutput(); });
    QObject::connect(m_process.get(), &QProcess::readyReadStandardError, m_process.get(),
                     [this] { m_errors += QString::fromUtf8(m_process->readAllStandardError()); });
    m_process->start(binary(), QStringList{QStringLiteral("--data-dir"), m_dataDir, QStringLiteral("watch"),
                                           QStringLiteral("--json")} +
                                   m_extraArgs);
    if (!m_process->waitForStarted(10000))
        return makeError(QStringLiteral("watch"),
                         QStringLiteral("cannot start %1: %2").arg(binary(), m_process->errorString()));
    return {};
}

bool WatchProcess::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

void WatchProcess::readOutput()
{
    m_buffer += m_process->readAllStandardOutput();
    const qint64 now = steadyNowNs();
    qsizetype newline = 0;
    while ((newline = m_buffer.indexOf('\n')) >= 0) {
        const QByteArray text = m_buffer.left(newline).trimmed();
        m_buffer.remove(0, newline + 1);
        if (text.isEmpty())
            continue;
        const QJsonDocument document = QJsonDocument::fromJson(text);
        QJsonObject object = document.object();
        if (!document.isObject())
            object.insert(QStringLiteral("unparsed"), QString::fromUtf8(text));
        m_lines.append({object, now});
    }
}

std::optional<int> WatchProcess::waitFor(const std::function<bool(const QJsonObject &)> &predicate,
                                         int timeoutMs, int from)
{
    QDeadlineTimer deadline(timeoutMs);
    int checked = from;
    while (true) {
        for (; checked < m_lines.size(); ++checked) {
            if (predicate(m_lines.at(checked).json))
                return checked;
        }
        if (deadline.hasExpired() || !isRunning())
            break;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        if (m_process->bytesAvailable() == 0)
            m_process->waitForReadyRead(int(qBound(qint64(1), deadline.remainingTime(), qint64(5))));
        readOutput();
    }
    readOutput();
    for (; checked < m_lines.size(); ++checked) {
        if (predicate(m_lines.at(checked).json))
            return checked;
    }
    return std::nullopt;
}

std::optional<int> WatchProcess::waitForStatus(const QString &state, int timeoutMs, int from, int pending)
{
    return waitFor(
        [&](const QJsonObject &line) {
            return line.value(QStringLiteral("event")) == QLatin1String("status") &&
                   line.value(QStringLiteral("state")).toString() == state &&
                   (pending < 0 || line.value(QStringLiteral("pending")).toInt() == pending);
        },
        timeoutMs, from);
}

QJsonObject WatchProcess::lastStatus() const
{
    for (qsizetype i = m_lines.size() - 1; i >= 0; --i) {
        if (m_lines.at(i).json.value(QStringLiteral("event")) == QLatin1String("status"))
            return m_lines.at(i).json;
    }
    return {};
}

QString WatchProcess::transcript() const
{
    QString text;
    for (const Line &line : m_lines)
        text +=
            QString::fromUtf8(QJsonDocument(line.json).toJson(QJsonDocument::Compact)) + QLatin1Char('\n');
    if (!m_errors.isEmpty())
        text += QStringLiteral("--- stderr ---\n") + m_errors;
    return text;
}

int WatchProcess::terminate(int timeoutMs)
{
    if (!m_process)
        return -1;
    if (isRunning()) {
        m_process->terminate();
        if (!m_process->waitForFinished(timeoutMs)) {
            m_process->kill();
            m_process->waitForFinished(5000);
            return -1;
        }
    }
    readOutput();
    m_errors += QString::fromUtf8(m_process->readAllStandardError());
    return m_process->exitStatus() == QProcess::NormalExit ? m_process->exitCode() : -1;
}

} // namespace fieldsync::test
