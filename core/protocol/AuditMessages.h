#pragma once

#include "common/Result.h"
#include "domain/Workflow.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace fieldsync::protocol {

// GET /api/v1/audit?record=ID (a PM or admin of the record's project): the record's writes,
// oldest first, {"record":…,"entity":…,"project_id":…,"version":N,"entries":[{"seq":N,"user":…,
// "device_id":…,"at":…,"client_time":…|null,"before":{…}|null,"after":{…}|null}]}.
struct AuditEntry
{
    qint64 seq = 0;
    QString user;
    QString deviceId;
    QString at;
    QString clientTime;
    QJsonObject before; // empty for the creation
    QJsonObject after;  // empty for a deletion
};

struct AuditTrail
{
    QString recordId;
    QString entity;
    QString projectId;
    qint64 version = 0;
    QList<AuditEntry> entries;

    // Who moved the status, write by write, for Workflow::whoBroughtItTo.
    QList<Workflow::StatusStep> statusHistory() const;

    static Result<AuditTrail> fromJson(const QByteArray &body);
};

} // namespace fieldsync::protocol
