#include "JsonReader.h"

#include "common/JsonStringScan.h"

#include <QJsonDocument>

#include <cmath>
#include <optional>

namespace fieldsync::protocol {

namespace {

// Leaves are only asked their type: reading one as a value would copy every string in the body.
qsizetype keysIn(QJsonValueConstRef value);

qsizetype keysIn(const QJsonArray &array)
{
    qsizetype keys = 0;
    for (auto it = array.constBegin(); it != array.constEnd(); ++it)
        keys += keysIn(*it);
    return keys;
}

qsizetype keysIn(QJsonValueConstRef value)
{
    switch (value.type()) {
    case QJsonValue::Object:
        return JsonReader::keysIn(value.toObject());
    case QJsonValue::Array:
        return keysIn(value.toArray());
    default:
        return 0;
    }
}

bool isHighSurrogate(uint unit)
{
    return unit >= 0xD800 && unit <= 0xDBFF;
}

bool isLowSurrogate(uint unit)
{
    return unit >= 0xDC00 && unit <= 0xDFFF;
}

// What Qt's parser lets through although RFC 8259 forbids it (control characters written raw
// inside a string) or I-JSON (RFC 7493) does: an escaped half of a surrogate pair, which no UTF-8
// store can keep, and a key named twice in one object, where Qt keeps the last value and another
// reader of the same body (an audit tool, a proxy) may keep the first. Runs on a body Qt has
// parsed, so strings and structure are already well formed.
std::optional<QString> strictnessProblem(const QByteArray &body, const QJsonObject &parsed)
{
    qsizetype keysWritten = 0;
    bool inString = false;
    bool stringJustEnded = false;
    bool lowSurrogateDue = false;
    const auto halfPair = [](qsizetype offset) {
        return QStringLiteral("invalid JSON: half of a UTF-16 surrogate pair at offset %1").arg(offset);
    };
    const char *const text = body.constData();
    const qsizetype size = body.size();
    for (qsizetype i = 0; i < size; ++i) {
        if (inString && !lowSurrogateDue) {
            // Most of a body is the inside of strings, where only a quote, a backslash or a
            // control character asks for anything: those runs are passed over eight bytes at a
            // time, then byte by byte up to the one that asks.
            while (size - i >= 8 && !jsonscan::holdsStringSpecial(text + i))
                i += 8;
            while (i < size && uchar(text[i]) >= 0x20 && text[i] != '"' && text[i] != '\\')
                ++i;
            if (i == size)
                break;
        }
        const uchar c = uchar(text[i]);
        if (!inString) {
            if (c == '"') {
                inString = true;
            } else if (c == ':' && stringJustEnded) {
                ++keysWritten;
                stringJustEnded = false;
            } else if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                stringJustEnded = false;
            }
            continue;
        }
        if (c == '"') {
            if (lowSurrogateDue)
                return halfPair(i);
            inString = false;
            stringJustEnded = true;
        } else if (c < 0x20) {
            return QStringLiteral(
                       "invalid JSON: control character 0x%1 written unescaped in a string at offset %2")
                .arg(uint(c), 2, 16, QLatin1Char('0'))
                .arg(i);
        } else if (c == '\\' && body.at(i + 1) == 'u') {
            const uint unit = body.mid(i + 2, 4).toUInt(nullptr, 16);
            if (lowSurrogateDue != isLowSurrogate(unit))
                return halfPair(i);
            lowSurrogateDue = isHighSurrogate(unit);
            i += 5;
        } else if (lowSurrogateDue) {
            return halfPair(i);
        } else if (c == '\\') {
            ++i;
        }
    }
    if (keysWritten != JsonReader::keysIn(parsed))
        return QStringLiteral("invalid JSON: an object names the same key twice");
    return std::nullopt;
}

} // namespace

JsonReader::JsonReader(const QJsonObject &object, QString context)
    : m_object(object)
    , m_context(std::move(context))
{}

void JsonReader::fail(const QString &code, const QString &message)
{
    if (!m_error)
        m_error = makeError(code, m_context + QStringLiteral(": ") + message);
}

QJsonValue JsonReader::take(const QString &key, bool required, const char *expected,
                            bool (QJsonValue::*isType)() const)
{
    const QJsonValue value = m_object.value(key);
    see(key, value);
    if (value.isUndefined() || value.isNull()) {
        if (required)
            fail(QStringLiteral("malformed"), QStringLiteral("missing '%1'").arg(key));
        return QJsonValue(QJsonValue::Undefined);
    }
    if (!(value.*isType)()) {
        fail(QStringLiteral("malformed"),
             QStringLiteral("'%1' must be %2").arg(key, QString::fromLatin1(expected)));
        return QJsonValue(QJsonValue::Undefined);
    }
    return value;
}

QString JsonReader::string(const QString &key, bool required)
{
    return take(key, required, "a string", &QJsonValue::isString).toString();
}

