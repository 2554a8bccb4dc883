#include "AuditRepository.h"

#include "domain/Workflow.h"

#include "ServerDatabase.h"
#include "common/JsonWriter.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace fieldsync::server {

namespace {

// An empty state (before a create) is NULL.
SqlValue jsonText(const QJsonObject &object)
{
    if (object.isEmpty())
        return {};
    return JsonWriter::compact(object);
}

const QString Columns = QStringLiteral("seq, record_id, entity, project_id, user_name, device_id, at_time, "
                                       "client_time, before_data, after_data");
const QString RowPlaces = QStringLiteral("?, ?, ?, ?, ?, ?, ?, ?, ?, ?");
constexpr qsizetype ColumnCount = 10;
// 500 values a statement, well within what SQLite and PostgreSQL bind.
constexpr qsizetype RowsPerChunk = 50;

const QString &oneRowSql()
{
    static const QString sql = QStringLiteral("INSERT INTO audit (") + Columns +
                               QStringLiteral(") VALUES (") + RowPlaces + QStringLiteral(")");
    return sql;
}

} // namespace

AuditRepository::AuditRepository(ServerDatabase &db)
    : m_db(db)
{}

Result<void> AuditRepository::record(const StoredRecord &after, const QJsonObject &before,
                                     const QString &clientTime, const QByteArray &encodedAfterData)
{
    QJsonObject afterState = after.data;
    if (after.deleted)
        afterState.insert(QStringLiteral("deleted"), true);
    // A live record's state is its data: the caller's encoding of it serves as it is.
    const SqlValue afterText = !after.deleted && !encodedAfterData.isEmpty() && !afterState.isEmpty()
                                   ? SqlValue(encodedAfterData)
                                   : jsonText(afterState);
    const std::initializer_list<SqlValue> values{after.seq,
                                                 after.id,
                                                 EntitySchema::of(after.entity).wireName,
                                                 after.projectId,
                                                 after.updatedBy,
                                                 after.deviceId,
                                                 after.updatedAt,
                                                 clientTime.isEmpty() ? SqlValue() : SqlValue(clientTime),
                                                 jsonText(before),
                                                 afterText};
    Q_ASSERT(values.size() == ColumnCount);
    if (!m_batching)
        return m_db.write(oneRowSql(), values);
    for (const SqlValue &value : values)
        m_kept.append(value);
    if (m_kept.size() < RowsPerChunk * ColumnCount)
        return {};
    return writeKept();
}

void AuditRepository::startBatching()
{
    m_kept.clear();
    m_kept.reserve(RowsPerChunk * ColumnCount);
    m_batching = true;
}

Result<void> AuditRepository::flush()
{
    const Result<void> written = writeKept();
    dropBatch();
    return written;
}

void AuditRepository::dropBatch()
{
    m_kept.clear();
    m_batching = false;
}

Result<void> AuditRepository::writeKept()
{
    // As IdempotencyRepository::storeMany: a full chunk is one statement of many rows, fewer rows
    // go one by one, so that there are two statements, not one per count of rows.
    static const QString chunkSql = [] {
        QString text = QStringLiteral("INSERT INTO audit (") + Columns + QStringLiteral(") VALUES ");
        for (int row = 0; row < RowsPerChunk; ++row)
            text +=
                (row == 0 ? QStringLiteral("(") : QStringLiteral(", (")) + RowPlaces + QStringLiteral(")");
        return text;
    }();
    if (m_kept.isEmpty())
        return {};
    // Taken out first: whatever happens, no row is written twice.
    QList<SqlValue> kept;
    kept.reserve(RowsPerChunk * ColumnCount);
    kept.swap(m_kept);
    Result<void> written;
    if (kept.size() == RowsPerChunk * ColumnCount) {
        written = m_db.select(chunkSql, kept, {});
    } else {
        for (qsizetype first = 0; written && first < kept.size(); first += ColumnCount) {
            const SqlValue *row = kept.constData() + first;
            written = m_db.write(oneRowSql(), {row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7],
                                               row[8], row[9]});
        }
    }
    // The list and its room serve the next rows.
    kept.clear();
    m_kept.swap(kept);
    return written;
}

Result<QList<AuditRepository::Entry>> AuditRepository::entriesFor(const QString &recordId)
{
    if (const Result<void> written = writeKept(); !written)
        return written.error();
    Result<QSqlQuery *> query = m_db.run(
        QStringLiteral("SELECT seq, user_name, device_id, at_time, client_time, before_data, after_data "
                       "FROM audit WHERE record_id = ? ORDER BY seq"),
        {recordId});
    if (!query)
        return query.error();
    QSqlQuery *row = query.value();
    QList<Entry> entries;
    while (row->next()) {
        Entry entry;
        entry.seq = row->value(0).toLongLong();
        entry.recordId = recordId;
        entry.user = row->value(1).toString();
        entry.deviceId = row->value(2).toString();
        entry.at = row->value(3).toString();
        entry.clientTime = row->value(4).toString();
        entry.before = QJsonDocument::fromJson(row->value(5).toString().toUtf8()).object();
        entry.after = QJsonDocument::fromJson(row->value(6).toString().toUtf8()).object();
        entries.append(std::move(entry));
    }
    row->finish();
    return entries;
}

Result<std::optional<QByteArray>> AuditRepository::afterDataAt(const QString &recordId, qint64 seq)
{
    if (const Result<void> written = writeKept(); !written)
        return written.error();
    std::optional<QByteArray> afterData;
    const Result<void> read =
        m_db.select(QStringLiteral("SELECT after_data FROM audit WHERE record_id = ? AND seq = ?"),
                    {recordId, seq}, [&afterData](const SqlRow &row) { afterData = row.utf8(0); });
    if (!read)
        return read.error();
    return afterData;
}

Result<QStringList> AuditRepository::whoBroughtItTo(const QString &recordId, const QString &status)
{
    Result<QList<Entry>> entries = entriesFor(recordId);
    if (!entries)
        return entries.error();
    const QString statusField = QStringLiteral("status");
    QList<Workflow::StatusStep> history;
    history.reserve(entries.value().size());
    for (const Entry &entry : entries.value())
        history.append({entry.user, entry.before.value(statusField).toString(),
                        entry.after.value(statusField).toString()});
    return Workflow::whoBroughtItTo(history, status);
}

Result<bool> AuditRepository::changedByOthersSince(const QString &recordId, qint64 sinceVersion,
                                                   const QString &deviceId)
{
    if (const Result<void> written = writeKept(); !written)
        return written.error();
    Result<QSqlQuery *> query = m_db.run(
        QStringLiteral("SELECT COUNT(*) FROM (SELECT device_id, ROW_NUMBER() OVER (ORDER BY seq) AS version "
                       "FROM audit WHERE record_id = ?) AS writes WHERE version > ? AND device_id <> ?"),
        {recordId, sinceVersion, deviceId});
    if (!query)
        return query.error();
    QSqlQuery *row = query.value();
    const bool changed = row->next() && row->value(0).toLongLong() > 0;
    row->finish();
    return changed;
}

} // namespace fieldsync::server
