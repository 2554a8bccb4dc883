#pragma once

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

namespace fieldsync::test {

// The seq of each queued change, by offline id, as a push reads them; empty if the read fails.
inline QHash<QString, qint64> outboxSeqsByOfflineId(const QSqlDatabase &connection)
{
    QSqlQuery query(connection);
    QHash<QString, qint64> seqs;
    if (!query.exec(QStringLiteral("SELECT offline_id, seq FROM outbox")))
        return seqs;
    while (query.next())
        seqs.insert(query.value(0).toString(), query.value(1).toLongLong());
    return seqs;
}

} // namespace fieldsync::test
