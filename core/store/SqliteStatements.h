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
    Result<void> select(const QString &sql, const SqlValue *values, qsizetype count,
                        const std::function<void(const SqlRow &)> &onRow);

private:
    Result<void> run(const QString &sql, const SqlValue *values, qsizetype count,
                     const std::function<void(const SqlRow &)> &onRow);
    Result<sqlite3_stmt *> prepared(const QString &sql, const SqlValue *values, qsizetype count);
    Error failure(const QString &sql) const;

    sqlite3 *m_db;
    // What a place of a statement holds: bindings outlive a reset, so a value equal to the one
    // bound there last time is not bound again (a push binds its time, user, device and the
    // entity's name for every change), nor is the same UTF-16 text converted again.
    struct Place
    {
        enum class Bound
        {
            Nothing, // unknown: not bound yet, or its bindings were cleared
            Null,
            Integer,
            Text, // text, which SQLite reads in place (SQLITE_STATIC)
        };
        Bound bound = Bound::Nothing;
        qint64 integer = 0;
        // The text last bound to the place, or converted for it: it stays until the place is
        // bound anew, for SQLite may read it until then.
        QByteArray text;
        // The UTF-16 text that text was converted from (null when it came as UTF-8).
        QString from;
    };
    struct Prepared
    {
        sqlite3_stmt *statement = nullptr;
        QList<Place> places;
    };
    QHash<QString, Prepared> m_statements;
};

} // namespace fieldsync
