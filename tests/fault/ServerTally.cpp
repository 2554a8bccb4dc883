#include "ServerTally.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace fieldsync::test {

ServerTally::ServerTally(QString databasePath)
    : m_path(std::move(databasePath))
{}

Result<QStringList> ServerTally::column(const QString &sql, const QVariantList &binds) const
{
    const QString name = QStringLiteral("server-tally-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    Result<QStringList> result = QStringList();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(m_path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        if (!db.open()) {
            result = makeError(QStringLiteral("tally"), db.lastError().text());
        } else {
            QSqlQuery query(db);
            query.prepare(sql);
            for (const QVariant &bind : binds)
                query.addBindValue(bind);
            if (!query.exec()) {
                result = makeError(QStringLiteral("tally"), query.lastError().text());
            } else {
                QStringList values;
                while (query.next())
                    values.append(query.value(0).toString());
                result = values;
            }
            query.finish();
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

Result<qint64> ServerTally::number(const QString &sql, const QVariantList &binds) const
{
    Result<QStringList> values = column(sql, binds);
    if (!values)
        return values.error();
    if (values.value().size() != 1)
        return makeError(QStringLiteral("tally"),
                         QStringLiteral("%1 rows for %2").arg(values.value().size()).arg(sql));
    return values.value().constFirst().toLongLong();
}

} // namespace fieldsync::test
