#include "SequenceRepository.h"

#include "ServerDatabase.h"

#include <QSqlQuery>

namespace fieldsync::server {

namespace {

Result<qint64> singleValue(Result<QSqlQuery *> query)
{
    if (!query)
        return query.error();
    QSqlQuery *row = query.value();
    if (!row->next()) {
        row->finish();
        return makeError(QStringLiteral("database"), QStringLiteral("the change sequence row is missing"));
    }
    const qint64 value = row->value(0).toLongLong();
    row->finish();
    return value;
}

} // namespace

SequenceRepository::SequenceRepository(ServerDatabase &db)
    : m_db(db)
{}

Result<qint64> SequenceRepository::next()
{
    return singleValue(m_db.run(
        QStringLiteral("UPDATE sync_sequence SET value = value + 1 WHERE name = 'global' RETURNING value")));
}

Result<qint64> SequenceRepository::lockForWriting()
{
    if (m_db.dialect() != ServerDatabase::Dialect::Postgres)
        return current();
    return singleValue(
        m_db.run(QStringLiteral("SELECT value FROM sync_sequence WHERE name = 'global' FOR UPDATE")));
}

Result<qint64> SequenceRepository::current()
{
    return singleValue(m_db.run(QStringLiteral("SELECT value FROM sync_sequence WHERE name = 'global'")));
}

} // namespace fieldsync::server
