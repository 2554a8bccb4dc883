#include "RecordValidator.h"

#include "FieldValues.h"
#include "IsoTimestamp.h"
#include "attachments/AttachmentRecord.h"

#include <QHash>
#include <QRegularExpression>

#include <cmath>

namespace fieldsync::RecordValidator {

namespace {

Error invalidRecord(const QString &why)
{
    return makeError(QStringLiteral("validation"), why);
}

// Readings a detector cannot show are typing or device errors, and a permit would be judged on
// them: a concentration is never negative and a share never above 100. (The unit is the person's
// to choose: detectors show LEL as % as often as %LEL.)
Result<void> checkGasReading(const QJsonObject &reading)
{
    const QJsonValue unitValue = reading.value(QStringLiteral("unit"));
    const QString unit = unitValue.toString();
    const double value = reading.value(QStringLiteral("value")).toDouble();
    if (value < 0)
        return invalidRecord(QStringLiteral("value: a gas reading is never below 0"));
    if ((unit == QLatin1String("%") || unit == QLatin1String("%LEL")) && value > 100)
        return invalidRecord(QStringLiteral("value: %1 %2 is over 100").arg(value).arg(unit));
    if (unit == QLatin1String("ppm") && value > 1000000)
        return invalidRecord(QStringLiteral("value: %1 ppm is over a million").arg(value));
    return {};
}

// An attachment record is what the server checks the uploaded bytes against and what it sends
// back as the file's type: a hash that cannot match or a size that cannot be reached would leave
// an upload that never completes, and a type with line breaks would end up in an HTTP header.
Result<void> checkAttachment(const QJsonObject &attachment)
{
    const QString sha256 = attachment.value(QStringLiteral("sha256")).toString();
    if (!AttachmentRecord::isSha256Hex(sha256))
        return invalidRecord(QStringLiteral("sha256: must be 64 lower-case hex digits"));
    const double bytes = attachment.value(QStringLiteral("bytes")).toDouble();
    constexpr double MaxBytes = 9007199254740992.0; // 2^53: every whole number below is exact
    if (bytes < 0 || bytes != std::floor(bytes) || bytes >= MaxBytes)
        return invalidRecord(QStringLiteral("bytes: must be a whole number of bytes, 0 or more"));
    const QJsonValue mimeType = attachment.value(QStringLiteral("mime_type"));
    static const QRegularExpression mediaType(QRegularExpression::anchoredPattern(
        QStringLiteral(R"([A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,63}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,63})")));
    if (mimeType.isString() && !mediaType.match(mimeType.toString()).hasMatch())
        return invalidRecord(QStringLiteral("mime_type: must be a media type such as image/jpeg"));
    return {};
}

Result<void> checkEntityRules(const EntitySchema &schema, const QJsonObject &record)
{
    switch (schema.kind) {
    case EntityKind::GasReading:
        return checkGasReading(record);
    case EntityKind::Attachment:
        return checkAttachment(record);
    default:
        return {};
    }
}

} // namespace

Result<QJsonObject> checkChangeData(const EntitySchema &schema, ChangeOp op, const QJsonObject &data)
{
    return checkChangeData(schema, op, data, nullptr);
}

FieldSet fieldSetOf(const EntitySchema &schema, const QString &name)
{
    const FieldSpec *spec = schema.field(name);
    return spec ? fieldSetAt(spec - schema.fields.constData()) : FieldSet(0);
}

Result<QJsonObject> checkChangeData(const EntitySchema &schema, ChangeOp op, const QJsonObject &data,
                                    FieldSet *passedWithValue)
{
    if (passedWithValue)
        *passedWithValue = 0;
    const bool creating = makesNewRecord(op);
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
        // Here, not only on the result: a stale change's status is merged before the result
        // is checked, and an unknown state would be merged away without a word.
        if (spec->type == FieldType::Status && schema.workflow && value.value().isString() &&
            !schema.workflow->isState(value.value().toString()))
            return makeError(QStringLiteral("validation"),
                             QStringLiteral("unknown status '%1'").arg(value.value().toString()));
        if (rewritten)
            result.insert(key, value.value());
        if (passedWithValue && !value.value().isNull())
            *passedWithValue |= fieldSetAt(spec - schema.fields.constData());
    }
    return result;
}

