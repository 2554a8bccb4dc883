#pragma once

#include "RowBatch.h"
#include "StoredRecord.h"
#include "common/Result.h"
#include "store/SqlValue.h"

#include <QJsonObject>
#include <QList>

#include <optional>

namespace fieldsync::server {

class ServerDatabase;

// Who changed what, from which device, and what the record was before and after: the trail the
// office relies on when it asks what the site did.
class AuditRepository
{
public:
    struct Entry
    {
        qint64 seq = 0;
        QString recordId;
        QString user;
        QString deviceId;
        QString at;
        QString clientTime;
        QJsonObject before; // empty for a create
        QJsonObject after;
    };

    explicit AuditRepository(ServerDatabase &db);

    // before is empty for a create; after is the record as written. encodedAfterData: after.data
    // as compact JSON, when the caller has it already.
    Result<void> record(const StoredRecord &after, const QJsonObject &before, const QString &clientTime,
                        const QByteArray &encodedAfterData = {});

    // While batching, record() keeps its rows and writes them many to a statement: when enough
    // have come, when anything reads the trail (every read below writes them first, so it finds
    // them), and at flush(). The same rows go in, in the same order, within the caller's
    // transaction; an Error of writing them may then come from a later call than the record()
    // of the row. For a push, which writes a row per change and seldom reads the trail.
    void startBatching();
    // Writes the rows kept, and stops batching.
    Result<void> flush();
    // Forgets the rows kept (their transaction is being rolled back), and stops batching.
    void dropBatch();
    Result<QList<Entry>> entriesFor(const QString &recordId);
    // The after_data of the record's entry of that seq, as stored; nothing when there is none.
    Result<std::optional<QByteArray>> afterDataAt(const QString &recordId, qint64 seq);
    // Who brought the record to this status: its creator, and who last moved it into the status
    // (once each; empty when the trail holds neither).
    Result<QStringList> whoBroughtItTo(const QString &recordId, const QString &status);
    // True when a device other than deviceId wrote the record after version sinceVersion. Every
    // write adds one audit row and one version, so the rows past the first sinceVersion are the
    // writes the device has not seen.
    Result<bool> changedByOthersSince(const QString &recordId, qint64 sinceVersion, const QString &deviceId);

private:
    ServerDatabase &m_db;
    RowBatch m_batch;
};

} // namespace fieldsync::server
