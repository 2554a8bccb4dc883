#include "PostgresCluster.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTcpServer>
#include <QThread>
#include <QVersionNumber>

#include <csignal>
#include <grp.h>
#include <pwd.h>
#include <sys/prctl.h>
#include <unistd.h>

namespace fieldsync::test {

namespace {

const QString SuperUser = QStringLiteral("fieldsync");

Error clusterError(const QString &message)
{
    return makeError(QStringLiteral("postgres_cluster"), message);
}

quint16 freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

std::unique_ptr<PostgresCluster> &sharedCluster()
{
    static std::unique_ptr<PostgresCluster> cluster;
    return cluster;
}

void stopSharedCluster()
{
    sharedCluster().reset();
}

} // namespace

PostgresCluster::PostgresCluster()
    : m_dir(QDir::tempPath() + QStringLiteral("/fieldsync-pg-XXXXXX"))
{}

PostgresCluster::~PostgresCluster()
{
    stop();
}

QString PostgresCluster::binDir()
{
    // Debian keeps each major version's programs in /usr/lib/postgresql/<version>/bin, off PATH.
    const QDir versions(QStringLiteral("/usr/lib/postgresql"));
    QVersionNumber best;
    QString bestDir;
    for (const QString &version : versions.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QString dir = versions.filePath(version + QStringLiteral("/bin"));
        const QVersionNumber number = QVersionNumber::fromString(version);
        if (QFile::exists(dir + QStringLiteral("/initdb")) && number > best) {
            best = number;
            bestDir = dir;
        }
    }
    if (!bestDir.isEmpty())
        return bestDir;
    QProcess pgConfig;
    pgConfig.start(QStringLiteral("pg_config"), {QStringLiteral("--bindir")});
    if (pgConfig.waitForFinished(5000) && pgConfig.exitCode() == 0) {
        const QString dir = QString::fromLocal8Bit(pgConfig.readAllStandardOutput()).trimmed();
        if (QFile::exists(dir + QStringLiteral("/initdb")))
            return dir;
    }
    const QString initdb = QStandardPaths::findExecutable(QStringLiteral("initdb"));
    return initdb.isEmpty() ? QString() : QFileInfo(initdb).absolutePath();
}

Result<PostgresCluster *> PostgresCluster::shared()
{
    std::unique_ptr<PostgresCluster> &cluster = sharedCluster();
    if (cluster && cluster->isRunning())
        return cluster.get();
    cluster = std::make_unique<PostgresCluster>();
    if (const Result<void> started = cluster->start(); !started) {
        cluster.reset();
        return started.error();
    }
    qAddPostRoutine(stopSharedCluster);
    return cluster.get();
}

Result<QString> PostgresCluster::newSharedDatabase()
{
    if (binDir().isEmpty())
        return clusterError(
            QStringLiteral("PostgreSQL is not installed (scripts/install-deps.sh installs it)"));
    const Result<PostgresCluster *> cluster = shared();
    if (!cluster)
        return cluster.error();
    return cluster.value()->createDatabase();
}

Result<void> PostgresCluster::prepareOwner()
{
    if (::geteuid() != 0)
        return {};
    QString user = qEnvironmentVariable("FIELDSYNC_PG_USER");
    if (user.isEmpty())
        user = QStringLiteral("postgres");
    const passwd *entry = ::getpwnam(user.toLocal8Bit().constData());
    if (!entry) {
        return clusterError(QStringLiteral("running as root, and there is no '%1' user to own the test "
                                           "cluster (install Debian's postgresql package, or set "
                                           "FIELDSYNC_PG_USER)")
                                .arg(user));
    }
    m_uid = int(entry->pw_uid);
    m_gid = int(entry->pw_gid);
    if (::chown(QFile::encodeName(m_dir.path()).constData(), uid_t(m_uid), gid_t(m_gid)) != 0)
        return clusterError(QStringLiteral("cannot hand %1 to %2").arg(m_dir.path(), user));
    return {};
}

void PostgresCluster::configure(QProcess &process) const
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString &name : {QStringLiteral("PGDATA"), QStringLiteral("PGHOST"), QStringLiteral("PGPORT"),
                                QStringLiteral("PGUSER"), QStringLiteral("PGDATABASE")})
        environment.remove(name);
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    process.setProcessEnvironment(environment);
    process.setWorkingDirectory(m_dir.path());
    const int uid = m_uid;
    const int gid = m_gid;
    // Runs in the child between fork and exec: only async-signal-safe calls. The death signal
    // is set after the user switch, which would otherwise clear it.
    process.setChildProcessModifier([uid, gid] {
        if (uid >= 0) {
            if (::setgroups(0, nullptr) != 0 || ::setgid(gid_t(gid)) != 0 || ::setuid(uid_t(uid)) != 0)
                ::_exit(126);
        }
        ::prctl(PR_SET_PDEATHSIG, SIGQUIT);
    });
}

Result<void> PostgresCluster::runInitdb(int timeoutMs)
{
    QProcess initdb;
    configure(initdb);
    initdb.setProcessChannelMode(QProcess::MergedChannels);
    initdb.start(binDir() + QStringLiteral("/initdb"),
                 {QStringLiteral("-D"), m_dir.filePath(QStringLiteral("data")), QStringLiteral("-U"),
                  SuperUser, QStringLiteral("-A"), QStringLiteral("trust"), QStringLiteral("-E"),
                  QStringLiteral("UTF8"), QStringLiteral("--locale=C"), QStringLiteral("--no-sync")});
    if (!initdb.waitForFinished(timeoutMs) || initdb.exitStatus() != QProcess::NormalExit ||
        initdb.exitCode() != 0) {
        initdb.kill();
        return clusterError(QStringLiteral("initdb failed (%1): %2")
                                .arg(initdb.exitCode())
                                .arg(QString::fromLocal8Bit(initdb.readAll()).right(2000)));
    }
    return {};
}

