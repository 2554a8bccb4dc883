// PostgreSQL plans a statement it has run five times once for all values, on its tables'
// statistics at that moment. The push's idempotency lookup must not be planned that way: planned
// while a new database's table was nearly empty, it went on reading every stored answer of the
// device (a 500-change push took 1.1 s instead of 0.15 s once 40,000 answers were stored, until
// autovacuum first analysed the table).

#include "PostgresCluster.h"
#include "store/IdempotencyRepository.h"
#include "store/ServerDatabase.h"

#include <QSqlQuery>
#include <QTest>
#include <QUuid>

using namespace fieldsync;
using namespace fieldsync::server;
using fieldsync::test::PostgresCluster;

class PostgresPlansTest : public QObject
{
    Q_OBJECT

private slots:
    void idempotencyLookupIsPlannedForItsValues()
    {
        const Result<QString> url = PostgresCluster::newSharedDatabase();
        QVERIFY2(url.ok(), qPrintable(url ? QString() : url.error().toString()));
        ServerDatabase db;
        const Result<void> opened = db.open(url.value());
        QVERIFY2(opened.ok(), qPrintable(opened ? QString() : opened.error().toString()));

        // Ten pushes of a device, each looking up its batch and storing the answers, as
        // PushService does.
        IdempotencyRepository idempotency(db);
        const QString device = QStringLiteral("tablet-1");
        QStringList batch;
        for (int push = 0; push < 10; ++push) {
            QVERIFY(db.beginWrite().ok());
            batch.clear();
            for (int change = 0; change < 20; ++change)
                batch.append(QUuid::createUuid().toString(QUuid::WithoutBraces));
            const Result<QHash<QString, IdempotencyRepository::StoredAnswer>> known =
                idempotency.findMany(device, batch);
            QVERIFY2(known.ok(), qPrintable(known ? QString() : known.error().toString()));
            QVERIFY(known.value().isEmpty());
            for (const QString &offlineId : std::as_const(batch)) {
                QVERIFY(idempotency
                            .store(device, offlineId, {QStringLiteral("p1"), QByteArray("{}")},
                                   QStringLiteral("2026-12-07T00:00:00Z"))
                            .ok());
            }
            QVERIFY(db.commit().ok());
        }
        // A replayed batch finds its answers (the plans change how, not what, it reads).
        QVERIFY(db.beginWrite().ok());
        const Result<QHash<QString, IdempotencyRepository::StoredAnswer>> replayed =
            idempotency.findMany(device, batch);
        QVERIFY(replayed.ok());
        QCOMPARE(replayed.value().size(), batch.size());
        QVERIFY(db.commit().ok());

        QSqlQuery plans(QSqlDatabase::database(db.connectionName(), false));
        QVERIFY(plans.exec(QStringLiteral("SELECT generic_plans, custom_plans FROM pg_prepared_statements"
                                          " WHERE statement LIKE '%FROM idempotency WHERE device_id%IN%'")));
        QVERIFY2(plans.next(), "the lookup is a prepared statement of this connection");
        QCOMPARE(plans.value(0).toLongLong(), 0);
        QCOMPARE(plans.value(1).toLongLong(), 11);
        plans.finish();
        // Other statements keep PostgreSQL's own choice.
        QVERIFY(plans.exec(QStringLiteral("SHOW plan_cache_mode")));
        QVERIFY(plans.next());
        QCOMPARE(plans.value(0).toString(), QStringLiteral("auto"));
    }
};

QTEST_GUILESS_MAIN(PostgresPlansTest)
#include "tst_postgresplans.moc"
