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

private:
    ServerDatabase &m_db;
};

} // namespace fieldsync::server
