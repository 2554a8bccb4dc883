#include "PullService.h"

#include "common/JsonWriter.h"

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

Result<PullService::Page> PullService::page(const AuthUser &user, qint64 cursor, qint64 requestedLimit,
                                            bool decode)
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
    Page result;
    QList<StoredRecord> &candidates = result.records;
    for (const QString &project : user.projects) {
        Result<QList<StoredRecord>> page =
            m_records.changedSince(project, cursor, upTo.value(), limit + 1, decode);
        if (!page)
            return page.error();
        candidates.append(std::move(page).value());
    }
    std::sort(candidates.begin(), candidates.end(),
              [](const StoredRecord &a, const StoredRecord &b) { return a.seq < b.seq; });

    result.hasMore = candidates.size() > limit;
    if (result.hasMore)
        candidates.resize(limit);
    result.cursor = candidates.isEmpty() ? cursor : candidates.constLast().seq;
    return result;
}

Result<protocol::PullResponse> PullService::pull(const AuthUser &user, qint64 cursor, qint64 limit)
{
    Result<Page> page = this->page(user, cursor, limit, true);
    if (!page)
        return page.error();
    protocol::PullResponse response;
    response.cursor = page.value().cursor;
    response.hasMore = page.value().hasMore;
    response.changes.reserve(page.value().records.size());
    for (StoredRecord &record : page.value().records) {
        response.changes.append(protocol::PulledRecord{record.entity, record.id, record.version,
                                                       record.deleted, std::move(record.data)});
    }
    return response;
}

Result<QByteArray> PullService::pullJson(const AuthUser &user, qint64 cursor, qint64 limit)
{
    Result<Page> page = this->page(user, cursor, limit, false);
    if (!page)
        return page.error();
    // The keys in the order QJsonDocument writes PullResponse::toJson()'s objects.
    QByteArray body;
    qsizetype size = 64;
    for (const StoredRecord &record : page.value().records)
        size += record.encodedData.size() + 160;
    body.reserve(size);
    body.append("{\"changes\":[");
    bool first = true;
    for (const StoredRecord &record : page.value().records) {
        if (!first)
            body.append(',');
        first = false;
        body.append("{\"data\":");
        body.append(record.encodedData.isEmpty() ? QByteArrayLiteral("{}") : record.encodedData);
        body.append(record.deleted ? ",\"deleted\":true,\"entity\":" : ",\"deleted\":false,\"entity\":");
        JsonWriter::appendString(body, EntitySchema::of(record.entity).wireName);
        body.append(",\"id\":");
        JsonWriter::appendString(body, record.id);
        body.append(",\"version\":");
        JsonWriter::appendInteger(body, record.version);
        body.append('}');
    }
    body.append("],\"cursor\":");
    JsonWriter::appendInteger(body, page.value().cursor);
    body.append(page.value().hasMore ? ",\"has_more\":true}" : ",\"has_more\":false}");
    return body;
}

} // namespace fieldsync::server
