// AuditRepository batching its rows (as a push does) writes the trail that writing each row at
// once writes, and every read of the trail in between answers the same: random runs of rows of
// all shapes, reads of every kind among them, flushes, and batches that are dropped.

#include "BatchTestSupport.h"
#include "store/AuditRepository.h"
#include "store/WriteTransaction.h"

#include <QJsonDocument>
#include <QTest>

using namespace fieldsync;
using namespace fieldsync::server;
using namespace fieldsync::server::testing;
using namespace Qt::StringLiterals;

namespace {

// Enough records that each has a short trail to read back, few enough that they have one.
const QStringList Ids = recordIds(40);
const QStringList Statuses{u"draft"_s, u"submitted"_s, u"approved"_s, u"active"_s};
const QStringList Devices{u"device-a"_s, u"device-b"_s};

QList<QVariantList> auditRows(ServerDatabase &db)
{
    return tableRows(db, u"audit"_s, u"seq"_s);
}

QString entriesText(const Result<QList<AuditRepository::Entry>> &entries)
{
    if (!entries)
        return u"error "_s + entries.error().toString();
    QString text;
    for (const AuditRepository::Entry &entry : entries.value()) {
        text += u"%1|%2|%3|%4|%5|%6|%7|%8\n"_s.arg(entry.seq).arg(
            entry.recordId, entry.user, entry.deviceId, entry.at, entry.clientTime,
            QString::fromUtf8(QJsonDocument(entry.before).toJson()),
            QString::fromUtf8(QJsonDocument(entry.after).toJson()));
    }
    return text;
}

} // namespace

class AuditBatchTest : public QObject
{
    Q_OBJECT

private slots:
    void batchedRowsAreTheRowsWrittenAtOnce()
    {
        TestDatabase atOnceDb;
        TestDatabase batchedDb;
        QVERIFY(atOnceDb.open().ok());
        QVERIFY(batchedDb.open().ok());
        AuditRepository atOnce(atOnceDb.db());
        AuditRepository batched(batchedDb.db());
        WriteTransaction atOnceTransaction(atOnceDb.db());
        WriteTransaction batchedTransaction(batchedDb.db());
        QVERIFY(atOnceTransaction.begin().ok());
        QVERIFY(batchedTransaction.begin().ok());

        QRandomGenerator random(20261207);
        qint64 seq = 0;
        int reads = 0;
        for (int round = 0; round < 200; ++round) {
            batched.startBatching();
            // Runs long enough for whole chunks of rows, and short ones.
            const bool dropped = random.bounded(10) == 0;
            // Long runs read seldom, so that whole chunks of rows are kept and written at once.
            const bool longRun = !dropped && random.bounded(3) == 0;
            const int steps = longRun ? 60 + random.bounded(120) : random.bounded(30);
            for (int step = 0; step < steps; ++step) {
                const int what = random.bounded(longRun ? 300 : 20);
                const QString id = Ids.at(random.bounded(int(Ids.size())));
                if (what == 0 && !dropped) {
                    ++reads;
                    QCOMPARE(entriesText(batched.entriesFor(id)), entriesText(atOnce.entriesFor(id)));
                } else if (what == 1 && !dropped && seq > 0) {
                    ++reads;
                    const qint64 at = 1 + random.bounded(seq);
                    const Result<std::optional<QByteArray>> expected = atOnce.afterDataAt(id, at);
                    const Result<std::optional<QByteArray>> found = batched.afterDataAt(id, at);
                    QVERIFY(expected.ok() && found.ok());
                    QCOMPARE(found.value(), expected.value());
                } else if (what == 2 && !dropped) {
                    ++reads;
                    const QString status = Statuses.at(random.bounded(int(Statuses.size())));
                    const Result<QStringList> expected = atOnce.whoBroughtItTo(id, status);
                    const Result<QStringList> found = batched.whoBroughtItTo(id, status);
                    QVERIFY(expected.ok() && found.ok());
                    QCOMPARE(found.value(), expected.value());
                } else if (what == 3 && !dropped) {
                    ++reads;
                    const qint64 since = random.bounded(6);
                    const QString device = Devices.at(random.bounded(int(Devices.size())));
                    const Result<bool> expected = atOnce.changedByOthersSince(id, since, device);
                    const Result<bool> found = batched.changedByOthersSince(id, since, device);
                    QVERIFY(expected.ok() && found.ok());
                    QCOMPARE(found.value(), expected.value());
                } else {
                    const StoredRecord record = randomRecord(random, ++seq, Ids);
                    const QJsonObject before = random.bounded(3) == 0 ? QJsonObject() : randomState(random);
                    const QString clientTime = random.bounded(3) == 0 ? QString() : u"2026-11-21T09:00:00Z"_s;
                    const QByteArray encoded =
                        random.bounded(2) == 0 ? QByteArray()
                                               : QJsonDocument(record.data).toJson(QJsonDocument::Compact);
                    QVERIFY(batched.record(record, before, clientTime, encoded).ok());
                    if (!dropped)
                        QVERIFY(atOnce.record(record, before, clientTime, encoded).ok());
                }
                if (QTest::currentTestFailed())
                    return;
            }
            if (dropped) {
                // Fewer rows than a chunk: none was written, and none is after the drop.
                batched.dropBatch();
            } else {
                QVERIFY(batched.flush().ok());
            }
            if (round % 25 == 24)
                QCOMPARE(auditRows(batchedDb.db()), auditRows(atOnceDb.db()));
        }
        QCOMPARE(auditRows(batchedDb.db()), auditRows(atOnceDb.db()));
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
        AuditRepository audit(temp.db());
        QRandomGenerator random(7);
        QVERIFY(audit.record(randomRecord(random, 1, Ids), {}, {}).ok());
        QCOMPARE(auditRows(temp.db()).size(), 1);
        audit.startBatching();
        QVERIFY(audit.record(randomRecord(random, 2, Ids), {}, {}).ok());
        QCOMPARE(auditRows(temp.db()).size(), 1);
        QVERIFY(audit.flush().ok());
        QCOMPARE(auditRows(temp.db()).size(), 2);
        QVERIFY(audit.record(randomRecord(random, 3, Ids), {}, {}).ok());
        QCOMPARE(auditRows(temp.db()).size(), 3);
    }
};

QTEST_GUILESS_MAIN(AuditBatchTest)
#include "tst_auditbatch.moc"
