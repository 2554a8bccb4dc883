#pragma once

#include "outbox/OutboxEntry.h"

namespace fieldsync {

// A change the server could not apply without a person: the device's edit (base and mine) and the
// server's record, kept until someone chooses.
struct StoredConflict
{
    QString id;
    protocol::Change change; // the edit as it was sent (offline id, op, base, data)
    QString reason;          // stale, deleted, changed
    qint64 serverVersion = 0;
    QMap<QString, protocol::ConflictField> fields;
    QJsonObject serverState;
    bool serverDeleted = false;
    QString createdAt;
};

// A change the server refused for good (validation, permission, workflow); it stays visible until a
// person edits the record again or discards the change.
struct StoredRejection
{
    QString id; // the offline id of the refused change
    protocol::Change change;
    QString reason;
    QString detail;
    QString createdAt;
};

} // namespace fieldsync
