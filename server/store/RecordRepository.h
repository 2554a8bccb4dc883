#pragma once

#include "RowBatch.h"
#include "StoredRecord.h"
#include "common/Result.h"
#include "store/SqlValue.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QStringList>

#include <optional>

namespace fieldsync::server {

class ServerDatabase;

// The records table: the latest state of every synced record and the sequence number of its
// last write.
class RecordRepository
{
public:
    explicit RecordRepository(ServerDatabase &db);

    Result<std::optional<StoredRecord>> find(const QString &id);
    // Which of ids name a record, in a few statements for a whole push instead of one per id.
    Result<QSet<QString>> existing(const QStringList &ids);
    // Inserts or overwrites the row with this id. encodedData: record.data as compact JSON, when
    // the caller has it already.
    Result<void> save(const StoredRecord &record, const QByteArray &encodedData = {});

    // While batching, save() keeps its rows and writes them many to a statement: when enough
    // have come, before a row of an id already kept, when anything reads the table (every read
    // here writes them first, so it finds them), and at flush(). The same rows go in, in the same
    // order, within the caller's transaction; an Error of writing them may then come from a later
    // call than the save() of the row. For a push, which writes a row per change.
    void startBatching();
    // Writes the rows kept, and stops batching.
    Result<void> flush();
    // Forgets the rows kept (their transaction is being rolled back), and stops batching.
    void dropBatch();
    // Records of one project written after cursor and up to upTo, oldest write first, at most
    // limit of them. Uses the (project_id, seq) index, so the cost is bounded by limit, not by
    // the size of the table.
    // decode false leaves each record's data as text, in encodedData.
    Result<QList<StoredRecord>> changedSince(const QString &projectId, qint64 cursor, qint64 upTo, int limit,
                                             bool decode = true);

    // For each SHA-256, the project of the first attachment record that named it (deleted records
    // too), for moving files stored before storage was per project. Reads every attachment record:
    // for a one-off job, not for requests.
    Result<QHash<QString, QString>> firstProjectBySha256();

private:
    // Writes the rows kept, and forgets their ids.
    Result<void> writeKept();

    ServerDatabase &m_db;
    RowBatch m_batch;
    // The ids of the rows kept: an upsert of many rows must not meet one id twice (PostgreSQL
    // refuses that).
    QSet<QString> m_keptIds;
};

} // namespace fieldsync::server
