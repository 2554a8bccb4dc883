#pragma once

#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

namespace fieldsync {

inline QString toJsonText(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

inline QJsonObject jsonObjectFromText(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

} // namespace fieldsync
