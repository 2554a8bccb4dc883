#pragma once

#include "DatabaseUrl.h"
#include "common/Result.h"
#include "store/SqlValue.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

#include <functional>
#include <initializer_list>
#include <memory>

namespace fieldsync {
class SqliteStatements;
class WalCheckpointer;
} // namespace fieldsync

namespace fieldsync::server {

// The server's database connection: opening it with the durability settings, bringing the schema
// forward, write transactions with savepoints, and a cache of prepared statements so that the hot
// paths (push, pull, auth) never compile their SQL twice.
//
// One instance per thread (a QSqlDatabase connection must stay on the thread that made it). All
// failures come back as Error{"database", ...}; the schema being newer than this build is
// Error{"schema_too_new", ...}.
class ServerDatabase
{
public:
    enum class Dialect
    {
        Sqlite,
        Postgres
    };

    ServerDatabase();
    ~ServerDatabase();
    ServerDatabase(const ServerDatabase &) = delete;
    ServerDatabase &operator=(const ServerDatabase &) = delete;

    // location: a file path for SQLite (created when missing) or a postgresql:// URL (see
    // DatabaseUrl). The schema is created or migrated before this returns.
    Result<void> open(const QString &location);
    void close();
    bool isOpen() const;

    Dialect dialect() const { return m_dialect; }
    int schemaVersion() const { return m_schemaVersion; }
    // Without any password, fit for logs.
    QString location() const { return m_location; }
    // The QSqlDatabase connection, for a reader that must not go through the statement cache.
    QString connectionName() const { return m_connectionName; }

    // Runs a statement from the cache (prepared on first use) with positional values. The query
    // stays valid until the same SQL runs again; callers that read rows call finish() when done,
    // so that SQLite does not keep a read snapshot open.
    Result<QSqlQuery *> run(const QString &sql, const QVariantList &values = {});
    // The hot paths' way to run a cached statement: on SQLite straight through its C API (no
    // QVariant or UTF-16 per value, the statement reset when done), elsewhere through run().
    // write is for statements whose rows (if any) nobody reads; select hands each row to onRow.
    Result<void> write(const QString &sql, std::initializer_list<SqlValue> values);
    Result<void> select(const QString &sql, std::initializer_list<SqlValue> values,
                        const std::function<void(const SqlRow &)> &onRow);
    Result<void> select(const QString &sql, const QList<SqlValue> &values,
                        const std::function<void(const SqlRow &)> &onRow);
    Result<void> select(const QString &sql, const SqlValue *values, qsizetype count,
                        const std::function<void(const SqlRow &)> &onRow);
    // Whether write and select go through SQLite's C API (false on PostgreSQL, and on SQLite when
    // the QtSql driver brings its own copy of the library).
    bool runsSqliteDirectly() const { return m_direct != nullptr; }
    // One-off statements (DDL, pragmas), not cached.
    Result<void> execute(const QString &sql);
    // Runs work with each statement planned for the values it is given. PostgreSQL plans a
    // cached statement once for all values after five runs, on its tables' statistics at that
    // moment: a lookup first run while a new database's table was nearly empty would go on
    // reading far more rows than it needs once the table has grown. SQLite plans every run.
    Result<void> withPlansForTheirValues(const std::function<Result<void>()> &work);

    // A write transaction. On SQLite it takes the write lock up front (BEGIN IMMEDIATE), so two
    // processes never deadlock upgrading a read lock; busy_timeout makes the second one wait.
    Result<void> beginWrite();
    Result<void> commit();
    Result<void> rollback();
    bool inTransaction() const { return m_inTransaction; }

    Result<void> savepoint(const QString &name);
    Result<void> releaseSavepoint(const QString &name);
    Result<void> rollbackToSavepoint(const QString &name);

    static Error databaseError(const QString &what, const QSqlError &error);

private:
    Result<void> connectSqlite(const QString &path);
    Result<void> connectPostgres(const DatabaseUrl &url);
    Result<void> openConnection(QSqlDatabase &db);
    // PostgreSQL: true when the connection turned out dead and was opened again (the caller
    // may retry what failed, as long as no transaction was open).
    bool reconnectIfBroken();
    Result<void> configureSqlite();
    Result<void> selectThroughQtSql(const QString &sql, const SqlValue *values, qsizetype count,
                                    const std::function<void(const SqlRow &)> &onRow);
    Result<void> migrate();
    Result<int> readSchemaVersion();

    QString m_connectionName;
    QString m_location;
    DatabaseUrl m_url;
    Dialect m_dialect = Dialect::Sqlite;
    int m_schemaVersion = 0;
    bool m_inTransaction = false;
    bool m_retrying = false;
    QHash<QString, std::shared_ptr<QSqlQuery>> m_statements;
    std::unique_ptr<SqliteStatements> m_direct;
    std::unique_ptr<WalCheckpointer> m_checkpointer;
};

} // namespace fieldsync::server
