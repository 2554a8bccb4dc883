// Outbox batches on a real SQLite file: a push batch keeps base and data as stored and its body
// is the one a decoded batch would make; a row whose stored text is not a JSON object is decoded
// as before; fullChange() gives back what the person typed.
#include "outbox/Outbox.h"
#include "store/LocalDatabase.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace fieldsync;

namespace {

protocol::Change update(int index)
{
    protocol::Change change;
    change.offlineId = QStringLiteral("00000000-0000-7000-8000-%1").arg(index, 12, 10, QLatin1Char('0'));
    change.entity = EntityKind::Permit;
    change.op = ChangeOp::Update;
    change.id = QStringLiteral("00000000-0000-7000-9000-%1").arg(index, 12, 10, QLatin1Char('0'));
    change.clientVersion = index;
    change.base = QJsonObject{{QStringLiteral("title"), QStringLiteral("Old \"title\" %1").arg(index)}};
    change.data = QJsonObject{
        {QStringLiteral("title"), QStringLiteral("Schweißen Ebene 2 – %1\n").arg(index)},
        {QStringLiteral("ppe_requirements"), QJsonArray{QStringLiteral("gloves"), QStringLiteral("helmet")}},
        {QStringLiteral("safety_checklist"), QJsonObject{{QStringLiteral("gas_tested"), true}}}};
    return change;
}

QByteArray bodyOf(const QList<OutboxEntry> &entries)
{
    protocol::PushRequest request;
    request.deviceId = QStringLiteral("device");
    request.clientTime = QStringLiteral("2026-12-06T10:00:00.000Z");
    request.batchId = QStringLiteral("batch");
    QList<protocol::PushRequest::EncodedObjects> stored;
    for (const OutboxEntry &entry : entries) {
        request.changes.append(entry.change);
        stored.append({entry.storedBase, entry.storedData});
    }
    return request.toJson(stored);
}

} // namespace

class OutboxTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<LocalDatabase> m_db;
    int m_databases = 0;

