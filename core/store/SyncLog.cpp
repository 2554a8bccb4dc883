#include "SyncLog.h"

#include "protocol/ProtocolInfo.h"

#include <QVariant>

namespace fieldsync {

SyncLog::SyncLog(LocalDatabase &db)
    : m_db(db)
{}

Result<void> SyncLog::add(const QString &level, const QString &message)
{
    QSqlQuery &insert =
        m_db.prepare(QStringLiteral("INSERT INTO sync_log(at, level, message) VALUES(?,?,?)"));
    insert.addBindValue(protocol::nowUtcString());
    insert.addBindValue(level);
    insert.addBindValue(message);
    if (Result<void> done = m_db.exec(insert); !done)
        return done;
    QSqlQuery &trim =
        m_db.prepare(QStringLiteral("DELETE FROM sync_log WHERE id <= (SELECT MAX(id) FROM sync_log) - ?"));
    trim.addBindValue(KeptEntries);
    return m_db.exec(trim);
}

Result<QList<SyncLogEntry>> SyncLog::recent(int limit)
{
    QSqlQuery &query =
        m_db.prepare(QStringLiteral("SELECT at, level, message FROM sync_log ORDER BY id DESC LIMIT ?"));
    query.addBindValue(limit);
    if (Result<void> done = m_db.exec(query); !done)
        return done.error();
    QList<SyncLogEntry> entries;
    while (query.next())
        entries.append(
            SyncLogEntry{query.value(0).toString(), query.value(1).toString(), query.value(2).toString()});
    return entries;
}

} // namespace fieldsync
