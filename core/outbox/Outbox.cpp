#include "Outbox.h"

#include "common/Logging.h"
#include "protocol/ProtocolInfo.h"
#include "store/JsonText.h"

#include <QVariant>

namespace fieldsync {

namespace {

const QString SelectColumns = QStringLiteral(
    "SELECT seq, offline_id, entity, op, record_id, client_version, base, data, created_at FROM outbox");

OutboxEntry readEntry(const QSqlQuery &query)
{
    OutboxEntry entry;
    entry.seq = query.value(0).toLongLong();
    entry.change.offlineId = query.value(1).toString();
    if (const EntitySchema *schema = EntitySchema::byWireName(query.value(2).toString()))
        entry.change.entity = schema->kind;
    entry.change.op = changeOpFromName(query.value(3).toString()).value_or(ChangeOp::Update);
    entry.change.id = query.value(4).toString();
    entry.change.clientVersion = query.value(5).toLongLong();
    entry.change.base = jsonObjectFromText(query.value(6).toString());
    entry.change.data = jsonObjectFromText(query.value(7).toString());
    entry.createdAt = query.value(8).toString();
    return entry;
}

// Runs a prepared select of SelectColumns and reads every row.
Result<QList<OutboxEntry>> readEntries(LocalDatabase &db, QSqlQuery &query)
{
    if (Result<void> done = db.exec(query); !done)
        return done.error();
    QList<OutboxEntry> entries;
    while (query.next())
        entries.append(readEntry(query));
    return entries;
}

} // namespace

Outbox::Outbox(LocalDatabase &db)
    : m_db(db)
{}

Result<qint64> Outbox::enqueue(const protocol::Change &change, const QString &createdAt)
{
    QSqlQuery &query = m_db.prepare(QStringLiteral(
        "INSERT INTO outbox(offline_id, entity, op, record_id, client_version, base, data, created_at)"
        " VALUES(?,?,?,?,?,?,?,?)"));
    query.addBindValue(change.offlineId);
    query.addBindValue(EntitySchema::of(change.entity).wireName);
    query.addBindValue(changeOpName(change.op));
    query.addBindValue(change.id);
    query.addBindValue(change.clientVersion);
    query.addBindValue(toJsonText(change.base));
    query.addBindValue(toJsonText(change.data));
    query.addBindValue(createdAt.isEmpty() ? protocol::nowUtcString() : createdAt);
    if (Result<void> done = m_db.exec(query); !done)
        return done.error();
    qCDebug(lcOutbox) << "queued" << changeOpName(change.op) << "of" << change.id;
    return query.lastInsertId().toLongLong();
}

Result<QList<OutboxEntry>> Outbox::nextBatch(qint64 afterSeq, int maxChanges, qint64 maxBytes)
{
    QSqlQuery &query = m_db.prepare(SelectColumns + QStringLiteral(" WHERE seq > ? ORDER BY seq LIMIT ?"));
    query.addBindValue(afterSeq);
    query.addBindValue(maxChanges);
    if (Result<void> done = m_db.exec(query); !done)
        return done.error();
    QList<OutboxEntry> batch;
    qint64 bytes = 0;
    while (query.next()) {
        // The size of the stored JSON is close to what goes on the wire, without encoding twice.
        const qint64 entryBytes = query.value(6).toString().size() + query.value(7).toString().size() + 200;
        if (!batch.isEmpty() && bytes + entryBytes > maxBytes)
            break;
        bytes += entryBytes;
        batch.append(readEntry(query));
    }
    return batch;
}

Result<std::optional<OutboxEntry>> Outbox::findByOfflineId(const QString &offlineId)
{
    QSqlQuery &query = m_db.prepare(SelectColumns + QStringLiteral(" WHERE offline_id = ?"));
    query.addBindValue(offlineId);
    if (Result<void> done = m_db.exec(query); !done)
        return done.error();
    if (!query.next())
        return std::optional<OutboxEntry>();
    return std::optional<OutboxEntry>(readEntry(query));
}

Result<void> Outbox::remove(const QString &offlineId)
{
    // One per settled change: the store's direct path, like the record write beside it.
    if (Result<qint64> removed =
            m_db.write(QStringLiteral("DELETE FROM outbox WHERE offline_id = ?"), {offlineId});
        !removed)
        return removed.error();
    return {};
}

Result<int> Outbox::count()
{
    QSqlQuery &query = m_db.prepare(QStringLiteral("SELECT COUNT(*) FROM outbox"));
    if (Result<void> done = m_db.exec(query); !done)
        return done.error();
    return query.next() ? query.value(0).toInt() : 0;
}

Result<qint64> Outbox::lastSeq()
{
    QSqlQuery &query = m_db.prepare(
        QStringLiteral("SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'outbox'), 0)"));
    if (Result<void> done = m_db.exec(query); !done)
        return done.error();
    const qint64 seq = query.next() ? query.value(0).toLongLong() : 0;
    // Polled from a timer: leave no statement open, so that the next poll reads a fresh snapshot.
    query.finish();
    return seq;
}

Result<int> Outbox::countForRecord(const QString &recordId)
{
    QSqlQuery &query = m_db.prepare(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE record_id = ?"));
    query.addBindValue(recordId);
    if (Result<void> done = m_db.exec(query); !done)
        return done.error();
    return query.next() ? query.value(0).toInt() : 0;
}

Result<QList<OutboxEntry>> Outbox::forRecord(const QString &recordId)
{
    QSqlQuery &query = m_db.prepare(SelectColumns + QStringLiteral(" WHERE record_id = ? ORDER BY seq"));
    query.addBindValue(recordId);
    return readEntries(m_db, query);
}

Result<QList<OutboxEntry>> Outbox::all(int limit)
{
    QSqlQuery &query = m_db.prepare(SelectColumns + QStringLiteral(" ORDER BY seq LIMIT ?"));
    query.addBindValue(limit);
    return readEntries(m_db, query);
}

} // namespace fieldsync
