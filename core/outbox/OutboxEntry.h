#pragma once

#include "protocol/PushMessages.h"

namespace fieldsync {

// One durable local edit waiting for the server's answer.
struct OutboxEntry
{
    qint64 seq = 0;
    protocol::Change change;
    QString createdAt;
    // Read for a push (Outbox::nextPushBatch): base and data as stored, JSON objects this device
    // wrote, with change.base and change.data left empty. Most pushed changes are applied and
    // never need them decoded; fullChange() decodes them for the few that do.
    QByteArray storedBase;
    QByteArray storedData;

    // change with its base and data, decoded when they were left as stored.
    protocol::Change fullChange() const;
};

} // namespace fieldsync
