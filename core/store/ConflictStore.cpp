#include "ConflictStore.h"

#include "JsonText.h"

#include <QVariant>

namespace fieldsync {

namespace {

const QString ConflictColumns = QStringLiteral(
    "SELECT id, offline_id, entity, op, record_id, reason, client_version, server_version, fields,"
    " server_state, server_deleted, base, mine, created_at FROM conflicts");
const QString RejectionColumns = QStringLiteral(
    "SELECT id, entity, op, record_id, reason, detail, client_version, base, data, created_at FROM rejected");

QJsonObject fieldsToJson(const QMap<QString, protocol::ConflictField> &fields)
{
    QJsonObject json;
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        json.insert(it.key(), QJsonObject{{QStringLiteral("base"), it->base},
                                          {QStringLiteral("mine"), it->mine},
                                          {QStringLiteral("server"), it->server},
                                          {QStringLiteral("hint"), it->hint}});
    }
    return json;
}

QMap<QString, protocol::ConflictField> fieldsFromJson(const QJsonObject &json)
{
    QMap<QString, protocol::ConflictField> fields;
    for (auto it = json.begin(); it != json.end(); ++it) {
        const QJsonObject field = it.value().toObject();
        fields.insert(it.key(), protocol::ConflictField{field.value(QStringLiteral("base")),
                                                        field.value(QStringLiteral("mine")),
                                                        field.value(QStringLiteral("server")),
                                                        field.value(QStringLiteral("hint")).toString()});
    }
    return fields;
}

EntityKind entityFrom(const QString &name)
{
    const EntitySchema *schema = EntitySchema::byWireName(name);
    return schema ? schema->kind : EntityKind::Permit;
}

StoredConflict readConflict(const QSqlQuery &query)
{
    StoredConflict conflict;
    conflict.id = query.value(0).toString();
    conflict.change.offlineId = query.value(1).toString();
    conflict.change.entity = entityFrom(query.value(2).toString());
    conflict.change.op = changeOpFromName(query.value(3).toString()).value_or(ChangeOp::Update);
    conflict.change.id = query.value(4).toString();
    conflict.reason = query.value(5).toString();
    conflict.change.clientVersion = query.value(6).toLongLong();
    conflict.serverVersion = query.value(7).toLongLong();
    conflict.fields = fieldsFromJson(jsonObjectFromText(query.value(8).toString()));
    conflict.serverState = jsonObjectFromText(query.value(9).toString());
    conflict.serverDeleted = query.value(10).toBool();
    conflict.change.base = jsonObjectFromText(query.value(11).toString());
    conflict.change.data = jsonObjectFromText(query.value(12).toString());
    conflict.createdAt = query.value(13).toString();
    return conflict;
}

StoredRejection readRejection(const QSqlQuery &query)
{
    StoredRejection rejection;
    rejection.id = query.value(0).toString();
    rejection.change.offlineId = rejection.id;
    rejection.change.entity = entityFrom(query.value(1).toString());
    rejection.change.op = changeOpFromName(query.value(2).toString()).value_or(ChangeOp::Update);
    rejection.change.id = query.value(3).toString();
    rejection.reason = query.value(4).toString();
    rejection.detail = query.value(5).toString();
    rejection.change.clientVersion = query.value(6).toLongLong();
    rejection.change.base = jsonObjectFromText(query.value(7).toString());
    rejection.change.data = jsonObjectFromText(query.value(8).toString());
    rejection.createdAt = query.value(9).toString();
    return rejection;
}

} // namespace

ConflictStore::ConflictStore(LocalDatabase &db)
    : m_db(db)
{}

