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

Result<void> RecordStore::save(const LocalRecord &record, Row row, const QByteArray &encodedData,
                               qint64 rowid)
{
    const QByteArray data = encodedData.isEmpty() ? JsonWriter::compact(record.data) : encodedData;
    // Applying the server's state makes both sides one object: it is encoded once.
    SqlValue serverData;
    if (!record.serverData.isEmpty())
        serverData = record.serverData == record.data ? data : JsonWriter::compact(record.serverData);
    const QString title = record.title();
    const QString status = record.status();
    const QString parentId = record.parentId();
    const QString updatedAt = record.data.value(RecordMeta::UpdatedAt).toString();
    return write(RowValues{record.id, EntitySchema::of(record.entity).wireName, record.projectId,
                           record.version, record.deleted, data, record.serverVersion, record.serverDeleted,
                           serverData, title, status, parentId.isEmpty() ? SqlValue() : SqlValue(parentId),
                           updatedAt},
                 row, rowid);
}

Result<void> RecordStore::saveServerText(const ServerText &record, Row row, qint64 rowid)
{
    // As save() of a record whose data and server data are one object: the server data is the
    // text too, but where the object is empty (save() writes no server data then).
    const SqlValue serverData = record.text == "{}" ? SqlValue() : SqlValue(record.text);
    return write(RowValues{record.id, EntitySchema::of(record.entity).wireName, record.projectId,
                           record.version, record.deleted, record.text, record.version, record.deleted,
                           serverData, record.title, record.status,
                           record.parentId.isEmpty() ? SqlValue() : SqlValue(record.parentId),
                           record.updatedAt},
                 row, rowid);
}

Result<void> RecordStore::write(const RowValues &values, Row row, qint64 rowid)
{
    if (row == Row::MayExist && rowid > 0) {
        // The UPDATE below with one condition more, which lets SQLite find the row by the table's
        // own key instead of through the index on id first: where it changes the row (id is
        // unique), the UPDATE below would have changed that row the same way; where it does not,
        // that one runs as ever.
        const Result<qint64> updated = m_db.write(
            QStringLiteral(
                "UPDATE records SET project_id = ?, version = ?, deleted = ?, data = ?, server_version = ?,"
                " server_deleted = ?, server_data = ?, updated_at = ?"
                " WHERE rowid = ? AND id = ? AND entity = ? AND title IS ? AND status IS ? AND parent_id IS "
                "?"),
            {values.projectId, values.version, values.deleted ? 1 : 0, values.data, values.serverVersion,
             values.serverDeleted ? 1 : 0, values.serverData, values.updatedAt, rowid, values.id,
             values.wireName, values.title, values.status, values.parentId});
        if (!updated)
            return updated.error();
        if (updated.value() == 1)
            return {};
    }
    if (row == Row::MayExist) {
        // Most writes leave the indexed columns (entity, title, status, parent_id) as they were. An
        // UPDATE that does not name them keeps their index entries instead of rewriting them (fewer
        // pages to write and sync); when one of them did change, the upsert below writes it all.
        const Result<qint64> updated = m_db.write(
            QStringLiteral(
                "UPDATE records SET project_id = ?, version = ?, deleted = ?, data = ?, server_version = ?,"
                " server_deleted = ?, server_data = ?, updated_at = ?"
                " WHERE id = ? AND entity = ? AND title IS ? AND status IS ? AND parent_id IS ?"),
            {values.projectId, values.version, values.deleted ? 1 : 0, values.data, values.serverVersion,
             values.serverDeleted ? 1 : 0, values.serverData, values.updatedAt, values.id, values.wireName,
             values.title, values.status, values.parentId});
        if (!updated)
            return updated.error();
        if (updated.value() == 1)
            return {};
    }

    const Result<qint64> written = m_db.write(
        QStringLiteral(
            "INSERT INTO records(id, entity, project_id, version, deleted, data, server_version, "
            "server_deleted,"
            " server_data, title, status, parent_id, updated_at) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?)"
            " ON CONFLICT(id) DO UPDATE SET entity = excluded.entity, project_id = excluded.project_id,"
            " version = excluded.version, deleted = excluded.deleted, data = excluded.data,"
            " server_version = excluded.server_version, server_deleted = excluded.server_deleted,"
            " server_data = excluded.server_data, title = excluded.title, status = excluded.status,"
            " parent_id = excluded.parent_id, updated_at = excluded.updated_at"),
        {values.id, values.wireName, values.projectId, values.version, values.deleted ? 1 : 0, values.data,
         values.serverVersion, values.serverDeleted ? 1 : 0, values.serverData, values.title, values.status,
         values.parentId, values.updatedAt});
    if (!written)
        return written.error();
    return {};
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
    QHash<QString, Head> heads;
    heads.reserve(ids.size());
    const Result<void> read =
        m_db.select(QStringLiteral("SELECT id, entity, project_id, version, server_version FROM records"
                                   " WHERE id IN (SELECT value FROM json_each(?))"),
                    {jsonUtf8Array(ids)}, [&heads](const SqlRow &row) {
                        const EntitySchema *schema = EntitySchema::byWireName(row.text(1));
                        heads.insert(row.text(0), Head{schema ? schema->kind : EntityKind::Permit,
                                                       row.text(2), row.integer(3), row.integer(4)});
                    });
    if (!read)
        return read.error();
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
