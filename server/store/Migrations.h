#pragma once

#include <QList>
#include <QStringList>

namespace fieldsync::server {

// One forward step of the server schema. The SQL is kept to what SQLite and PostgreSQL both
// accept (TEXT/BIGINT/INTEGER, no AUTOINCREMENT, keys made by the application), so that the
// PostgreSQL backend can run the same steps.
struct Migration
{
    int version = 0;
    QStringList statements;
};

namespace Migrations {

const QList<Migration> &all();
int latestVersion();

} // namespace Migrations

} // namespace fieldsync::server
