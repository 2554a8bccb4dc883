#pragma once

#include "SqlValue.h"
#include "common/Result.h"

#include <QHash>
#include <QList>
#include <QString>

#include <functional>
#include <initializer_list>

struct sqlite3;
struct sqlite3_stmt;

class QSqlDatabase;

namespace fieldsync {

// Prepared statements run through the SQLite C API on the connection QtSql opened: the same
// connection, so they take part in its transactions, but without QtSql's per-value costs (each
// bound value converted to UTF-16 and back, each row cached as QVariants). Used for the few
// statements every synced change runs (the server's push, the device's settling of answers).
// Errors are Error{"database", ...}; callers that speak another code rename it.
class SqliteStatements
{
public:
    // The sqlite3 handle under a QSQLITE connection, or nullptr when the driver does not expose
    // one or was built with its own copy of SQLite (whose handle this build's library must
    // never touch).
    static sqlite3 *handleOf(const QSqlDatabase &db);

    explicit SqliteStatements(sqlite3 *db);
    ~SqliteStatements();
    SqliteStatements(const SqliteStatements &) = delete;
    SqliteStatements &operator=(const SqliteStatements &) = delete;

    // Runs a statement that returns no rows of interest; the number of rows it changed.
    Result<qint64> write(const QString &sql, std::initializer_list<SqlValue> values);
    // Runs a query, handing each row to onRow; the statement is reset afterwards, so that no read
    // snapshot stays open.
    Result<void> select(const QString &sql, std::initializer_list<SqlValue> values,
                        const std::function<void(const SqlRow &)> &onRow);
    // For a statement whose number of values is known only at run time.
    Result<void> select(const QString &sql, const QList<SqlValue> &values,
                        const std::function<void(const SqlRow &)> &onRow);

private:
    Result<void> run(const QString &sql, const SqlValue *values, qsizetype count,
                     const std::function<void(const SqlRow &)> &onRow);
    Result<sqlite3_stmt *> prepared(const QString &sql, const SqlValue *values, qsizetype count);
    Error failure(const QString &sql) const;

    sqlite3 *m_db;
    struct Prepared
    {
        sqlite3_stmt *statement = nullptr;
        // By place, the text last bound to it, which SQLite reads in place (SQLITE_STATIC):
        // bindings outlive a reset, so it stays until the statement's next run binds that place.
        QList<QByteArray> boundText;
        // By place: the UTF-16 text boundText's entry was converted from (null when it came as
        // UTF-8), so that the same text bound at the same place next time is not converted again.
        QList<QString> boundFrom;
    };
    QHash<QString, Prepared> m_statements;
};

} // namespace fieldsync
