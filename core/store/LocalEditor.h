#pragma once

#include "DeviceStore.h"

namespace fieldsync {

// Every edit a person makes: checked against the domain rules, then written to the record and
// queued in the outbox in one durable transaction. Nothing reaches the queue that the device
// itself knows to be invalid.
class LocalEditor
{
public:
    explicit LocalEditor(DeviceStore &store);

    // New permit, task or isolation point (or a gas reading, which is appended). fields may name
    // project_id; otherwise the account's current project is used. Returns the new record's id.
    Result<QString> create(EntityKind entity, const QJsonObject &fields);
    // Changes some fields. Returns false when nothing differed (nothing is queued then).
    Result<bool> edit(const QString &recordId, const QJsonObject &changes);
    Result<void> remove(const QString &recordId);

private:
    Result<LocalRecord> existing(const QString &recordId);
    // editedAt: the time stamped on the record, also the change's; now when empty.
    Result<void> writeAndQueue(const LocalRecord &record, const protocol::Change &change,
                               const QString &editedAt = {},
                               RecordStore::Row row = RecordStore::Row::MayExist);

    DeviceStore &m_store;
};

protocol::Change makeChange(EntityKind entity, ChangeOp op, const QString &recordId, qint64 clientVersion,
                            const QJsonObject &base, const QJsonObject &data);

} // namespace fieldsync
