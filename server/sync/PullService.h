#pragma once

#include "auth/AuthUser.h"
#include "common/Result.h"
#include "protocol/PullMessages.h"
#include "store/RecordRepository.h"
#include "store/SequenceRepository.h"

namespace fieldsync::server {

class ServerDatabase;

// Pages through the records of the caller's projects by the global change sequence.
class PullService
{
public:
    explicit PullService(ServerDatabase &db);

    // limit is clamped to 1..MaxPullLimit; cursor must not be negative.
    Result<protocol::PullResponse> pull(const AuthUser &user, qint64 cursor, qint64 limit);

    static int clampLimit(qint64 requested);

private:
    RecordRepository m_records;
    SequenceRepository m_sequence;
};

} // namespace fieldsync::server