private slots:
    void init()
    {
        Result<std::unique_ptr<LocalDatabase>> opened =
            LocalDatabase::open(m_dir.filePath(QStringLiteral("%1.db").arg(QString::number(++m_databases))));
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().toString()));
        m_db = std::move(opened).value();
        Outbox outbox(*m_db);
        for (int index = 1; index <= 3; ++index)
            QVERIFY(outbox.enqueue(update(index)).ok());
    }

    void cleanup() { m_db.reset(); }

    // A batch's entity and op are converted only where they change from the row before: in runs,
    // back and forth, unknown names and empty ones, each entry must read as its own row alone says.
    void entityAndOpAreReadForEachRow()
    {
        const QStringList entities{QStringLiteral("permit"),     QStringLiteral("task"),
                                   QStringLiteral("gizmo"),      QStringLiteral(""),
                                   QStringLiteral("attachment"), QStringLiteral("Permit")};
        const QStringList ops{QStringLiteral("update"), QStringLiteral("create"), QStringLiteral("delete"),
                              QStringLiteral("bogus"),  QStringLiteral(""),       QStringLiteral("append")};
        QSqlQuery query(m_db->connection());
        QVERIFY(query.exec(QStringLiteral("DELETE FROM outbox")));
        QList<std::pair<QString, QString>> written;
        for (int index = 0; index < 300; ++index) {
            // Runs of the same names most of the time, as a page has them.
            const int pick = (index / 7 + index % 3 / 2) % 6;
            const QString entity = entities.at(index % 11 == 0 ? (pick + 1) % 6 : pick);
            const QString op = ops.at(index % 13 < 5 ? 0 : (index / 5) % 6);
            query.prepare(
                QStringLiteral("INSERT INTO outbox(offline_id, entity, op, record_id, client_version,"
                               " base, data, created_at) VALUES(?,?,?,?,1,'{}',?,'t')"));
            query.addBindValue(QStringLiteral("off-%1").arg(index));
            query.addBindValue(entity);
            query.addBindValue(op);
            query.addBindValue(QStringLiteral("rec-%1").arg(index));
            // Some rows not plain objects, so that a push batch decodes them.
            query.addBindValue(index % 17 == 0 ? QStringLiteral("[1]") : QStringLiteral("{\"a\":1}"));
            QVERIFY(query.exec());
            written.append({entity, op});
        }
        query.finish();
        Outbox outbox(*m_db);
        const Result<QList<OutboxEntry>> decoded = outbox.nextBatch(0, 1000, 1 << 24);
        const Result<QList<OutboxEntry>> forPush = outbox.nextPushBatch(0, 1000, 1 << 24);
        const Result<QList<OutboxEntry>> all = outbox.all();
        QVERIFY(decoded.ok() && forPush.ok() && all.ok());
        for (const QList<OutboxEntry> &entries : {decoded.value(), forPush.value(), all.value()}) {
            QCOMPARE(entries.size(), written.size());
            for (int index = 0; index < entries.size(); ++index) {
                const protocol::Change alone{};
                const EntitySchema *schema = EntitySchema::byWireName(written.at(index).first);
                const EntityKind entity = schema ? schema->kind : alone.entity;
                const ChangeOp op = changeOpFromName(written.at(index).second).value_or(ChangeOp::Update);
                QCOMPARE(entries.at(index).change.entity, entity);
                QCOMPARE(entries.at(index).change.op, op);
                QCOMPARE(entries.at(index).change.offlineId, QStringLiteral("off-%1").arg(index));
            }
        }
    }

    void aPushBatchCarriesTheStoredTextIntoTheSameBody()
    {
        Outbox outbox(*m_db);
        const Result<QList<OutboxEntry>> decoded = outbox.nextBatch(0, 10, 1 << 20);
        const Result<QList<OutboxEntry>> forPush = outbox.nextPushBatch(0, 10, 1 << 20);
        QVERIFY(decoded.ok() && forPush.ok());
        QCOMPARE(forPush.value().size(), 3);
        for (const OutboxEntry &entry : forPush.value()) {
            QVERIFY(!entry.storedData.isEmpty());
            QVERIFY(entry.change.data.isEmpty()); // left as stored, not decoded
        }
        QCOMPARE(bodyOf(forPush.value()), bodyOf(decoded.value()));
        const QByteArray body = bodyOf(forPush.value());
        const Result<protocol::PushRequest> readBack = protocol::PushRequest::fromJson(body);
        QVERIFY2(readBack.ok(), qPrintable(readBack.ok() ? QString() : readBack.error().toString()));
        for (int index = 0; index < 3; ++index) {
            QCOMPARE(readBack.value().changes.at(index).data, update(index + 1).data);
            QCOMPARE(readBack.value().changes.at(index).base, update(index + 1).base);
        }
    }

    void fullChangeDecodesWhatWasLeftAsStored()
    {
        Outbox outbox(*m_db);
        const Result<QList<OutboxEntry>> forPush = outbox.nextPushBatch(0, 10, 1 << 20);
        QVERIFY(forPush.ok());
        const protocol::Change full = forPush.value().at(1).fullChange();
        QCOMPARE(full.data, update(2).data);
        QCOMPARE(full.base, update(2).base);
        QCOMPARE(full.offlineId, update(2).offlineId);
        QCOMPARE(full.clientVersion, qint64(2));
    }

    void storedTextThatIsNoObjectIsDecodedAsBefore_data()
    {
        QTest::addColumn<QString>("storedData");
        QTest::newRow("malformed") << QStringLiteral("{\"title\":");
        QTest::newRow("an array") << QStringLiteral("[1,2]");
        QTest::newRow("a string") << QStringLiteral("\"title\"");
    }

    void storedTextThatIsNoObjectIsDecodedAsBefore()
    {
        QFETCH(QString, storedData);
        QSqlQuery corrupt(m_db->connection());
        corrupt.prepare(QStringLiteral(
            "UPDATE outbox SET data = ? WHERE record_id = '00000000-0000-7000-9000-000000000002'"));
        corrupt.addBindValue(storedData);
        QVERIFY(corrupt.exec());

        Outbox outbox(*m_db);
        const Result<QList<OutboxEntry>> decoded = outbox.nextBatch(0, 10, 1 << 20);
        const Result<QList<OutboxEntry>> forPush = outbox.nextPushBatch(0, 10, 1 << 20);
        QVERIFY(decoded.ok() && forPush.ok());
        QCOMPARE(forPush.value().size(), 3);
        const OutboxEntry &broken = forPush.value().at(1);
        QVERIFY(broken.storedData.isEmpty());
        QCOMPARE(broken.change.data, QJsonObject());
        QVERIFY(!forPush.value().at(0).storedData.isEmpty()); // its neighbours keep their text
        const QByteArray body = bodyOf(forPush.value());
        QCOMPARE(body, bodyOf(decoded.value()));
        QVERIFY(protocol::PushRequest::fromJson(body).ok()); // a row SQLite refuses never breaks the batch
    }

    // A push batch keeps a row's stored text exactly when SQLite's json_type() calls both texts
    // objects (what the push batch asked SQLite itself before), and its body is the decoded one's.
    void storedTextIsKeptExactlyForObjects_data()
    {
        QTest::addColumn<QString>("column");
        QTest::addColumn<QString>("stored");
        const QStringList texts{QStringLiteral("{}"),
                                QStringLiteral("{\"a\":1}"),
                                QStringLiteral(" {\"a\":[1,{}]}"),
                                QStringLiteral("\n\t\r {\"a\":\"}\"} \n"),
                                QStringLiteral("\f{}"),
                                QStringLiteral("{\"a\":1"),
                                QStringLiteral("{\"a\":1}}"),
                                QStringLiteral("{\"a\":1} x"),
                                QStringLiteral("{a:1}"),
                                QStringLiteral("[{}]"),
                                QStringLiteral(" [1]"),
                                QStringLiteral("\"{}\""),
                                QStringLiteral("null"),
                                QStringLiteral("12"),
                                QStringLiteral("true"),
                                QStringLiteral(""),
                                QStringLiteral("   "),
                                QStringLiteral("{\"a\":\"\u00e9\"}"),
                                QStringLiteral("{'a':1}")};
        for (const QString &column : {QStringLiteral("base"), QStringLiteral("data")}) {
            for (qsizetype index = 0; index < texts.size(); ++index)
                QTest::addRow("%s %lld", qPrintable(column), qlonglong(index)) << column << texts.at(index);
        }
    }

    void storedTextIsKeptExactlyForObjects()
    {
        QFETCH(QString, column);
        QFETCH(QString, stored);
        QSqlQuery corrupt(m_db->connection());
        corrupt.prepare(QStringLiteral("UPDATE outbox SET %1 = ? WHERE record_id = "
                                       "'00000000-0000-7000-9000-000000000002'")
                            .arg(column));
        corrupt.addBindValue(stored);
        QVERIFY(corrupt.exec());
        QSqlQuery oracle(m_db->connection());
        oracle.prepare(
            QStringLiteral("SELECT CASE WHEN json_valid(?) THEN json_type(?) = 'object' ELSE 0 END"));
        oracle.addBindValue(stored);
        oracle.addBindValue(stored);
        QVERIFY(oracle.exec() && oracle.next());
        const bool isObject = oracle.value(0).toInt() == 1;

        Outbox outbox(*m_db);
        const Result<QList<OutboxEntry>> decoded = outbox.nextBatch(0, 10, 1 << 20);
        const Result<QList<OutboxEntry>> forPush = outbox.nextPushBatch(0, 10, 1 << 20);
        QVERIFY(decoded.ok() && forPush.ok());
        QCOMPARE(forPush.value().size(), 3);
        const OutboxEntry &entry = forPush.value().at(1);
        QCOMPARE(!entry.storedBase.isEmpty(), isObject);
        QCOMPARE(!entry.storedData.isEmpty(), isObject);
        // An object goes as stored, white space and all; anything else as the decoded batch has it.
        if (isObject)
            QCOMPARE(column == QLatin1String("base") ? entry.storedBase : entry.storedData, stored.toUtf8());
        else
            QCOMPARE(bodyOf(forPush.value()), bodyOf(decoded.value()));
    }
};

QTEST_GUILESS_MAIN(OutboxTest)
#include "tst_outbox.moc"
