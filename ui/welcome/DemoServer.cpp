#include "DemoServer.h"

#include "common/UiLogging.h"
#include "settings/DeviceSettings.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <csignal>
#include <sys/prctl.h>

namespace fieldsync::ui {

namespace {

const QString DemoDeviceKey = QStringLiteral("ui_demo_server");
const QByteArray ListeningPrefix = QByteArrayLiteral("listening on ");
const QByteArray ForemanTokenPrefix = QByteArrayLiteral("demo foreman token: ");
constexpr int StopGraceMs = 5000;

} // namespace

DemoServer::DemoServer(QObject *parent)
    : QObject(parent)
    , m_program(defaultProgram())
{
    m_timeout.setSingleShot(true);
    m_timeout.setInterval(30000); // a first start creates and seeds the database
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    // The demo server ends with FieldSync however FieldSync ends (a logout's SIGTERM, a crash),
    // not only through stop(): it gets SIGTERM, which it answers by finishing and exiting.
    m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &DemoServer::readOutput);
    connect(&m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            fail(tr("The demo server %1 could not be started: %2").arg(m_program, m_process.errorString()));
    });
    connect(&m_process, &QProcess::finished, this, [this](int exitCode) {
        const QString errors = QString::fromLocal8Bit(m_process.readAllStandardError()).trimmed();
        if (m_stopping)
            return; // stop() asked for it
        qCWarning(lcUi) << "demo server exited with" << exitCode << errors.right(500);
        fail(tr("The demo server stopped (exit code %1): %2").arg(exitCode).arg(errors.right(300)));
    });
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        fail(tr("The demo server did not start within %1 seconds.").arg(m_timeout.interval() / 1000));
        stop();
    });
}

DemoServer::~DemoServer()
{
    stop();
}

QString DemoServer::defaultProgram()
{
    // Beside the GUI in a build; the package keeps its private copy in /usr/libexec/fieldsync.
    const QDir programs(QCoreApplication::applicationDirPath());
    const QString beside = programs.filePath(QStringLiteral("fieldsync-server"));
    const QString packaged =
        QDir::cleanPath(programs.filePath(QStringLiteral("../libexec/fieldsync/fieldsync-server")));
    return !QFileInfo(beside).isExecutable() && QFileInfo(packaged).isExecutable() ? packaged : beside;
}

void DemoServer::start(const QString &databasePath)
{
    stop();
    m_pending.clear();
    m_url.clear();
    m_foremanToken.clear();
    m_reported = false;
    if (!QFileInfo(m_program).isExecutable()) {
        fail(tr("The demo server is not installed: %1 is missing.").arg(m_program));
        return;
    }
    qCInfo(lcUi) << "starting demo server" << m_program << "with" << databasePath;
    m_timeout.start();
    m_process.start(m_program, {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                                QStringLiteral("--db"), databasePath, QStringLiteral("--demo")});
}

void DemoServer::stop()
{
    m_timeout.stop();
    if (m_process.state() == QProcess::NotRunning)
        return;
    // No "stopped" report for a stop we asked for.
    m_reported = true;
    m_stopping = true;
    m_process.terminate(); // graceful: the server answers what is in flight, then exits
    if (!m_process.waitForFinished(StopGraceMs)) {
        m_process.kill();
        m_process.waitForFinished(StopGraceMs);
    }
    m_stopping = false;
}

void DemoServer::readOutput()
{
    m_pending += m_process.readAllStandardOutput();
    qsizetype end;
    while ((end = m_pending.indexOf('\n')) >= 0) {
        const QByteArray line = m_pending.left(end).trimmed();
        m_pending.remove(0, end + 1);
        if (line.startsWith(ForemanTokenPrefix))
            m_foremanToken = QString::fromUtf8(line.mid(ForemanTokenPrefix.size()));
        else if (line.startsWith(ListeningPrefix))
            m_url = QString::fromUtf8(line.mid(ListeningPrefix.size()));
    }
    if (m_url.isEmpty() || m_reported)
        return;
    m_timeout.stop();
    if (m_foremanToken.isEmpty()) {
        fail(tr("The demo server started without printing a demo token."));
        stop();
        return;
    }
    m_reported = true;
    qCInfo(lcUi) << "demo server listening on" << m_url;
    emit ready(m_url, m_foremanToken);
}

void DemoServer::fail(const QString &reason)
{
    if (m_reported)
        return;
    m_reported = true;
    m_timeout.stop();
    emit failed(reason);
}

bool DemoServer::isDemoDevice(DeviceStore &store)
{
    Result<QString> marker = store.meta().value(DemoDeviceKey);
    return marker && marker.value() == QLatin1String("1");
}

QString DemoServer::databasePath(DeviceStore &store)
{
    return QDir(store.dataDir()).filePath(QStringLiteral("demo-server.db"));
}

Result<void> DemoServer::signIn(DeviceStore &store, const QString &url, const QString &token)
{
    Result<DeviceAccount> existing = store.account();
    if (!existing)
        return existing.error();
    DeviceAccount account = existing.value();
    account.serverUrl = url;
    account.token = token;
    // Who we are comes with the server's first answer, as after `fieldsync-cli login`.
    account.userName.clear();
    account.role.reset();
    if (Result<void> saved = store.saveAccount(account); !saved)
        return saved;
    if (Result<void> marked = store.meta().setValue(DemoDeviceKey, QStringLiteral("1")); !marked)
        return marked;
    return DeviceSettings(store).setOfflineOnly(false);
}

} // namespace fieldsync::ui
