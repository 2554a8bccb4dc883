#include "JsonWriter.h"

#include <QLocale>
#include <QVarLengthArray>

#include <algorithm>

#include <cmath>

namespace fieldsync::JsonWriter {

namespace {

constexpr char HexDigits[] = "0123456789abcdef";

} // namespace

void appendString(QByteArray &out, QStringView text)
{
    // Worst case: every UTF-16 unit becomes a six-byte \u00XX escape.
    const qsizetype start = out.size();
    out.resize(start + 2 + 6 * text.size());
    char *cursor = out.data() + start;
    *cursor++ = '"';
    const char16_t *unit = text.utf16();
    const char16_t *const end = unit + text.size();
    while (unit < end) {
        const char16_t c = *unit;
        if (c >= 0x20 && c < 0x80) {
            if (c == u'"' || c == u'\\')
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
    out.resize(cursor - out.constData());
}

void appendInteger(QByteArray &out, qint64 value)
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
    out.append(cursor, buffer + sizeof buffer - cursor);
}

void append(QByteArray &out, const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        out.append("null", 4);
        break;
    case QJsonValue::Bool:
        if (value.toBool())
            out.append("true", 4);
        else
            out.append("false", 5);
        break;
    case QJsonValue::Double: {
        const double number = value.toDouble();
        if (!std::isfinite(number))
            out.append("null", 4);
        // Qt keeps every whole number that fits a qint64 as an integer and prints its digits;
        // anything else is a double, printed shortest.
        else if (const qint64 whole = value.toInteger();
                 number == std::trunc(number) && double(whole) == number)
            appendInteger(out, whole);
        else
            out.append(QByteArray::number(number, 'g', QLocale::FloatingPointShortest));
        break;
    }
    case QJsonValue::String:
        appendString(out, value.toString());
        break;
    case QJsonValue::Array:
        append(out, value.toArray());
        break;
    case QJsonValue::Object:
        append(out, value.toObject());
        break;
    }
}

void append(QByteArray &out, const QJsonObject &object)
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
    out.append('{');
    bool first = true;
    for (const auto &[key, it] : members) {
        if (!first)
            out.append(',');
        first = false;
        appendString(out, key);
        out.append(':');
        append(out, it.value());
    }
    out.append('}');
}

void append(QByteArray &out, const QJsonArray &array)
{
    out.append('[');
    bool first = true;
    for (const QJsonValue &value : array) {
        if (!first)
            out.append(',');
        first = false;
        append(out, value);
    }
    out.append(']');
}

QByteArray compact(const QJsonObject &object)
{
    QByteArray out;
    out.reserve(1024);
    append(out, object);
    return out;
}

QByteArray compact(const QJsonArray &array)
{
    QByteArray out;
    out.reserve(1024);
    append(out, array);
    return out;
}

} // namespace fieldsync::JsonWriter
