#include "ThreeWayMerge.h"

#include "FieldValues.h"

#include <QJsonArray>
#include <QSet>

namespace fieldsync {

namespace {

QSet<QString> toSet(const QJsonValue &value)
{
    QSet<QString> set;
    for (const QJsonValue &item : value.toArray())
        set.insert(item.toString());
    return set;
}

QJsonValue setUnion(const QJsonValue &base, const QJsonValue &mine, const QJsonValue &server)
{
    const QSet<QString> baseSet = toSet(base);
    const QSet<QString> mineSet = toSet(mine);
    const QSet<QString> added = mineSet - baseSet;
    const QSet<QString> removed = baseSet - mineSet;
    QStringList result = ((toSet(server) + added) - removed).values();
    result.sort();
    return QJsonArray::fromStringList(result);
}

// A tick from either side stands: nobody silently un-ticks a check someone else made.
QJsonValue trueWins(const QJsonValue &mine, const QJsonValue &server)
{
    QJsonObject result = server.toObject();
    const QJsonObject mineMap = mine.toObject();
    for (auto it = mineMap.begin(); it != mineMap.end(); ++it)
        result.insert(it.key(), it.value().toBool() || result.value(it.key()).toBool());
    return result;
}

// Going backwards is never a merge result: the further state stands.
QJsonValue furtherState(const Workflow *workflow, const QJsonValue &mine, const QJsonValue &server)
{
    if (!workflow)
        return server;
    return workflow->rank(mine.toString()) > workflow->rank(server.toString()) ? mine : server;
}

} // namespace

QJsonValue mergeByHint(const FieldSpec &spec, const Workflow *workflow, const QJsonValue &base,
                       const QJsonValue &mine, const QJsonValue &server)
{
    switch (spec.hint) {
    case MergeHint::SetUnion:
        return setUnion(base, mine, server);
    case MergeHint::TrueWins:
        return trueWins(mine, server);
    case MergeHint::Monotonic:
        return furtherState(workflow, mine, server);
    case MergeHint::Manual:
        break;
    }
    return QJsonValue(QJsonValue::Undefined);
}

MergeOutcome threeWayMerge(const EntitySchema &schema, const QJsonObject &base, const QJsonObject &mine,
                           const QJsonObject &server)
{
    MergeOutcome outcome;
    for (auto it = mine.begin(); it != mine.end(); ++it) {
        const QString &name = it.key();
        const FieldSpec *spec = schema.field(name);
        if (!spec)
            continue; // checked before merging; project_id and other meta never merge
        const QJsonValue baseValue = base.value(name);
        const QJsonValue mineValue = it.value();
        const QJsonValue serverValue = server.value(name);
        if (FieldValues::equal(*spec, mineValue, baseValue))
            continue; // not a change of the device's: the rule applies to changed fields only
        if (FieldValues::equal(*spec, serverValue, baseValue)) {
            outcome.merged.insert(name, FieldValues::normalized(*spec, mineValue));
        } else if (FieldValues::equal(*spec, serverValue, mineValue)) {
            continue;
        } else if (spec->hint != MergeHint::Manual) {
            outcome.merged.insert(name,
                                  mergeByHint(*spec, schema.workflow, baseValue, mineValue, serverValue));
        } else {
            outcome.conflicts.insert(name,
                                     FieldConflict{FieldValues::normalized(*spec, baseValue),
                                                   FieldValues::normalized(*spec, mineValue),
                                                   FieldValues::normalized(*spec, serverValue), spec->hint});
        }
    }
    return outcome;
}

} // namespace fieldsync
