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
    if (m_held)
        return ++*m_held;
    return singleValue(m_db.run(
        QStringLiteral("UPDATE sync_sequence SET value = value + 1 WHERE name = 'global' RETURNING value")));
}

Result<qint64> SequenceRepository::lockForWriting()
{
    m_held.reset();
    const Result<qint64> value =
        m_db.dialect() == ServerDatabase::Dialect::Postgres
            ? singleValue(m_db.run(
                  QStringLiteral("SELECT value FROM sync_sequence WHERE name = 'global' FOR UPDATE")))
            : current();
    if (value) {
        m_held = value.value();
        m_heldFrom = value.value();
    }
    return value;
}

Result<void> SequenceRepository::storeHeld()
{
    if (!m_held)
        return {};
    const qint64 last = *m_held;
    const bool taken = last != m_heldFrom;
    m_held.reset();
    if (!taken)
        return {};
    const Result<QSqlQuery *> stored =
        m_db.run(QStringLiteral("UPDATE sync_sequence SET value = ? WHERE name = 'global'"), {last});
    if (!stored)
        return stored.error();
    return {};
}

void SequenceRepository::dropHeld()
{
    m_held.reset();
}

Result<qint64> SequenceRepository::current()
{
    if (m_held)
        return *m_held;
    return singleValue(m_db.run(QStringLiteral("SELECT value FROM sync_sequence WHERE name = 'global'")));
}

} // namespace fieldsync::server
