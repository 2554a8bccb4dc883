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
    // The same page as JSON (what PullResponse::toJson() writes), with each record's data passed
    // on as stored instead of decoded and encoded again.
    Result<QByteArray> pullJson(const AuthUser &user, qint64 cursor, qint64 limit);

    static int clampLimit(qint64 requested);

private:
    struct Page
    {
        QList<StoredRecord> records; // oldest change first, at most limit of them
        qint64 cursor = 0;
        bool hasMore = false;
    };
    Result<Page> page(const AuthUser &user, qint64 cursor, qint64 limit, bool decode);

    RecordRepository m_records;
    SequenceRepository m_sequence;
};

} // namespace fieldsync::server
