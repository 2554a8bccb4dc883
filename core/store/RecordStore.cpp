#include "RecordStore.h"

#include "JsonText.h"

#include <QVariant>

namespace fieldsync {

namespace {

const QString SelectColumns = QStringLiteral("SELECT entity, id, project_id, version, deleted, data, "
                                             "server_version, server_deleted, server_data FROM records");

LocalRecord readRecord(const QSqlQuery &query)
{
    LocalRecord record;
    const EntitySchema *schema = EntitySchema::byWireName(query.value(0).toString());
    record.entity = schema ? schema->kind : EntityKind::Permit;
    record.id = query.value(1).toString();
    record.projectId = query.value(2).toString();
    record.version = query.value(3).toLongLong();
    record.deleted = query.value(4).toBool();
    record.data = jsonObjectFromText(query.value(5).toString());
    record.serverVersion = query.value(6).toLongLong();
    record.serverDeleted = query.value(7).toBool();
    record.serverData = jsonObjectFromText(query.value(8).toString());
    return record;
}

QString orderColumn(const QString &orderBy)
{
    if (orderBy == QLatin1String("status") || orderBy == QLatin1String("updated_at"))
        return orderBy;
    return QStringLiteral("title");
}

} // namespace

RecordStore::RecordStore(LocalDatabase &db)
    : m_db(db)
{}

Result<std::optional<LocalRecord>> RecordStore::find(const QString &id)
{
    QSqlQuery &query = m_db.prepare(SelectColumns + QStringLiteral(" WHERE id = ?"));
    query.addBindValue(id);
    if (Result<void> done = m_db.exec(query); !done)
        return done.error();
    if (!query.next())
        return std::optional<LocalRecord>();
    return std::optional<LocalRecord>(readRecord(query));
}

QString RecordStore::whereClause(const RecordQuery &query, QVariantList &binds) const
{
    QStringList conditions{QStringLiteral("entity = ?")};
    binds.append(EntitySchema::of(query.entity).wireName);
    if (!query.projectId.isEmpty()) {
        conditions.append(QStringLiteral("project_id = ?"));
        binds.append(query.projectId);
    }
    if (!query.status.isEmpty()) {
        conditions.append(QStringLiteral("status = ?"));
        binds.append(query.status);
    }
    if (!query.parentId.isEmpty()) {
        conditions.append(QStringLiteral("parent_id = ?"));
        binds.append(query.parentId);
    }
    if (!query.search.isEmpty()) {
        conditions.append(QStringLiteral("title LIKE ? ESCAPE '\\'"));
        QString pattern = query.search;
        pattern.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
            .replace(QLatin1Char('%'), QStringLiteral("\\%"))
            .replace(QLatin1Char('_'), QStringLiteral("\\_"));
        binds.append(QString(QLatin1Char('%') + pattern + QLatin1Char('%')));
    }
    if (!query.includeDeleted)
        conditions.append(QStringLiteral("deleted = 0"));
    return QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
}

Result<QList<LocalRecord>> RecordStore::list(const RecordQuery &request)
{
    QVariantList binds;
    QString sql = SelectColumns + whereClause(request, binds) + QStringLiteral(" ORDER BY ") +
                  orderColumn(request.orderBy) + (request.descending ? QStringLiteral(" DESC") : QString()) +
                  QStringLiteral(", id LIMIT ? OFFSET ?");
    QSqlQuery &query = m_db.prepare(sql);
    for (const QVariant &bind : binds)
        query.addBindValue(bind);
    query.addBindValue(request.limit);
    query.addBindValue(request.offset);
    if (Result<void> done = m_db.exec(query); !done)
        return done.error();
    QList<LocalRecord> records;
    while (query.next())
        records.append(readRecord(query));
    return records;
}

Result<QStringList> RecordStore::listIds(const RecordQuery &request)
{
    QVariantList binds;
    QString sql = QStringLiteral("SELECT id FROM records") + whereClause(request, binds) +
                  QStringLiteral(" ORDER BY ") + orderColumn(request.orderBy) +
                  (request.descending ? QStringLiteral(" DESC") : QString()) +
                  QStringLiteral(", id LIMIT ? OFFSET ?");
    QSqlQuery &query = m_db.prepare(sql);
    for (const QVariant &bind : binds)
        query.addBindValue(bind);
    query.addBindValue(request.limit);
    query.addBindValue(request.offset);
    if (Result<void> done = m_db.exec(query); !done)
        return done.error();
    QStringList ids;
    while (query.next())
        ids.append(query.value(0).toString());
    return ids;
}

Result<int> RecordStore::count(const RecordQuery &request)
{
    QVariantList binds;
    QSqlQuery &query =
        m_db.prepare(QStringLiteral("SELECT COUNT(*) FROM records") + whereClause(request, binds));
    for (const QVariant &bind : binds)
        query.addBindValue(bind);
    if (Result<void> done = m_db.exec(query); !done)
        return done.error();
    return query.next() ? query.value(0).toInt() : 0;
}

Result<void> RecordStore::save(const LocalRecord &record)
{
    QSqlQuery &query = m_db.prepare(QStringLiteral(
        "INSERT INTO records(id, entity, project_id, version, deleted, data, server_version, server_deleted,"
        " server_data, title, status, parent_id, updated_at) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?)"
        " ON CONFLICT(id) DO UPDATE SET entity = excluded.entity, project_id = excluded.project_id,"
        " version = excluded.version, deleted = excluded.deleted, data = excluded.data,"
        " server_version = excluded.server_version, server_deleted = excluded.server_deleted,"
        " server_data = excluded.server_data, title = excluded.title, status = excluded.status,"
        " parent_id = excluded.parent_id, updated_at = excluded.updated_at"));
    query.addBindValue(record.id);
    query.addBindValue(EntitySchema::of(record.entity).wireName);
    query.addBindValue(record.projectId);
    query.addBindValue(record.version);
    query.addBindValue(record.deleted ? 1 : 0);
    query.addBindValue(toJsonText(record.data));
    query.addBindValue(record.serverVersion);
    query.addBindValue(record.serverDeleted ? 1 : 0);
    query.addBindValue(record.serverData.isEmpty() ? QVariant() : QVariant(toJsonText(record.serverData)));
    query.addBindValue(record.title());
    query.addBindValue(record.status());
    query.addBindValue(record.parentId().isEmpty() ? QVariant() : QVariant(record.parentId()));
    query.addBindValue(record.data.value(RecordMeta::UpdatedAt).toString());
    return m_db.exec(query);
}

Result<void> RecordStore::remove(const QString &id)
{
    QSqlQuery &query = m_db.prepare(QStringLiteral("DELETE FROM records WHERE id = ?"));
    query.addBindValue(id);
    return m_db.exec(query);
}

Result<void> RecordStore::saveServerSide(const QString &id, qint64 version, bool deleted,
                                         const QJsonObject &data)
{
    QSqlQuery &query = m_db.prepare(QStringLiteral(
        "UPDATE records SET server_version = ?, server_deleted = ?, server_data = ? WHERE id = ?"));
    query.addBindValue(version);
    query.addBindValue(deleted ? 1 : 0);
    query.addBindValue(toJsonText(data));
    query.addBindValue(id);
    return m_db.exec(query);
}

} // namespace fieldsync
