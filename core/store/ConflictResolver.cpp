#include "ConflictResolver.h"

#include "LocalEditor.h"
#include "common/Logging.h"
#include "domain/FieldValues.h"
#include "domain/RecordValidator.h"
#include "domain/ThreeWayMerge.h"
#include "protocol/ProtocolInfo.h"

namespace fieldsync {

namespace {

bool isWholeRecordConflict(const StoredConflict &conflict)
{
    return conflict.reason == QLatin1String("deleted") || conflict.reason == QLatin1String("changed");
}

// A create or an append: the server never held the record at a version this change could be stale
// against, so a conflict on it is a broken answer (the applier no longer stores one; older
// versions did).
bool isNewRecord(const StoredConflict &conflict)
{
    return makesNewRecord(conflict.change.op);
}

// Whether the choice keeps the device's side everywhere: a side named for the whole record, or
// the device's value for every conflicting field.
bool keepsMine(const StoredConflict &conflict, const ConflictChoice &choice)
{
    if (choice.recordSide)
        return *choice.recordSide == ConflictSide::Mine;
    if (isWholeRecordConflict(conflict))
        return false;
    const EntitySchema &schema = EntitySchema::of(conflict.change.entity);
    for (auto it = conflict.fields.begin(); it != conflict.fields.end(); ++it) {
        const auto chosen = choice.values.constFind(it.key());
        if (chosen == choice.values.cend())
            return false;
        const FieldSpec *spec = schema.field(it.key());
        if (spec ? !FieldValues::equal(*spec, chosen.value(), it->mine) : chosen.value() != it->mine)
            return false;
    }
    return true;
}

// Fields of the device's edit that merge by themselves, plus the person's choices.
QJsonObject mergedValues(const StoredConflict &conflict, const ConflictChoice &choice)
{
    const EntitySchema &schema = EntitySchema::of(conflict.change.entity);
    QJsonObject values =
        threeWayMerge(schema, conflict.change.base, conflict.change.data, conflict.serverState).merged;
    for (auto it = choice.values.begin(); it != choice.values.end(); ++it)
        values.insert(it.key(), it.value());
    return values;
}

// The record as the device shows it once a conflict is settled. It builds on the newest server
// state the device knows, which may be newer than the conflict's (a pull, or the answer to a later
// edit, since), so that settling never rolls the record back to a version no pull brings again;
// on top come the resolving change and the person's edits still queued after the conflicted one.
LocalRecord localStateAfter(const StoredConflict &conflict, const std::optional<LocalRecord> &current,
                            const protocol::Change *resolving, const QList<OutboxEntry> &queued)
{
    LocalRecord record = current.value_or(LocalRecord());
    record.entity = conflict.change.entity;
    record.id = conflict.change.id;
    record.projectId = conflict.serverState.value(RecordMeta::ProjectId).toString(record.projectId);
    if (!current || conflict.serverVersion >= record.serverVersion) {
        record.serverVersion = conflict.serverVersion;
        record.serverDeleted = conflict.serverDeleted;
        record.serverData = conflict.serverState;
    }
    record.version = record.serverVersion;
    record.deleted = record.serverDeleted;
    record.data = record.serverData;
    auto applyOnTop = [&record](const protocol::Change &change) {
        if (change.op == ChangeOp::Delete) {
            record.deleted = true;
            return;
        }
        record.deleted = false;
        for (auto it = change.data.begin(); it != change.data.end(); ++it)
            record.data.insert(it.key(), it.value());
    };
    if (resolving)
        applyOnTop(*resolving);
    for (const OutboxEntry &entry : queued)
        applyOnTop(entry.change);
    return record;
}

} // namespace

ConflictResolver::ConflictResolver(DeviceStore &store)
    : m_store(store)
{}

Result<ConflictChoice> ConflictResolver::choiceFromSides(const StoredConflict &conflict,
                                                         std::optional<ConflictSide> all,
                                                         const QMap<QString, ConflictSide> &perField)
{
    ConflictChoice choice;
    // Kept for every conflict: resolve() needs the side itself where field values cannot tell it
    // (a conflict on a new record, whose fields may be few or none).
    choice.recordSide = all;
    if (isWholeRecordConflict(conflict)) {
        if (!all)
            return makeError(
                QStringLiteral("usage"),
                QStringLiteral("this conflict is about the whole record (%1): take mine or server")
                    .arg(conflict.reason));
        return choice;
    }
    for (auto it = perField.begin(); it != perField.end(); ++it) {
        if (!conflict.fields.contains(it.key()))
            return makeError(QStringLiteral("usage"),
                             QStringLiteral("'%1' is not a conflicting field").arg(it.key()));
    }
    for (auto it = conflict.fields.begin(); it != conflict.fields.end(); ++it) {
        std::optional<ConflictSide> side = all;
        if (perField.contains(it.key()))
            side = perField.value(it.key());
        if (!side)
            return makeError(
                QStringLiteral("usage"),
                QStringLiteral("conflicting field '%1' has no choice: name every conflicting field")
                    .arg(it.key()));
        choice.values.insert(it.key(), *side == ConflictSide::Mine ? it->mine : it->server);
    }
    return choice;
}

QJsonObject ConflictResolver::preview(const StoredConflict &conflict, const ConflictChoice &choice)
{
    QJsonObject record = conflict.serverState;
    if (isNewRecord(conflict) && keepsMine(conflict, choice)) {
        // Keeping mine sends the new record again as it was made (see resolve()).
        for (auto it = conflict.change.data.begin(); it != conflict.change.data.end(); ++it)
            record.insert(it.key(), it.value());
        return record;
    }
    if (isWholeRecordConflict(conflict)) {
        if (choice.recordSide == ConflictSide::Mine && conflict.reason == QLatin1String("deleted")) {
            for (auto it = conflict.change.data.begin(); it != conflict.change.data.end(); ++it)
                record.insert(it.key(), it.value());
        }
        return record;
    }
    const QJsonObject values = mergedValues(conflict, choice);
    for (auto it = values.begin(); it != values.end(); ++it)
        record.insert(it.key(), it.value());
    return record;
}

Result<bool> ConflictResolver::resolve(const QString &conflictId, const ConflictChoice &choice)
{
    Result<std::optional<StoredConflict>> found = m_store.conflicts().find(conflictId);
    if (!found)
        return found.error();
    if (!found.value())
        return makeError(QStringLiteral("not_found"), QStringLiteral("no conflict %1").arg(conflictId));
    const StoredConflict conflict = *found.value();
    const EntitySchema &schema = EntitySchema::of(conflict.change.entity);
    if (isNewRecord(conflict) && keepsMine(conflict, choice))
        return settleBrokenConflict(conflict, true);
    if (schema.appendOnly) {
        // A reading is a fact recorded on the device: no choice may queue an update of it or put
        // the server's values in its place. Only keeping mine is possible, handled above for an
        // append; a conflict on an update or delete of a reading comes from no editor of ours and
        // is dropped, the reading staying as it is.
        if (!keepsMine(conflict, choice))
            return makeError(QStringLiteral("append_only"),
                             QStringLiteral("a %1 is a recorded fact: the server's values cannot replace "
                                            "what this device recorded; keep mine")
                                 .arg(schema.cliName));
        return settleBrokenConflict(conflict, false);
    }

    std::optional<protocol::Change> change;
    QJsonObject chosen; // what the choice makes of the conflict's server state, for validation
    if (isWholeRecordConflict(conflict)) {
        if (!choice.recordSide)
            return makeError(QStringLiteral("usage"),
                             QStringLiteral("choose mine or server for the whole record"));
        if (*choice.recordSide == ConflictSide::Mine) {
            const bool redoDelete = conflict.reason == QLatin1String("changed");
            change = makeChange(conflict.change.entity, redoDelete ? ChangeOp::Delete : ChangeOp::Update,
                                conflict.change.id, conflict.serverVersion,
                                redoDelete ? QJsonObject() : conflict.serverState,
                                redoDelete ? QJsonObject() : conflict.change.data);
            if (!redoDelete) {
                QJsonObject base;
                for (auto it = conflict.change.data.begin(); it != conflict.change.data.end(); ++it)
                    base.insert(it.key(), conflict.serverState.value(it.key()));
                change->base = base;
            }
        }
    } else {
        for (auto it = conflict.fields.begin(); it != conflict.fields.end(); ++it) {
            if (!choice.values.contains(it.key()))
                return makeError(QStringLiteral("usage"),
                                 QStringLiteral("conflicting field '%1' has no choice").arg(it.key()));
        }
        const QJsonObject values = mergedValues(conflict, choice);
        QJsonObject base;
        QJsonObject data;
        chosen = conflict.serverState;
        for (auto it = values.begin(); it != values.end(); ++it) {
            const FieldSpec *spec = schema.field(it.key());
            if (!spec || FieldValues::equal(*spec, conflict.serverState.value(it.key()), it.value()))
                continue;
            Result<QJsonValue> checked = FieldValues::checked(*spec, it.value());
            if (!checked)
                return checked.error();
            base.insert(it.key(), FieldValues::normalized(*spec, conflict.serverState.value(it.key())));
            data.insert(it.key(), checked.value());
            chosen.insert(it.key(), checked.value());
        }
        if (Result<void> valid =
                RecordValidator::checkResult(schema, conflict.serverState, chosen, m_store.effectiveRole());
            !valid)
            return valid.error();
        if (!data.isEmpty())
            change = makeChange(conflict.change.entity, ChangeOp::Update, conflict.change.id,
                                conflict.serverVersion, base, data);
    }

    Transaction transaction(m_store.database());
    if (Result<void> begun = transaction.begin(); !begun)
        return begun.error();
    Result<std::optional<LocalRecord>> current = removeAndFindRecord(conflict);
    if (!current)
        return current.error();
    Result<QList<OutboxEntry>> queued = m_store.outbox().forRecord(conflict.change.id);
    if (!queued)
        return queued.error();
    const LocalRecord record =
        localStateAfter(conflict, current.value(), change ? &*change : nullptr, queued.value());
    if (Result<void> saved = m_store.records().save(record); !saved)
        return saved.error();
    if (change) {
        if (Result<qint64> queuedChange = m_store.outbox().enqueue(*change); !queuedChange)
            return queuedChange.error();
    }
    if (Result<void> committed = transaction.commit(); !committed)
        return committed.error();
    qCInfo(lcStore) << "resolved conflict" << conflictId
                    << (change ? "with a new change" : "taking the server's record");
    m_store.notifyChanged({record.id});
    return change.has_value();
}

Result<std::optional<LocalRecord>> ConflictResolver::removeAndFindRecord(const StoredConflict &conflict)
{
    if (Result<void> removed = m_store.conflicts().remove(conflict.id); !removed)
        return removed.error();
    return m_store.records().find(conflict.change.id);
}

Result<bool> ConflictResolver::settleBrokenConflict(const StoredConflict &conflict, bool sendAgain)
{
    Transaction transaction(m_store.database());
    if (Result<void> begun = transaction.begin(); !begun)
        return begun.error();
    Result<std::optional<LocalRecord>> current = removeAndFindRecord(conflict);
    if (!current)
        return current.error();
    if (current.value() && current.value()->serverVersion <= conflict.serverVersion) {
        // The server side is the broken answer's: kept, a later answer at a lower version would be
        // taken for a late one and the record would fall back to it (SyncResultApplier). The
        // record's own values, what the device recorded, stay as they are.
        LocalRecord record = *current.value();
        if (sendAgain) {
            // Never synced as far as the device knows: the new record goes again.
            record.version = 0;
            record.serverVersion = 0;
            record.serverDeleted = false;
            record.serverData = QJsonObject();
        } else {
            // What the device has is the best knowledge of the server's copy of a fact that never
            // changes.
            record.serverVersion = record.version;
            record.serverDeleted = record.deleted;
            record.serverData = record.data;
        }
        if (Result<void> saved = m_store.records().save(record); !saved)
            return saved.error();
    }
    // The change as it was sent, offline id included: if the server did take it, the server's
    // idempotency record answers the retry and nothing is applied twice.
    if (sendAgain) {
        if (Result<qint64> queued = m_store.outbox().enqueue(conflict.change); !queued)
            return queued.error();
    }
    if (Result<void> committed = transaction.commit(); !committed)
        return committed.error();
    qCInfo(lcStore) << "settled conflict" << conflict.id << "on"
                    << EntitySchema::of(conflict.change.entity).wireName << conflict.change.id
                    << (sendAgain ? "by sending the new record again"
                                  : "; the record is unchanged, nothing queued");
    m_store.notifyChanged({conflict.change.id});
    return sendAgain;
}

Result<void> ConflictResolver::restoreServerState(const QString &recordId)
{
    Result<bool> unsettled = m_store.hasUnsettledEdits(recordId);
    if (!unsettled)
        return unsettled.error();
    if (unsettled.value())
        return {}; // other edits of the record are still on their way; they keep the local state
    Result<std::optional<LocalRecord>> found = m_store.records().find(recordId);
    if (!found)
        return found.error();
    if (!found.value())
        return {};
    LocalRecord record = *found.value();
    if (record.serverVersion == 0)
        return m_store.records().remove(recordId); // the server never had it
    record.version = record.serverVersion;
    record.deleted = record.serverDeleted;
    record.data = record.serverData;
    return m_store.records().save(record);
}

Result<void> ConflictResolver::discardRejected(const QString &rejectionId)
{
    Result<std::optional<StoredRejection>> found = m_store.conflicts().findRejection(rejectionId);
    if (!found)
        return found.error();
    if (!found.value())
        return makeError(QStringLiteral("not_found"),
                         QStringLiteral("no rejected change %1").arg(rejectionId));
    Transaction transaction(m_store.database());
    if (Result<void> begun = transaction.begin(); !begun)
        return begun;
    if (Result<void> removed = m_store.conflicts().removeRejection(rejectionId); !removed)
        return removed;
    if (Result<void> restored = restoreServerState(found.value()->change.id); !restored)
        return restored;
    if (Result<void> committed = transaction.commit(); !committed)
        return committed;
    m_store.notifyChanged({found.value()->change.id});
    return {};
}

} // namespace fieldsync
