#pragma once

#include "common/Result.h"

#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace fieldsync::test {

// Runs the real fieldsync-server for a test, on 127.0.0.1 with a free port and its SQLite file
// in a temporary folder that lives as long as this object.
//
//     ServerProcess server;
//     const auto started = server.start();
//     QVERIFY2(started.ok(), qPrintable(started.error().toString()));
//     const Result<QString> token = server.addUser(QStringLiteral("ana"), QStringLiteral("foreman"),
//                                                  {QStringLiteral("site-1")});
//     ... talk to server.url() ...
//     server.kill();                 // as if the machine lost power (the process, not the disk)
//     QVERIFY(server.restart().ok()); // same database, same port when it is still free
//
// With FIELDSYNC_TEST_DB=postgresql in the environment (CTest's <test>_postgresql variants) the
// database is a fresh one on the test process's own PostgreSQL cluster (PostgresCluster::shared)
// instead, so the same test proves the same promises on PostgreSQL. setDatabase() shares one
// database between two ServerProcess objects (two instances behind a load balancer).
//
// The binary is $FIELDSYNC_BIN_DIR/fieldsync-server (set by fieldsync_add_test), else the one
// next to the test executable. Its stderr (logs) goes to <dataDir>/server.log and into the
// errors this class returns; set FIELDSYNC_SERVER_LOGS=1 to see it live instead. The server is killed with
// the test process even when the test crashes (PR_SET_PDEATHSIG), and stopped by the destructor.
//
// Not thread-safe; use it from the test's thread.
class ServerProcess
{
public:
    // extraArgs go after --listen and --db (e.g. --demo, --max-body 1024); do not pass
    // --listen or --db yourself.
    explicit ServerProcess(QStringList extraArgs = {});
    ~ServerProcess();
    ServerProcess(const ServerProcess &) = delete;
    ServerProcess &operator=(const ServerProcess &) = delete;

    // Starts the server and waits until it prints `listening on ...` (or fails, or times out).
    Result<void> start(int timeoutMs = 30000);
    // SIGTERM, then waits; an error if it did not exit with code 0 in time (it is killed then).
    Result<void> stop(int timeoutMs = 15000);
    // SIGKILL, no shutdown code runs.
    void kill();
    // SIGTERM without waiting (to watch the graceful shutdown), then waitForExit().
    void terminate();
    // Waits for the process to end; its exit code, or -1 when it crashed or did not end in time.
    int waitForExit(int timeoutMs = 15000);
    // stop() (when running) and start() on the same database, asking for the same port.
    Result<void> restart(int timeoutMs = 30000);

    // Runs `fieldsync-server add-user NAME --role ROLE --project P... --db <this database>` (the
    // server may be running or not) and returns the token it printed.
    Result<QString> addUser(const QString &name, const QString &role, const QStringList &projects);
    // Runs `fieldsync-server ARGS... --db <this database>`: exit code, stdout and stderr.
    struct CommandResult
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    CommandResult runCommand(const QStringList &arguments);

    bool isRunning() const;
    qint64 processId() const { return isRunning() ? m_process->processId() : 0; }
    QUrl url() const; // http(s)://127.0.0.1:PORT, empty before the first start
    quint16 port() const { return m_port; }
    // The SQLite file, or the postgresql:// URL (known once start() or addUser() ran, or after
    // setDatabase()).
    QString databasePath() const { return m_databasePath; }
    // Use this database (a file path or postgresql:// URL) instead of the test's own.
    void setDatabase(const QString &location)
    {
        m_databasePath = location;
        m_databaseReady = true;
    }
    // Creates the PostgreSQL database in PostgreSQL mode; nothing to do for SQLite.
    Result<void> prepareDatabase();
    // True when FIELDSYNC_TEST_DB=postgresql.
    static bool usesPostgres();
    QString dataDir() const { return m_dir.path(); }
    // Extra arguments for the next start() or restart().
    void setExtraArguments(const QStringList &extraArgs) { m_extraArgs = extraArgs; }
    // On PostgreSQL the server needs --attachments-dir: unless the extra arguments name one (or
    // --no-attachments), start() passes this folder, <dataDir>/attachments by default. Instances
    // sharing a database share it like a real deployment: b.setAttachmentsDir(a.attachmentsDir()).
    QString attachmentsDir() const { return m_attachmentsDir; }
    void setAttachmentsDir(const QString &dir) { m_attachmentsDir = dir; }

    // What the current run printed to stdout, line by line (demo tokens, `listening on ...`).
    QStringList outputLines() const { return m_outputLines; }
    // The rest of the first stdout line starting with prefix, e.g.
    // outputValue(QStringLiteral("demo pm token: ")). Empty when there is none.
    QString outputValue(const QString &prefix) const;
    // Everything the server wrote to stderr so far, this run and earlier ones.
    QString logs() const;
    QString logPath() const;
    // Exit code of the last run that ended (-1 when it crashed or was killed).
    int lastExitCode() const { return m_lastExitCode; }

    static QString serverBinary();

private:
    Result<void> launch(quint16 port, int timeoutMs);
    void collectOutput();
    void finishRun();

    QStringList m_extraArgs;
    QTemporaryDir m_dir;
    QString m_databasePath;
    QString m_attachmentsDir;
    std::unique_ptr<QProcess> m_process;
    QByteArray m_stdoutBuffer;
    QStringList m_outputLines;
    quint16 m_port = 0;
    QString m_scheme = QStringLiteral("http");
    int m_lastExitCode = 0;
    bool m_databaseReady = false;
};

} // namespace fieldsync::test
