#pragma once

// What tst_auditbatch and tst_recordbatch share: random records to write, a table read back in
// the order it was written, and a fresh database of either kind to write them to.

#include "PostgresCluster.h"
#include "SyncTestHelpers.h"
#include "store/StoredRecord.h"

#include <QJsonObject>
#include <QRandomGenerator>
#include <QStringList>
#include <QVariantList>

#include <memory>

namespace fieldsync::server::testing {

inline QStringList recordIds(int count)
{
    QStringList ids;
    for (int index = 0; index < count; ++index)
        ids.append(QStringLiteral("r-%1").arg(index));
    return ids;
}

inline QJsonObject randomState(QRandomGenerator &random)
{
    static const QStringList statuses{QStringLiteral("draft"), QStringLiteral("submitted"),
                                      QStringLiteral("approved"), QStringLiteral("active")};
    QJsonObject state;
    if (random.bounded(5) == 0)
        return state;
    state.insert(QStringLiteral("status"), statuses.at(random.bounded(int(statuses.size()))));
    state.insert(QStringLiteral("title"), QStringLiteral("Permit \"%1\"\n").arg(random.bounded(1000)));
    if (random.bounded(2) == 0)
        state.insert(QStringLiteral("value"), random.bounded(100) / 7.0);
    return state;
}

// A record of one of ids, in any state, deleted now and then, by one of a few users (one of them
// with a name outside ASCII) and devices.
inline StoredRecord randomRecord(QRandomGenerator &random, qint64 seq, const QStringList &ids)
{
    static const QStringList users{QStringLiteral("fiona"), QStringLiteral("paul"),
                                   QStringLiteral("caf\u00e9")};
    static const QStringList devices{QStringLiteral("device-a"), QStringLiteral("device-b")};
    StoredRecord record;
    record.id = ids.at(random.bounded(int(ids.size())));
    record.entity = random.bounded(3) == 0 ? EntityKind::Task : EntityKind::Permit;
    record.projectId = random.bounded(2) == 0 ? QStringLiteral("p1") : QStringLiteral("p2");
    record.seq = seq;
    record.version = 1 + random.bounded(5);
    record.deleted = random.bounded(6) == 0;
    record.data = randomState(random);
    record.updatedAt =
        QStringLiteral("2026-11-21T10:%1:00.000Z").arg(random.bounded(60), 2, 10, QLatin1Char('0'));
    record.updatedBy = users.at(random.bounded(int(users.size())));
    record.deviceId = devices.at(random.bounded(int(devices.size())));
    return record;
}

// Every row of the table with every column, in the order first written where the database says
// it (SQLite's rowid), else in postgresOrder.
inline QList<QVariantList> tableRows(ServerDatabase &db, const QString &table, const QString &postgresOrder)
{
    return rowsOf(db, db.dialect() == ServerDatabase::Dialect::Sqlite
                          ? QStringLiteral("SELECT rowid, * FROM %1 ORDER BY rowid").arg(table)
                          : QStringLiteral("SELECT * FROM %1 ORDER BY %2").arg(table, postgresOrder));
}

// A fresh database: a SQLite file, or with FIELDSYNC_TEST_DB=postgresql one of a throwaway
// PostgreSQL cluster, whose multi-row statements go through QtSql.
class TestDatabase
{
public:
    Result<void> open()
    {
        if (qEnvironmentVariable("FIELDSYNC_TEST_DB") != QLatin1String("postgresql"))
            return m_sqlite.open();
        const Result<QString> url = test::PostgresCluster::newSharedDatabase();
        if (!url)
            return url.error();
        m_postgres = std::make_unique<ServerDatabase>();
        return m_postgres->open(url.value());
    }
    ServerDatabase &db() { return m_postgres ? *m_postgres : m_sqlite.db(); }

private:
    TempServerDatabase m_sqlite;
    std::unique_ptr<ServerDatabase> m_postgres;
};

} // namespace fieldsync::server::testing
