#pragma once

#include "domain/Role.h"
#include "protocol/PushMessages.h"

#include <QList>

namespace fieldsync::server::DemoData {

// One push of the demo content, made as the user who would do it on a real site.
struct Batch
{
    QString user;
    Role role = Role::Foreman;
    protocol::PushRequest request;
};

// The demo content, with ids fixed (UUIDv5 of a name), so seeding again replays the same changes.
QList<Batch> batches();

} // namespace fieldsync::server::DemoData
