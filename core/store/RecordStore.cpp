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

Result<void> RecordStore::save(const LocalRecord &record, Row row)
{
    const QString data = toJsonText(record.data);
    // Applying the server's state makes both sides one object: it is encoded once.
    QVariant serverData;
    if (!record.serverData.isEmpty())
        serverData = record.serverData == record.data ? data : toJsonText(record.serverData);
    const QString title = record.title();
    const QString status = record.status();
    const QVariant parentId = record.parentId().isEmpty() ? QVariant() : QVariant(record.parentId());
    const QString wireName = EntitySchema::of(record.entity).wireName;

    if (row == Row::MayExist) {
        // Most writes leave the indexed columns (entity, title, status, parent_id) as they were. An
        // UPDATE that does not name them keeps their index entries instead of rewriting them (fewer
        // pages to write and sync); when one of them did change, the upsert below writes it all.
        QSqlQuery &update = m_db.prepare(QStringLiteral(
            "UPDATE records SET project_id = ?, version = ?, deleted = ?, data = ?, server_version = ?,"
            " server_deleted = ?, server_data = ?, updated_at = ?"
            " WHERE id = ? AND entity = ? AND title IS ? AND status IS ? AND parent_id IS ?"));
        update.addBindValue(record.projectId);
        update.addBindValue(record.version);
        update.addBindValue(record.deleted ? 1 : 0);
        update.addBindValue(data);
        update.addBindValue(record.serverVersion);
        update.addBindValue(record.serverDeleted ? 1 : 0);
        update.addBindValue(serverData);
        update.addBindValue(record.data.value(RecordMeta::UpdatedAt).toString());
        update.addBindValue(record.id);
        update.addBindValue(wireName);
        update.addBindValue(title);
        update.addBindValue(status);
        update.addBindValue(parentId);
        if (Result<void> done = m_db.exec(update); !done)
            return done;
        if (update.numRowsAffected() == 1)
            return {};
    }

    QSqlQuery &query = m_db.prepare(QStringLiteral(
        "INSERT INTO records(id, entity, project_id, version, deleted, data, server_version, server_deleted,"
        " server_data, title, status, parent_id, updated_at) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?)"
        " ON CONFLICT(id) DO UPDATE SET entity = excluded.entity, project_id = excluded.project_id,"
        " version = excluded.version, deleted = excluded.deleted, data = excluded.data,"
        " server_version = excluded.server_version, server_deleted = excluded.server_deleted,"
        " server_data = excluded.server_data, title = excluded.title, status = excluded.status,"
        " parent_id = excluded.parent_id, updated_at = excluded.updated_at"));
    query.addBindValue(record.id);
    query.addBindValue(wireName);
    query.addBindValue(record.projectId);
    query.addBindValue(record.version);
    query.addBindValue(record.deleted ? 1 : 0);
    query.addBindValue(data);
    query.addBindValue(record.serverVersion);
    query.addBindValue(record.serverDeleted ? 1 : 0);
    query.addBindValue(serverData);
    query.addBindValue(title);
    query.addBindValue(status);
    query.addBindValue(parentId);
    query.addBindValue(record.data.value(RecordMeta::UpdatedAt).toString());
    return m_db.exec(query);
}

Result<std::optional<RecordStore::Head>> RecordStore::findHead(const QString &id)
{
    QSqlQuery &query = m_db.prepare(
        QStringLiteral("SELECT entity, project_id, version, server_version FROM records WHERE id = ?"));
    query.addBindValue(id);
    if (Result<void> done = m_db.exec(query); !done)
        return done.error();
    std::optional<Head> head;
    if (query.next()) {
        const EntitySchema *schema = EntitySchema::byWireName(query.value(0).toString());
        head = Head{schema ? schema->kind : EntityKind::Permit, query.value(1).toString(),
                    query.value(2).toLongLong(), query.value(3).toLongLong()};
    }
    query.finish();
    return head;
}

Result<QHash<QString, RecordStore::Head>> RecordStore::findHeads(const QStringList &ids)
{
    QSqlQuery &query =
        m_db.prepare(QStringLiteral("SELECT id, entity, project_id, version, server_version FROM records"
                                    " WHERE id IN (SELECT value FROM json_each(?))"));
    query.addBindValue(jsonTextArray(ids));
    if (Result<void> done = m_db.exec(query); !done)
        return done.error();
    QHash<QString, Head> heads;
    heads.reserve(ids.size());
    while (query.next()) {
        const EntitySchema *schema = EntitySchema::byWireName(query.value(1).toString());
        heads.insert(query.value(0).toString(),
                     Head{schema ? schema->kind : EntityKind::Permit, query.value(2).toString(),
                          query.value(3).toLongLong(), query.value(4).toLongLong()});
    }
    return heads;
}

Result<void> RecordStore::saveServerStateUnderEdits(const QString &id, const QString &projectId,
                                                    qint64 version, bool deleted, const QJsonObject &data)
{
    QSqlQuery &query = m_db.prepare(
        QStringLiteral("UPDATE records SET project_id = ?, version = MAX(version, ?), server_version = ?,"
                       " server_deleted = ?, server_data = ? WHERE id = ?"));
    query.addBindValue(projectId);
    query.addBindValue(version);
    query.addBindValue(version);
    query.addBindValue(deleted ? 1 : 0);
    query.addBindValue(data.isEmpty() ? QVariant() : QVariant(toJsonText(data)));
    query.addBindValue(id);
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