Result<void> ConflictStore::add(const StoredConflict &conflict)
{
    QSqlQuery &query = m_db.prepare(QStringLiteral(
        "INSERT INTO conflicts(id, offline_id, entity, op, record_id, reason, client_version, server_version,"
        " fields, server_state, server_deleted, base, mine, created_at) "
        "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
    query.addBindValue(conflict.id);
    query.addBindValue(conflict.change.offlineId);
    query.addBindValue(EntitySchema::of(conflict.change.entity).wireName);
    query.addBindValue(changeOpName(conflict.change.op));
    query.addBindValue(conflict.change.id);
    query.addBindValue(conflict.reason);
    query.addBindValue(conflict.change.clientVersion);
    query.addBindValue(conflict.serverVersion);
    query.addBindValue(toJsonText(fieldsToJson(conflict.fields)));
    query.addBindValue(toJsonText(conflict.serverState));
    query.addBindValue(conflict.serverDeleted ? 1 : 0);
    query.addBindValue(toJsonText(conflict.change.base));
    query.addBindValue(toJsonText(conflict.change.data));
    query.addBindValue(conflict.createdAt);
    return m_db.exec(query);
}

Result<std::optional<StoredConflict>> ConflictStore::find(const QString &id)
{
    QSqlQuery &query = m_db.prepare(ConflictColumns + QStringLiteral(" WHERE id = ?"));
    query.addBindValue(id);
    if (Result<void> done = m_db.exec(query); !done)
        return done.error();
    if (!query.next())
        return std::optional<StoredConflict>();
    return std::optional<StoredConflict>(readConflict(query));
}

Result<QList<StoredConflict>> ConflictStore::all()
{
    QSqlQuery &query = m_db.prepare(ConflictColumns + QStringLiteral(" ORDER BY created_at, id"));
    if (Result<void> done = m_db.exec(query); !done)
        return done.error();
    QList<StoredConflict> conflicts;
    while (query.next())
        conflicts.append(readConflict(query));
    return conflicts;
}

Result<void> ConflictStore::remove(const QString &id)
{
    QSqlQuery &query = m_db.prepare(QStringLiteral("DELETE FROM conflicts WHERE id = ?"));
    query.addBindValue(id);
    return m_db.exec(query);
}

Result<int> ConflictStore::countWhere(const QString &sql, const QString &bind)
{
    QSqlQuery &query = m_db.prepare(sql);
    if (!bind.isNull())
        query.addBindValue(bind);
    if (Result<void> done = m_db.exec(query); !done)
        return done.error();
    return query.next() ? query.value(0).toInt() : 0;
}

Result<int> ConflictStore::count()
{
    return countWhere(QStringLiteral("SELECT COUNT(*) FROM conflicts"), QString());
}

Result<int> ConflictStore::countForRecord(const QString &recordId)
{
    return countWhere(QStringLiteral("SELECT COUNT(*) FROM conflicts WHERE record_id = ?"), recordId);
}

Result<void> ConflictStore::addRejection(const StoredRejection &rejection)
{
    QSqlQuery &query =
        m_db.prepare(QStringLiteral("INSERT INTO rejected(id, entity, op, record_id, reason, "
                                    "detail, client_version, base, data, created_at)"
                                    " VALUES(?,?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO NOTHING"));
    query.addBindValue(rejection.id);
    query.addBindValue(EntitySchema::of(rejection.change.entity).wireName);
    query.addBindValue(changeOpName(rejection.change.op));
    query.addBindValue(rejection.change.id);
    query.addBindValue(rejection.reason);
    query.addBindValue(rejection.detail);
    query.addBindValue(rejection.change.clientVersion);
    query.addBindValue(toJsonText(rejection.change.base));
    query.addBindValue(toJsonText(rejection.change.data));
    query.addBindValue(rejection.createdAt);
    return m_db.exec(query);
}

Result<std::optional<StoredRejection>> ConflictStore::findRejection(const QString &id)
{
    QSqlQuery &query = m_db.prepare(RejectionColumns + QStringLiteral(" WHERE id = ?"));
    query.addBindValue(id);
    if (Result<void> done = m_db.exec(query); !done)
        return done.error();
    if (!query.next())
        return std::optional<StoredRejection>();
    return std::optional<StoredRejection>(readRejection(query));
}

Result<QList<StoredRejection>> ConflictStore::rejections()
{
    QSqlQuery &query = m_db.prepare(RejectionColumns + QStringLiteral(" ORDER BY created_at, id"));
    if (Result<void> done = m_db.exec(query); !done)
        return done.error();
    QList<StoredRejection> rejections;
    while (query.next())
        rejections.append(readRejection(query));
    return rejections;
}

Result<void> ConflictStore::removeRejection(const QString &id)
{
    QSqlQuery &query = m_db.prepare(QStringLiteral("DELETE FROM rejected WHERE id = ?"));
    query.addBindValue(id);
    return m_db.exec(query);
}

Result<int> ConflictStore::rejectionCount()
{
    return countWhere(QStringLiteral("SELECT COUNT(*) FROM rejected"), QString());
}

Result<int> ConflictStore::rejectionCountForRecord(const QString &recordId)
{
    return countWhere(QStringLiteral("SELECT COUNT(*) FROM rejected WHERE record_id = ?"), recordId);
}

} // namespace fieldsync
