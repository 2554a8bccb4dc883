#include "SyncResultApplier.h"

#include "PushAnswers.h"
#include "ServerRecordCheck.h"

#include "common/Logging.h"
#include "protocol/ProtocolInfo.h"

#include <QHash>
#include <QJsonDocument>
#include <QUuid>

namespace fieldsync {

namespace {

// Why a state the server sent for a record of this entity is not one (see checkServerRecord).
std::optional<QString> whyNotARecord(EntityKind entity, const QJsonObject &data)
{
    const Result<void> sound = checkServerRecordInOnePass(EntitySchema::of(entity), data);
    if (sound)
        return std::nullopt;
    return sound.error().message;
}

} // namespace

SyncResultApplier::SyncResultApplier(DeviceStore &store)
    : m_store(store)
{}

// The heads and unsettled edits of the records a page of answers names once, read in two
// statements instead of two per record. Records named more than once are left to be read one by
// one, as applying an earlier answer may change what a later one finds.
class SyncResultApplier::Prefetch
{
public:
    // settling: the offline ids of the queued changes this page settles (none for a pull), and
    // settlingSeqs the seqs they were read from the outbox at.
    Result<void> load(DeviceStore &store, const QStringList &recordIds, const QStringList &settling,
                      const QList<qint64> &settlingSeqs)
    {
        QHash<QString, int> mentions;
        for (const QString &id : recordIds)
            ++mentions[id];
        QStringList once;
        for (auto it = mentions.cbegin(); it != mentions.cend(); ++it) {
            if (it.value() == 1)
                once.append(it.key());
        }
        if (once.isEmpty())
            return {};
        Result<QHash<QString, DeviceStore::RecordStanding>> standings =
            store.standingOf(once, settling, settlingSeqs);
        if (!standings)
            return standings.error();
        m_known.reserve(once.size());
        for (const QString &id : std::as_const(once)) {
            const DeviceStore::RecordStanding standing = standings.value().value(id);
            m_known.insert(id, Known{standing.head, standing.unsettled});
        }
        return {};
    }

