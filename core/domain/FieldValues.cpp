#include "FieldValues.h"

#include "IsoTimestamp.h"
#include "common/CanonicalUuid.h"

#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace fieldsync::FieldValues {

namespace {

constexpr int MaxStringLength = 200;
constexpr int MaxTextLength = 20000;
constexpr int MaxSetItems = 100;

Error invalid(const FieldSpec &spec, const QString &why)
{
    return makeError(QStringLiteral("validation"), QStringLiteral("%1: %2").arg(spec.name, why));
}

// A date and a time of day, seconds and their fraction optional.
const QString DateAndTime =
    QStringLiteral(R"([0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?)");

// A stored timestamp names its zone (Z or +hh:mm/-hh:mm): without one, every machine would read it
// in its own local zone.
bool isZonedTimestamp(const QString &text)
{
    return IsoTimestamp::parseZoned(text).has_value();
}

// Exactly YYYY-MM-DD and a day of the calendar: Qt's ISO reading takes what follows a date
// (a time, or any text) and would let "2026-12-10xyz" through as a due date.
bool isCalendarDate(const QString &text)
{
    return text.size() == 10 && QDate::fromString(text, QStringLiteral("yyyy-MM-dd")).isValid();
}

// What a person types on the command line: a time without a zone is their local time, stored as
// UTC. Anything else is left as typed, for checked() to judge.
Result<QString> timestampFromInput(const FieldSpec &spec, const QString &raw)
{
    static const QRegularExpression local(QRegularExpression::anchoredPattern(DateAndTime));
    if (!local.match(raw).hasMatch())
        return raw;
    const QDateTime when = QDateTime::fromString(raw, Qt::ISODate); // no zone: local time
    if (!when.isValid()) {
        // A time that exists in UTC but not here was skipped when the clocks went forward.
        if (QDateTime::fromString(raw + QLatin1Char('Z'), Qt::ISODate).isValid())
            return invalid(spec, QStringLiteral("%1 does not exist in the local time zone").arg(raw));
        return raw;
    }
    const QDateTime utc = when.toUTC();
    return utc.toString(utc.time().msec() != 0 ? Qt::ISODateWithMs : Qt::ISODate);
}

// rebuilt, when given, says whether the answer is a new array rather than array itself.
QJsonArray sortedUnique(const QJsonArray &array, bool *rebuilt = nullptr)
{
    QStringList items;
    items.reserve(array.size());
    bool strictlyAscendingStrings = true;
    for (const QJsonValue &item : array) {
        items.append(item.toString());
        strictlyAscendingStrings = strictlyAscendingStrings && item.isString() &&
                                   (items.size() == 1 || items.at(items.size() - 2) < items.constLast());
    }
    // Already a sorted set (what a device stores and pushes): the same array, not a rebuilt one.
    if (rebuilt)
        *rebuilt = !strictlyAscendingStrings;
    if (strictlyAscendingStrings)
        return array;
    items.sort();
    items.removeDuplicates();
    return QJsonArray::fromStringList(items);
}

} // namespace

QJsonValue normalized(const FieldSpec &spec, const QJsonValue &value)
{
    if (value.isUndefined() || value.isNull())
        return QJsonValue(QJsonValue::Null);
    if (spec.type == FieldType::StringSet && value.isArray())
        return sortedUnique(value.toArray());
    return value;
}

bool equal(const FieldSpec &spec, const QJsonValue &a, const QJsonValue &b)
{
    return normalized(spec, a) == normalized(spec, b);
}

bool hasJsonTypeOf(const FieldSpec &spec, const QJsonValue &value)
{
    switch (spec.type) {
    case FieldType::Number:
        return value.isDouble();
    case FieldType::StringSet: {
        if (!value.isArray())
            return false;
        const QJsonArray items = value.toArray();
        return std::all_of(items.begin(), items.end(),
                           [](const QJsonValue &item) { return item.isString(); });
    }
    case FieldType::BoolMap: {
        if (!value.isObject())
            return false;
        const QJsonObject items = value.toObject();
        return std::all_of(items.begin(), items.end(), [](const QJsonValue &item) { return item.isBool(); });
    }
    default:
        return value.isString();
    }
}

