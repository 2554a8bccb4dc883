#pragma once

#include "common/Result.h"

#include <optional>

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
    // From then on the counter is held: next() and current() count in memory, as no one else can
    // take a number until the transaction ends, and storeHeld() writes the last number back once
    // (a push of 500 changes runs one UPDATE, not 500). Whoever locks must store or drop the hold
    // before the transaction ends; a rollback gives every held number back with the rest.
    Result<qint64> lockForWriting();
    Result<void> storeHeld();
    void dropHeld();

private:
    ServerDatabase &m_db;
    std::optional<qint64> m_held;
    qint64 m_heldFrom = 0;
};

} // namespace fieldsync::server
