#pragma once

#include "common/Result.h"

namespace fieldsync::server {

class ServerDatabase;

// The global change sequence: every applied write takes the next number, and pull cursors are
// positions in it.
class SequenceRepository
{
public:
    explicit SequenceRepository(ServerDatabase &db);

    // Must run inside a write transaction, so that a rolled-back change gives its number back.
    Result<qint64> next();
    Result<qint64> current();
    // Takes the counter row's lock for the rest of the transaction (a no-op on SQLite, whose
    // BEGIN IMMEDIATE already holds the database's write lock). Pushes take it before they read
    // anything: on PostgreSQL two instances may push to the same record at once, and a push that
    // read the record before the other committed would apply over a version it never saw, or
    // answer a replayed change twice.
    // Returns the current value, as current() does.
    Result<qint64> lockForWriting();

private:
    ServerDatabase &m_db;
};

} // namespace fieldsync::server
