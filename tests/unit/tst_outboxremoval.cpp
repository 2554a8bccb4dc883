// Outbox::removeAll, which removes the queued changes a push settled in one statement, against
// remove() of each in turn on two SQLite files kept alike: the same rows left after every round,
// with changes queued again under the same offline id, offline ids given twice and offline ids no
// longer queued.
#include "outbox/Outbox.h"
#include "store/LocalDatabase.h"

#include "OutboxSeqs.h"

#include <QRandomGenerator>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

using namespace fieldsync;

namespace {

protocol::Change change(int index)
{
    protocol::Change change;
    change.offlineId = QStringLiteral("00000000-0000-7000-8000-%1").arg(index, 12, 10, QLatin1Char('0'));
    change.entity = EntityKind::Permit;
    change.op = ChangeOp::Update;
    change.id = QStringLiteral("00000000-0000-7000-9000-%1").arg(index % 7, 12, 10, QLatin1Char('0'));
    change.clientVersion = index;
    change.data = QJsonObject{{QStringLiteral("title"), QStringLiteral("T%1").arg(index)}};
    return change;
}

// Every row and column of the outbox, in seq order.
QStringList rows(LocalDatabase &db)
{
    QSqlQuery query(db.connection());
    QStringList all;
    if (!query.exec(QStringLiteral("SELECT * FROM outbox ORDER BY seq")))
        return {QStringLiteral("query failed")};
    while (query.next()) {
        QStringList columns;
        for (int index = 0; index < query.record().count(); ++index)
            columns.append(query.value(index).toString());
        all.append(columns.join(QLatin1Char('|')));
    }
    return all;
}

} // namespace

class OutboxRemovalTest : public QObject
{
    Q_OBJECT

private slots:
    void removingAllLeavesWhatRemovingEachLeaves()
    {
        QTemporaryDir dir;
        Result<std::unique_ptr<LocalDatabase>> openedAll =
            LocalDatabase::open(dir.filePath(QStringLiteral("all.db")));
        Result<std::unique_ptr<LocalDatabase>> openedEach =
            LocalDatabase::open(dir.filePath(QStringLiteral("each.db")));
        QVERIFY(openedAll.ok() && openedEach.ok());
        LocalDatabase &allDb = *openedAll.value();
        LocalDatabase &eachDb = *openedEach.value();
        Outbox all(allDb);
        Outbox each(eachDb);
        QRandomGenerator random(20261207);
        constexpr int Changes = 60;
        auto enqueue = [&](int index) {
            const protocol::Change queued = change(index);
            return all.enqueue(queued, QStringLiteral("t")).ok() &&
                   each.enqueue(queued, QStringLiteral("t")).ok();
        };
        QList<int> queued;
        for (int index = 0; index < Changes; ++index) {
            QVERIFY(enqueue(index));
            queued.append(index);
        }
        for (int round = 0; round < 80; ++round) {
            QStringList offlineIds;
            for (int index = 0; index < Changes; ++index) {
                if (random.bounded(4) != 0)
                    continue;
                offlineIds.append(change(index).offlineId); // queued, or no longer
                if (random.bounded(30) == 0)
                    offlineIds.append(change(index).offlineId); // given twice
            }
            // Some settled and queued again under the same offline id since a push read them.
            for (int requeue = random.bounded(3); requeue > 0; --requeue) {
                const int index = random.bounded(Changes);
                const QString offlineId = change(index).offlineId;
                QVERIFY(each.remove(offlineId).ok() && all.remove(offlineId).ok());
                QVERIFY(enqueue(index));
            }
            QVERIFY(all.removeAll(offlineIds).ok());
            for (const QString &offlineId : std::as_const(offlineIds))
                QVERIFY(each.remove(offlineId).ok());
            QCOMPARE(rows(allDb), rows(eachDb));
            // Back to a full outbox now and then, so that most offline ids are queued.
            if (round % 4 == 3) {
                const QHash<QString, qint64> left = test::outboxSeqsByOfflineId(allDb.connection());
                for (int index = 0; index < Changes; ++index) {
                    if (!left.contains(change(index).offlineId))
                        QVERIFY(enqueue(index));
                }
                QCOMPARE(rows(allDb), rows(eachDb));
            }
        }
        QVERIFY(all.removeAll({}).ok());
        QCOMPARE(rows(allDb), rows(eachDb));
    }
};

QTEST_GUILESS_MAIN(OutboxRemovalTest)
#include "tst_outboxremoval.moc"
