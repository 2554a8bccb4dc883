// PullService on a real SQLite file: paging by cursor, has_more, latest state once, project
// filtering, limit clamping, and that pull stays indexed on a large table.

#include "SyncTestHelpers.h"
#include "store/RecordRepository.h"
#include "store/SequenceRepository.h"
#include "store/WriteTransaction.h"
#include "sync/PullService.h"
#include "sync/PushService.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QSqlQuery>
#include <QTest>

#include <memory>

using namespace fieldsync;
using namespace fieldsync::server;
using namespace fieldsync::server::testing;

class PullServiceTest : public QObject
{
    Q_OBJECT

private:
    QStringList createTasks(const AuthUser &user, int count, const QString &project = QStringLiteral("p1"))
    {
        QList<protocol::Change> changes;
        QStringList ids;
        for (int index = 0; index < count; ++index) {
            ids.append(newId());
            changes.append(createChange(EntityKind::Task, ids.last(),
                                        {{QStringLiteral("title"), QStringLiteral("Task %1").arg(index)}},
                                        project));
        }
        const Result<protocol::PushResponse> response = m_push->push(user, pushRequest(changes));
        if (!response || response.value().applied.size() != count)
            QTest::qFail("tasks were not created", __FILE__, __LINE__);
        return ids;
    }

    protocol::PullResponse pull(const AuthUser &user, qint64 cursor, qint64 limit)
    {
        const Result<protocol::PullResponse> response = m_pull->pull(user, cursor, limit);
        if (!response) {
            QTest::qFail(qPrintable(response.error().toString()), __FILE__, __LINE__);
            return {};
        }
        return response.value();
    }

    std::unique_ptr<TempServerDatabase> m_temp;
    std::unique_ptr<PushService> m_push;
    std::unique_ptr<PullService> m_pull;

private Q_SLOTS:
    void initTestCase()
    {
        // One info line per push and per opened database would drown the test output.
        QLoggingCategory::setFilterRules(QStringLiteral("fieldsync.server*.info=false"));
    }

    void init()
    {
        m_temp = std::make_unique<TempServerDatabase>();
        QVERIFY(m_temp->open().ok());
        m_push = std::make_unique<PushService>(m_temp->db());
        m_pull = std::make_unique<PullService>(m_temp->db());
    }

    void cleanup()
    {
        m_pull.reset();
        m_push.reset();
        m_temp.reset();
    }

    void pagesInChangeOrderUntilNothingIsLeft()
    {
        const QStringList ids = createTasks(foreman(), 25);
        QStringList seen;
        qint64 cursor = 0;
        const QList<int> expectedSizes{10, 10, 5};
        for (int page = 0; page < expectedSizes.size(); ++page) {
            const protocol::PullResponse response = pull(foreman(), cursor, 10);
            QCOMPARE(response.changes.size(), expectedSizes[page]);
            QCOMPARE(response.hasMore, page < 2);
            for (const protocol::PulledRecord &record : response.changes) {
                seen.append(record.id);
                QCOMPARE(record.entity, EntityKind::Task);
                QCOMPARE(record.data.value(QStringLiteral("project_id")).toString(), QStringLiteral("p1"));
            }
            QVERIFY(response.cursor > cursor);
            cursor = response.cursor;
        }
        QCOMPARE(seen, ids);
        QCOMPARE(cursor, 25);
        const protocol::PullResponse empty = pull(foreman(), cursor, 10);
        QVERIFY(empty.changes.isEmpty());
        QVERIFY(!empty.hasMore);
        QCOMPARE(empty.cursor, cursor);
    }

    void aChangedRecordComesOnceInItsLatestState()
    {
        const QStringList ids = createTasks(foreman(), 3);
        const Result<protocol::PushResponse> updated = m_push->push(
            foreman(), pushRequest({updateChange(EntityKind::Task, ids[0], 1, {},
                                                 {{QStringLiteral("title"), QStringLiteral("Changed")}}),
                                    deleteChange(EntityKind::Task, ids[1], 1)}));
        QVERIFY(updated.ok());
        const protocol::PullResponse response = pull(foreman(), 0, 100);
        QCOMPARE(response.changes.size(), 3);
        QCOMPARE(response.changes.at(0).id, ids[2]);
        QCOMPARE(response.changes.at(1).id, ids[0]);
        QCOMPARE(response.changes.at(1).version, 2);
        QCOMPARE(response.changes.at(1).data.value(QStringLiteral("title")).toString(),
                 QStringLiteral("Changed"));
        QCOMPARE(response.changes.at(2).id, ids[1]);
        QVERIFY(response.changes.at(2).deleted);
        QCOMPARE(response.cursor, 5);
        // From the old cursor only what changed after it.
        const protocol::PullResponse after = pull(foreman(), 3, 100);
        QCOMPARE(after.changes.size(), 2);
    }

