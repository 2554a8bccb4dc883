#pragma once

#include "domain/EntitySchema.h"

#include <QJsonObject>
#include <QString>

namespace fieldsync::server {

// A synced record as the server keeps it: the latest state only. data holds every field plus
// project_id, updated_at, updated_by and device_id, so it can be sent as it is.
struct StoredRecord
{
    QString id;
    EntityKind entity = EntityKind::Permit;
    QString projectId;
    qint64 version = 0;
    bool deleted = false;
    QJsonObject data;
    qint64 seq = 0;
    QString updatedAt;
    QString updatedBy;
    QString deviceId;
    // data as stored (compact JSON), for readers that pass it on without decoding it; data is
    // then left empty.
    QByteArray encodedData;
};

} // namespace fieldsync::server
