#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QStringView>

#include <initializer_list>

namespace fieldsync::JsonWriter {

// Compact JSON text, as QJsonDocument::toJson(QJsonDocument::Compact) writes it (the same escapes,
// UTF-8), with less copying: the sync hot paths write every record several times per change.
// Non-finite numbers become null, as in Qt. Object keys are always in UTF-16 order, which is Qt's
// order too except for keys with characters outside the BMP (see append()).
QByteArray compact(const QJsonObject &object);
QByteArray compact(const QJsonArray &array);

// A string member written into an object as if it had been inserted into it.
struct StringMember
{
    QStringView key;
    QStringView value;
};
// What compact() writes for object after each of members was inserted into it (as QJsonValue
// strings, the later of two equal keys winning), without the copy and conversions of inserting:
// the server stamps every record it writes with the same few fields.
QByteArray compactWith(const QJsonObject &object, const StringMember *members, qsizetype count);
inline QByteArray compactWith(const QJsonObject &object, std::initializer_list<StringMember> members)
{
    return compactWith(object, members.begin(), qsizetype(members.size()));
}

void append(QByteArray &out, const QJsonObject &object);
void append(QByteArray &out, const QJsonArray &array);
void append(QByteArray &out, const QJsonValue &value);
// A JSON string literal, quotes included.
void appendString(QByteArray &out, QStringView text);
// A JSON number for a whole number.
void appendInteger(QByteArray &out, qint64 value);

} // namespace fieldsync::JsonWriter
