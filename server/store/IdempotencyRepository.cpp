#include "IdempotencyRepository.h"

#include "ServerDatabase.h"

#include <QSqlQuery>

#include <algorithm>

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
        for (qsizetype first = 0; first < offlineIds.size(); first += ChunkSize) {
            QList<SqlValue> values;
            values.reserve(ChunkSize + 1);
            values.append(deviceId);
            for (qsizetype index = first; index < first + ChunkSize; ++index)
                values.append(offlineIds.at(std::min(index, offlineIds.size() - 1)));
            const Result<void> chunk = m_db.select(sql, values, [&answers](const SqlRow &row) {
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
