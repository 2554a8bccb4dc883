// RecordRepository batching its rows (as a push does) leaves the records table as saving each row
// at once does, and every read in between answers the same: random runs of new rows and of
// overwrites (the same id twice in one batch too), reads of every kind among them, flushes, and
// batches that are dropped.

#include "BatchTestSupport.h"
#include "store/RecordRepository.h"
#include "store/WriteTransaction.h"

#include <QJsonDocument>
#include <QTest>

using namespace fieldsync;
using namespace fieldsync::server;
using namespace fieldsync::server::testing;
using namespace Qt::StringLiterals;

namespace {

// Few enough that a batch of rows often has one id twice, and most are written many times.
const QStringList Ids = recordIds(300);

QList<QVariantList> recordRows(ServerDatabase &db)
{
    return tableRows(db, u"records"_s, u"id"_s);
}

QString recordText(const StoredRecord &record)
{
    return u"%1|%2|%3|%4|%5|%6|%7|%8|%9|"_s.arg(record.id)
               .arg(int(record.entity))
               .arg(record.projectId)
               .arg(record.version)
               .arg(record.deleted)
               .arg(record.seq)
               .arg(record.updatedAt, record.updatedBy, record.deviceId) +
           QString::fromUtf8(QJsonDocument(record.data).toJson(QJsonDocument::Compact)) +
           QString::fromUtf8(record.encodedData);
}

QString foundText(const Result<std::optional<StoredRecord>> &found)
{
    if (!found)
        return u"error "_s + found.error().toString();
    return found.value() ? recordText(*found.value()) : u"none"_s;
}

QString changedText(const Result<QList<StoredRecord>> &changed)
{
    if (!changed)
        return u"error "_s + changed.error().toString();
    QString text;
    for (const StoredRecord &record : changed.value())
        text += recordText(record) + u"\n"_s;
    return text;
}

} // namespace

class RecordBatchTest : public QObject
{
    Q_OBJECT

private slots:
    void batchedRowsAreTheRowsSavedAtOnce()
    {
        TestDatabase atOnceDb;
        TestDatabase batchedDb;
        QVERIFY(atOnceDb.open().ok());
        QVERIFY(batchedDb.open().ok());
        RecordRepository atOnce(atOnceDb.db());
        RecordRepository batched(batchedDb.db());
        WriteTransaction atOnceTransaction(atOnceDb.db());
        WriteTransaction batchedTransaction(batchedDb.db());
        QVERIFY(atOnceTransaction.begin().ok());
        QVERIFY(batchedTransaction.begin().ok());

        QRandomGenerator random(20261207);
        qint64 seq = 0;
        int reads = 0;
        for (int round = 0; round < 200; ++round) {
            batched.startBatching();
            const bool dropped = random.bounded(10) == 0;
            // Long runs read seldom, so that whole chunks of rows are kept and written at once.
            const bool longRun = !dropped && random.bounded(3) == 0;
            const int steps = longRun ? 60 + random.bounded(120) : random.bounded(30);
            QSet<QString> keptIds;
            for (int step = 0; step < steps; ++step) {
                const int what = random.bounded(longRun ? 300 : 20);
                const QString id = Ids.at(random.bounded(int(Ids.size())));
                if (what == 0 && !dropped) {
                    ++reads;
                    QCOMPARE(foundText(batched.find(id)), foundText(atOnce.find(id)));
                } else if (what == 1 && !dropped) {
                    ++reads;
                    QStringList ids;
                    for (int index = random.bounded(120); index > 0; --index)
                        ids.append(Ids.at(random.bounded(int(Ids.size()))));
                    ids.append(id);
                    const Result<QSet<QString>> expected = atOnce.existing(ids);
                    const Result<QSet<QString>> found = batched.existing(ids);
                    QVERIFY(expected.ok() && found.ok());
                    QCOMPARE(found.value(), expected.value());
                } else if (what == 2 && !dropped) {
                    ++reads;
                    const QString project = random.bounded(2) == 0 ? u"p1"_s : u"p2"_s;
                    const qint64 cursor = seq > 0 ? random.bounded(seq) : 0;
                    const int limit = 1 + random.bounded(40);
                    const bool decode = random.bounded(2) == 0;
                    QCOMPARE(changedText(batched.changedSince(project, cursor, seq, limit, decode)),
                             changedText(atOnce.changedSince(project, cursor, seq, limit, decode)));
                } else {
                    StoredRecord record = randomRecord(random, ++seq, Ids);
                    // A dropped batch writes nothing: a row of an id already kept would write them.
                    while (dropped && keptIds.contains(record.id))
                        record.id = Ids.at(random.bounded(int(Ids.size())));
                    keptIds.insert(record.id);
                    const QByteArray encoded =
                        random.bounded(2) == 0 ? QByteArray()
                                               : QJsonDocument(record.data).toJson(QJsonDocument::Compact);
                    const Result<void> saved = batched.save(record, encoded);
                    QVERIFY2(saved.ok(), qPrintable(saved ? QString() : saved.error().toString().right(300)));
                    if (!dropped)
                        QVERIFY(atOnce.save(record, encoded).ok());
                }
                if (QTest::currentTestFailed())
                    return;
            }
            if (dropped) {
                // Fewer rows than a chunk, each id once: none was written, and none is after the drop.
                batched.dropBatch();
            } else {
                QVERIFY(batched.flush().ok());
            }
            if (round % 25 == 24)
                QCOMPARE(recordRows(batchedDb.db()), recordRows(atOnceDb.db()));
        }
        QCOMPARE(recordRows(batchedDb.db()), recordRows(atOnceDb.db()));
        QVERIFY(reads > 300);
        QVERIFY(seq > 2000);
        QVERIFY(atOnceTransaction.commit().ok());
        QVERIFY(batchedTransaction.commit().ok());
    }

    // Not batching, each row is written at once, as before batching existed.
    void withoutBatchingEachRowGoesInAtOnce()
    {
        TestDatabase temp;
        QVERIFY(temp.open().ok());
        RecordRepository records(temp.db());
        QRandomGenerator random(7);
        StoredRecord first = randomRecord(random, 1, Ids);
        first.id = u"a"_s;
        QVERIFY(records.save(first).ok());
        QCOMPARE(recordRows(temp.db()).size(), 1);
        records.startBatching();
        StoredRecord second = randomRecord(random, 2, Ids);
        second.id = u"b"_s;
        QVERIFY(records.save(second).ok());
        QCOMPARE(recordRows(temp.db()).size(), 1);
        QVERIFY(records.flush().ok());
        QCOMPARE(recordRows(temp.db()).size(), 2);
        StoredRecord third = randomRecord(random, 3, Ids);
        third.id = u"c"_s;
        QVERIFY(records.save(third).ok());
        QCOMPARE(recordRows(temp.db()).size(), 3);
    }
};

QTEST_GUILESS_MAIN(RecordBatchTest)
#include "tst_recordbatch.moc"
