#pragma once

#include "common/Result.h"

#include <QProcess>
#include <QTemporaryDir>

#include <memory>

namespace fieldsync::test {

// A throwaway PostgreSQL cluster owned by the test run: initdb into a temporary folder, a
// postmaster on 127.0.0.1 at a free port with its unix socket in that folder, fsync off (the
// data dies with the test anyway). Stopped and removed by the destructor, and killed with the
// test process if that crashes (PR_SET_PDEATHSIG), so no test leaves a server behind.
//
// PostgreSQL refuses to run as root: when the test runs as root (CI does) the cluster belongs to
// the `postgres` system user that Debian's postgresql package creates, or to the user named by
// FIELDSYNC_PG_USER.
//
//     PostgresCluster cluster;
//     QVERIFY2(cluster.start().ok(), ...);
//     const Result<QString> url = cluster.createDatabase(); // postgresql://fieldsync@127.0.0.1:P/db1
class PostgresCluster
{
public:
    PostgresCluster();
    ~PostgresCluster();
    PostgresCluster(const PostgresCluster &) = delete;
    PostgresCluster &operator=(const PostgresCluster &) = delete;

    Result<void> start(int timeoutMs = 60000);
    void stop();
    bool isRunning() const;

    // A new empty database; its URL, as fieldsync-server --db takes it.
    Result<QString> createDatabase();

    quint16 port() const { return m_port; }
    QString logs() const;

    // The folder holding initdb and postgres (the newest of /usr/lib/postgresql/*/bin, else
    // pg_config --bindir, else the PATH's); empty when PostgreSQL is not installed.
    static QString binDir();

    // One cluster for the whole test process, started on first use and stopped when the
    // QCoreApplication goes.
    static Result<PostgresCluster *> shared();
    // A new empty database on the shared cluster, or why there is none (PostgreSQL not
    // installed, the cluster not starting).
    static Result<QString> newSharedDatabase();

private:
    Result<void> prepareOwner();
    Result<void> runInitdb(int timeoutMs);
    Result<void> waitUntilReady(int timeoutMs);
    void configure(QProcess &process) const;

    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_postgres;
    quint16 m_port = 0;
    int m_databases = 0;
    // The user the cluster runs as; -1 when the test's own user is fine.
    int m_uid = -1;
    int m_gid = -1;
};

} // namespace fieldsync::test
