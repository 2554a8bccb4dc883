// DeviceStore::standingOf against the statement and row reading it had before its fast paths (a
// run of seqs tested as a range, the ids of the answer shared instead of converted, a page's
// entity and project converted once): on a real SQLite file with records, queued changes,
// conflicts and rejections in varied combinations, for runs of seqs, gapped lists and none, and
// for ids that read back as themselves and ids that do not (non-ASCII, NUL, lone surrogates).
#include "store/DeviceStore.h"
#include "store/JsonText.h"

#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include "StoreTestRows.h"

#include <optional>

using namespace fieldsync;

namespace {

using Standings = QHash<QString, DeviceStore::RecordStanding>;

// The statement standingOf() ran before, read as it read it.
std::optional<Standings> standingAsBefore(LocalDatabase &db, const QStringList &recordIds,
                                          const QStringList &exceptOfflineIds,
                                          const QList<qint64> &exceptSeqs)
{
    QByteArray seqs("[");
    for (qsizetype index = 0; index < exceptSeqs.size(); ++index) {
        if (index > 0)
            seqs.append(',');
        seqs.append(QByteArray::number(exceptSeqs.at(index)));
    }
    seqs.append(']');
    Standings standings;
    const Result<void> read = db.select(
        QStringLiteral(
            "SELECT ids.value, records.id IS NOT NULL, records.entity, records.project_id, records.version,"
            " records.server_version, records.rowid,"
            " EXISTS(SELECT 1 FROM outbox WHERE outbox.record_id = ids.value"
            "        AND outbox.seq NOT IN (SELECT value FROM json_each(?3))"
            "        AND outbox.offline_id NOT IN (SELECT value FROM json_each(?2)))"
            " OR CASE WHEN (SELECT EXISTS(SELECT 1 FROM conflicts) OR EXISTS(SELECT 1 FROM rejected))"
            "   THEN EXISTS(SELECT 1 FROM conflicts WHERE conflicts.record_id = ids.value)"
            "     OR EXISTS(SELECT 1 FROM rejected WHERE rejected.record_id = ids.value) ELSE 0 END"
            " FROM json_each(?1) AS ids LEFT JOIN records ON records.id = ids.value"),
        {jsonUtf8Array(recordIds), jsonUtf8Array(exceptOfflineIds), seqs}, [&standings](const SqlRow &row) {
            DeviceStore::RecordStanding standing;
            if (row.integer(1) != 0) {
                const EntitySchema *schema = EntitySchema::byWireName(row.text(2));
                standing.head = RecordStore::Head{schema ? schema->kind : EntityKind::Permit, row.text(3),
                                                  row.integer(4), row.integer(5), row.integer(6)};
            }
            standing.unsettled = row.integer(7) != 0;
            standings.insert(row.text(0), standing);
        });
    if (!read) {
        qWarning() << "the old statement failed:" << read.error().toString();
        return std::nullopt;
    }
    return standings;
}

// Empty when both say the same of every record, else what differs.
QString differences(const Standings &expected, const Standings &actual)
{
    if (expected.size() != actual.size())
        return QStringLiteral("%1 records, not %2").arg(actual.size()).arg(expected.size());
    for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
        const auto found = actual.constFind(it.key());
        if (found == actual.cend())
            return QStringLiteral("no standing of %1").arg(it.key());
        // The key as stored, not only as compared: the same characters, the same null-ness.
        if (found.key().isNull() != it.key().isNull() || found.key().size() != it.key().size())
            return QStringLiteral("the key of %1 differs").arg(it.key());
        const DeviceStore::RecordStanding &want = it.value();
        const DeviceStore::RecordStanding &got = found.value();
        if (want.unsettled != got.unsettled)
            return QStringLiteral("%1 unsettled: %2, not %3")
                .arg(it.key())
                .arg(got.unsettled)
                .arg(want.unsettled);
        if (want.head.has_value() != got.head.has_value())
            return QStringLiteral("%1 has a head: %2, not %3")
                .arg(it.key())
                .arg(got.head.has_value())
                .arg(want.head.has_value());
        if (want.head &&
            (want.head->entity != got.head->entity || want.head->projectId != got.head->projectId ||
             want.head->projectId.isNull() != got.head->projectId.isNull() ||
             want.head->version != got.head->version || want.head->serverVersion != got.head->serverVersion ||
             want.head->rowid != got.head->rowid))
            return QStringLiteral("the head of %1 differs").arg(it.key());
    }
    return {};
}

bool exec(QSqlQuery &query, const QString &sql, const QVariantList &values)
{
    return test::execSql(query, sql, values);
}

