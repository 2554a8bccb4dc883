// Moving a company from its SQLite file to PostgreSQL with `fieldsync-server copy-db`: the real
// server runs on SQLite, is stopped, copied, and started again on PostgreSQL; tokens, records, pull
// cursors, idempotency answers and the audit trail all carry over, and a second copy into the same
// database is refused without touching it.
#include "PostgresCluster.h"
#include "ServerProcess.h"
#include "TestHttpClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QUuid>

using namespace fieldsync;
using namespace fieldsync::test;

namespace {

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QByteArray taskPush(const QString &recordId, const QString &title, const QString &offlineId)
{
    const QJsonObject change{
        {QStringLiteral("offline_id"), offlineId},
        {QStringLiteral("entity"), QStringLiteral("task")},
        {QStringLiteral("op"), QStringLiteral("create")},
        {QStringLiteral("id"), recordId},
        {QStringLiteral("client_version"), 0},
        {QStringLiteral("data"), QJsonObject{{QStringLiteral("title"), title},
                                             {QStringLiteral("project_id"), QStringLiteral("p1")}}}};
    return QJsonDocument(QJsonObject{{QStringLiteral("device_id"), QStringLiteral("tablet-1")},
                                     {QStringLiteral("changes"), QJsonArray{change}}})
        .toJson(QJsonDocument::Compact);
}

QJsonObject pullAll(TestHttpClient &http)
{
    return http.get(QStringLiteral("/api/v1/sync/pull?cursor=0&limit=1000")).json();
}

} // namespace

class CopyDatabaseTest : public QObject
{
    Q_OBJECT

private:
    QString m_postgresUrl;

private Q_SLOTS:
    void initTestCase()
    {
        const Result<QString> url = PostgresCluster::newSharedDatabase();
        QVERIFY2(url.ok(), qPrintable(url ? QString() : url.error().toString()));
        m_postgresUrl = url.value();
    }

    void aCompanyMovesFromSqliteToPostgresqlWithNothingLost()
    {
        ServerProcess onSqlite;
        onSqlite.setDatabase(onSqlite.dataDir() + QStringLiteral("/company.db"));
        QVERIFY2(onSqlite.start().ok(), qPrintable(onSqlite.logs()));
        const Result<QString> token =
            onSqlite.addUser(QStringLiteral("ana"), QStringLiteral("pm"), {QStringLiteral("p1")});
        QVERIFY(token.ok());
        TestHttpClient before(onSqlite.url(), token.value());
        const QString recordId = newId();
        const QString offlineId = newId();
        const QByteArray firstPush = taskPush(recordId, QStringLiteral("Scaffold inspection"), offlineId);
        const QJsonObject firstAnswer = before.post(QStringLiteral("/api/v1/sync/push"), firstPush).json();
        QCOMPARE(firstAnswer.value(QStringLiteral("applied")).toArray().size(), 1);
        for (int index = 0; index < 5; ++index) {
            QCOMPARE(before
                         .post(QStringLiteral("/api/v1/sync/push"),
                               taskPush(newId(), QStringLiteral("Task %1").arg(index), newId()))
                         .status,
                     200);
        }
        const QJsonObject pulledBefore = pullAll(before);
        QCOMPARE(pulledBefore.value(QStringLiteral("changes")).toArray().size(), 6);
        const QJsonObject auditBefore =
            before.get(QStringLiteral("/api/v1/audit?record=%1").arg(recordId)).json();
        QVERIFY(!auditBefore.isEmpty());
        QVERIFY(onSqlite.stop().ok());

        ServerProcess copier;
        copier.setDatabase(m_postgresUrl);
        const ServerProcess::CommandResult copied =
            copier.runCommand({QStringLiteral("copy-db"), QStringLiteral("--from"), onSqlite.databasePath()});
        QVERIFY2(copied.exitCode == 0, qPrintable(copied.err));
        QVERIFY2(copied.out.contains(QLatin1String("records: 6 rows")), qPrintable(copied.out));
        QVERIFY2(copied.out.contains(QLatin1String("users: 1 rows")), qPrintable(copied.out));

        ServerProcess onPostgres;
        onPostgres.setDatabase(m_postgresUrl);
        // As README's steps say: the SQLite server's default folder, named explicitly.
        onPostgres.setAttachmentsDir(onSqlite.databasePath() + QStringLiteral(".attachments"));
        QVERIFY2(onPostgres.start().ok(), qPrintable(onPostgres.logs()));
        TestHttpClient after(onPostgres.url(), token.value()); // the same token still signs in
        QCOMPARE(after.get(QStringLiteral("/api/v1/me")).status, 200);
        const QJsonObject pulledAfter = pullAll(after);
        QCOMPARE(pulledAfter.value(QStringLiteral("changes")), pulledBefore.value(QStringLiteral("changes")));
        QCOMPARE(pulledAfter.value(QStringLiteral("cursor")), pulledBefore.value(QStringLiteral("cursor")));
        QCOMPARE(after.get(QStringLiteral("/api/v1/audit?record=%1").arg(recordId)).json(), auditBefore);

        // A device whose answer was lost before the move retries: answered from the copied
        // idempotency record, nothing applied twice.
        const QJsonObject replayed = after.post(QStringLiteral("/api/v1/sync/push"), firstPush).json();
        QCOMPARE(replayed.value(QStringLiteral("applied")), firstAnswer.value(QStringLiteral("applied")));
        QCOMPARE(pullAll(after).value(QStringLiteral("changes")).toArray().size(), 6);

        // New writes continue the sequence, so a device's old cursor still sees them.
        const qint64 oldCursor = pulledBefore.value(QStringLiteral("cursor")).toInteger();
        QCOMPARE(after
                     .post(QStringLiteral("/api/v1/sync/push"),
                           taskPush(newId(), QStringLiteral("After the move"), newId()))
                     .status,
                 200);
        const QJsonObject since =
            after.get(QStringLiteral("/api/v1/sync/pull?cursor=%1&limit=1000").arg(oldCursor)).json();
        QCOMPARE(since.value(QStringLiteral("changes")).toArray().size(), 1);
        QVERIFY(since.value(QStringLiteral("cursor")).toInteger() > oldCursor);
        QVERIFY(onPostgres.stop().ok());

        // Copying again would merge two histories: refused, and the target is left as it was.
        const ServerProcess::CommandResult again =
            copier.runCommand({QStringLiteral("copy-db"), QStringLiteral("--from"), onSqlite.databasePath()});
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains(QLatin1String("target_not_empty")), qPrintable(again.err));
        QVERIFY2(onPostgres.restart().ok(), qPrintable(onPostgres.logs()));
        TestHttpClient untouched(onPostgres.url(), token.value());
        QCOMPARE(pullAll(untouched).value(QStringLiteral("changes")).toArray().size(), 7);
    }

    void mistakesAreRefusedWithAReason()
    {
        ServerProcess copier;
        copier.setDatabase(m_postgresUrl);
        const ServerProcess::CommandResult missing =
            copier.runCommand({QStringLiteral("copy-db"), QStringLiteral("--from"),
                               copier.dataDir() + QStringLiteral("/nothing.db")});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.err.contains(QLatin1String("no SQLite database")), qPrintable(missing.err));
        const ServerProcess::CommandResult usage = copier.runCommand({QStringLiteral("copy-db")});
        QCOMPARE(usage.exitCode, 2);
        QVERIFY2(usage.err.contains(QLatin1String("--from")), qPrintable(usage.err));
    }
};

QTEST_GUILESS_MAIN(CopyDatabaseTest)
#include "tst_copydatabase.moc"
