#include "NewRecordText.h"

#include "IsoTimestamp.h"
#include "common/CanonicalJson.h"
#include "common/CanonicalUuid.h"

#include <QDate>

#include <algorithm>
#include <cstring>

namespace fieldsync::NewRecordText {

namespace {

// FieldValues' limits.
constexpr qsizetype MaxStringLength = 200;
constexpr qsizetype MaxTextLength = 20000;
constexpr qsizetype MaxSetItems = 100;

const QString ValidFrom = QStringLiteral("valid_from");
const QString ValidTo = QStringLiteral("valid_to");

// A key as QString compares keys (the order QJsonObject keeps and JsonWriter writes): for plain
// ASCII, byte by byte, a prefix first.
bool ascending(QByteArrayView previous, QByteArrayView next)
{
    return previous.compare(next) < 0;
}

// Reads the data's text member by member; each read takes exactly what it expects or fails.
class Reader
{
public:
    explicit Reader(QByteArrayView text)
        : m_text(text)
    {}

    qsizetype at = 0;

    bool take(char c)
    {
        if (at < m_text.size() && m_text[at] == c) {
            ++at;
            return true;
        }
        return false;
    }

    bool literal(const char *word, qsizetype length)
    {
        if (m_text.size() - at < length || std::memcmp(m_text.data() + at, word, length) != 0)
            return false;
        at += length;
        return true;
    }

    std::optional<CanonicalJson::StringText> string()
    {
        std::optional<CanonicalJson::StringText> text = CanonicalJson::string(m_text, at);
        if (text)
            at = text->end;
        return text;
    }

    // A plain string (StringText::plain), as the bytes between its quotes.
    std::optional<QByteArrayView> plainString()
    {
        const qsizetype start = at;
        const std::optional<CanonicalJson::StringText> text = string();
        if (!text || !text->plain)
            return std::nullopt;
        return m_text.sliced(start + 1, text->end - start - 2);
    }

    // A list of strings that FieldValues::checked() passes unchanged: at most MaxSetItems, each
    // plain, not empty, at most MaxStringLength long, in strictly ascending order.
    bool stringSet()
    {
        if (!take('['))
            return false;
        if (take(']'))
            return true;
        QByteArrayView previous;
        qsizetype items = 0;
        do {
            const std::optional<QByteArrayView> item = plainString();
            if (!item || item->isEmpty() || item->size() > MaxStringLength || ++items > MaxSetItems ||
                (items > 1 && !ascending(previous, *item)))
                return false;
            previous = *item;
        } while (take(','));
        return take(']');
    }

