#include "ServerTally.h"

#include <QDeadlineTimer>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUrl>
#include <QUuid>

namespace fieldsync::test {

namespace {

Error tallyError(const QString &message)
{
    return makeError(QStringLiteral("tally"), message);
}

// The server reads its URL with DatabaseUrl, which lives in the server library that a test of
// the running server does not link; the URLs the tests hand out (user@host:port/dbname) need
// no more than QUrl.
Result<void> pointAtPostgres(QSqlDatabase &db, const QString &location)
{
    const QUrl url(location, QUrl::StrictMode);
    const QString database = url.path(QUrl::FullyDecoded).mid(1);
    if (!url.isValid() || database.isEmpty())
        return tallyError(QStringLiteral("not a PostgreSQL URL with a database: %1").arg(location));
    db.setHostName(url.host().isEmpty() ? QStringLiteral("localhost") : url.host());
    db.setPort(url.port(5432));
    db.setUserName(url.userName(QUrl::FullyDecoded));
    db.setPassword(url.password(QUrl::FullyDecoded));
    db.setDatabaseName(database);
    db.setConnectOptions(QStringLiteral("connect_timeout=10;application_name=fieldsync-tally"));
    return {};
}

// The query goes before its connection closes: QPSQL frees a prepared statement on the server
// when the query is destroyed, and warns when the connection is gone by then.
Result<QStringList> select(const QSqlDatabase &db, const QString &sql, const QVariantList &binds)
{
    QSqlQuery query(db);
    query.prepare(sql);
    for (const QVariant &bind : binds)
        query.addBindValue(bind);
    if (!query.exec())
        return tallyError(query.lastError().text());
    QStringList values;
    while (query.next())
        values.append(query.value(0).toString());
    return values;
}

} // namespace

ServerTally::ServerTally(QString databaseLocation)
    : m_location(std::move(databaseLocation))
{}

bool ServerTally::isPostgres() const
{
    return m_location.startsWith(QLatin1String("postgresql://")) ||
           m_location.startsWith(QLatin1String("postgres://"));
}

Result<QStringList> ServerTally::column(const QString &sql, const QVariantList &binds) const
{
    const QString name = QStringLiteral("server-tally-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    Result<QStringList> result = QStringList();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(
            isPostgres() ? QStringLiteral("QPSQL") : QStringLiteral("QSQLITE"), name);
        Result<void> ready;
        if (isPostgres()) {
            ready = pointAtPostgres(db, m_location);
        } else {
            db.setDatabaseName(m_location);
            db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        }
        if (!ready) {
            result = ready.error();
        } else if (!db.open()) {
            result = tallyError(db.lastError().text());
        } else {
            result = select(db, sql, binds);
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
        return tallyError(QStringLiteral("%1 rows for %2").arg(values.value().size()).arg(sql));
    return values.value().constFirst().toLongLong();
}

QString ServerTally::jsonField(const QString &column, const QString &field) const
{
    if (isPostgres())
        return QStringLiteral("(%1::json ->> '%2')").arg(column, field);
    return QStringLiteral("json_extract(%1, '$.%2')").arg(column, field);
}

Result<void> ServerTally::waitUntilAlone(int timeoutMs) const
{
    if (!isPostgres())
        return {};
    const QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        const Result<qint64> others =
            number(QStringLiteral("SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database()"
                                  " AND backend_type = 'client backend' AND pid <> pg_backend_pid()"));
        if (!others)
            return others.error();
        if (others.value() == 0)
            return {};
        if (deadline.hasExpired())
            return tallyError(QStringLiteral("%1 other sessions still on the database").arg(others.value()));
        QThread::msleep(20);
    }
}

} // namespace fieldsync::test
