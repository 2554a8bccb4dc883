#pragma once

#include "OutboxEntry.h"
#include "store/LocalDatabase.h"

#include <QList>

namespace fieldsync {

// The durable queue of local edits. Callers enqueue inside the same transaction that writes the
// record, so a crash never leaves one without the other.
class Outbox
{
public:
    explicit Outbox(LocalDatabase &db);

    // createdAt: when the edit was made (the time it stamped on the record); now when empty.
    Result<qint64> enqueue(const protocol::Change &change, const QString &createdAt = {});

    // The oldest entries after afterSeq, at most maxChanges of them and about maxBytes of JSON
    // (always at least one, so that one large edit still moves).
    Result<QList<OutboxEntry>> nextBatch(qint64 afterSeq, int maxChanges, qint64 maxBytes);
    // The same entries for a push: base and data stay as stored (OutboxEntry::storedBase and
    // storedData) where SQLite finds them well-formed JSON objects, since the push body carries
    // them as they are; an entry whose stored text is not is decoded as nextBatch() would.
    Result<QList<OutboxEntry>> nextPushBatch(qint64 afterSeq, int maxChanges, qint64 maxBytes);
    Result<std::optional<OutboxEntry>> findByOfflineId(const QString &offlineId);

    Result<void> remove(const QString &offlineId);
    // remove() of each of offlineIds, in one statement.
    Result<void> removeAll(const QStringList &offlineIds);
    Result<int> count();
    // The highest seq ever queued (AUTOINCREMENT's high-water mark, so it never goes back when the
    // queue empties): a growing value means someone, maybe another process, queued an edit.
    Result<qint64> lastSeq();
    Result<int> countForRecord(const QString &recordId);
    // The queued edits of one record, oldest first.
    Result<QList<OutboxEntry>> forRecord(const QString &recordId);
    Result<QList<OutboxEntry>> all(int limit = -1);

private:
    Result<QList<OutboxEntry>> readBatch(qint64 afterSeq, int maxChanges, qint64 maxBytes, bool forPush);
    // Whether SQLite finds the stored base and data of the entry at seq well-formed JSON objects
    // (base and data: their text, as just read).
    Result<bool> storedAsObjects(qint64 seq, const QByteArray &base, const QByteArray &data);

    LocalDatabase &m_db;
};

} // namespace fieldsync