qint64 JsonReader::integer(const QString &key, bool required, qint64 fallback)
{
    const QJsonValue value = take(key, required, "an integer", &QJsonValue::isDouble);
    if (value.isUndefined())
        return fallback;
    const double number = value.toDouble();
    // From 2^53 on a double no longer holds every integer exactly (2^53 + 1 reads as 2^53).
    if (number != std::floor(number) || std::fabs(number) >= 9007199254740992.0) {
        fail(QStringLiteral("malformed"), QStringLiteral("'%1' must be an integer").arg(key));
        return fallback;
    }
    return qint64(number);
}

bool JsonReader::boolean(const QString &key, bool required)
{
    return take(key, required, "true or false", &QJsonValue::isBool).toBool();
}

QJsonObject JsonReader::object(const QString &key, bool required)
{
    return take(key, required, "an object", &QJsonValue::isObject).toObject();
}

QJsonArray JsonReader::array(const QString &key, bool required)
{
    return take(key, required, "an array", &QJsonValue::isArray).toArray();
}

QJsonValue JsonReader::any(const QString &key)
{
    const QJsonValue value = m_object.value(key);
    see(key, value);
    return value;
}

void JsonReader::see(const QString &key, const QJsonValue &value)
{
    if (m_seen.contains(key))
        return;
    m_seen.append(key);
    if (!value.isUndefined())
        ++m_seenPresent;
}

Result<void> JsonReader::finish()
{
    if (m_error)
        return *m_error;
    // Every key of the object was read: nothing to look for (the usual case, and the cheap one).
    if (m_seenPresent == m_object.size())
        return {};
    for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it) {
        if (!m_seen.contains(it.key()))
            return makeError(QStringLiteral("unknown_field"),
                             m_context + QStringLiteral(": unknown field '%1'").arg(it.key()));
    }
    return {};
}

qsizetype JsonReader::keysIn(const QJsonObject &object)
{
    qsizetype keys = object.size();
    for (auto it = object.constBegin(); it != object.constEnd(); ++it)
        keys += ::fieldsync::protocol::keysIn(it.value());
    return keys;
}

Result<QJsonObject> JsonReader::parseObject(const QByteArray &body)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return makeError(QStringLiteral("malformed"), QStringLiteral("invalid JSON: %1 at offset %2")
                                                          .arg(parseError.errorString())
                                                          .arg(parseError.offset));
    if (!document.isObject())
        return makeError(QStringLiteral("malformed"), QStringLiteral("the body must be a JSON object"));
    QJsonObject object = document.object();
    if (const std::optional<QString> problem = strictnessProblem(body, object))
        return makeError(QStringLiteral("malformed"), *problem);
    return object;
}

std::optional<QJsonObject> JsonReader::parseObjectAt(QByteArrayView text, qsizetype &at, int maxDepth)
{
    const char *const data = text.data();
    const qsizetype size = text.size();
    const qsizetype start = at;
    if (start >= size || data[start] != '{')
        return std::nullopt;
    // One pass finds the object's end and what parseObject() looks for after Qt's parser: what
    // it would refuse, this leaves to the caller; a key written twice shows below as more keys
    // written than parsed.
    qsizetype keysWritten = 0;
    bool stringJustEnded = false;
    int depth = 0;
    qsizetype i = start;
    for (; i < size; ++i) {
        const char c = data[i];
        if (c == '"') {
            ++i;
            while (true) {
                i = jsonscan::nextStringSpecial(data, i, size);
                if (i >= size || uchar(data[i]) < 0x20)
                    return std::nullopt;
                if (data[i] == '"')
                    break;
                // An escape: an escaped half of a surrogate pair is left to parseObject(), which
                // tells a whole pair from a half.
                if (size - i >= 6 && data[i + 1] == 'u') {
                    const uint unit = QByteArrayView(data + i + 2, 4).toUInt(nullptr, 16);
                    if (isHighSurrogate(unit) || isLowSurrogate(unit))
                        return std::nullopt;
                    i += 6;
                } else {
                    i += 2;
                }
            }
            stringJustEnded = true;
            continue;
        }
        if (c == ':') {
            if (stringJustEnded)
                ++keysWritten;
        } else if (c == '{' || c == '[') {
            if (++depth > maxDepth)
                return std::nullopt;
        } else if (c == '}' || c == ']') {
            if (--depth == 0)
                break;
        } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            continue;
        }
        stringJustEnded = false;
    }
    if (i == size)
        return std::nullopt;
    const qsizetype end = i + 1;
    // The text outlives the parse, and Qt's parser copies what it keeps.
    QJsonParseError parseError;
    const QJsonDocument document =
        QJsonDocument::fromJson(QByteArray::fromRawData(data + start, end - start), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    QJsonObject object = document.object();
    if (keysIn(object) != keysWritten)
        return std::nullopt;
    at = end;
    return object;
}

} // namespace fieldsync::protocol
