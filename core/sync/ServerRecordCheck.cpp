#include "ServerRecordCheck.h"

#include "domain/FieldValues.h"
#include "domain/RecordValidator.h"

#include <QHash>
#include <QVarLengthArray>

namespace fieldsync {

namespace {

// Where checkServerRecord looks, as places in one array: the server's four fields first, in the
// order it checks them, then the schema's fields in schema order, then the status it checks last.
// A name may fill more than one place (a schema field named like a server field).
struct Places
{
    static constexpr int ServerFields = 4;
    QHash<QString, QVarLengthArray<int, 2>> byName;
    int count = 0;
    int status = 0;
};

const QList<QString> &serverFields()
{
    static const QList<QString> fields{RecordMeta::ProjectId, RecordMeta::UpdatedAt, RecordMeta::UpdatedBy,
                                       RecordMeta::DeviceId};
    return fields;
}

Places placesOf(const EntitySchema &schema)
{
    Places places;
    auto add = [&places](const QString &name) { places.byName[name].append(places.count++); };
    for (const QString &name : serverFields())
        add(name);
    for (const FieldSpec &spec : schema.fields)
        add(spec.name);
    places.status = places.count;
    add(RecordMeta::Status);
    return places;
}

// The places of every schema there is, made once; none for a schema that is not one of them.
const Places *placesFor(const EntitySchema &schema)
{
    static const QHash<const EntitySchema *, Places> all = [] {
        QHash<const EntitySchema *, Places> made;
        for (const EntitySchema *each : EntitySchema::all())
            made.insert(each, placesOf(*each));
        return made;
    }();
    const auto found = all.constFind(&schema);
    return found == all.cend() ? nullptr : &found.value();
}

} // namespace

Result<void> checkServerRecordInOnePass(const EntitySchema &schema, const QJsonObject &data)
{
    const Places *places = placesFor(schema);
    if (!places)
        return RecordValidator::checkServerRecord(schema, data);
    // What data.value(name) gives for each place: undefined where data has no such member.
    QVarLengthArray<QJsonValue, 32> values;
    values.reserve(places->count);
    for (int place = 0; place < places->count; ++place)
        values.append(QJsonValue(QJsonValue::Undefined));
    for (auto it = data.constBegin(); it != data.constEnd(); ++it) {
        const auto found = places->byName.constFind(it.key());
        if (found == places->byName.cend())
            continue;
        const QJsonValue value = it.value();
        for (const int place : found.value())
            values[place] = value;
    }

    // From here on, checkServerRecord's checks in its order, with its errors.
    for (int place = 0; place < Places::ServerFields; ++place) {
        const QJsonValue &value = values.at(place);
        if (!value.isString() && !value.isNull() && !value.isUndefined())
            return makeError(QStringLiteral("validation"),
                             QStringLiteral("%1: must be a string").arg(serverFields().at(place)));
    }
    if (values.at(0).toString().isEmpty())
        return makeError(QStringLiteral("validation"), QStringLiteral("project_id: is required"));
    for (qsizetype index = 0; index < schema.fields.size(); ++index) {
        const FieldSpec &spec = schema.fields.at(index);
        const QJsonValue &value = values.at(Places::ServerFields + index);
        if (value.isNull() || value.isUndefined()) {
            if (spec.required)
                return makeError(QStringLiteral("validation"),
                                 QStringLiteral("%1: is required").arg(spec.name));
            continue;
        }
        if (!FieldValues::hasJsonTypeOf(spec, value))
            return makeError(
                QStringLiteral("validation"),
                QStringLiteral("%1: is not a %2 value").arg(spec.name, FieldValues::jsonTypeName(spec)));
    }
    const QString status = values.at(places->status).toString();
    if (schema.workflow && !schema.workflow->isState(status))
        return makeError(QStringLiteral("validation"), QStringLiteral("unknown status '%1'").arg(status));
    return {};
}

} // namespace fieldsync