// Ids as a sync meets them (ASCII UUIDs) and ids that do not read back from json_each as they
// went in, or read back only through a conversion: the shared key must be taken for none of them.
QString recordId(int index)
{
    switch (index % 23) {
    case 3:
        return QStringLiteral("perm\u00e9t-%1").arg(index);
    case 5:
        return QStringLiteral("emoji-\U0001F600-%1").arg(index);
    case 7:
        return QStringLiteral("nul-") + QChar(0) + QString::number(index);
    case 11:
        return QStringLiteral("lone-") + QChar(0xD800) + QString::number(index);
    case 13:
        return QStringLiteral("quote\"and\\slash-%1").arg(index);
    case 17:
        return QStringLiteral("ctl\t\n-%1").arg(index);
    case 19:
        return index % 2 == 0 ? QString() : QStringLiteral("");
    default:
        return QStringLiteral("00000000-0000-7000-9000-%1").arg(index, 12, 10, QLatin1Char('0'));
    }
}

// As a NOT NULL column holds it: a null id is stored as the empty one.
QString storedId(int index)
{
    const QString id = recordId(index);
    return id.isNull() ? QStringLiteral("") : id;
}

} // namespace

class StandingFastPathTest : public QObject
{
    Q_OBJECT

private slots:
    void agreesWithTheStatementBefore()
    {
        QTemporaryDir dir;
        Result<std::unique_ptr<DeviceStore>> opened = DeviceStore::open(dir.path());
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().toString()));
        DeviceStore &store = *opened.value();
        QRandomGenerator random(20261208);
        constexpr int Records = 120;
        const QStringList entities{QStringLiteral("permit"), QStringLiteral("task"), QStringLiteral("gizmo"),
                                   QStringLiteral("")};
        QSqlQuery query(store.database().connection());
        // Queued changes in seq order, each with its offline id and record, as a push batch reads them.
        struct Queued
        {
            qint64 seq;
            QString offlineId;
        };
        QList<Queued> queued;
        for (int index = 0; index < Records; ++index) {
            if (random.bounded(10) < 7) {
                // Projects and entities repeat in runs, as a page's do, and change now and then.
                QVERIFY(
                    exec(query,
                         QStringLiteral("INSERT OR IGNORE INTO records(id, entity, project_id, version, data,"
                                        " server_version) VALUES(?,?,?,?,'{}',?)"),
                         {recordId(index), entities.at(random.bounded(8) == 0 ? random.bounded(4) : 0),
                          random.bounded(6) == 0 ? QStringLiteral("proj\u00e9ct-%1").arg(index % 3)
                                                 : QStringLiteral("project-1"),
                          random.bounded(5), random.bounded(5)}));
            }
        }
        // Queued in several rounds, so that a record's changes are apart in the queue.
        for (int round = 0; round < 3; ++round) {
            for (int index = 0; index < Records; ++index) {
                if (random.bounded(3) != 0)
                    continue;
                const QString offline = QStringLiteral("off-%1-%2").arg(round).arg(index);
                QVERIFY(exec(
                    query,
                    QStringLiteral("INSERT INTO outbox(offline_id, entity, op, record_id, client_version,"
                                   " base, data, created_at) VALUES(?,'permit','update',?,1,'{}','{}','t')"),
                    {offline, storedId(index)}));
                queued.append({query.lastInsertId().toLongLong(), offline});
            }
        }
        query.finish();
        QVERIFY(queued.size() > 100);

        int runs = 0;
        int lists = 0;
        int unsettledSeen = 0;
        int headsSeen = 0;
        auto compare = [&](int rounds) {
            for (int round = 0; round < rounds; ++round) {
                // A batch: a slice of the queue, read in order.
                const int first = random.bounded(int(queued.size()));
                const int count = 1 + random.bounded(int(queued.size()) - first);
                QStringList ids;
                QStringList except;
                QList<qint64> exceptSeqs;
                for (int at = first; at < first + count; ++at) {
                    except.append(queued.at(at).offlineId);
                    exceptSeqs.append(queued.at(at).seq);
                }
                for (int i = 0; i < count; ++i)
                    ids.append(recordId(random.bounded(Records + 10))); // some never stored, some twice
                switch (round % 9) {
                case 1: // a seq run that covers rows removed since, or more than the batch
                    exceptSeqs = {};
                    for (qint64 seq = queued.at(first).seq; seq <= queued.at(first).seq + count; ++seq)
                        exceptSeqs.append(seq);
                    break;
                case 2: // seqs not known
                    exceptSeqs.clear();
                    break;
                case 3: // nothing being settled (a pull)
                    exceptSeqs.clear();
                    except.clear();
                    break;
                case 4: // a gap, or the run out of order
                    if (exceptSeqs.size() > 2) {
                        if (random.bounded(2) == 0)
                            exceptSeqs.removeAt(1 + random.bounded(int(exceptSeqs.size()) - 2));
                        else
                            exceptSeqs.swapItemsAt(0, 1);
                    }
                    break;
                case 5: // the offline ids of others than the seqs
                    except.clear();
                    for (int i = 0; i < count; ++i)
                        except.append(queued.at(random.bounded(int(queued.size()))).offlineId);
                    break;
                case 6: // one seq
                    exceptSeqs = {queued.at(first).seq};
                    break;
                case 7: // a run near the end of the seqs' range
                    exceptSeqs = {std::numeric_limits<qint64>::max() - 1, std::numeric_limits<qint64>::max()};
                    break;
                default:
                    break;
                }
                bool isRun = true;
                for (qsizetype i = 1; i < exceptSeqs.size(); ++i)
                    isRun = isRun && exceptSeqs.at(i) == exceptSeqs.at(i - 1) + 1;
                (isRun ? runs : lists) += 1;
                const Result<Standings> standings = store.standingOf(ids, except, exceptSeqs);
                const std::optional<Standings> expected =
                    standingAsBefore(store.database(), ids, except, exceptSeqs);
                QVERIFY(standings.ok() && expected);
                const QString differ = differences(*expected, standings.value());
                QVERIFY2(differ.isEmpty(), qPrintable(differ));
                for (const DeviceStore::RecordStanding &standing : standings.value()) {
                    unsettledSeen += standing.unsettled ? 1 : 0;
                    headsSeen += standing.head ? 1 : 0;
                }
            }
        };
        compare(300);
        if (QTest::currentTestFailed())
            return;

        // A settled change queued again under its offline id has a new seq, outside the run.
        for (int index = 0; index < queued.size(); index += 4) {
            QVERIFY(exec(query, QStringLiteral("DELETE FROM outbox WHERE offline_id = ?"),
                         {queued.at(index).offlineId}));
            QVERIFY(
                exec(query,
                     QStringLiteral("INSERT INTO outbox(offline_id, entity, op, record_id, client_version,"
                                    " base, data, created_at) VALUES(?,'permit','update',?,1,'{}','{}','t')"),
                     {queued.at(index).offlineId, storedId(random.bounded(Records))}));
        }
        query.finish();
        compare(150);
        if (QTest::currentTestFailed())
            return;

        // Conflicts and rejections: none (the usual case), each alone, both.
        const auto addConflict = [&](int index) {
            return exec(
                query,
                QStringLiteral("INSERT INTO conflicts(id, offline_id, entity, op, record_id, reason,"
                               " client_version, server_version, fields, server_state,"
                               " server_deleted, base, mine, created_at)"
                               " VALUES(?,'o','permit','update',?,'stale',1,2,'{}','{}',0,'{}','{}','t')"),
                {QStringLiteral("c-%1").arg(index), storedId(index)});
        };
        const auto addRejection = [&](int index) {
            return exec(query,
                        QStringLiteral("INSERT INTO rejected(id, entity, op, record_id, reason, detail,"
                                       " client_version, base, data, created_at)"
                                       " VALUES(?,'permit','update',?,'validation','',1,'{}','{}','t')"),
                        {QStringLiteral("r-%1").arg(index), storedId(index)});
        };
        for (int index = 0; index < Records; index += 5)
            QVERIFY(addConflict(index));
        query.finish();
        compare(100);
        if (QTest::currentTestFailed())
            return;
        for (int index = 1; index < Records; index += 6)
            QVERIFY(addRejection(index));
        query.finish();
        compare(100);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(exec(query, QStringLiteral("DELETE FROM conflicts"), {}));
        query.finish();
        compare(100);
        if (QTest::currentTestFailed())
            return;

        // Every kind of case came up often.
        QVERIFY2(runs > 300 && lists > 60,
                 qPrintable(QStringLiteral("%1 runs, %2 lists").arg(runs).arg(lists)));
        QVERIFY2(headsSeen > 5000 && unsettledSeen > 2000,
                 qPrintable(QStringLiteral("%1 heads, %2 unsettled").arg(headsSeen).arg(unsettledSeen)));
    }
};

QTEST_GUILESS_MAIN(StandingFastPathTest)
#include "tst_standingfastpath.moc"
