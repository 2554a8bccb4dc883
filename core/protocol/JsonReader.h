#pragma once

#include "common/Result.h"

#include <QByteArrayView>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QVarLengthArray>

#include <optional>

namespace fieldsync::protocol {

// Strict reading of one JSON object: every key read is remembered, so that finish() can refuse
// keys nobody asked for, and the first wrong type or missing key becomes the error.
class JsonReader
{
public:
    JsonReader(const QJsonObject &object, QString context);

    QString string(const QString &key, bool required = true);
    qint64 integer(const QString &key, bool required = true, qint64 fallback = 0);
    bool boolean(const QString &key, bool required = true);
    QJsonObject object(const QString &key, bool required = true);
    QJsonArray array(const QString &key, bool required = true);
    QJsonValue any(const QString &key);

    bool failed() const { return m_error.has_value(); }
    // The first error, or unknown_field when keys were left unread.
    Result<void> finish();

    static Result<QJsonObject> parseObject(const QByteArray &body);
    // The keys of the object and of every object nested in it, as a strict scan counts the keys
    // written in its text: fewer means a key was written twice and Qt kept one of them.
    static qsizetype keysIn(const QJsonObject &object);
    // The object written at text[at], parsed on its own as strictly as parseObject() parses a
    // body, with at moved past it. Nothing, and at left, when parseObject() would refuse it, when
    // it is nested deeper than maxDepth or holds an escaped surrogate: for a fast decoding that
    // leaves what it does not take to a general one, which says what is wrong.
    static std::optional<QJsonObject> parseObjectAt(QByteArrayView text, qsizetype &at, int maxDepth);

private:
    QJsonValue take(const QString &key, bool required, const char *expected,
                    bool (QJsonValue::*isType)() const);
    void fail(const QString &code, const QString &message);
    void see(const QString &key, const QJsonValue &value);

    QJsonObject m_object;
    QString m_context;
    // A handful of keys per object, read once each: a linear look in place costs less than a
    // hash set's allocations, paid for every change of every push.
    QVarLengthArray<QString, 12> m_seen;
    qsizetype m_seenPresent = 0; // how many of m_seen the object has
    std::optional<Error> m_error;
};

} // namespace fieldsync::protocol
