#include "MetaStore.h"

#include <QVariant>

namespace fieldsync {

MetaStore::MetaStore(LocalDatabase &db)
    : m_db(db)
{}

Result<QString> MetaStore::value(const QString &key, const QString &fallback)
{
    QSqlQuery &query = m_db.prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?"));
    query.addBindValue(key);
    if (Result<void> done = m_db.exec(query); !done)
        return done.error();
    return query.next() ? query.value(0).toString() : fallback;
}

Result<void> MetaStore::setValue(const QString &key, const QString &value)
{
    QSqlQuery &query = m_db.prepare(QStringLiteral(
        "INSERT INTO meta(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
    query.addBindValue(key);
    query.addBindValue(value.isNull() ? QStringLiteral("") : value); // a null QString would bind as SQL NULL
    return m_db.exec(query);
}

Result<void> MetaStore::remove(const QString &key)
{
    QSqlQuery &query = m_db.prepare(QStringLiteral("DELETE FROM meta WHERE key = ?"));
    query.addBindValue(key);
    return m_db.exec(query);
}

} // namespace fieldsync
