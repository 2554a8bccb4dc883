#include "JsonWriter.h"

#include "PlainJsonString.h"

#include <QLocale>
#include <QVarLengthArray>

#include <algorithm>
#include <array>
#include <cstring>

#include <cmath>

namespace fieldsync::JsonWriter {

namespace {

constexpr char HexDigits[] = "0123456789abcdef";

// The ASCII characters a JSON string holds as they are: everything printable but the quote and
// the backslash.
constexpr std::array<bool, 128> PlainAscii = [] {
    std::array<bool, 128> plain{};
    for (int c = 0x20; c < 0x80; ++c)
        plain[c] = c != '"' && c != '\\';
    return plain;
}();

// Writes into out's own buffer through a cursor, grown only when a piece does not fit: appending
// to a QByteArray byte by byte checks its capacity (and whether it is shared) for every byte.
// out holds garbage past the cursor until finish() cuts it to what was written.
class Sink
{
public:
    Sink(QByteArray &out, qsizetype expected)
        : m_out(out)
    {
        const qsizetype used = out.size();
        out.resize(std::max(out.capacity(), used + expected));
        m_cursor = out.data() + used;
        m_limit = out.data() + out.size();
    }
    Sink(const Sink &) = delete;
    Sink &operator=(const Sink &) = delete;

    void finish() { m_out.resize(m_cursor - m_out.constData()); }

    // Room for bytes more at the cursor.
    char *room(qsizetype bytes)
    {
        if (m_limit - m_cursor < bytes)
            grow(bytes);
        return m_cursor;
    }
    void advanceTo(char *cursor) { m_cursor = cursor; }

    void put(char c)
    {
        *room(1) = c;
        ++m_cursor;
    }
    void put(const char *text, qsizetype size)
    {
        std::copy_n(text, size, room(size));
        m_cursor += size;
    }

    void string(QStringView text);
    void integer(qint64 value);
    // A QJsonValue, or a container's reference to one (read through it, not copied out).
    template<typename Value> void value(const Value &value);
    // extra: string members inserted into object, as compactWith() says; sorted by key in
    // UTF-16 order, each key once (the caller sees to it).
    void object(const QJsonObject &object, const StringMember *extra = nullptr, qsizetype extraCount = 0);
    void array(const QJsonArray &array);

private:
    void grow(qsizetype bytes)
    {
        const qsizetype used = m_cursor - m_out.constData();
        m_out.resize(std::max(2 * m_out.size(), used + bytes));
        m_cursor = m_out.data() + used;
        m_limit = m_out.data() + m_out.size();
    }

