#pragma once

#include "common/JsonWriter.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace fieldsync {

inline QString toJsonText(const QJsonObject &object)
{
    return QString::fromUtf8(JsonWriter::compact(object));
}

// A JSON array of strings, to hand a whole list to one statement as json_each(?).
inline QByteArray jsonUtf8Array(const QStringList &items)
{
    QByteArray json;
    json.reserve(items.size() * 40 + 2);
    json.append('[');
    for (qsizetype index = 0; index < items.size(); ++index) {
        if (index > 0)
            json.append(',');
        JsonWriter::appendString(json, items.at(index));
    }
    json.append(']');
    return json;
}

inline QString jsonTextArray(const QStringList &items)
{
    return QString::fromUtf8(jsonUtf8Array(items));
}

inline QJsonObject jsonObjectFromText(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

} // namespace fieldsync
