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

const QString InsertHead = QStringLiteral("INSERT INTO audit (seq, record_id, entity, project_id, user_name, "
                                          "device_id, at_time, client_time, before_data, after_data)");
constexpr qsizetype ColumnCount = 10;

} // namespace

AuditRepository::AuditRepository(ServerDatabase &db)
    : m_db(db)
    , m_batch(db, InsertHead, ColumnCount)
{}

Result<void> AuditRepository::record(const StoredRecord &after, const QJsonObject &before,
                                     const QString &clientTime, const QByteArray &encodedAfterData)
{
    QJsonObject afterState = after.data;
    if (after.deleted)
        afterState.insert(QStringLiteral("deleted"), true);
    // A live record's state is its data: the caller's encoding of it serves as it is.
    SqlValue afterText = !after.deleted && !encodedAfterData.isEmpty() && !afterState.isEmpty()
                             ? SqlValue(encodedAfterData)
                             : jsonText(afterState);
    return m_batch.keep(after.seq, after.id, EntitySchema::of(after.entity).wireName, after.projectId,
                        after.updatedBy, after.deviceId, after.updatedAt,
                        clientTime.isEmpty() ? SqlValue() : SqlValue(clientTime), jsonText(before),
                        std::move(afterText));
}

void AuditRepository::startBatching()
{
    m_batch.start();
}

Result<void> AuditRepository::flush()
{
    const Result<void> written = m_batch.write();
    m_batch.drop();
    return written;
}

void AuditRepository::dropBatch()
{
    m_batch.drop();
}

Result<QList<AuditRepository::Entry>> AuditRepository::entriesFor(const QString &recordId)
{
    if (const Result<void> written = m_batch.write(); !written)
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
    if (const Result<void> written = m_batch.write(); !written)
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
    if (const Result<void> written = m_batch.write(); !written)
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