QString jsonTypeName(const FieldSpec &spec)
{
    switch (spec.type) {
    case FieldType::Number:
        return QStringLiteral("number");
    case FieldType::StringSet:
        return QStringLiteral("list of strings");
    case FieldType::BoolMap:
        return QStringLiteral("map of true/false");
    default:
        return QStringLiteral("string");
    }
}

Result<QJsonValue> checked(const FieldSpec &spec, const QJsonValue &value, bool *rewritten)
{
    if (rewritten)
        *rewritten = value.isUndefined();
    if (value.isUndefined() || value.isNull()) {
        if (spec.required)
            return invalid(spec, QStringLiteral("is required"));
        return QJsonValue(QJsonValue::Null);
    }
    switch (spec.type) {
    case FieldType::String:
    case FieldType::Text:
    case FieldType::Choice:
    case FieldType::Status:
    case FieldType::Uuid: {
        if (!value.isString())
            return invalid(spec, QStringLiteral("must be a string"));
        const QString text = value.toString();
        const int limit = spec.type == FieldType::Text ? MaxTextLength : MaxStringLength;
        if (text.size() > limit)
            return invalid(spec, QStringLiteral("longer than %1 characters").arg(limit));
        if (spec.required && text.trimmed().isEmpty())
            return invalid(spec, QStringLiteral("is required"));
        if (spec.type == FieldType::Choice && !spec.choices.contains(text))
            return invalid(spec,
                           QStringLiteral("must be one of %1").arg(spec.choices.join(QStringLiteral(", "))));
        if (spec.type == FieldType::Uuid && !isCanonicalUuid(text))
            return invalid(spec, QStringLiteral("must be a UUID"));
        return value;
    }
    case FieldType::Timestamp: {
        if (!value.isString() || !isZonedTimestamp(value.toString()))
            return invalid(spec, QStringLiteral("must be an ISO 8601 date and time"));
        return value;
    }
    case FieldType::Date: {
        if (!value.isString() || !isCalendarDate(value.toString()))
            return invalid(spec, QStringLiteral("must be a date (YYYY-MM-DD)"));
        return value;
    }
    case FieldType::Number: {
        if (!value.isDouble() || !std::isfinite(value.toDouble()))
            return invalid(spec, QStringLiteral("must be a number"));
        return value;
    }
    case FieldType::StringSet: {
        if (!value.isArray())
            return invalid(spec, QStringLiteral("must be a list of strings"));
        const QJsonArray array = value.toArray();
        if (array.size() > MaxSetItems)
            return invalid(spec, QStringLiteral("more than %1 items").arg(MaxSetItems));
        for (const QJsonValue &item : array) {
            if (!item.isString())
                return invalid(spec, QStringLiteral("must be a list of non-empty strings"));
            const qsizetype length = item.toString().size(); // Qt makes a new string each time
            if (length == 0 || length > MaxStringLength)
                return invalid(spec, QStringLiteral("must be a list of non-empty strings"));
        }
        return QJsonValue(sortedUnique(array, rewritten));
    }
    case FieldType::BoolMap: {
        if (!value.isObject())
            return invalid(spec, QStringLiteral("must be an object of item: true|false"));
        const QJsonObject map = value.toObject();
        if (map.size() > MaxSetItems)
            return invalid(spec, QStringLiteral("more than %1 items").arg(MaxSetItems));
        for (auto it = map.begin(); it != map.end(); ++it) {
            if (!it.value().isBool() || it.key().isEmpty() || it.key().size() > MaxStringLength)
                return invalid(spec, QStringLiteral("item '%1' must be true or false").arg(it.key()));
        }
        return value;
    }
    }
    return invalid(spec, QStringLiteral("unsupported type"));
}