    const Known *find(const QString &recordId) const
    {
        const auto it = m_known.constFind(recordId);
        return it == m_known.cend() ? nullptr : &it.value();
    }

private:
    QHash<QString, Known> m_known;
};

Result<void> SyncResultApplier::applyServerState(const QString &recordId, EntityKind entity, qint64 version,
                                                 bool deleted, const QJsonObject &data, const Known *known,
                                                 const QByteArray &encodedData,
                                                 const ServerRecordText::Columns *columns)
{
    // Only the record's head is read: its JSON is either replaced as a whole or left alone.
    std::optional<RecordStore::Head> head;
    if (known) {
        head = known->head;
    } else {
        Result<std::optional<RecordStore::Head>> found = m_store.records().findHead(recordId);
        if (!found)
            return found.error();
        head = found.value();
    }
    if (head && head->serverVersion > version) {
        // An older answer arriving late (a retried push answered from the server's idempotency
        // record after a pull brought a newer state) never rolls the record back. When it settled
        // the record's last queued edit, the local state falls back to the newer server state kept
        // under that edit: no later pull brings that version again. (The local version says
        // nothing here: a pull under edits raises it to the server's already.)
        bool unsettled = known && known->unsettled;
        if (!known) {
            Result<bool> found = m_store.hasUnsettledEdits(recordId);
            if (!found)
                return found.error();
            unsettled = found.value();
        }
        if (unsettled)
            return {};
        Result<std::optional<LocalRecord>> stale = m_store.records().find(recordId);
        if (!stale)
            return stale.error();
        if (!stale.value())
            return {};
        LocalRecord record = *stale.value();
        record.version = record.serverVersion;
        record.deleted = record.serverDeleted;
        record.data = record.serverData;
        return m_store.records().save(record);
    }
    // The record as an object, for the rare writes below that take one when it came as text
    // (canonical text: it parses).
    auto object = [&] { return columns ? QJsonDocument::fromJson(encodedData).object() : data; };
    const QString projectId =
        columns ? columns->projectId
                : data.value(RecordMeta::ProjectId).toString(head ? head->projectId : QString());

    if (head) {
        bool unsettled = known && known->unsettled;
        if (!known) {
            Result<bool> found = m_store.hasUnsettledEdits(recordId);
            if (!found)
                return found.error();
            unsettled = found.value();
        }
        if (unsettled) {
            // Local edits stay on top; they will be pushed (and merge or conflict) on their own.
            return m_store.records().saveServerStateUnderEdits(recordId, projectId, version, deleted,
                                                               object());
        }
    }
    const RecordStore::Row row = head ? RecordStore::Row::MayExist : RecordStore::Row::New;
    // The columns were read as the answer's entity has them.
    if (columns && !(head && head->entity != entity)) {
        return m_store.records().saveServerText(
            RecordStore::ServerText{entity, recordId, version, deleted, encodedData, columns->projectId,
                                    columns->title, columns->status, columns->parentId, columns->updatedAt},
            row, head ? head->rowid : 0);
    }
    LocalRecord record;
    record.entity = head ? head->entity : entity;
    record.id = recordId;
    record.projectId = projectId;
    record.version = version;
    record.deleted = deleted;
    record.data = object();
    record.serverVersion = version;
    record.serverDeleted = deleted;
    record.serverData = record.data;
    return m_store.records().save(record, row, encodedData, head ? head->rowid : 0);
}

Result<void> SyncResultApplier::settleApplied(const OutboxEntry &entry, const AppliedRecord &applied,
                                              const Known *known, QStringList &settled)
{
    // A record named more than once is read again for each answer (hasUnsettledEdits): it must
    // find the changes settled so far gone. One named once is decided by what the page read first.
    if (known)
        settled.append(entry.change.offlineId);
    else if (Result<void> removed = m_store.outbox().remove(entry.change.offlineId); !removed) {
        return removed;
    }
    const bool deleted = entry.change.op == ChangeOp::Delete;
    return applyServerState(entry.change.id, entry.change.entity, applied.version, deleted, applied.data,
                            known, applied.encodedData, applied.columns);
}

Result<void> SyncResultApplier::storeConflict(const OutboxEntry &entry,
                                              const protocol::ConflictedChange &answer)
{
    if (Result<void> removed = m_store.outbox().remove(entry.change.offlineId); !removed)
        return removed;
    StoredConflict conflict;
    conflict.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    conflict.change = entry.fullChange();
    conflict.reason = answer.reason;
    conflict.serverVersion = answer.serverVersion;
    conflict.fields = answer.fields;
    conflict.serverState = answer.serverState;
    conflict.serverDeleted = answer.serverDeleted;
    conflict.createdAt = protocol::nowUtcString();
    if (Result<void> added = m_store.conflicts().add(conflict); !added)
        return added;
    // Keep the server's side current so that "take server" has something true to fall back on;
    // a conflict answered late from the server's idempotency record (after a pull brought a newer
    // state) must not roll it back, as no later pull brings the newer state again.
    Result<std::optional<RecordStore::Head>> head = m_store.records().findHead(entry.change.id);
    if (!head)
        return head.error();
    if (head.value() && head.value()->serverVersion > answer.serverVersion)
        return {};
    return m_store.records().saveServerSide(entry.change.id, answer.serverVersion, answer.serverDeleted,
                                            answer.serverState);
}

Result<void> SyncResultApplier::storeRejection(const OutboxEntry &entry,
                                               const protocol::RejectedChange &answer)
{
    if (Result<void> removed = m_store.outbox().remove(entry.change.offlineId); !removed)
        return removed;
    StoredRejection rejection;
    rejection.id = entry.change.offlineId;
    rejection.change = entry.fullChange();
    rejection.reason = answer.reason;
    rejection.detail = answer.detail;
    rejection.createdAt = protocol::nowUtcString();
    return m_store.conflicts().addRejection(rejection);
}

Result<void> SyncResultApplier::rejectLocally(const OutboxEntry &entry, const QString &reason,
                                              const QString &detail)
{
    Transaction transaction(m_store.database());
    if (Result<void> begun = transaction.begin(); !begun)
        return begun;
    if (Result<void> stored =
            storeRejection(entry, protocol::RejectedChange{entry.change.offlineId, reason, detail});
        !stored)
        return stored;
    return transaction.commit();
}

Result<PushOutcome> SyncResultApplier::applyPush(const QList<OutboxEntry> &sent,
                                                 const protocol::PushResponse &response)
{
    using Kind = PushAnswers::Kind;
    PushOutcome outcome;
    const PushAnswers answers(sent, response, outcome.problems);
    int settled = 0;
    auto settle = [&](const OutboxEntry &entry) {
        ++settled;
        outcome.touchedRecords.append(entry.change.id);
    };

    Transaction transaction(m_store.database());
    if (Result<void> begun = transaction.begin(); !begun)
        return begun.error();
    Prefetch prefetch;
    {
        QStringList recordIds;
        QStringList offlineIds;
        QList<qint64> seqs;
        recordIds.reserve(sent.size());
        offlineIds.reserve(sent.size());
        seqs.reserve(sent.size());
        for (const OutboxEntry &entry : sent) {
            recordIds.append(entry.change.id);
            offlineIds.append(entry.change.offlineId);
            seqs.append(entry.seq);
        }
        if (Result<void> loaded = prefetch.load(m_store, recordIds, offlineIds, seqs); !loaded)
            return loaded.error();
    }
    QStringList settledOnce;
    settledOnce.reserve(response.applied.size());
    for (int i = 0; i < response.applied.size(); ++i) {
        const protocol::AppliedChange &applied = response.applied[i];
        const OutboxEntry *entry = answers.counting(Kind::Applied, i, applied.offlineId);
        if (!entry)
            continue;
        if (applied.id != entry->change.id) {
            outcome.problems.append(
                QStringLiteral("the server applied change %1 to another record").arg(applied.offlineId));
            continue;
        }
        if (applied.version <= entry->change.clientVersion) {
            // Applying a change always makes a newer version: an older one is not an answer to it.
            outcome.problems.append(QStringLiteral("the server applied change %1 as version %2, not after %3")
                                        .arg(applied.offlineId)
                                        .arg(applied.version)
                                        .arg(entry->change.clientVersion));
            continue;
        }
        const QByteArray dataText = response.appliedDataJson.value(i);
        std::optional<ServerRecordText::Columns> columns;
        QJsonObject parsed;
        const QJsonObject *data = &applied.data;
        if (applied.dataAsText) {
            if (entry->change.op != ChangeOp::Delete)
                columns = ServerRecordText::check(EntitySchema::of(entry->change.entity), dataText,
                                                  applied.dataOutline);
            if (!columns) {
                // Canonical text (AppliedChange::dataAsText): it parses, and is checked below.
                parsed = QJsonDocument::fromJson(dataText).object();
                data = &parsed;
            }
        }
        if (entry->change.op != ChangeOp::Delete && !columns) {
            // Stored, it would replace the person's record with whatever the server sent; kept
            // queued, the edit goes again and the problem is in the sync log meanwhile.
            if (const std::optional<QString> why = whyNotARecord(entry->change.entity, *data)) {
                outcome.problems.append(
                    QStringLiteral("the server's %1 for change %2 is not a valid record (%3)")
                        .arg(EntitySchema::of(entry->change.entity).wireName, applied.offlineId, *why));
                continue;
            }
        }
        if (Result<void> settledNow = settleApplied(
                *entry, AppliedRecord{applied.version, *data, dataText, columns ? &*columns : nullptr},
                prefetch.find(entry->change.id), settledOnce);
            !settledNow)
            return settledNow.error();
        settle(*entry);
        ++outcome.applied;
    }
    if (Result<void> removed = m_store.outbox().removeAll(settledOnce); !removed)
        return removed.error();
    for (int i = 0; i < response.conflicts.size(); ++i) {
        const protocol::ConflictedChange &conflict = response.conflicts[i];
        const OutboxEntry *entry = answers.counting(Kind::Conflict, i, conflict.offlineId);
        if (!entry)
            continue;
        if (makesNewRecord(entry->change.op)) {
            // A new record has no server version to be stale against, and an appended reading is
            // a fact that is never merged away (ARCHITECTURE.md §3: appends never conflict).
            // Stored, the conflict would drop the new record from the outbox and offer "take
            // server", which would overwrite what the device recorded; kept queued, it goes again
            // and the problem is in the sync log meanwhile.
            outcome.problems.append(
                QStringLiteral("the server answered the %1 of %2 %3 (change %4) with a conflict, which a new "
                               "record cannot have; it stays queued")
                    .arg(changeOpName(entry->change.op), EntitySchema::of(entry->change.entity).wireName,
                         entry->change.id, conflict.offlineId));
            continue;
        }
        if (!conflict.serverDeleted) {
            // The server's side is what "take server" restores: it must be a record too.
            if (const std::optional<QString> why =
                    whyNotARecord(entry->change.entity, conflict.serverState)) {
                outcome.problems.append(
                    QStringLiteral("the server's %1 in the conflict on change %2 is not a valid record (%3)")
                        .arg(EntitySchema::of(entry->change.entity).wireName, conflict.offlineId, *why));
                continue;
            }
        }
        if (Result<void> stored = storeConflict(*entry, conflict); !stored)
            return stored.error();
        settle(*entry);
        ++outcome.conflicts;
    }
    for (int i = 0; i < response.rejected.size(); ++i) {
        const protocol::RejectedChange &rejected = response.rejected[i];
        const OutboxEntry *entry = answers.counting(Kind::Rejected, i, rejected.offlineId);
        if (!entry)
            continue;
        if (Result<void> stored = storeRejection(*entry, rejected); !stored)
            return stored.error();
        settle(*entry);
        ++outcome.rejected;
    }
    if (Result<void> committed = transaction.commit(); !committed)
        return committed.error();

    outcome.unanswered = int(sent.size()) - settled;
    if (answers.unmentioned() > 0)
        outcome.problems.append(QStringLiteral("the server did not answer %1 change(s); they stay queued")
                                    .arg(answers.unmentioned()));
    for (const QString &problem : outcome.problems)
        qCWarning(lcSyncPush) << problem;
    return outcome;
}

Result<PullOutcome> SyncResultApplier::applyPull(const protocol::PullResponse &page)
{
    Transaction transaction(m_store.database());
    if (Result<void> begun = transaction.begin(); !begun)
        return begun.error();
    Prefetch prefetch;
    {
        QStringList recordIds;
        recordIds.reserve(page.changes.size());
        for (const protocol::PulledRecord &pulled : page.changes)
            recordIds.append(pulled.id);
        if (Result<void> loaded = prefetch.load(m_store, recordIds, {}, {}); !loaded)
            return loaded.error();
    }
    PullOutcome outcome;
    for (const protocol::PulledRecord &pulled : page.changes) {
        const Result<std::optional<QString>> problem = problemWithPulled(pulled, prefetch.find(pulled.id));
        if (!problem)
            return problem.error();
        if (problem.value()) {
            // Not stored: the device keeps what it has, and the sync log says what came instead.
            outcome.problems.append(*problem.value());
            continue;
        }
        if (Result<void> applied = applyServerState(pulled.id, pulled.entity, pulled.version, pulled.deleted,
                                                    pulled.data, prefetch.find(pulled.id));
            !applied)
            return applied.error();
        outcome.changed.append(pulled.id);
    }
    if (Result<void> saved = m_store.meta().setValue(MetaStore::Cursor, QString::number(page.cursor)); !saved)
        return saved.error();
    if (Result<void> committed = transaction.commit(); !committed)
        return committed.error();
    return outcome;
}

Result<std::optional<QString>> SyncResultApplier::problemWithPulled(const protocol::PulledRecord &pulled,
                                                                    const Known *known)
{
    const EntitySchema &schema = EntitySchema::of(pulled.entity);
    std::optional<RecordStore::Head> head;
    if (known) {
        head = known->head;
    } else {
        Result<std::optional<RecordStore::Head>> found = m_store.records().findHead(pulled.id);
        if (!found)
            return found.error();
        head = found.value();
    }
    if (head && head->entity != pulled.entity)
        return std::optional<QString>(
            QStringLiteral("the server sent record %1 as a %2, but it is a %3 here; kept this device's copy")
                .arg(pulled.id, schema.wireName, EntitySchema::of(head->entity).wireName));
    if (pulled.deleted)
        return std::optional<QString>();
    if (const std::optional<QString> why = whyNotARecord(pulled.entity, pulled.data))
        return std::optional<QString>(
            QStringLiteral("the server sent %1 %2 as an invalid record (%3); kept this device's copy")
                .arg(schema.wireName, pulled.id, *why));
    return std::optional<QString>();
}

} // namespace fieldsync