    void onlyTheCallersProjectsArePulled()
    {
        createTasks(foreman({QStringLiteral("p1")}), 4, QStringLiteral("p1"));
        createTasks(foreman({QStringLiteral("p2")}), 3, QStringLiteral("p2"));
        createTasks(foreman({QStringLiteral("p3")}), 2, QStringLiteral("p3"));
        QCOMPARE(pull(foreman({QStringLiteral("p1")}), 0, 100).changes.size(), 4);
        QCOMPARE(pull(foreman({QStringLiteral("p2")}), 0, 100).changes.size(), 3);
        const protocol::PullResponse both = pull(pm({QStringLiteral("p1"), QStringLiteral("p3")}), 0, 100);
        QCOMPARE(both.changes.size(), 6);
        for (const protocol::PulledRecord &record : both.changes)
            QVERIFY(record.data.value(QStringLiteral("project_id")).toString() != QStringLiteral("p2"));
        QVERIFY(pull(foreman({}), 0, 100).changes.isEmpty());
    }

    void pagesMergeInterleavedProjectsInOrder()
    {
        for (int round = 0; round < 5; ++round) {
            createTasks(foreman({QStringLiteral("p1")}), 2, QStringLiteral("p1"));
            createTasks(foreman({QStringLiteral("p2")}), 1, QStringLiteral("p2"));
        }
        const AuthUser both = pm({QStringLiteral("p1"), QStringLiteral("p2")});
        qint64 cursor = 0;
        qint64 lastSeq = 0;
        int total = 0;
        bool more = true;
        while (more) {
            const protocol::PullResponse page = pull(both, cursor, 4);
            QVERIFY(page.changes.size() <= 4);
            total += int(page.changes.size());
            QVERIFY(page.cursor > lastSeq || page.changes.isEmpty());
            lastSeq = page.cursor;
            cursor = page.cursor;
            more = page.hasMore;
        }
        QCOMPARE(total, 15);
        QCOMPARE(cursor, 15);
    }

    void limitIsClamped()
    {
        QCOMPARE(PullService::clampLimit(0), 1);
        QCOMPARE(PullService::clampLimit(-5), 1);
        QCOMPARE(PullService::clampLimit(500), 500);
        QCOMPARE(PullService::clampLimit(5000), 1000);
        createTasks(foreman(), 1005);
        const protocol::PullResponse big = pull(foreman(), 0, 5000);
        QCOMPARE(big.changes.size(), 1000);
        QVERIFY(big.hasMore);
        const protocol::PullResponse tiny = pull(foreman(), 0, 0);
        QCOMPARE(tiny.changes.size(), 1);
    }

    void negativeCursorIsAnError() { QVERIFY(!m_pull->pull(foreman(), -1, 10).ok()); }

    void pullUsesTheProjectSequenceIndex()
    {
        // The repository's query, as SQLite plans it.
        Result<QSqlQuery *> explained = m_temp->db().run(
            QStringLiteral("EXPLAIN QUERY PLAN SELECT id, entity, version, deleted, data, seq FROM records "
                           "WHERE project_id = ? AND seq > ? AND seq <= ? ORDER BY seq LIMIT ?"),
            {QStringLiteral("p1"), 0, 100, 10});
        QVERIFY(explained.ok());
        QString text;
        while (explained.value()->next())
            text += explained.value()->value(3).toString() + QLatin1Char('\n');
        explained.value()->finish();
        QVERIFY2(text.contains(QStringLiteral("records_project_seq")), qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("TEMP B-TREE")), qPrintable(text));
    }

    void pullStaysFastOnAHundredThousandRecords()
    {
        // Written straight through the repository: this measures pull, not push.
        RecordRepository records(m_temp->db());
        SequenceRepository sequence(m_temp->db());
        {
            WriteTransaction transaction(m_temp->db());
            QVERIFY(transaction.begin().ok());
            for (int index = 0; index < 100000; ++index) {
                const Result<qint64> seq = sequence.next();
                QVERIFY(seq.ok());
                StoredRecord record;
                record.id = newId();
                record.entity = EntityKind::Task;
                record.projectId =
                    index % 10 == 0 ? QStringLiteral("p1") : QStringLiteral("p%1").arg(2 + index % 7);
                record.version = 1;
                record.seq = seq.value();
                record.data = QJsonObject{{QStringLiteral("title"), QStringLiteral("Task %1").arg(index)},
                                          {QStringLiteral("project_id"), record.projectId}};
                record.updatedAt = QStringLiteral("2026-11-21T10:30:00Z");
                record.updatedBy = QStringLiteral("fiona");
                record.deviceId = QStringLiteral("bulk");
                QVERIFY(records.save(record).ok());
            }
            QVERIFY(transaction.commit().ok());
        }
        QElapsedTimer timer;
        timer.start();
        const protocol::PullResponse first = pull(foreman(), 0, 500);
        const protocol::PullResponse middle = pull(foreman(), 60000, 500);
        const protocol::PullResponse several =
            pull(pm({QStringLiteral("p1"), QStringLiteral("p2"), QStringLiteral("p3")}), 50000, 1000);
        const qint64 elapsed = timer.elapsed();
        qInfo("three pulls over 100000 records in %lld ms", elapsed);
        QCOMPARE(first.changes.size(), 500);
        QVERIFY(first.hasMore);
        QCOMPARE(middle.changes.size(), 500);
        QCOMPARE(several.changes.size(), 1000);
        QVERIFY2(elapsed < 2000, "pull must be index-bound, not a scan");
    }
};

QTEST_GUILESS_MAIN(PullServiceTest)
#include "tst_pullservice.moc"
