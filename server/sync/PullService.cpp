#include "PullService.h"

#include <algorithm>

namespace fieldsync::server {

PullService::PullService(ServerDatabase &db)
    : m_records(db)
    , m_sequence(db)
{}

int PullService::clampLimit(qint64 requested)
{
    return int(std::clamp<qint64>(requested, 1, protocol::MaxPullLimit));
}

Result<protocol::PullResponse> PullService::pull(const AuthUser &user, qint64 cursor, qint64 requestedLimit)
{
    if (cursor < 0)
        return makeError(QStringLiteral("malformed"), QStringLiteral("cursor must not be negative"));
    const int limit = clampLimit(requestedLimit);

    // Only numbers up to the committed counter: every write with a lower number has committed
    // too, so no later-committing write can land behind the cursor we hand out.
    const Result<qint64> upTo = m_sequence.current();
    if (!upTo)
        return upTo.error();

    // One bounded index range per project, merged here: each costs at most limit+1 rows, however
    // large the table or however the projects interleave.
    QList<StoredRecord> candidates;
    for (const QString &project : user.projects) {
        Result<QList<StoredRecord>> page = m_records.changedSince(project, cursor, upTo.value(), limit + 1);
        if (!page)
            return page.error();
        candidates.append(std::move(page).value());
    }
    std::sort(candidates.begin(), candidates.end(),
              [](const StoredRecord &a, const StoredRecord &b) { return a.seq < b.seq; });

    protocol::PullResponse response;
    response.cursor = cursor;
    response.hasMore = candidates.size() > limit;
    const int count = int(std::min<qsizetype>(candidates.size(), limit));
    response.changes.reserve(count);
    for (int index = 0; index < count; ++index) {
        StoredRecord &record = candidates[index];
        response.changes.append(protocol::PulledRecord{record.entity, record.id, record.version,
                                                       record.deleted, std::move(record.data)});
        response.cursor = record.seq;
    }
    return response;
}

} // namespace fieldsync::server
