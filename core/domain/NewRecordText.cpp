#include "NewRecordText.h"

#include "IsoTimestamp.h"
#include "PerSchema.h"
#include "common/CanonicalJson.h"
#include "common/CanonicalUuid.h"
#include "common/PlainJsonString.h"

#include <QDate>

#include <algorithm>
#include <array>
#include <cstring>

namespace fieldsync::NewRecordText {

namespace {

// FieldValues' limits.
constexpr qsizetype MaxStringLength = 200;
constexpr qsizetype MaxTextLength = 20000;
constexpr qsizetype MaxSetItems = 100;

// A key the data of a create may name: a field of the schema, or project_id.
struct Key
{
    enum Kind
    {
        Field,
        ProjectId,
        Status,    // the workflow's
        ValidFrom, // checkResult compares these two
        ValidTo,
    };
    QByteArray name;    // in plain ASCII, as the text writes it between its quotes
    QByteArray keyText; // "name":
    const QString *qname = nullptr;
    const FieldSpec *spec = nullptr; // null for project_id
    Kind kind = Field;
};

// A key as QString compares keys (the order QJsonObject keeps and JsonWriter writes): for plain
// ASCII, byte by byte, a prefix first.
bool ascending(QByteArrayView previous, QByteArrayView next)
{
    // Decided by the first bytes when they differ (as they mostly do for keys), without the call
    // into Qt; compare() orders bytes unsigned.
    if (!previous.isEmpty() && !next.isEmpty() && previous.front() != next.front())
        return uchar(previous.front()) < uchar(next.front());
    return previous.compare(next) < 0;
}

bool sameBytes(QByteArrayView left, QByteArrayView right)
{
    return left.size() == right.size() &&
           (left.isEmpty() || std::memcmp(left.data(), right.data(), size_t(left.size())) == 0);
}

bool isPlainName(const QString &name)
{
    return std::all_of(name.begin(), name.end(), [](QChar c) {
        return c.unicode() >= 0x20 && c.unicode() < 0x7f && c != u'"' && c != u'\\';
    });
}

// The keys of a schema whose creates check() reads, in key order; nothing for the others: an
// entity with rules of its own (checkResult's, for gas readings and attachments), with more fields
// than a mask holds, with a field named as a meta field or not in plain ASCII, with a workflow
// but no status field, or with valid_from or valid_to not timestamps.
std::optional<QList<Key>> keysFor(const EntitySchema &schema)
{
    if (schema.kind == EntityKind::GasReading || schema.kind == EntityKind::Attachment ||
        schema.fields.size() > 64 || schema.field(RecordMeta::ProjectId))
        return std::nullopt;
    QList<Key> keys;
    bool hasStatus = false;
    for (const FieldSpec &spec : schema.fields) {
        if (!isPlainName(spec.name))
            return std::nullopt;
        Key key;
        key.spec = &spec;
        key.qname = &spec.name;
        if (spec.name == RecordMeta::Status && schema.workflow) {
            if (spec.type != FieldType::Status)
                return std::nullopt;
            key.kind = Key::Status;
            hasStatus = true;
        } else if (spec.name == QLatin1String("valid_from") || spec.name == QLatin1String("valid_to")) {
            if (spec.type != FieldType::Timestamp)
                return std::nullopt;
            key.kind = spec.name == QLatin1String("valid_from") ? Key::ValidFrom : Key::ValidTo;
        }
        keys.append(key);
    }
    if (schema.workflow && !hasStatus)
        return std::nullopt;
    Key project;
    project.qname = &RecordMeta::ProjectId;
    project.kind = Key::ProjectId;
    keys.append(project);
    for (Key &key : keys) {
        key.name = key.qname->toLatin1();
        key.keyText = '"' + key.name + "\":";
    }
    std::sort(keys.begin(), keys.end(),
              [](const Key &left, const Key &right) { return left.name < right.name; });
    return keys;
}

const QList<Key> *keysOf(const EntitySchema &schema)
{
    return madeForSchema<keysFor>(schema);
}

// Reads the data's text part by part; each read takes exactly what it expects or fails.
class Reader : public CanonicalJson::TextCursor
{
public:
    using TextCursor::TextCursor;

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
};

// The text of a plain string as UTF-16 on the stack, for the checks that take a view.
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

// Writes a text of at most a known size straight into a QByteArray's buffer (appending to a
// QByteArray checks its capacity, and whether it is shared, for every piece).
class TextBuffer
{
public:
    TextBuffer(QByteArray &out, qsizetype room)
        : m_out(out)
        , m_room(room)
    {
        out.resize(room);
        m_cursor = out.data();
    }