Result<void> parseAssignment(const EntitySchema &schema, const QString &assignment,
                             const QJsonObject &current, QJsonObject &changes)
{
    const qsizetype equals = assignment.indexOf(QLatin1Char('='));
    if (equals <= 0)
        return makeError(QStringLiteral("usage"),
                         QStringLiteral("expected field=value, got '%1'").arg(assignment));
    QString name = assignment.left(equals);
    const QString raw = assignment.mid(equals + 1);

    QString item;
    const qsizetype dot = name.indexOf(QLatin1Char('.'));
    if (dot > 0) {
        item = name.mid(dot + 1);
        name = name.left(dot);
    }
    if (name == RecordMeta::ProjectId) {
        changes.insert(name, raw);
        return {};
    }
    const FieldSpec *spec = schema.field(name);
    if (!spec) {
        return makeError(QStringLiteral("unknown_field"),
                         QStringLiteral("%1 has no field '%2' (fields: %3)")
                             .arg(schema.cliName, name, schema.fieldNames().join(QStringLiteral(", "))));
    }
    if (!item.isEmpty() && spec->type != FieldType::BoolMap)
        return makeError(QStringLiteral("validation"), QStringLiteral("%1 has no items").arg(name));

    QJsonValue value;
    switch (spec->type) {
    case FieldType::Number: {
        bool ok = false;
        const double number = raw.toDouble(&ok);
        if (!ok)
            return makeError(QStringLiteral("validation"),
                             QStringLiteral("%1: '%2' is not a number").arg(name, raw));
        value = number;
        break;
    }
    case FieldType::StringSet: {
        QStringList items;
        for (const QString &entry : raw.split(QLatin1Char(','))) {
            if (const QString trimmed = entry.trimmed(); !trimmed.isEmpty())
                items.append(trimmed);
        }
        value = QJsonArray::fromStringList(items);
        break;
    }
    case FieldType::BoolMap: {
        if (item.isEmpty()) {
            return makeError(QStringLiteral("usage"),
                             QStringLiteral("set checklist items one at a time: %1.ITEM=true").arg(name));
        }
        if (raw != QLatin1String("true") && raw != QLatin1String("false"))
            return makeError(QStringLiteral("validation"),
                             QStringLiteral("%1.%2 must be true or false").arg(name, item));
        QJsonObject map =
            changes.contains(name) ? changes.value(name).toObject() : current.value(name).toObject();
        map.insert(item, raw == QLatin1String("true"));
        value = map;
        break;
    }
    case FieldType::Timestamp: {
        if (raw.isEmpty() && !spec->required) {
            value = QJsonValue(QJsonValue::Null);
            break;
        }
        const Result<QString> utc = timestampFromInput(*spec, raw);
        if (!utc)
            return utc.error();
        value = utc.value();
        break;
    }
    default:
        value = raw.isEmpty() && !spec->required ? QJsonValue(QJsonValue::Null) : QJsonValue(raw);
        break;
    }
    const Result<QJsonValue> check = checked(*spec, value);
    if (!check)
        return check.error();
    changes.insert(name, check.value());
    return {};
}

QString displayText(const FieldSpec &spec, const QJsonValue &value)
{
    const QJsonValue v = normalized(spec, value);
    if (v.isNull())
        return {};
    switch (spec.type) {
    case FieldType::Number:
        return QString::number(v.toDouble());
    case FieldType::StringSet: {
        QStringList items;
        for (const QJsonValue &item : v.toArray())
            items.append(item.toString());
        return items.join(QStringLiteral(", "));
    }
    case FieldType::BoolMap: {
        QStringList items;
        const QJsonObject map = v.toObject();
        for (auto it = map.begin(); it != map.end(); ++it)
            items.append((it.value().toBool() ? QStringLiteral("[x] ") : QStringLiteral("[ ] ")) + it.key());
        return items.join(QStringLiteral(", "));
    }
    default:
        return v.toString();
    }
}

} // namespace fieldsync::FieldValues
