#include "JsonReader.h"

#include <QJsonDocument>

#include <cmath>

namespace fieldsync::protocol {

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
    m_seen.insert(key);
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
    return document.object();
}

} // namespace fieldsync::protocol
