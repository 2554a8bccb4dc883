#include "RecordRepository.h"

#include "ServerDatabase.h"
#include "attachments/AttachmentRecord.h"
#include "common/JsonWriter.h"

#include <QJsonDocument>

#include <algorithm>
#include <vector>

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

const QString InsertHead = QStringLiteral("INSERT INTO records (id, entity, project_id, version, deleted, "
                                          "data, seq, updated_at, updated_by, device_id)");
const QString Upsert =
    QStringLiteral(" ON CONFLICT (id) DO UPDATE SET version = excluded.version, deleted = excluded.deleted, "
                   "data = excluded.data, seq = excluded.seq, updated_at = excluded.updated_at, "
                   "updated_by = excluded.updated_by, device_id = excluded.device_id");
constexpr qsizetype ColumnCount = 10;

} // namespace

RecordRepository::RecordRepository(ServerDatabase &db)
    : m_db(db)
    , m_batch(db, InsertHead, ColumnCount, Upsert)
{}

Result<std::optional<StoredRecord>> RecordRepository::find(const QString &id)
{
    if (const Result<void> written = writeKept(); !written)
        return written.error();
    std::optional<StoredRecord> found;
    QString entityName;
    const Result<void> read = m_db.select(
        QStringLiteral("SELECT entity, project_id, version, deleted, data, seq, updated_at, updated_by, "
                       "device_id FROM records WHERE id = ?"),
        {id}, [&](const SqlRow &row) {
            StoredRecord record;
            record.id = id;
            entityName = row.text(0);
            record.projectId = row.text(1);
            record.version = row.integer(2);
            record.deleted = row.integer(3) != 0;
            record.data = parseData(row.utf8(4));
            record.seq = row.integer(5);
            record.updatedAt = row.text(6);
            record.updatedBy = row.text(7);
            record.deviceId = row.text(8);
            found = std::move(record);
        });
    if (!read)
        return read.error();
    if (!found)
        return found;
    const Result<EntityKind> entity = entityOf(entityName, id);
    if (!entity)
        return entity.error();
    found->entity = entity.value();
    return found;
}

Result<QSet<QString>> RecordRepository::existing(const QStringList &ids)
{
    if (const Result<void> written = writeKept(); !written)
        return written.error();
    // As IdempotencyRepository::findMany: chunks of a fixed size, a short last one filled with
    // its last id again, so that there are few distinct statements and bound values.
    constexpr int ChunkSize = 100;
    static const QString sql = [] {
        QString text = QStringLiteral("SELECT id FROM records WHERE id IN (?");
        for (int index = 1; index < ChunkSize; ++index)
            text += QStringLiteral(", ?");
        text += QStringLiteral(")");
        return text;
    }();
    QSet<QString> found;
    const Result<void> read = m_db.withPlansForTheirValues([&]() -> Result<void> {
        std::vector<SqlValue> values;
        values.reserve(ChunkSize);
        for (qsizetype first = 0; first < ids.size(); first += ChunkSize) {
            values.clear();
            for (qsizetype index = first; index < first + ChunkSize; ++index)
                values.emplace_back(ids.at(std::min(index, ids.size() - 1)));
            const Result<void> chunk =
                m_db.select(sql, values.data(), qsizetype(values.size()),
                            [&found](const SqlRow &row) { found.insert(row.text(0)); });
            if (!chunk)
                return chunk;
        }
        return {};
    });
    if (!read)
        return read.error();
    return found;
}

Result<void> RecordRepository::save(const StoredRecord &record, const QByteArray &encodedData)
{
    if (m_batch.isOn()) {
        if (m_keptIds.contains(record.id)) {
            if (const Result<void> written = writeKept(); !written)
                return written;
        }
        m_keptIds.insert(record.id);
    }
    const Result<void> kept = m_batch.keep(
        record.id, EntitySchema::of(record.entity).wireName, record.projectId, record.version,
        record.deleted ? 1 : 0, encodedData.isEmpty() ? JsonWriter::compact(record.data) : encodedData,
        record.seq, record.updatedAt, record.updatedBy, record.deviceId);
    // A full chunk was written (or failed and was dropped): its ids go with it.
    if (m_batch.keptRows() == 0)
        m_keptIds.clear();
    return kept;
}

void RecordRepository::startBatching()
{
    m_keptIds.clear();
    m_keptIds.reserve(RowBatch::RowsPerChunk);
    m_batch.start();
}

Result<void> RecordRepository::flush()
{
    const Result<void> written = writeKept();
    dropBatch();
    return written;
}

void RecordRepository::dropBatch()
{
    m_keptIds.clear();
    m_batch.drop();
}

Result<void> RecordRepository::writeKept()
{
    m_keptIds.clear();
    return m_batch.write();
}

Result<QList<StoredRecord>> RecordRepository::changedSince(const QString &projectId, qint64 cursor,
                                                           qint64 upTo, int limit, bool decode)
{
    if (const Result<void> written = writeKept(); !written)
        return written.error();
    QList<StoredRecord> records;
    std::optional<Error> failure;
    const Result<void> read =
        m_db.select(QStringLiteral("SELECT id, entity, version, deleted, data, seq FROM records "
                                   "WHERE project_id = ? AND seq > ? AND seq <= ? ORDER BY seq LIMIT ?"),
                    {projectId, cursor, upTo, limit}, [&](const SqlRow &row) {
                        if (failure)
                            return;
                        StoredRecord record;
                        record.id = row.text(0);
                        const Result<EntityKind> entity = entityOf(row.text(1), record.id);
                        if (!entity) {
                            failure = entity.error();
                            return;
                        }
                        record.entity = entity.value();
                        record.projectId = projectId;
                        record.version = row.integer(2);
                        record.deleted = row.integer(3) != 0;
                        if (decode)
                            record.data = parseData(row.utf8(4));
                        else
                            record.encodedData = row.utf8(4);
                        record.seq = row.integer(5);
                        records.append(std::move(record));
                    });
    if (!read)
        return read.error();
    if (failure)
        return *failure;
    return records;
}

Result<QHash<QString, QString>> RecordRepository::firstProjectBySha256()
{
    if (const Result<void> written = writeKept(); !written)
        return written.error();
    // Attachments are append-only: a record's seq is the one it was created with.
    QHash<QString, QString> projects;
    const Result<void> read =
        m_db.select(QStringLiteral("SELECT project_id, data FROM records WHERE entity = ? ORDER BY seq"),
                    {EntitySchema::of(EntityKind::Attachment).wireName}, [&](const SqlRow &row) {
                        const QString sha256 =
                            parseData(row.utf8(1)).value(AttachmentRecord::Sha256).toString();
                        if (AttachmentRecord::isSha256Hex(sha256) && !projects.contains(sha256))
                            projects.insert(sha256, row.text(0));
                    });
    if (!read)
        return read.error();
    return projects;
}

} // namespace fieldsync::server