    void put(char c) { *m_cursor++ = c; }
    void put(QByteArrayView bytes)
    {
        std::memcpy(m_cursor, bytes.data(), bytes.size());
        m_cursor += bytes.size();
    }
    // A JSON string as JsonWriter writes it: plain ASCII (what it writes as it is) here, anything
    // else by JsonWriter itself. At most 6 * text.size() + 2 bytes, as the room counted.
    void string(QStringView text)
    {
        if (char *const end = PlainJsonString::put(m_cursor, text)) {
            m_cursor = end;
            return;
        }
        const qsizetype used = m_cursor - m_out.constData();
        m_out.resize(used);
        JsonWriter::appendString(m_out, text);
        const qsizetype written = m_out.size();
        m_out.resize(m_room);
        m_cursor = m_out.data() + written;
    }
    void finish() { m_out.resize(m_cursor - m_out.constData()); }

private:
    QByteArray &m_out;
    qsizetype m_room;
    char *m_cursor;
};

// QStringView's <, decided by the first units when they differ (as they mostly do for keys)
// without the call into Qt.
bool keyLess(QStringView left, QStringView right)
{
    if (!left.isEmpty() && !right.isEmpty() && left.front() != right.front())
        return left.front() < right.front();
    return left < right;
}

} // namespace

std::optional<Checked> check(const EntitySchema &schema, QByteArrayView data, Role role)
{
    const QList<Key> *keys = keysOf(schema);
    if (!keys)
        return std::nullopt;
    Checked checked;
    bool statusGiven = false; // as a string
    QByteArrayView statusText;
    std::optional<qint64> validFrom;
    std::optional<qint64> validTo;
    // A key the data does not name: null in the record (completed()), the status filled in
    // (withDefaults()); a refusal when it is required (checkResult) or project_id (create()).
    const auto absent = [&](const Key &key) {
        if (key.kind == Key::ProjectId || key.spec->required)
            return false;
        checked.members.append({*key.qname, key.keyText,
                                key.kind == Key::Status ? QByteArrayView() : QByteArrayView("null", 4)});
        return true;
    };
    Reader reader(data);
    qsizetype next = 0; // the first of keys the data's keys have not passed
    if (!reader.take('{'))
        return std::nullopt;
    if (!reader.take('}')) {
        do {
            // The data's keys meet the schema's in ascending order: one out of order, named twice
            // or unknown is not the key found where it goes.
            const std::optional<QByteArrayView> name = reader.plainString();
            if (!name || !reader.take(':'))
                return std::nullopt;
            for (; next < keys->size() && ascending(keys->at(next).name, *name); ++next) {
                if (!absent(keys->at(next)))
                    return std::nullopt;
            }
            if (next == keys->size() || !sameBytes(keys->at(next).name, *name))
                return std::nullopt;
            const Key &key = keys->at(next++);
            const qsizetype valueAt = reader.at;
            if (key.kind == Key::ProjectId) {
                const std::optional<CanonicalJson::StringText> text = reader.string();
                if (!text || text->utf16Length == 0)
                    return std::nullopt;
                checked.projectId = CanonicalJson::decoded(data, valueAt, *text);
            } else if (reader.literal("null", 4)) {
                if (key.spec->required)
                    return std::nullopt;
                // A status of null is filled in, as withDefaults() does.
                if (key.kind == Key::Status) {
                    absent(key);
                    continue;
                }
            } else {
                switch (key.spec->type) {
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
                    if (!text || !stringValueFits(*key.spec, data, valueAt, *text, &timestamp))
                        return std::nullopt;
                    if (key.kind == Key::Status) {
                        statusGiven = true;
                        statusText = data.sliced(valueAt + 1, text->end - valueAt - 2);
                    } else if (key.kind == Key::ValidFrom) {
                        validFrom = timestamp;
                    } else if (key.kind == Key::ValidTo) {
                        validTo = timestamp;
                    }
                }
                }
            }
            checked.members.append({*key.qname, key.keyText, data.sliced(valueAt, reader.at - valueAt)});
        } while (reader.take(','));
        if (!reader.take('}'))
            return std::nullopt;
    }
    if (reader.at != data.size())
        return std::nullopt;
    for (; next < keys->size(); ++next) {
        if (!absent(keys->at(next)))
            return std::nullopt;
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
    return checked;
}

QByteArray recordText(const Checked &checked, const JsonWriter::StringMember *members, qsizetype count)
{
    const JsonWriter::StringMember *const end = members + count;
    if (std::adjacent_find(
            members, end, [](const auto &left, const auto &right) { return !(left.key < right.key); }) != end)
        return {};
    // Room for the worst case of every string written (six bytes a character, as JsonWriter
    // makes room for), so that the text is written straight into its buffer.
    qsizetype room = 2 + 6 * checked.filledStatus.size() + 2;
    for (const Member &member : checked.members)
        room += member.keyText.size() + member.value.size() + 1;
    for (const JsonWriter::StringMember *member = members; member != end; ++member)
        room += 6 * (member->key.size() + member->value.size()) + 6;
    QByteArray out;
    TextBuffer text(out, room);
    text.put('{');
    bool first = true;
    const auto separate = [&] {
        if (!first)
            text.put(',');
        first = false;
    };
    const auto writeMember = [&](const JsonWriter::StringMember &member) {
        separate();
        text.string(member.key);
        text.put(':');
        text.string(member.value);
    };
    // The inserted members merge into the record's; one of the same key takes its place.
    for (const Member &member : checked.members) {
        for (; members != end && keyLess(members->key, member.key); ++members)
            writeMember(*members);
        if (members != end && members->key == member.key) {
            writeMember(*members++);
            continue;
        }
        separate();
        text.put(member.keyText);
        if (member.value.isEmpty())
            text.string(checked.filledStatus);
        else
            text.put(member.value);
    }
    for (; members != end; ++members)
        writeMember(*members);
    text.put('}');
    text.finish();
    return out;
}

} // namespace fieldsync::NewRecordText
