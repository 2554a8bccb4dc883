#pragma once

#include "ServerDatabase.h"

#include <QList>

namespace fieldsync::server {

// Moves a company's whole server database from its SQLite file to PostgreSQL (when it outgrows one
// machine), table by table in one transaction on the target, so that a failed copy leaves the
// target as empty as it was. Users keep their tokens, devices keep their pull cursors and their
// idempotency answers, and the audit trail comes along.
//
// The target must be freshly migrated and hold no data: this is a move, never a merge of two
// companies' histories. Tables are copied in the order the source created them, which is the
// order their foreign keys need.
class DatabaseCopier
{
public:
    struct TableCount
    {
        QString table;
        qint64 rows = 0;
    };

    // Errors: copy_source (not SQLite), copy_schema (versions differ), target_not_empty, database.
    static Result<QList<TableCount>> copy(ServerDatabase &source, ServerDatabase &target);

private:
    static Result<QStringList> tablesOf(ServerDatabase &source);
    static Result<QStringList> columnsOf(ServerDatabase &source, const QString &table);
    static Result<qint64> countRows(ServerDatabase &db, const QString &table);
    static Result<qint64> copyTable(ServerDatabase &source, ServerDatabase &target, const QString &table);
};

} // namespace fieldsync::server
