// ServerDatabase, its migrations and the user/token store, on real SQLite files.

#include "auth/Authenticator.h"
#include "auth/Tokens.h"
#include "store/IdempotencyRepository.h"
#include "store/Migrations.h"
#include "store/RecordRepository.h"
#include "store/SequenceRepository.h"
#include "store/ServerDatabase.h"
#include "store/UserRepository.h"
#include "store/WriteTransaction.h"

#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace fieldsync;
using namespace fieldsync::server;

class ServerDatabaseTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path(const QString &name) const { return m_dir.filePath(name); }

    static QVariant scalar(ServerDatabase &db, const QString &sql)
    {
        Result<QSqlQuery *> query = db.run(sql);
        if (!query || !query.value()->next())
            return {};
        const QVariant value = query.value()->value(0);
        query.value()->finish();
        return value;
    }

private Q_SLOTS:
    void initTestCase()
    {
        // One info line per push and per opened database would drown the test output.
        QLoggingCategory::setFilterRules(QStringLiteral("fieldsync.server*.info=false"));
    }

    void freshFileGetsTheLatestSchemaWithDurableSettings()
    {
        ServerDatabase db;
        const Result<void> opened = db.open(path(QStringLiteral("fresh.db")));
        QVERIFY2(opened.ok(), qPrintable(opened ? QString() : opened.error().toString()));
        QCOMPARE(db.schemaVersion(), Migrations::latestVersion());
        QCOMPARE(scalar(db, QStringLiteral("SELECT version FROM schema_version")).toInt(),
                 Migrations::latestVersion());
        QCOMPARE(scalar(db, QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
        QCOMPARE(scalar(db, QStringLiteral("PRAGMA synchronous")).toInt(), 2); // FULL
        QCOMPARE(scalar(db, QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
        QVERIFY(scalar(db, QStringLiteral("PRAGMA busy_timeout")).toInt() > 0);
        // Negative: KiB. Far above SQLite's default 2 MiB, for the push path's random-key indexes.
        QVERIFY(scalar(db, QStringLiteral("PRAGMA cache_size")).toInt() <= -32 * 1024);
    }

    void reopeningDoesNotMigrateAgain()
    {
        const QString file = path(QStringLiteral("again.db"));
        {
            ServerDatabase db;
            QVERIFY(db.open(file).ok());
        }
        ServerDatabase db;
        QVERIFY(db.open(file).ok());
        QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM schema_version")).toInt(), 1);
    }

    void aNewerDatabaseIsRefusedClearly()
    {
        const QString file = path(QStringLiteral("newer.db"));
        {
            ServerDatabase db;
            QVERIFY(db.open(file).ok());
            QVERIFY(db.execute(QStringLiteral("UPDATE schema_version SET version = 999")).ok());
        }
        ServerDatabase db;
        const Result<void> opened = db.open(file);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, QStringLiteral("schema_too_new"));
        QVERIFY(opened.error().message.contains(QStringLiteral("999")));
        QVERIFY(!db.isOpen());
    }

    void aFileThatIsNotADatabaseIsAnError()
    {
        const QString file = path(QStringLiteral("text.db"));
        QFile text(file);
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write(QByteArray(4096, 'x'));
        text.close();
        ServerDatabase db;
        const Result<void> opened = db.open(file);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, QStringLiteral("database"));
    }

    void anUnreachablePostgresIsADatabaseErrorWithoutThePassword()
    {
        // Port 1 on loopback: nothing listens, the connection is refused at once.
        ServerDatabase db;
        const Result<void> opened =
            db.open(QStringLiteral("postgresql://fs:s3cret@127.0.0.1:1/fieldsync?connect_timeout=2"));
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, QStringLiteral("database"));
        QVERIFY(!opened.error().message.contains(QStringLiteral("s3cret")));
        QVERIFY(!db.open(QStringLiteral("postgresql://fs@127.0.0.1/")).ok());
    }

    void sequenceNumbersRollBackWithTheirTransaction()
    {
        ServerDatabase db;
        QVERIFY(db.open(path(QStringLiteral("sequence.db"))).ok());
        SequenceRepository sequence(db);
        {
            WriteTransaction transaction(db);
            QVERIFY(transaction.begin().ok());
            QCOMPARE(sequence.next().value(), 1);
            QCOMPARE(sequence.next().value(), 2);
            QVERIFY(transaction.commit().ok());
        }
        {
            WriteTransaction transaction(db);
            QVERIFY(transaction.begin().ok());
            QCOMPARE(sequence.next().value(), 3);
            // Destroyed without commit: rolled back.
        }
        QCOMPARE(sequence.current().value(), 2);
    }

    void directStatementsShareTheConnectionAndItsTransactions()
    {
        const QString file = path(QStringLiteral("direct.db"));
        ServerDatabase db;
        QVERIFY(db.open(file).ok());
        // Debian's QtSql driver uses the system SQLite, so the push path skips QtSql here.
        QVERIFY(db.runsSqliteDirectly());
        RecordRepository records(db);
        StoredRecord record;
        record.id = QStringLiteral("7d0c2f0e-2f43-4a4e-9a43-0d4c1f6f2b11");
        record.projectId = QStringLiteral("site-ä");
        record.version = 1;
        record.seq = 1;
        record.data = QJsonObject{{QStringLiteral("title"), QStringLiteral("Schweißarbeiten 🔥")}};
        record.updatedAt = QStringLiteral("2026-11-21T07:00:00.000Z");
        record.updatedBy = QStringLiteral("ana");
        record.deviceId = QStringLiteral("device-1");
        {
            WriteTransaction transaction(db);
            QVERIFY(transaction.begin().ok());
            QVERIFY(records.save(record).ok());
            QVERIFY(records.find(record.id).value().has_value());
            // Destroyed without commit: the direct write goes with the rollback.
        }
        QVERIFY(!records.find(record.id).value().has_value());
        {
            WriteTransaction transaction(db);
            QVERIFY(transaction.begin().ok());
            QVERIFY(records.save(record).ok());
            QVERIFY(transaction.commit().ok());
        }
        // QtSql's statements on the same connection see the row, text intact.
        QCOMPARE(scalar(db, QStringLiteral("SELECT project_id FROM records")).toString(), record.projectId);
        const std::optional<StoredRecord> found = records.find(record.id).value();
        QVERIFY(found);
        QCOMPARE(found->data, record.data);
        QCOMPARE(found->deviceId, record.deviceId);
        QCOMPARE(found->version, 1);
        QVERIFY(!found->deleted);

        // A constraint failure comes back as a database error, and the statement runs again after it.
        IdempotencyRepository idempotency(db);
        const IdempotencyRepository::StoredAnswer answer{QString(),
                                                         QByteArrayLiteral("{\"status\":\"applied\"}")};
        QVERIFY(idempotency.store(QStringLiteral("d"), QStringLiteral("o-1"), answer, record.updatedAt).ok());
        const Result<void> twice =
            idempotency.store(QStringLiteral("d"), QStringLiteral("o-1"), answer, record.updatedAt);
        QVERIFY(!twice.ok());
        QCOMPARE(twice.error().code, QStringLiteral("database"));
        QVERIFY(idempotency.store(QStringLiteral("d"), QStringLiteral("o-2"), answer, record.updatedAt).ok());
        const std::optional<IdempotencyRepository::StoredAnswer> stored =
            idempotency.find(QStringLiteral("d"), QStringLiteral("o-2")).value();
        QVERIFY(stored);
        QCOMPARE(stored->projectId, QString()); // stored as '' (NOT NULL), read back empty
        QCOMPARE(stored->answer, answer.answer);

        // Closing with statements of its own cached leaves a file that opens again.
        db.close();
        ServerDatabase again;
        QVERIFY(again.open(file).ok());
        QCOMPARE(RecordRepository(again).find(record.id).value()->data, record.data);
    }

    void tokensAreStoredOnlyAsHashes()
    {
        ServerDatabase db;
        QVERIFY(db.open(path(QStringLiteral("users.db"))).ok());
        UserRepository users(db);
        const QString token = Tokens::generate();
        QCOMPARE(token.size(), 64);
        QVERIFY(token != Tokens::generate());
        QVERIFY(users
                    .addUser(QStringLiteral("ana"), Role::Foreman,
                             {QStringLiteral("p1"), QStringLiteral("p2")}, Tokens::hash(token))
                    .ok());
        QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM users WHERE token_hash = '%1'").arg(token))
                     .toInt(),
                 0);
        QCOMPARE(scalar(db, QStringLiteral("SELECT token_hash FROM users WHERE name = 'ana'")).toString(),
                 Tokens::hash(token));
        const Result<void> again = users.addUser(QStringLiteral("ana"), Role::Pm, {QStringLiteral("p1")},
                                                 Tokens::hash(Tokens::generate()));
        QVERIFY(!again.ok());
        QCOMPARE(again.error().code, QStringLiteral("user_exists"));
    }

    void authenticatorKnowsUsersAndRefusesRevokedTokens()
    {
        ServerDatabase db;
        QVERIFY(db.open(path(QStringLiteral("auth.db"))).ok());
        UserRepository users(db);
        const QString token = Tokens::generate();
        QVERIFY(users
                    .addUser(QStringLiteral("paula"), Role::Pm, {QStringLiteral("b"), QStringLiteral("a")},
                             Tokens::hash(token))
                    .ok());
        Authenticator authenticator(db);

        const Result<AuthUser> user = authenticator.authenticate("Bearer " + token.toLatin1());
        QVERIFY(user.ok());
        QCOMPARE(user.value().name, QStringLiteral("paula"));
        QCOMPARE(user.value().role, Role::Pm);
        QCOMPARE(user.value().projects, (QStringList{QStringLiteral("a"), QStringLiteral("b")}));

        QCOMPARE(authenticator.authenticate({}).error().code, QStringLiteral("unauthorized"));
        QCOMPARE(authenticator.authenticate("Basic abc").error().code, QStringLiteral("unauthorized"));
        QCOMPARE(authenticator.authenticate("Bearer nope").error().code, QStringLiteral("unauthorized"));
        QVERIFY(users.setRevoked(QStringLiteral("paula"), true).ok());
        QCOMPARE(authenticator.authenticate("Bearer " + token.toLatin1()).error().code,
                 QStringLiteral("unauthorized"));
    }
};

QTEST_GUILESS_MAIN(ServerDatabaseTest)
#include "tst_serverdatabase.moc"