    // An object of true and false that FieldValues::checked() passes: at most MaxSetItems, keys
    // plain, not empty, at most MaxStringLength long, in ascending order.
    bool boolMap()
    {
        if (!take('{'))
            return false;
        if (take('}'))
            return true;
        QByteArrayView previous;
        qsizetype items = 0;
        do {
            const std::optional<QByteArrayView> key = plainString();
            if (!key || key->isEmpty() || key->size() > MaxStringLength || ++items > MaxSetItems ||
                (items > 1 && !ascending(previous, *key)) || !take(':'))
                return false;
            previous = *key;
            if (!literal("true", 4) && !literal("false", 5))
                return false;
        } while (take(','));
        return take('}');
    }

private:
    QByteArrayView m_text;
};

// The text of a plain string as a QString on the stack, for the checks that take a view.
class Utf16
{
public:
    explicit Utf16(QByteArrayView latin1)
    {
        m_units.resize(latin1.size());
        for (qsizetype index = 0; index < latin1.size(); ++index)
            m_units[index] = char16_t(uchar(latin1[index]));
    }
    QStringView view() const { return QStringView(m_units.constData(), m_units.size()); }

private:
    QVarLengthArray<char16_t, 64> m_units;
};

// Whether FieldValues::checked() passes a string value of spec's type (not a set nor a map)
// unchanged. timestamp receives the instant a timestamp names.
bool stringValueFits(const FieldSpec &spec, QByteArrayView data, qsizetype at,
                     const CanonicalJson::StringText &text, std::optional<qint64> *timestamp)
{
    const QByteArrayView plain = data.sliced(at + 1, text.end - at - 2);
    switch (spec.type) {
    case FieldType::String:
    case FieldType::Text:
    case FieldType::Choice:
    case FieldType::Status:
    case FieldType::Uuid: {
        if (text.utf16Length > (spec.type == FieldType::Text ? MaxTextLength : MaxStringLength))
            return false;
        if (spec.required) {
            // Plain text is blank only when it is all spaces (no other ASCII character it may
            // hold is one); anything else is asked of QString::trimmed() itself.
            if (text.plain ? std::all_of(plain.begin(), plain.end(), [](char c) { return c == ' '; })
                           : CanonicalJson::decoded(data, at, text).trimmed().isEmpty())
                return false;
        }
        if (spec.type == FieldType::String || spec.type == FieldType::Text)
            return true;
        // Every choice, state and UUID is plain ASCII.
        if (!text.plain)
            return false;
        if (spec.type == FieldType::Choice)
            return spec.choices.contains(QLatin1String(plain.data(), plain.size()));
        if (spec.type == FieldType::Uuid)
            return isCanonicalUuid(Utf16(plain).view());
        return true; // a status: the caller asks the workflow
    }
    case FieldType::Timestamp:
        if (!text.plain)
            return false;
        *timestamp = IsoTimestamp::parseZoned(Utf16(plain).view());
        return timestamp->has_value();
    case FieldType::Date:
        return text.plain && plain.size() == 10 &&
               QDate::fromString(QString::fromLatin1(plain), QStringLiteral("yyyy-MM-dd")).isValid();
    default:
        return false;
    }
}

} // namespace

std::optional<Checked> check(const EntitySchema &schema, QByteArrayView data, Role role)
{
    // Their own rules (checkResult's) are not read here; nor are more fields than a mask holds.
    if (schema.kind == EntityKind::GasReading || schema.kind == EntityKind::Attachment ||
        schema.fields.size() > 64 || schema.field(RecordMeta::ProjectId))
        return std::nullopt;
    const FieldSpec *statusSpec = nullptr;
    if (schema.workflow) {
        statusSpec = schema.field(RecordMeta::Status);
        if (!statusSpec || statusSpec->type != FieldType::Status)
            return std::nullopt;
    }
    // checkResult compares these two by name, whatever their type: only timestamps are read here.
    for (const QString &name : {ValidFrom, ValidTo}) {
        if (const FieldSpec *spec = schema.field(name); spec && spec->type != FieldType::Timestamp)
            return std::nullopt;
    }

    Checked checked;
    Reader reader(data);
    quint64 named = 0; // the fields the data names, null or not
    bool projectNamed = false;
    bool statusGiven = false; // a string
    QByteArrayView statusText;
    std::optional<qint64> validFrom;
    std::optional<qint64> validTo;
    if (!reader.take('{'))
        return std::nullopt;
    if (!reader.take('}')) {
        QByteArrayView previous;
        bool first = true;
        do {
            const std::optional<QByteArrayView> key = reader.plainString();
            if (!key || (!first && !ascending(previous, *key)) || !reader.take(':'))
                return std::nullopt;
            previous = *key;
            first = false;
            const qsizetype valueAt = reader.at;
            const QLatin1String name(key->data(), key->size());
            if (name == RecordMeta::ProjectId) {
                const std::optional<CanonicalJson::StringText> text = reader.string();
                if (!text || text->utf16Length == 0)
                    return std::nullopt;
                checked.projectId = CanonicalJson::decoded(data, valueAt, *text);
                checked.members.append({RecordMeta::ProjectId, data.sliced(valueAt, reader.at - valueAt)});
                projectNamed = true;
                continue;
            }
            const FieldSpec *spec = nullptr;
            for (const FieldSpec &field : schema.fields) {
                if (field.name == name) {
                    spec = &field;
                    break;
                }
            }
            if (!spec)
                return std::nullopt;
            named |= quint64(1) << (spec - schema.fields.constData());
            if (reader.literal("null", 4)) {
                if (spec->required)
                    return std::nullopt;
                // A status of null is filled in below, as withDefaults() does.
                if (spec != statusSpec)
                    checked.members.append({spec->name, data.sliced(valueAt, 4)});
                continue;
            }
            switch (spec->type) {
            case FieldType::StringSet:
                if (!reader.stringSet())
                    return std::nullopt;
                break;
            case FieldType::BoolMap:
                if (!reader.boolMap())
                    return std::nullopt;
                break;
            case FieldType::Number:
                return std::nullopt;
            default: {
                const std::optional<CanonicalJson::StringText> text = reader.string();
                std::optional<qint64> timestamp;
                if (!text || !stringValueFits(*spec, data, valueAt, *text, &timestamp))
                    return std::nullopt;
                if (spec == statusSpec) {
                    statusGiven = true;
                    statusText = data.sliced(valueAt + 1, text->end - valueAt - 2);
                }
                if (spec->name == ValidFrom)
                    validFrom = timestamp;
                else if (spec->name == ValidTo)
                    validTo = timestamp;
                break;
            }
            }
            checked.members.append({spec->name, data.sliced(valueAt, reader.at - valueAt)});
        } while (reader.take(','));
        if (!reader.take('}'))
            return std::nullopt;
    }
    if (reader.at != data.size() || !projectNamed)
        return std::nullopt;

    for (qsizetype index = 0; index < schema.fields.size(); ++index) {
        const FieldSpec &spec = schema.fields.at(index);
        const bool isNamed = named & (quint64(1) << index);
        if (!isNamed && spec.required)
            return std::nullopt;
        if (&spec == statusSpec && !statusGiven)
            checked.members.append({spec.name, {}});
        else if (!isNamed)
            checked.members.append({spec.name, QByteArrayView("null", 4)});
    }
    if (validFrom && validTo && *validTo <= *validFrom)
        return std::nullopt;
    if (schema.workflow) {
        QString status;
        if (statusGiven) {
            status = QString::fromLatin1(statusText);
            if (!schema.workflow->isState(status))
                return std::nullopt;
        } else {
            checked.filledStatus = schema.workflow->initialState();
            status = checked.filledStatus;
        }
        if (!schema.workflow->canStartIn(status, role))
            return std::nullopt;
    }
    std::sort(checked.members.begin(), checked.members.end(),
              [](const Member &left, const Member &right) { return left.key < right.key; });
    return checked;
}

QByteArray recordText(const Checked &checked, const JsonWriter::StringMember *members, qsizetype count)
{
    const JsonWriter::StringMember *const end = members + count;
    if (std::adjacent_find(
            members, end, [](const auto &left, const auto &right) { return !(left.key < right.key); }) != end)
        return {};
    // Room for the worst case of every string written (JsonWriter makes room for six bytes a
    // character before it writes one), so that the text is never moved as it grows.
    qsizetype expected = 2 + 6 * checked.filledStatus.size();
    for (const Member &member : checked.members)
        expected += 6 * member.key.size() + member.value.size() + 4;
    for (const JsonWriter::StringMember *member = members; member != end; ++member)
        expected += 6 * (member->key.size() + member->value.size()) + 6;
    QByteArray out;
    out.reserve(expected);
    out.append('{');
    bool first = true;
    const auto separate = [&] {
        if (!first)
            out.append(',');
        first = false;
    };
    const auto writeMember = [&](const JsonWriter::StringMember &member) {
        separate();
        JsonWriter::appendString(out, member.key);
        out.append(':');
        JsonWriter::appendString(out, member.value);
    };
    // The inserted members merge into the record's; one of the same key takes its place.
    for (const Member &member : checked.members) {
        for (; members != end && members->key < member.key; ++members)
            writeMember(*members);
        if (members != end && members->key == member.key) {
            writeMember(*members++);
            continue;
        }
        separate();
        JsonWriter::appendString(out, member.key);
        out.append(':');
        if (member.value.isEmpty())
            JsonWriter::appendString(out, checked.filledStatus);
        else
            out.append(member.value);
    }
    for (; members != end; ++members)
        writeMember(*members);
    out.append('}');
    return out;
}

} // namespace fieldsync::NewRecordText
