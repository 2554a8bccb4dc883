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
    for (qsizetype first = 0; first < offlineIds.size(); first += ChunkSize) {
        QVariantList values;
        values.reserve(ChunkSize + 1);
        values.append(deviceId);
        for (qsizetype index = first; index < first + ChunkSize; ++index)
            values.append(offlineIds.at(std::min(index, offlineIds.size() - 1)));
        Result<QSqlQuery *> query = m_db.run(sql, values);
        if (!query)
            return query.error();
        QSqlQuery *row = query.value();
        while (row->next()) {
            answers.insert(row->value(0).toString(),
                           StoredAnswer{row->value(1).toString(), row->value(2).toString().toUtf8()});
        }
        row->finish();
    }
    return answers;
}

Result<void> IdempotencyRepository::store(const QString &deviceId, const QString &offlineId,
                                          const StoredAnswer &answer, const QString &now)
{
    const Result<QSqlQuery *> query = m_db.run(
        QStringLiteral("INSERT INTO idempotency (device_id, offline_id, project_id, answer, created_at) "
                       "VALUES (?, ?, ?, ?, ?)"),
        {deviceId, offlineId, answer.projectId.isNull() ? QStringLiteral("") : answer.projectId,
         QString::fromUtf8(answer.answer), now});
    if (!query)
        return query.error();
    return {};
}

} // namespace fieldsync::server
