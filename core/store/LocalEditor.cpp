#include "LocalEditor.h"

#include "common/Logging.h"
#include "common/TimeOrderedUuid.h"
#include "domain/FieldValues.h"
#include "domain/RecordValidator.h"
#include "protocol/ProtocolInfo.h"

namespace fieldsync {

protocol::Change makeChange(EntityKind entity, ChangeOp op, const QString &recordId, qint64 clientVersion,
                            const QJsonObject &base, const QJsonObject &data)
{
    protocol::Change change;
    change.offlineId = newTimeOrderedUuid();
    change.entity = entity;
    change.op = op;
    change.id = recordId;
    change.clientVersion = clientVersion;
    change.base = base;
    change.data = data;
    return change;
}

LocalEditor::LocalEditor(DeviceStore &store)
    : m_store(store)
{}

Result<void> LocalEditor::writeAndQueue(const LocalRecord &record, const protocol::Change &change,
                                        const QString &editedAt, RecordStore::Row row)
{
    Transaction transaction(m_store.database());
    if (Result<void> begun = transaction.begin(); !begun)
        return begun;
    if (Result<void> saved = m_store.records().save(record, row); !saved)
        return saved;
    if (Result<qint64> queued = m_store.outbox().enqueue(change, editedAt); !queued)
        return queued.error();
    if (Result<void> committed = transaction.commit(); !committed)
        return committed;
    m_store.notifyChanged({record.id});
    return {};
}

Result<QString> LocalEditor::create(EntityKind entity, const QJsonObject &fields)
{
    const EntitySchema &schema = EntitySchema::of(entity);
    const ChangeOp op = schema.appendOnly ? ChangeOp::Append : ChangeOp::Create;
    QJsonObject data = fields;
    if (!data.value(RecordMeta::ProjectId).isString()) {
        Result<DeviceAccount> account = m_store.account();
        if (!account)
            return account.error();
        if (account.value().currentProject.isEmpty()) {
            return makeError(
                QStringLiteral("validation"),
                QStringLiteral("no project known yet: sign in online once or give project_id=..."));
        }
        data.insert(RecordMeta::ProjectId, account.value().currentProject);
    }
    if (entity == EntityKind::GasReading) {
        // A reading is a fact at the moment it was taken on this device.
        if (!data.value(QStringLiteral("taken_at")).isString())
            data.insert(QStringLiteral("taken_at"), protocol::nowUtcString());
    }
    Result<QJsonObject> checked = RecordValidator::checkChangeData(schema, op, data);
    if (!checked)
        return checked.error();
    data = RecordValidator::withDefaults(schema, checked.value());
    if (Result<void> valid = RecordValidator::checkResult(schema, {}, data, m_store.effectiveRole()); !valid)
        return valid.error();

    const QString parentId = data.value(QStringLiteral("permit_id")).toString();
    if (!parentId.isEmpty()) {
        Result<std::optional<LocalRecord>> parent = m_store.records().find(parentId);
        if (!parent)
            return parent.error();
        if (!parent.value() || parent.value()->entity != EntityKind::Permit || parent.value()->deleted)
            return makeError(QStringLiteral("validation"),
                             QStringLiteral("permit_id: no such permit on this device"));
    }

    LocalRecord record;
    record.entity = entity;
    record.id = newTimeOrderedUuid();
    record.projectId = data.value(RecordMeta::ProjectId).toString();
    record.data = data;
    const QString now = protocol::nowUtcString();
    record.data.insert(RecordMeta::UpdatedAt, now);
    record.data.insert(RecordMeta::DeviceId, m_store.deviceId());
    const protocol::Change change = makeChange(entity, op, record.id, 0, {}, data);
    if (Result<void> written = writeAndQueue(record, change, now, RecordStore::Row::New); !written)
        return written.error();
    qCInfo(lcStore) << "created" << schema.wireName << record.id;
    return record.id;
}

Result<LocalRecord> LocalEditor::existing(const QString &recordId)
{
    Result<std::optional<LocalRecord>> found = m_store.records().find(recordId);
    if (!found)
        return found.error();
    if (!found.value() || found.value()->deleted)
        return makeError(QStringLiteral("not_found"),
                         QStringLiteral("no record %1 on this device").arg(recordId));
    return *found.value();
}

Result<bool> LocalEditor::edit(const QString &recordId, const QJsonObject &changes)
{
    Result<LocalRecord> found = existing(recordId);
    if (!found)
        return found.error();
    LocalRecord record = found.value();
    const EntitySchema &schema = EntitySchema::of(record.entity);
    if (schema.appendOnly)
        return makeError(QStringLiteral("append_only"),
                         QStringLiteral("a %1 is a recorded fact and cannot be edited").arg(schema.cliName));
    Result<QJsonObject> checked = RecordValidator::checkChangeData(schema, ChangeOp::Update, changes);
    if (!checked)
        return checked.error();

    // base and data carry only what really changed, so unrelated fields never conflict.
    QJsonObject base;
    QJsonObject data;
    QJsonObject after = record.data;
    for (auto it = checked.value().begin(); it != checked.value().end(); ++it) {
        const FieldSpec *spec = schema.field(it.key());
        if (FieldValues::equal(*spec, record.data.value(it.key()), it.value()))
            continue;
        base.insert(it.key(), FieldValues::normalized(*spec, record.data.value(it.key())));
        data.insert(it.key(), it.value());
        after.insert(it.key(), it.value());
    }
    if (data.isEmpty())
        return false;
    if (Result<void> valid =
            RecordValidator::checkResult(schema, record.data, after, m_store.effectiveRole());
        !valid)
        return valid.error();

    record.data = after;
    const QString now = protocol::nowUtcString();
    record.data.insert(RecordMeta::UpdatedAt, now);
    record.data.insert(RecordMeta::DeviceId, m_store.deviceId());
    const protocol::Change change =
        makeChange(record.entity, ChangeOp::Update, record.id, record.version, base, data);
    if (Result<void> written = writeAndQueue(record, change, now); !written)
        return written.error();
    return true;
}

Result<void> LocalEditor::remove(const QString &recordId)
{
    Result<LocalRecord> found = existing(recordId);
    if (!found)
        return found.error();
    LocalRecord record = found.value();
    if (EntitySchema::of(record.entity).appendOnly)
        return makeError(QStringLiteral("append_only"),
                         QStringLiteral("a recorded reading cannot be deleted"));
    if (record.entity == EntityKind::Permit && record.status() != QLatin1String("draft"))
        return makeError(QStringLiteral("forbidden"),
                         QStringLiteral("an issued permit stays on record: cancel or close it instead"));
    record.deleted = true;
    const protocol::Change change =
        makeChange(record.entity, ChangeOp::Delete, record.id, record.version, {}, {});
    return writeAndQueue(record, change);
}

} // namespace fieldsync