Result<void> PostgresCluster::start(int timeoutMs)
{
    if (isRunning())
        return {};
    if (!m_dir.isValid())
        return clusterError(QStringLiteral("no temporary folder"));
    if (binDir().isEmpty())
        return clusterError(
            QStringLiteral("PostgreSQL is not installed (scripts/install-deps.sh installs it)"));
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
        return clusterError(QStringLiteral("Qt's QPSQL driver is missing (libqt6sql6-psql)"));
    if (const Result<void> owned = prepareOwner(); !owned)
        return owned;
    const QDeadlineTimer deadline(timeoutMs);
    if (const Result<void> initialised = runInitdb(timeoutMs); !initialised)
        return initialised;

    // A free port can be taken between the probe and the postmaster's bind: try a few.
    for (int attempt = 0; attempt < 5 && !deadline.hasExpired(); ++attempt) {
        m_port = freePort();
        m_postgres = std::make_unique<QProcess>();
        configure(*m_postgres);
        m_postgres->setStandardOutputFile(m_dir.filePath(QStringLiteral("postgres.log")), QIODevice::Append);
        m_postgres->setStandardErrorFile(m_dir.filePath(QStringLiteral("postgres.log")), QIODevice::Append);
        m_postgres->start(binDir() + QStringLiteral("/postgres"),
                          {QStringLiteral("-D"), m_dir.filePath(QStringLiteral("data")), QStringLiteral("-p"),
                           QString::number(m_port), QStringLiteral("-k"), m_dir.path(), QStringLiteral("-c"),
                           QStringLiteral("listen_addresses=127.0.0.1"), QStringLiteral("-c"),
                           QStringLiteral("fsync=off"), QStringLiteral("-c"),
                           QStringLiteral("synchronous_commit=off"), QStringLiteral("-c"),
                           QStringLiteral("full_page_writes=off"), QStringLiteral("-c"),
                           QStringLiteral("max_connections=200"), QStringLiteral("-c"),
                           QStringLiteral("shared_buffers=32MB")});
        if (!m_postgres->waitForStarted(10000))
            return clusterError(QStringLiteral("cannot start postgres: %1").arg(m_postgres->errorString()));
        const Result<void> ready = waitUntilReady(int(qMax<qint64>(1000, deadline.remainingTime())));
        if (ready)
            return {};
        if (m_postgres->state() == QProcess::Running)
            return ready; // running but not answering: no point in another port
        m_postgres.reset();
    }
    return clusterError(QStringLiteral("postgres did not start:\n") + logs().right(3000));
}

Result<void> PostgresCluster::waitUntilReady(int timeoutMs)
{
    const QString connection = QStringLiteral("fieldsync-cluster-probe-%1").arg(m_port);
    const QDeadlineTimer deadline(timeoutMs);
    Result<void> result = clusterError(QStringLiteral("postgres did not accept connections in time:\n"));
    while (!deadline.hasExpired() && m_postgres->state() == QProcess::Running) {
        bool open = false;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
            db.setHostName(QStringLiteral("127.0.0.1"));
            db.setPort(m_port);
            db.setUserName(SuperUser);
            db.setDatabaseName(QStringLiteral("postgres"));
            open = db.open();
            db.close();
        }
        QSqlDatabase::removeDatabase(connection);
        if (open)
            return {};
        QThread::msleep(100);
    }
    return clusterError(QStringLiteral("postgres did not accept connections:\n") + logs().right(3000));
}

bool PostgresCluster::isRunning() const
{
    return m_postgres && m_postgres->state() == QProcess::Running;
}

void PostgresCluster::stop()
{
    if (!isRunning())
        return;
    // Fast shutdown: active sessions are cut, nothing is waited for.
    ::kill(pid_t(m_postgres->processId()), SIGINT);
    if (!m_postgres->waitForFinished(15000)) {
        m_postgres->kill();
        m_postgres->waitForFinished(5000);
    }
    m_postgres.reset();
}

QString PostgresCluster::logs() const
{
    QFile file(m_dir.filePath(QStringLiteral("postgres.log")));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

Result<QString> PostgresCluster::createDatabase()
{
    if (!isRunning())
        return clusterError(QStringLiteral("the cluster is not running"));
    const QString name = QStringLiteral("fieldsync_%1_%2").arg(::getpid()).arg(++m_databases);
    const QString connection = QStringLiteral("fieldsync-cluster-admin-%1").arg(m_port);
    QString failure;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
        db.setHostName(QStringLiteral("127.0.0.1"));
        db.setPort(m_port);
        db.setUserName(SuperUser);
        db.setDatabaseName(QStringLiteral("postgres"));
        if (!db.open()) {
            failure = db.lastError().text();
        } else {
            QSqlQuery query(db);
            if (!query.exec(QStringLiteral("CREATE DATABASE %1").arg(name)))
                failure = query.lastError().text();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    if (!failure.isEmpty())
        return clusterError(QStringLiteral("CREATE DATABASE %1 failed: %2").arg(name, failure));
    return QStringLiteral("postgresql://%1@127.0.0.1:%2/%3").arg(SuperUser).arg(m_port).arg(name);
}

} // namespace fieldsync::test
