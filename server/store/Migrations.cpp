#include "Migrations.h"

namespace fieldsync::server::Migrations {

namespace {

Migration initialSchema()
{
    return Migration{
        1,
        {
            // Ids are UUIDs made by the server, so no database-specific auto-increment is needed.
            QStringLiteral("CREATE TABLE users ("
                           " id TEXT PRIMARY KEY,"
                           " name TEXT NOT NULL UNIQUE,"
                           " role TEXT NOT NULL,"
                           " token_hash TEXT UNIQUE,"
                           " revoked INTEGER NOT NULL DEFAULT 0,"
                           " created_at TEXT NOT NULL)"),
            QStringLiteral("CREATE TABLE memberships ("
                           " user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
                           " project_id TEXT NOT NULL,"
                           " PRIMARY KEY (user_id, project_id))"),
            // One row per record in its latest state; seq is the global change sequence of its
            // last write, which is what pull pages by.
            QStringLiteral("CREATE TABLE records ("
                           " id TEXT PRIMARY KEY,"
                           " entity TEXT NOT NULL,"
                           " project_id TEXT NOT NULL,"
                           " version BIGINT NOT NULL,"
                           " deleted INTEGER NOT NULL DEFAULT 0,"
                           " data TEXT NOT NULL,"
                           " seq BIGINT NOT NULL,"
                           " updated_at TEXT NOT NULL,"
                           " updated_by TEXT NOT NULL,"
                           " device_id TEXT NOT NULL)"),
            QStringLiteral("CREATE UNIQUE INDEX records_seq ON records (seq)"),
            QStringLiteral("CREATE INDEX records_project_seq ON records (project_id, seq)"),
            // A counter row rather than a database sequence: its row lock makes concurrent writers
            // take numbers in commit order, so a reader's cursor never skips a later-committed
            // lower number.
            QStringLiteral("CREATE TABLE sync_sequence ("
                           " name TEXT PRIMARY KEY,"
                           " value BIGINT NOT NULL)"),
            QStringLiteral("INSERT INTO sync_sequence (name, value) VALUES ('global', 0)"),
            QStringLiteral("CREATE TABLE idempotency ("
                           " device_id TEXT NOT NULL,"
                           " offline_id TEXT NOT NULL,"
                           " project_id TEXT NOT NULL,"
                           " answer TEXT NOT NULL,"
                           " created_at TEXT NOT NULL,"
                           " PRIMARY KEY (device_id, offline_id))"),
            QStringLiteral("CREATE TABLE audit ("
                           " seq BIGINT NOT NULL,"
                           " record_id TEXT NOT NULL,"
                           " entity TEXT NOT NULL,"
                           " project_id TEXT NOT NULL,"
                           " user_name TEXT NOT NULL,"
                           " device_id TEXT NOT NULL,"
                           " at_time TEXT NOT NULL,"
                           " client_time TEXT,"
                           " before_data TEXT,"
                           " after_data TEXT)"),
            QStringLiteral("CREATE INDEX audit_record ON audit (record_id, seq)"),
        },
    };
}

// No table changes: an applied answer may now be stored as a reference to its audit entry (see
// ChangeAnswer::toStored). The version says so, so that an older server, which could not replay
// such an answer, refuses the database instead of failing every replay.
Migration compactAppliedAnswers()
{
    return Migration{2, {}};
}

} // namespace

const QList<Migration> &all()
{
    static const QList<Migration> migrations{initialSchema(), compactAppliedAnswers()};
    return migrations;
}

int latestVersion()
{
    return all().isEmpty() ? 0 : all().constLast().version;
}

} // namespace fieldsync::server::Migrations
