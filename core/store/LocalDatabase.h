#pragma once

#include "SqlValue.h"
#include "common/Result.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <functional>
#include <initializer_list>
#include <memory>
#include <unordered_map>

namespace fieldsync {

class SqliteStatements;
class WalCheckpointer;

// The device's SQLite file: WAL, synchronous=FULL (the outbox is the only copy of a foreman's
// work), foreign keys, schema versioned in PRAGMA user_version with forward migrations.
class LocalDatabase
{
public:
    static constexpr int SchemaVersion = 2;

    ~LocalDatabase();
    LocalDatabase(const LocalDatabase &) = delete;
    LocalDatabase &operator=(const LocalDatabase &) = delete;

    // Errors: store_open, store_too_new (written by a newer FieldSync), store_migration.
    static Result<std::unique_ptr<LocalDatabase>> open(const QString &path);

    QSqlDatabase &connection() { return m_db; }
    const QString &path() const { return m_path; }

    // Runs a prepared query; every store statement goes through here so that a test can make the
    // n-th database operation fail like a full disk would.
    Result<void> exec(QSqlQuery &query);
    Result<void> exec(const QString &sql);
    // A prepared statement, cached by its text: preparing costs more than running on the hot
    // edit path. Callers bind and run it before asking for the same statement again.
    QSqlQuery &prepare(const QString &sql);
    // A cached write for the hot paths (settling a page of answers): straight through SQLite's C
    // API when the QtSql driver shares this build's SQLite (no QVariant or UTF-16 per value),
    // else through prepare() and exec(). Like exec(): counts as an operation for the failure
    // hook, and outside a transaction releases reads first. The number of rows changed.
    Result<qint64> write(const QString &sql, std::initializer_list<SqlValue> values);
    // The same for a query: each row goes to onRow, and the statement is done (no read left
    // open) when this returns.
    Result<void> select(const QString &sql, std::initializer_list<SqlValue> values,
                        const std::function<void(const SqlRow &)> &onRow);

    Result<void> begin();
    Result<void> commit();
    void rollback();

    // Resets every cached statement. A statement whose rows were not read to the end keeps the
    // connection in a read transaction, pinned to the snapshot it started in: it would not see
    // what another process (fieldsync-cli next to a watching device) committed since, and its
    // next write would fail as "database is locked". begin() calls it, and so does every write
    // outside a transaction; so does anything that polls for other processes' writes. Never call
    // it while iterating a result.
    void releaseReads();

    // Test hook: called before every operation with its running number; returning true fails it,
    // as SQLite would fail it: a disk I/O error (store_io) or a full disk (store_full).
    using FailurePoint = std::function<bool(qint64 operation)>;
    enum class FailureKind
    {
        IoError,
        DiskFull
    };
    void setFailurePoint(FailurePoint failurePoint, FailureKind kind = FailureKind::IoError)
    {
        m_failurePoint = std::move(failurePoint);
        m_failureKind = kind;
    }
    qint64 operationCount() const { return m_operations; }

private:
    LocalDatabase() = default;
    Result<void> configure();
    Result<void> migrate();
    Result<void> injectedFailure();
    Result<void> execCached(const QString &sql);

    QSqlDatabase m_db;
    QString m_connectionName;
    QString m_path;
    FailurePoint m_failurePoint;
    FailureKind m_failureKind = FailureKind::IoError;
    std::unordered_map<QString, std::unique_ptr<QSqlQuery>> m_statements;
    std::unique_ptr<SqliteStatements> m_direct;
    std::unique_ptr<WalCheckpointer> m_checkpointer;
    qint64 m_operations = 0;
    bool m_inTransaction = false;
};

// Rolls back unless committed: a failed step never leaves half an edit behind.
class Transaction
{
public:
    explicit Transaction(LocalDatabase &db);
    ~Transaction();
    Result<void> begin();
    Result<void> commit();

private:
    LocalDatabase &m_db;
    bool m_open = false;
};

} // namespace fieldsync
