// RecordStore's hot writes and reads on a real SQLite file: the rows they leave, the failure hook
// they answer to, and that they leave no read open behind them (LocalDatabase::write and select,
// straight through SQLite's C API where the QtSql driver shares this build's SQLite); and that a
// write told where its row is leaves the rows the write without it leaves.
#include "store/LocalDatabase.h"
#include "store/RecordStore.h"

#include <QRandomGenerator>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

using namespace fieldsync;

class RecordStoreTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    std::unique_ptr<LocalDatabase> openDatabase(const QString &name)
    {
        Result<std::unique_ptr<LocalDatabase>> opened = LocalDatabase::open(m_dir.filePath(name));
        if (!opened)
            qWarning() << opened.error().toString();
        return opened ? std::move(opened).value() : nullptr;
    }

    static LocalRecord permit(const QString &id, const QString &title)
    {
        LocalRecord record;
        record.entity = EntityKind::Permit;
        record.id = id;
        record.projectId = QStringLiteral("site-ä");
        record.version = 1;
        record.data = QJsonObject{{QStringLiteral("title"), title},
                                  {QStringLiteral("status"), QStringLiteral("draft")},
                                  {QStringLiteral("updated_at"), QStringLiteral("2026-11-21T07:00:00.000Z")}};
        record.serverVersion = 1;
        record.serverData = record.data;
        return record;
    }

    static QVariant column(LocalDatabase &db, const QString &sql)
    {
        QSqlQuery query(db.connection());
        if (!query.exec(sql) || !query.next())
            return {};
        return query.value(0);
    }

