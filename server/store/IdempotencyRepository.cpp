#include "IdempotencyRepository.h"

#include "ServerDatabase.h"

#include <QSqlQuery>

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
