#pragma once

#include "EntitySchema.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QMap>

namespace fieldsync {

struct FieldConflict
{
    QJsonValue base;
    QJsonValue mine;
    QJsonValue server;
    MergeHint hint = MergeHint::Manual;
};

struct MergeOutcome
{
    QJsonObject merged;                     // field -> value to write over the server's record
    QMap<QString, FieldConflict> conflicts; // fields only a person can settle
    bool hasConflicts() const { return !conflicts.isEmpty(); }
};

// The per-field three-way rule of protocol v1: base is what the device saw at its version, mine
// the device's new values (only the changed fields), server the record as it stands now.
MergeOutcome threeWayMerge(const EntitySchema &schema, const QJsonObject &base, const QJsonObject &mine,
                           const QJsonObject &server);

// The value one merge hint produces from three differing values (for hints other than manual).
QJsonValue mergeByHint(const FieldSpec &spec, const Workflow *workflow, const QJsonValue &base,
                       const QJsonValue &mine, const QJsonValue &server);

} // namespace fieldsync