namespace {

// checkResult(); a field in passed is taken as valid (see checkNewResult()).
Result<void> checkResultOf(const EntitySchema &schema, const QJsonObject &before, const QJsonObject &after,
                           Role role, FieldSet passed)
{
    for (qsizetype index = 0; index < schema.fields.size(); ++index) {
        if (passed & fieldSetAt(index))
            continue;
        const FieldSpec &spec = schema.fields.at(index);
        const QJsonValue value = after.value(spec.name);
        // A field the change leaves as it was is not judged by rules newer than its value (a
        // date written before dates were checked this strictly): only that it is still there
        // when required. What the change writes was checked by checkChangeData already, and is
        // checked again here with everything else of a new record.
        if (!before.isEmpty() && value == before.value(spec.name)) {
            if (spec.required && (value.isNull() || value.isUndefined()))
                return makeError(QStringLiteral("validation"),
                                 QStringLiteral("%1: is required").arg(spec.name));
            continue;
        }
        if (const Result<QJsonValue> checked = FieldValues::checked(spec, value); !checked)
            return checked.error();
    }
    if (const Result<void> sound = checkEntityRules(schema, after); !sound)
        return sound;
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
        if (!schema.workflow->canStartIn(newStatus, role)) {
            return makeError(QStringLiteral("invalid_transition"),
                             QStringLiteral("a new %1 cannot start as %2").arg(schema.wireName, newStatus));
        }
        return {};
    }
    return schema.workflow->checkTransition(before.value(RecordMeta::Status).toString(), newStatus, role);
}

} // namespace

Result<void> checkResult(const EntitySchema &schema, const QJsonObject &before, const QJsonObject &after,
                         Role role)
{
    return checkResultOf(schema, before, after, role, 0);
}

Result<void> checkNewResult(const EntitySchema &schema, FieldSet passed, const QJsonObject &after, Role role)
{
    return checkResultOf(schema, QJsonObject(), after, role, passed);
}

Result<void> checkServerRecord(const EntitySchema &schema, const QJsonObject &data)
{
    // Read leniently: values the server took under older or newer rules (a date in another ISO
    // form, a field this device does not know yet) are kept as they are; what is refused is what
    // no server of this protocol sends: a record without its project, a required field missing,
    // a value of the wrong JSON type, a status not of the workflow.
    static const QStringList serverFields{RecordMeta::ProjectId, RecordMeta::UpdatedAt, RecordMeta::UpdatedBy,
                                          RecordMeta::DeviceId};
    for (const QString &key : serverFields) {
        const QJsonValue value = data.value(key);
        if (!value.isString() && !value.isNull() && !value.isUndefined())
            return makeError(QStringLiteral("validation"), QStringLiteral("%1: must be a string").arg(key));
    }
    if (data.value(RecordMeta::ProjectId).toString().isEmpty())
        return makeError(QStringLiteral("validation"), QStringLiteral("project_id: is required"));
    for (const FieldSpec &spec : schema.fields) {
        const QJsonValue value = data.value(spec.name);
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
    if (schema.workflow && !schema.workflow->isState(data.value(RecordMeta::Status).toString()))
        return makeError(
            QStringLiteral("validation"),
            QStringLiteral("unknown status '%1'").arg(data.value(RecordMeta::Status).toString()));
    return {};
}

QJsonObject withDefaults(const EntitySchema &schema, QJsonObject data)
{
    if (schema.workflow && !data.value(RecordMeta::Status).isString())
        data.insert(RecordMeta::Status, schema.workflow->initialState());
    return data;
}

} // namespace fieldsync::RecordValidator
