#include "RecordValidator.h"

#include "FieldValues.h"
#include "IsoTimestamp.h"

#include <QQueue>
#include <QSet>

namespace fieldsync::RecordValidator {

namespace {

// A record may be created in a later state only if this role could have walked there itself, so
// that nobody creates an already approved permit without being allowed to approve it.
bool reachableFrom(const Workflow &workflow, const QString &from, const QString &to, Role role)
{
    QSet<QString> seen{from};
    QQueue<QString> queue;
    queue.enqueue(from);
    while (!queue.isEmpty()) {
        const QString state = queue.dequeue();
        if (state == to)
            return true;
        for (const QString &next : workflow.nextStates(state, role)) {
            if (!seen.contains(next)) {
                seen.insert(next);
                queue.enqueue(next);
            }
        }
    }
    return false;
}

} // namespace

Result<QJsonObject> checkChangeData(const EntitySchema &schema, ChangeOp op, const QJsonObject &data)
{
    const bool creating = op == ChangeOp::Create || op == ChangeOp::Append;
    // Every key of data stays (or the change is refused), so the result starts as data itself and
    // only the values checked() normalised are replaced: most changes are copied for nothing.
    QJsonObject result = data;
    for (auto it = data.begin(); it != data.end(); ++it) {
        // Read once each: Qt makes a new string every time a key or a string value is asked for.
        const QString key = it.key();
        const QJsonValue given = it.value();
        if (key == RecordMeta::ProjectId) {
            if (!creating)
                return makeError(QStringLiteral("validation"), QStringLiteral("project_id cannot change"));
            if (!given.isString() || given.toString().isEmpty())
                return makeError(QStringLiteral("validation"), QStringLiteral("project_id must be a string"));
            continue;
        }
        const FieldSpec *spec = schema.field(key);
        if (!spec) {
            return makeError(QStringLiteral("unknown_field"),
                             QStringLiteral("%1 has no field '%2'").arg(schema.wireName, key));
        }
        if (spec->immutable && !creating)
            return makeError(QStringLiteral("validation"),
                             QStringLiteral("%1 cannot change").arg(spec->name));
        bool rewritten = false;
        const Result<QJsonValue> value = FieldValues::checked(*spec, given, &rewritten);
        if (!value)
            return value.error();
        if (rewritten)
            result.insert(key, value.value());
    }
    return result;
}

Result<void> checkResult(const EntitySchema &schema, const QJsonObject &before, const QJsonObject &after,
                         Role role)
{
    for (const FieldSpec &spec : schema.fields) {
        const Result<QJsonValue> value = FieldValues::checked(spec, after.value(spec.name));
        if (!value)
            return value.error();
    }
    const std::optional<qint64> from =
        IsoTimestamp::parseZoned(after.value(QStringLiteral("valid_from")).toString());
    const std::optional<qint64> to =
        IsoTimestamp::parseZoned(after.value(QStringLiteral("valid_to")).toString());
    if (from && to && *to <= *from)
        return makeError(QStringLiteral("validation"), QStringLiteral("valid_to must be after valid_from"));

    if (!schema.workflow)
        return {};
    const QString newStatus = after.value(RecordMeta::Status).toString();
    if (!schema.workflow->isState(newStatus))
        return makeError(QStringLiteral("validation"), QStringLiteral("unknown status '%1'").arg(newStatus));
    if (before.isEmpty()) {
        const QString initial = schema.workflow->initialState();
        if (!reachableFrom(*schema.workflow, initial, newStatus, role)) {
            return makeError(QStringLiteral("invalid_transition"),
                             QStringLiteral("a new %1 cannot start as %2").arg(schema.wireName, newStatus));
        }
        return {};
    }
    return schema.workflow->checkTransition(before.value(RecordMeta::Status).toString(), newStatus, role);
}

QJsonObject withDefaults(const EntitySchema &schema, QJsonObject data)
{
    if (schema.workflow && !data.value(RecordMeta::Status).isString())
        data.insert(RecordMeta::Status, schema.workflow->initialState());
    return data;
}

} // namespace fieldsync::RecordValidator
