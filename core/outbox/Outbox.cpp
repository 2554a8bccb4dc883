#include "Outbox.h"

#include "PlainJsonObject.h"

#include "common/Logging.h"
#include "protocol/ProtocolInfo.h"
#include "store/JsonText.h"
#include "store/RepeatedText.h"

#include <QVariant>

#include <optional>

namespace fieldsync {

namespace {

// Every read takes these, in the order EntryReader reads them.
const QString Columns =
    QStringLiteral("seq, offline_id, entity, op, record_id, client_version, base, data, created_at");
const QString SelectColumns = QStringLiteral("SELECT ") + Columns + QStringLiteral(" FROM outbox");

// Reads entries row by row. A batch's rows mostly repeat their entity and op: their names are
// converted and looked up only when their bytes change (RepeatedText), to the same values.
class EntryReader
{
public:
    // Everything but base and data.
    OutboxEntry head(const SqlRow &row)
    {
        OutboxEntry entry;
        entry.seq = row.integer(0);
        entry.change.offlineId = row.text(1);
        bool changed = false;
        const QString &entity = m_entityName.read(row, 2, &changed);
        if (changed) {
            const EntitySchema *schema = EntitySchema::byWireName(entity);
            m_entity = schema ? std::optional<EntityKind>(schema->kind) : std::nullopt;
        }
        if (m_entity)
            entry.change.entity = *m_entity;
        const QString &op = m_opName.read(row, 3, &changed);
        if (changed)
            m_op = changeOpFromName(op).value_or(ChangeOp::Update);
        entry.change.op = m_op;
        entry.change.id = row.text(4);
        entry.change.clientVersion = row.integer(5);
        entry.createdAt = row.text(8);
        return entry;
    }

    // base and data: columns 6 and 7 as the caller already read them.
    OutboxEntry entry(const SqlRow &row, const QByteArray &base, const QByteArray &data)
    {
        OutboxEntry entry = head(row);
        // From SQLite's UTF-8 straight to the parser, without a round trip through UTF-16.
        entry.change.base = QJsonDocument::fromJson(base).object();
        entry.change.data = QJsonDocument::fromJson(data).object();
        return entry;
    }

    OutboxEntry entry(const SqlRow &row) { return entry(row, row.utf8(6), row.utf8(7)); }

private:
    RepeatedText m_entityName;
    RepeatedText m_opName;
    std::optional<EntityKind> m_entity;
    ChangeOp m_op = ChangeOp::Update;
};

// For text json_valid() accepts: whether it is an object (what json_type() would say). Valid JSON
// starts, after white space, with the first character of its value, and '{' only for an object.
bool startsAsObject(const QByteArray &validJson)
{
    for (const char c : validJson) {
        if (uchar(c) > ' ')
            return c == '{';
    }
    return false;
}

// Runs a select of SelectColumns (through the store's direct path) and reads every row.
Result<QList<OutboxEntry>> readEntries(LocalDatabase &db, const QString &sql,
                                       std::initializer_list<SqlValue> values)
{
    QList<OutboxEntry> entries;
    EntryReader reader;
    const Result<void> read = db.select(SelectColumns + sql, values, [&entries, &reader](const SqlRow &row) {
        entries.append(reader.entry(row));
    });
    if (!read)
        return read.error();
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
    return readBatch(afterSeq, maxChanges, maxBytes, false);
}

Result<QList<OutboxEntry>> Outbox::nextPushBatch(qint64 afterSeq, int maxChanges, qint64 maxBytes)
{
    return readBatch(afterSeq, maxChanges, maxBytes, true);
}

Result<QList<OutboxEntry>> Outbox::readBatch(qint64 afterSeq, int maxChanges, qint64 maxBytes, bool forPush)
{
    // Column 9, for a push: whether base and data are text, which isPlainJsonObject() may judge.
    const QString areText =
        forPush ? QStringLiteral("typeof(base) = 'text' AND typeof(data) = 'text'") : QStringLiteral("0");
    const QString sql = QStringLiteral("SELECT ") + Columns + QStringLiteral(", ") + areText +
                        QStringLiteral(" FROM outbox WHERE seq > ? ORDER BY seq LIMIT ?");
    QList<OutboxEntry> batch;
    EntryReader reader;
    qint64 bytes = 0;
    bool full = false;
    std::optional<Error> failed;
    const Result<void> read = m_db.select(sql, {afterSeq, maxChanges}, [&](const SqlRow &row) {
        if (full || failed)
            return;
        const QByteArray base = row.utf8(6);
        const QByteArray data = row.utf8(7);
        // The size of the stored JSON is close to what goes on the wire, without encoding twice.
        const qint64 entryBytes = base.size() + data.size() + 200;
        if (!batch.isEmpty() && bytes + entryBytes > maxBytes) {
            full = true;
            return;
        }
        bytes += entryBytes;
        bool asStored = false;
        if (forPush) {
            if (row.integer(9) == 1 && isPlainJsonObject(base) && isPlainJsonObject(data)) {
                asStored = true;
            } else {
                // The few rows the plain check does not vouch for are SQLite's to judge, as all
                // were before: asked while this row is read, they are judged as this read sees them.
                Result<bool> objects = storedAsObjects(row.integer(0), base, data);
                if (!objects) {
                    failed = objects.error();
                    return;
                }
                asStored = objects.value();
            }
        }
        if (asStored) {
            OutboxEntry entry = reader.head(row);
            entry.storedBase = base;
            entry.storedData = data;
            batch.append(std::move(entry));
        } else {
            batch.append(reader.entry(row, base, data));
        }
    });
    if (!read)
        return read.error();
    if (failed)
        return *failed;
    return batch;
}

Result<bool> Outbox::storedAsObjects(qint64 seq, const QByteArray &base, const QByteArray &data)
{
    // Whether SQLite finds both well-formed JSON; startsAsObject() says whether they are objects,
    // so that SQLite parses each text once, not again for json_type().
    bool valid = false;
    const Result<void> read =
        m_db.select(QStringLiteral("SELECT json_valid(base) AND json_valid(data) FROM outbox WHERE seq = ?"),
                    {seq}, [&valid](const SqlRow &row) { valid = row.integer(0) == 1; });
    if (!read)
        return read.error();
    return valid && startsAsObject(base) && startsAsObject(data);
}

Result<std::optional<OutboxEntry>> Outbox::findByOfflineId(const QString &offlineId)
{
    Result<QList<OutboxEntry>> found =
        readEntries(m_db, QStringLiteral(" WHERE offline_id = ?"), {offlineId});
    if (!found)
        return found.error();
    if (found.value().isEmpty())
        return std::optional<OutboxEntry>();
    return std::optional<OutboxEntry>(found.value().constFirst());
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

Result<void> Outbox::removeAll(const QStringList &offlineIds)
{
    if (offlineIds.isEmpty())
        return {};
    if (Result<qint64> removed = m_db.write(
            QStringLiteral("DELETE FROM outbox WHERE offline_id IN (SELECT value FROM json_each(?))"),
            {jsonUtf8Array(offlineIds)});
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
    return readEntries(m_db, QStringLiteral(" WHERE record_id = ? ORDER BY seq"), {recordId});
}

Result<QList<OutboxEntry>> Outbox::all(int limit)
{
    return readEntries(m_db, QStringLiteral(" ORDER BY seq LIMIT ?"), {limit});
}

} // namespace fieldsync
