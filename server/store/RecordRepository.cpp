#include "RecordRepository.h"

#include "ServerDatabase.h"
#include "common/JsonWriter.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace fieldsync::server {

namespace {

QJsonObject parseData(const QByteArray &text)
{
    return QJsonDocument::fromJson(text).object();
}

Result<EntityKind> entityOf(const QString &wireName, const QString &id)
{
    const EntitySchema *schema = EntitySchema::byWireName(wireName);
    if (!schema) {
        return makeError(QStringLiteral("database"),
                         QStringLiteral("record %1 has unknown entity '%2'").arg(id, wireName));
    }
    return schema->kind;
}

} // namespace

RecordRepository::RecordRepository(ServerDatabase &db)
    : m_db(db)
{}

Result<std::optional<StoredRecord>> RecordRepository::find(const QString &id)
{
    Result<QSqlQuery *> query = m_db.run(
        QStringLiteral("SELECT entity, project_id, version, deleted, data, seq, updated_at, updated_by, "
                       "device_id FROM records WHERE id = ?"),
        {id});
    if (!query)
        return query.error();
    QSqlQuery *row = query.value();
    if (!row->next()) {
        row->finish();
        return std::optional<StoredRecord>();
    }
    StoredRecord record;
    record.id = id;
    const Result<EntityKind> entity = entityOf(row->value(0).toString(), id);
    record.projectId = row->value(1).toString();
    record.version = row->value(2).toLongLong();
    record.deleted = row->value(3).toInt() != 0;
    record.data = parseData(row->value(4).toByteArray());
    record.seq = row->value(5).toLongLong();
    record.updatedAt = row->value(6).toString();
    record.updatedBy = row->value(7).toString();
    record.deviceId = row->value(8).toString();
    row->finish();
    if (!entity)
        return entity.error();
    record.entity = entity.value();
    return std::optional<StoredRecord>(std::move(record));
}

Result<void> RecordRepository::save(const StoredRecord &record, const QByteArray &encodedData)
{
    const QString data =
        QString::fromUtf8(encodedData.isEmpty() ? JsonWriter::compact(record.data) : encodedData);
    const Result<QSqlQuery *> query = m_db.run(
        QStringLiteral(
            "INSERT INTO records (id, entity, project_id, version, deleted, data, seq, updated_at, "
            "updated_by, device_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET version = excluded.version, deleted = excluded.deleted, "
            "data = excluded.data, seq = excluded.seq, updated_at = excluded.updated_at, "
            "updated_by = excluded.updated_by, device_id = excluded.device_id"),
        {record.id, EntitySchema::of(record.entity).wireName, record.projectId, record.version,
         record.deleted ? 1 : 0, data, record.seq, record.updatedAt, record.updatedBy, record.deviceId});
    if (!query)
        return query.error();
    return {};
}

Result<QList<StoredRecord>> RecordRepository::changedSince(const QString &projectId, qint64 cursor,
                                                           qint64 upTo, int limit, bool decode)
{
    Result<QSqlQuery *> query =
        m_db.run(QStringLiteral("SELECT id, entity, version, deleted, data, seq FROM records "
                                "WHERE project_id = ? AND seq > ? AND seq <= ? ORDER BY seq LIMIT ?"),
                 {projectId, cursor, upTo, limit});
    if (!query)
        return query.error();
    QSqlQuery *row = query.value();
    QList<StoredRecord> records;
    std::optional<Error> failure;
    while (row->next()) {
        StoredRecord record;
        record.id = row->value(0).toString();
        const Result<EntityKind> entity = entityOf(row->value(1).toString(), record.id);
        if (!entity) {
            failure = entity.error();
            break;
        }
        record.entity = entity.value();
        record.projectId = projectId;
        record.version = row->value(2).toLongLong();
        record.deleted = row->value(3).toInt() != 0;
        if (decode)
            record.data = parseData(row->value(4).toByteArray());
        else
            record.encodedData = row->value(4).toByteArray();
        record.seq = row->value(5).toLongLong();
        records.append(std::move(record));
    }
    row->finish();
    if (failure)
        return *failure;
    return records;
}

} // namespace fieldsync::server
