#pragma once

// Rows the store tests write straight into a device's SQLite file: statements run with their
// values, and the record and offline ids they use.
#include <QDebug>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

namespace fieldsync::test {

// Runs sql with values; says why in the test's log when it fails.
inline bool execSql(QSqlQuery &query, const QString &sql, const QVariantList &values)
{
    query.prepare(sql);
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (query.exec())
        return true;
    qWarning() << sql << query.lastError().text();
    return false;
}

inline QString recordId(int index)
{
    return QStringLiteral("00000000-0000-7000-9000-%1").arg(index, 12, 10, QLatin1Char('0'));
}

inline QString offlineId(int record, int edit)
{
    return QStringLiteral("00000000-0000-7000-8%1-%2")
        .arg(edit, 3, 10, QLatin1Char('0'))
        .arg(record, 12, 10, QLatin1Char('0'));
}

} // namespace fieldsync::test
