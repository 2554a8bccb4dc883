#pragma once

#include "domain/EntitySchema.h"

#include <QJsonObject>
#include <QString>

namespace fieldsync {

// A record as the device holds it: the local state (with edits not yet synced) beside the last
// state the server confirmed, so that a dropped edit can fall back to what the server has.
struct LocalRecord
{
    EntityKind entity = EntityKind::Permit;
    QString id;
    QString projectId;
    qint64 version = 0; // the server version the local state builds on; 0 = never synced
    bool deleted = false;
    QJsonObject data;
    qint64 serverVersion = 0;
    bool serverDeleted = false;
    QJsonObject serverData;

    QString title() const;
    QString status() const { return data.value(RecordMeta::Status).toString(); }
    QString parentId() const { return data.value(QStringLiteral("permit_id")).toString(); }
};

} // namespace fieldsync
