#pragma once

#include "common/Result.h"
#include "domain/EntitySchema.h"

#include <QJsonObject>
#include <QList>

namespace fieldsync::protocol {

constexpr int DefaultPullLimit = 500;
constexpr int MaxPullLimit = 1000;

struct PulledRecord
{
    EntityKind entity = EntityKind::Permit;
    QString id;
    qint64 version = 0;
    bool deleted = false;
    QJsonObject data; // every field, project_id included

    QJsonObject toJson() const;
};

struct PullResponse
{
    QList<PulledRecord> changes;
    qint64 cursor = 0;
    bool hasMore = false;

    QByteArray toJson() const;
    static Result<PullResponse> fromJson(const QByteArray &body);
};

} // namespace fieldsync::protocol