    QByteArray &m_out;
    char *m_cursor = nullptr;
    char *m_limit = nullptr;
};

void Sink::string(QStringView text)
{
    // Worst case: every UTF-16 unit becomes a six-byte \u00XX escape.
    char *cursor = room(2 + 6 * text.size());
    *cursor++ = '"';
    const char16_t *unit = text.utf16();
    const char16_t *const end = unit + text.size();
    while (unit < end) {
        while (end - unit >= 4 && PlainJsonString::detail::arePlain(unit)) {
            cursor[0] = char(unit[0]);
            cursor[1] = char(unit[1]);
            cursor[2] = char(unit[2]);
            cursor[3] = char(unit[3]);
            cursor += 4;
            unit += 4;
        }
        if (unit == end)
            break;
        const char16_t c = *unit;
        if (c < 0x80 && PlainAscii[c]) {
            *cursor++ = char(c);
            ++unit;
            continue;
        }
        if (c == u'"' || c == u'\\') {
            *cursor++ = '\\';
            *cursor++ = char(c);
            ++unit;
            continue;
        }
        if (c < 0x20) {
            *cursor++ = '\\';
            switch (c) {
            case u'\b':
                *cursor++ = 'b';
                break;
            case u'\f':
                *cursor++ = 'f';
                break;
            case u'\n':
                *cursor++ = 'n';
                break;
            case u'\r':
                *cursor++ = 'r';
                break;
            case u'\t':
                *cursor++ = 't';
                break;
            default:
                *cursor++ = 'u';
                *cursor++ = '0';
                *cursor++ = '0';
                *cursor++ = HexDigits[c >> 4];
                *cursor++ = HexDigits[c & 0xf];
            }
            ++unit;
            continue;
        }
        // UTF-8, at most three bytes per UTF-16 unit; a surrogate without its partner is escaped,
        // as Qt does.
        if (c < 0x800) {
            *cursor++ = char(0xc0 | (c >> 6));
            *cursor++ = char(0x80 | (c & 0x3f));
        } else if (c >= 0xd800 && c < 0xdc00 && unit + 1 < end && unit[1] >= 0xdc00 && unit[1] < 0xe000) {
            const char32_t point = 0x10000 + ((char32_t(c) - 0xd800) << 10) + (char32_t(unit[1]) - 0xdc00);
            *cursor++ = char(0xf0 | (point >> 18));
            *cursor++ = char(0x80 | ((point >> 12) & 0x3f));
            *cursor++ = char(0x80 | ((point >> 6) & 0x3f));
            *cursor++ = char(0x80 | (point & 0x3f));
            ++unit;
        } else if (c >= 0xd800 && c < 0xe000) {
            *cursor++ = '\\';
            *cursor++ = 'u';
            *cursor++ = HexDigits[c >> 12];
            *cursor++ = HexDigits[(c >> 8) & 0xf];
            *cursor++ = HexDigits[(c >> 4) & 0xf];
            *cursor++ = HexDigits[c & 0xf];
        } else {
            *cursor++ = char(0xe0 | (c >> 12));
            *cursor++ = char(0x80 | ((c >> 6) & 0x3f));
            *cursor++ = char(0x80 | (c & 0x3f));
        }
        ++unit;
    }
    *cursor++ = '"';
    advanceTo(cursor);
}

void Sink::integer(qint64 value)
{
    char buffer[24];
    char *cursor = buffer + sizeof buffer;
    quint64 magnitude = value < 0 ? 0 - quint64(value) : quint64(value);
    do {
        *--cursor = char('0' + magnitude % 10);
        magnitude /= 10;
    } while (magnitude != 0);
    if (value < 0)
        *--cursor = '-';
    put(cursor, buffer + sizeof buffer - cursor);
}

template<typename Value> void Sink::value(const Value &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        put("null", 4);
        break;
    case QJsonValue::Bool:
        if (value.toBool())
            put("true", 4);
        else
            put("false", 5);
        break;
    case QJsonValue::Double: {
        const double number = value.toDouble();
        if (!std::isfinite(number))
            put("null", 4);
        // Qt keeps every whole number that fits a qint64 as an integer and prints its digits;
        // anything else is a double, printed shortest.
        else if (const qint64 whole = value.toInteger();
                 number == std::trunc(number) && double(whole) == number)
            integer(whole);
        else {
            const QByteArray shortest = QByteArray::number(number, 'g', QLocale::FloatingPointShortest);
            put(shortest.constData(), shortest.size());
        }
        break;
    }
    case QJsonValue::String:
        string(value.toString());
        break;
    case QJsonValue::Array:
        array(value.toArray());
        break;
    case QJsonValue::Object:
        object(value.toObject());
        break;
    }
}

void Sink::object(const QJsonObject &object, const StringMember *extra, qsizetype extraCount)
{
    // Keys go out in UTF-16 order, which is the object's own order unless a key has a character
    // outside the BMP: Qt 6.4's parser then orders escaped and raw forms of such keys differently,
    // so the same object read back from our own text would be written in another order.
    QVarLengthArray<std::pair<QString, QJsonObject::const_iterator>, 16> members;
    members.reserve(object.size());
    bool inUtf16Order = true;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        QString key = it.key();
        if (!members.isEmpty() && !(members.back().first < key))
            inUtf16Order = false;
        members.append({std::move(key), it});
    }
    if (!inUtf16Order)
        std::sort(members.begin(), members.end(),
                  [](const auto &left, const auto &right) { return left.first < right.first; });
    put('{');
    bool first = true;
    const auto separate = [&] {
        if (!first)
            put(',');
        first = false;
    };
    // The extra members merge into the sorted members; one of the same key takes its place.
    const StringMember *const extraEnd = extra + extraCount;
    for (const auto &[key, it] : members) {
        for (; extra != extraEnd && extra->key < QStringView(key); ++extra) {
            separate();
            string(extra->key);
            put(':');
            string(extra->value);
        }
        separate();
        string(key);
        put(':');
        if (extra != extraEnd && extra->key == QStringView(key)) {
            string(extra->value);
            ++extra;
            continue;
        }
        // Through the object's reference: a QJsonValue of its own would be one more copy.
        value(it.value());
    }
    for (; extra != extraEnd; ++extra) {
        separate();
        string(extra->key);
        put(':');
        string(extra->value);
    }
    put('}');
}

void Sink::array(const QJsonArray &array)
{
    put('[');
    bool first = true;
    for (auto it = array.constBegin(); it != array.constEnd(); ++it) {
        if (!first)
            put(',');
        first = false;
        value(*it);
    }
    put(']');
}

// Room for a record's worth of text before the first growth.
constexpr qsizetype ExpectedBytes = 1024;

} // namespace

void appendString(QByteArray &out, QStringView text)
{
    Sink sink(out, 2 + 6 * text.size());
    sink.string(text);
    sink.finish();
}

void appendInteger(QByteArray &out, qint64 value)
{
    Sink sink(out, 24);
    sink.integer(value);
    sink.finish();
}

void append(QByteArray &out, const QJsonValue &value)
{
    Sink sink(out, ExpectedBytes);
    sink.value(value);
    sink.finish();
}

void append(QByteArray &out, const QJsonObject &object)
{
    Sink sink(out, ExpectedBytes);
    sink.object(object);
    sink.finish();
}

void append(QByteArray &out, const QJsonArray &array)
{
    Sink sink(out, ExpectedBytes);
    sink.array(array);
    sink.finish();
}

QByteArray compact(const QJsonObject &object)
{
    QByteArray out;
    append(out, object);
    return out;
}

QByteArray compactWith(const QJsonObject &object, const StringMember *members, qsizetype count)
{
    const StringMember *const end = members + count;
    // Sorted and each key once, they merge as the object is written; otherwise (not what the
    // server passes) they are inserted into a copy, which is what they mean.
    const bool merging = std::adjacent_find(members, end, [](const auto &left, const auto &right) {
                             return !(left.key < right.key);
                         }) == end;
    if (!merging) {
        QJsonObject inserted = object;
        for (const StringMember *member = members; member != end; ++member)
            inserted.insert(member->key, QJsonValue(member->value.toString()));
        return compact(inserted);
    }
    QByteArray out;
    Sink sink(out, ExpectedBytes);
    sink.object(object, members, count);
    sink.finish();
    return out;
}

QByteArray compact(const QJsonArray &array)
{
    QByteArray out;
    append(out, array);
    return out;
}

} // namespace fieldsync::JsonWriter
