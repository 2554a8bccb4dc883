#pragma once

#include "common/Result.h"

#include <QString>

namespace fieldsync::server {

// What --db names: a SQLite file path, or a PostgreSQL URL
//     postgresql://user[:password]@host[:port]/database[?sslmode=require&host=/run/postgresql]
// (postgres:// too). A password may also come from PGPASSWORD or ~/.pgpass, which libpq reads
// itself, so that it need not appear on a command line that `ps` shows.
struct DatabaseUrl
{
    bool postgres = false;
    QString path; // SQLite
    QString host = QStringLiteral("localhost");
    int port = 5432;
    QString user;
    QString password;
    QString database;
    QString connectOptions; // for QSqlDatabase::setConnectOptions, e.g. "sslmode=require"

    static bool isPostgres(const QString &location);
    // Error usage with a reason for a malformed PostgreSQL URL.
    static Result<DatabaseUrl> parse(const QString &location);

    // The location without its password, fit for logs and messages.
    QString redacted() const;
};

} // namespace fieldsync::server