private Q_SLOTS:
    void savedRowsReadBackWhole()
    {
        const std::unique_ptr<LocalDatabase> db = openDatabase(QStringLiteral("rows.db"));
        QVERIFY(db);
        RecordStore records(*db);
        const LocalRecord record = permit(QStringLiteral("p-1"), QStringLiteral("Schweißen 🔥 \"C4\""));
        QVERIFY(records.save(record, RecordStore::Row::New).ok());
        std::optional<LocalRecord> found = records.find(record.id).value();
        QVERIFY(found);
        QCOMPARE(found->data, record.data);
        QCOMPARE(found->serverData, record.data);
        QCOMPARE(found->projectId, record.projectId);
        // The indexed columns as the lists query them; no permit_id, so parent_id is NULL.
        QCOMPARE(column(*db, QStringLiteral("SELECT title FROM records")).toString(), record.title());
        QVERIFY(column(*db, QStringLiteral("SELECT parent_id IS NULL FROM records")).toBool());
        QCOMPARE(column(*db, QStringLiteral("SELECT updated_at FROM records")).toString(),
                 QStringLiteral("2026-11-21T07:00:00.000Z"));

        // Same indexed columns: the plain UPDATE. A new title: the upsert. Both land.
        LocalRecord settled = record;
        settled.version = settled.serverVersion = 2;
        QVERIFY(records.save(settled).ok());
        QCOMPARE(records.find(record.id).value()->version, 2);
        LocalRecord renamed = settled;
        renamed.data.insert(QStringLiteral("title"), QStringLiteral("Renamed"));
        renamed.serverData = {};
        QVERIFY(records.save(renamed).ok());
        found = records.find(record.id).value();
        QCOMPARE(found->title(), QStringLiteral("Renamed"));
        QVERIFY(found->serverData.isEmpty()); // server_data NULL
        QCOMPARE(column(*db, QStringLiteral("SELECT COUNT(*) FROM records")).toInt(), 1);

        const QHash<QString, RecordStore::Head> heads =
            records.findHeads({record.id, QStringLiteral("missing")}).value();
        QCOMPARE(heads.size(), 1);
        QCOMPARE(heads.value(record.id).version, 2);
        QCOMPARE(heads.value(record.id).projectId, record.projectId);
    }

    void failuresComeFromTheHookAndLeaveTheStatementUsable()
    {
        const std::unique_ptr<LocalDatabase> db = openDatabase(QStringLiteral("failures.db"));
        QVERIFY(db);
        RecordStore records(*db);
        const qint64 next = db->operationCount() + 1;
        db->setFailurePoint([next](qint64 operation) { return operation == next; },
                            LocalDatabase::FailureKind::DiskFull);
        const Result<void> failed = records.save(permit(QStringLiteral("p-2"), QStringLiteral("A")));
        QVERIFY(!failed.ok());
        QCOMPARE(failed.error().code, QStringLiteral("store_full"));
        QVERIFY(records.save(permit(QStringLiteral("p-2"), QStringLiteral("A"))).ok());
        db->setFailurePoint([next](qint64 operation) { return operation == next + 3; });
        const Result<QHash<QString, RecordStore::Head>> unread = records.findHeads({QStringLiteral("p-2")});
        QVERIFY(!unread.ok());
        QCOMPARE(unread.error().code, QStringLiteral("store_io"));
        QCOMPARE(records.findHeads({QStringLiteral("p-2")}).value().size(), 1);
    }

    void noReadStaysOpenForAnotherProcessToTripOver()
    {
        const QString name = QStringLiteral("shared.db");
        const std::unique_ptr<LocalDatabase> device = openDatabase(name);
        const std::unique_ptr<LocalDatabase> cli = openDatabase(name);
        QVERIFY(device && cli);
        RecordStore deviceRecords(*device);
        RecordStore cliRecords(*cli);
        QVERIFY(deviceRecords.save(permit(QStringLiteral("p-3"), QStringLiteral("A"))).ok());
        QCOMPARE(deviceRecords.findHeads({QStringLiteral("p-3")}).value().size(), 1);
        // The other connection writes; the device, its last read done, sees it and writes on top.
        LocalRecord edited = permit(QStringLiteral("p-3"), QStringLiteral("A"));
        edited.version = edited.serverVersion = 5;
        QVERIFY(cliRecords.save(edited).ok());
        QCOMPARE(
            deviceRecords.findHeads({QStringLiteral("p-3")}).value().value(QStringLiteral("p-3")).version, 5);
        edited.version = edited.serverVersion = 6;
        QVERIFY(deviceRecords.save(edited).ok());
        QCOMPARE(cliRecords.find(QStringLiteral("p-3")).value()->version, 6);
    }

    // save() told where the row is against save() without it, on two files that start alike: the
    // same rows after every write, whether the rowid is right, another record's, of no row or not
    // given, and whether the indexed columns stay (the plain update) or change (the upsert).
    void rowidHintWritesWhatTheWriteWithoutItWrites()
    {
        const std::unique_ptr<LocalDatabase> hinted = openDatabase(QStringLiteral("hinted.db"));
        const std::unique_ptr<LocalDatabase> plain = openDatabase(QStringLiteral("plain.db"));
        QVERIFY(hinted && plain);
        RecordStore hintedRecords(*hinted);
        RecordStore plainRecords(*plain);
        QRandomGenerator random(20261207);
        constexpr int Records = 40;
        auto idOf = [](int index) { return QStringLiteral("r-%1").arg(index); };
        auto stateOf = [&random](const QString &id) {
            LocalRecord record = permit(id, QStringLiteral("T%1").arg(random.bounded(3)));
            record.entity = random.bounded(4) == 0 ? EntityKind::Task : EntityKind::Permit;
            record.version = random.bounded(9);
            record.deleted = random.bounded(5) == 0;
            record.data.insert(QStringLiteral("status"),
                               random.bounded(3) == 0 ? QStringLiteral("active") : QStringLiteral("draft"));
            if (random.bounded(4) == 0)
                record.data.insert(QStringLiteral("permit_id"),
                                   QStringLiteral("p-%1").arg(random.bounded(2)));
            record.data.insert(QStringLiteral("n"), int(random.bounded(1000)));
            record.serverVersion = random.bounded(9);
            record.serverDeleted = random.bounded(5) == 0;
            const int server = random.bounded(3);
            record.serverData = server == 0   ? record.data
                                : server == 1 ? QJsonObject()
                                              : QJsonObject{{QStringLiteral("n"), int(random.bounded(9))}};
            return record;
        };
        for (int index = 0; index < Records; index += 2) {
            const LocalRecord record = stateOf(idOf(index));
            QVERIFY(hintedRecords.save(record, RecordStore::Row::New).ok());
            QVERIFY(plainRecords.save(record, RecordStore::Row::New).ok());
        }
        int hintsTaken = 0;
        QHash<QString, LocalRecord> last;
        for (int round = 0; round < 600; ++round) {
            LocalRecord record = stateOf(idOf(random.bounded(Records)));
            if (last.contains(record.id) && random.bounded(3) != 0) {
                // Mostly the indexed columns stay as they are, as when a server settles an edit.
                const LocalRecord &was = last.value(record.id);
                record.entity = was.entity;
                for (const QString &key :
                     {QStringLiteral("title"), QStringLiteral("status"), QStringLiteral("permit_id")}) {
                    if (was.data.contains(key))
                        record.data.insert(key, was.data.value(key));
                    else
                        record.data.remove(key);
                }
            }
            last.insert(record.id, record);
            const qint64 own =
                column(*hinted, QStringLiteral("SELECT rowid FROM records WHERE id = '%1'").arg(record.id))
                    .toLongLong();
            const qint64 other = column(*hinted, QStringLiteral("SELECT rowid FROM records WHERE id = '%1'")
                                                     .arg(idOf(random.bounded(Records))))
                                     .toLongLong();
            const qint64 hints[] = {own, own, other, 1000 + round, 0};
            const qint64 hint = hints[random.bounded(5)];
            const qint64 before = hinted->operationCount();
            QVERIFY(hintedRecords.save(record, RecordStore::Row::MayExist, {}, hint).ok());
            QVERIFY(plainRecords.save(record).ok());
            hintsTaken += hint == own && hint > 0 && hinted->operationCount() == before + 1 ? 1 : 0;
            QCOMPARE(rows(*hinted), rows(*plain));
        }
        // The hint did its work often, so the comparison covered it.
        QVERIFY(hintsTaken > 100);
    }

private:
    // Every row and column of records, in rowid order.
    static QStringList rows(LocalDatabase &db)
    {
        QSqlQuery query(db.connection());
        QStringList all;
        if (!query.exec(QStringLiteral("SELECT rowid, * FROM records ORDER BY rowid")))
            return {QStringLiteral("query failed")};
        while (query.next()) {
            QStringList columns;
            for (int index = 0; index < query.record().count(); ++index)
                columns.append(query.isNull(index) ? QStringLiteral("<null>")
                                                   : query.value(index).toString());
            all.append(columns.join(QLatin1Char('|')));
        }
        return all;
    }
};

QTEST_GUILESS_MAIN(RecordStoreTest)
#include "tst_recordstore.moc"
