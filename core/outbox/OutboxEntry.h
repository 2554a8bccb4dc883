#pragma once

#include "protocol/PushMessages.h"

namespace fieldsync {

// One durable local edit waiting for the server's answer.
struct OutboxEntry
{
    qint64 seq = 0;
    protocol::Change change;
    QString createdAt;
};

} // namespace fieldsync
