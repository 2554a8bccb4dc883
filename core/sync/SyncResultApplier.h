#pragma once

#include "outbox/OutboxEntry.h"
#include "protocol/PullMessages.h"
#include "store/DeviceStore.h"
#include "sync/ServerRecordText.h"

namespace fieldsync {

struct PushOutcome
{
    int applied = 0;
    int conflicts = 0;
    int rejected = 0;
    int unanswered = 0;   // sent, but not settled by a usable answer: stays queued
    QStringList problems; // what the server got wrong: each makes the run a failure
    QStringList touchedRecords;
};

struct PullOutcome
{
    QStringList changed;  // records whose local state the page changed
    QStringList problems; // records the server sent broken, not stored; for the sync log
};

// Writes the server's answers into the device store, each answer page in one transaction. Applying
// remote state never re-records it as a local edit: nothing here touches the outbox except to
// settle the entries the server answered.
class SyncResultApplier
{
public:
    explicit SyncResultApplier(DeviceStore &store);

    Result<PushOutcome> applyPush(const QList<OutboxEntry> &sent, const protocol::PushResponse &response);
    // Returns the ids of records whose local state changed.
    Result<PullOutcome> applyPull(const protocol::PullResponse &page);
    // An edit the server can never take because it is too large on its own: kept as rejected.
    Result<void> rejectLocally(const OutboxEntry &entry, const QString &reason, const QString &detail);

private:
    // What applying an answer to a record decides by: read for a whole page of answers at once
    // where each record comes up only once in it, else record by record.
    struct Known
    {
        std::optional<RecordStore::Head> head;
        bool unsettled = false; // edits not yet settled besides the one being settled now
    };
    class Prefetch;

    // The record an applied answer carries: its text as the answer had it (or empty), and either
    // the object the text holds or, when the record was checked and read as text, its columns.
    struct AppliedRecord
    {
        qint64 version = 0;
        const QJsonObject &data;
        const QByteArray &encodedData;
        const ServerRecordText::Columns *columns = nullptr;
    };
    // settled: the offline ids of settled changes whose removal from the outbox waits for the end
    // of the applied answers, in one statement: those of records the page names once (known), for
    // which nothing in the page reads the outbox again.
    Result<void> settleApplied(const OutboxEntry &entry, const AppliedRecord &applied, const Known *known,
                               QStringList &settled);
    Result<void> storeConflict(const OutboxEntry &entry, const protocol::ConflictedChange &conflict);
    Result<void> storeRejection(const OutboxEntry &entry, const protocol::RejectedChange &rejected);
    // encodedData: data as JSON text when the answer had it so, stored as it is; else empty.
    // columns: when given, data is empty and the record is encodedData, with these columns.
    Result<void> applyServerState(const QString &recordId, EntityKind entity, qint64 version, bool deleted,
                                  const QJsonObject &data, const Known *known,
                                  const QByteArray &encodedData = {},
                                  const ServerRecordText::Columns *columns = nullptr);
    // Why a pulled record must not be stored (not of its entity's shape, or another entity than
    // the record of that id here), or nothing.
    Result<std::optional<QString>> problemWithPulled(const protocol::PulledRecord &pulled,
                                                     const Known *known);

    DeviceStore &m_store;
};

} // namespace fieldsync
