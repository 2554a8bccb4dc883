#include "IdempotencyRepository.h"

#include "ServerDatabase.h"

#include <QSqlQuery>

#include <algorithm>
#include <vector>

namespace fieldsync::server {

IdempotencyRepository::IdempotencyRepository(ServerDatabase &db)
    : m_db(db)
{}

Result<std::optional<IdempotencyRepository::StoredAnswer>>
IdempotencyRepository::find(const QString &deviceId, const QString &offlineId)
{
    Result<QSqlQuery *> query = m_db.run(
        QStringLiteral("SELECT project_id, answer FROM idempotency WHERE device_id = ? AND offline_id = ?"),
        {deviceId, offlineId});
    if (!query)
        return query.error();
    QSqlQuery *row = query.value();
    std::optional<StoredAnswer> answer;
    if (row->next())
        answer = StoredAnswer{row->value(0).toString(), row->value(1).toString().toUtf8()};
    row->finish();
    return answer;
}

Result<QHash<QString, IdempotencyRepository::StoredAnswer>>
IdempotencyRepository::findMany(const QString &deviceId, const QStringList &offlineIds)
{
    // Chunks of a fixed size keep the number of distinct statements (and of bound values, which
    // SQLite limits) small; a short last chunk repeats its last id to fill the list.
    constexpr int ChunkSize = 100;
    static const QString sql = [] {
        QString text = QStringLiteral("SELECT offline_id, project_id, answer FROM idempotency WHERE "
                                      "device_id = ? AND offline_id IN (?");
        for (int index = 1; index < ChunkSize; ++index)
            text += QStringLiteral(", ?");
        text += QStringLiteral(")");
        return text;
    }();
    QHash<QString, StoredAnswer> answers;
    // Every push of a new device's first backlog runs this while the table grows fast.
    const Result<void> read = m_db.withPlansForTheirValues([&]() -> Result<void> {
        std::vector<SqlValue> values;
        values.reserve(ChunkSize + 1);
        for (qsizetype first = 0; first < offlineIds.size(); first += ChunkSize) {
            values.clear();
            values.emplace_back(deviceId);
            for (qsizetype index = first; index < first + ChunkSize; ++index)
                values.emplace_back(offlineIds.at(std::min(index, offlineIds.size() - 1)));
            const Result<void> chunk =
                m_db.select(sql, values.data(), qsizetype(values.size()), [&answers](const SqlRow &row) {
                    answers.insert(row.text(0), StoredAnswer{row.text(1), row.utf8(2)});
                });
            if (!chunk)
                return chunk;
        }
        return {};
    });
    if (!read)
        return read.error();
    return answers;
}

Result<void> IdempotencyRepository::storeMany(const QString &deviceId, const QList<NewAnswer> &answers,
                                              const QString &now)
{
    // Full chunks share one statement of many rows; the few left over go one by one (a short
    // chunk cannot be filled up as findMany's are: a row twice breaks the primary key).
    constexpr int RowsPerChunk = 50;
    static const QString sql = [] {
        QString text = QStringLiteral(
            "INSERT INTO idempotency (device_id, offline_id, project_id, answer, created_at) VALUES ");
        for (int row = 0; row < RowsPerChunk; ++row)
            text += row == 0 ? QStringLiteral("(?, ?, ?, ?, ?)") : QStringLiteral(", (?, ?, ?, ?, ?)");
        return text;
    }();
    qsizetype first = 0;
    std::vector<SqlValue> values;
    values.reserve(RowsPerChunk * 5);
    for (; first + RowsPerChunk <= answers.size(); first += RowsPerChunk) {
        values.clear();
        for (qsizetype index = first; index < first + RowsPerChunk; ++index) {
            const NewAnswer &row = answers.at(index);
            values.emplace_back(deviceId);
            values.emplace_back(row.offlineId);
            values.emplace_back(row.answer.projectId.isNull() ? QStringLiteral("") : row.answer.projectId);
            values.emplace_back(row.answer.answer);
            values.emplace_back(now);
        }
        if (const Result<void> stored = m_db.select(sql, values.data(), qsizetype(values.size()), {});
            !stored)
            return stored;
    }
    for (; first < answers.size(); ++first) {
        if (const Result<void> stored =
                store(deviceId, answers.at(first).offlineId, answers.at(first).answer, now);
            !stored)
            return stored;
    }
    return {};
}

Result<void> IdempotencyRepository::store(const QString &deviceId, const QString &offlineId,
                                          const StoredAnswer &answer, const QString &now)
{
    return m_db.write(
        QStringLiteral("INSERT INTO idempotency (device_id, offline_id, project_id, answer, created_at) "
                       "VALUES (?, ?, ?, ?, ?)"),
        {deviceId, offlineId, answer.projectId.isNull() ? QStringLiteral("") : answer.projectId,
         answer.answer, now});
}

} // namespace fieldsync::server
