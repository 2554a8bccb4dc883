#include "LocalRecord.h"

namespace fieldsync {

QString LocalRecord::title() const
{
    // Gas readings and isolation points have no title; lists show what identifies them instead.
    switch (entity) {
    case EntityKind::GasReading:
        return data.value(QStringLiteral("gas")).toString() + QLatin1Char(' ') +
               QString::number(data.value(QStringLiteral("value")).toDouble()) + QLatin1Char(' ') +
               data.value(QStringLiteral("unit")).toString();
    case EntityKind::IsolationPoint:
        return data.value(QStringLiteral("description")).toString();
    default:
        return data.value(QStringLiteral("title")).toString();
    }
}

} // namespace fieldsync
