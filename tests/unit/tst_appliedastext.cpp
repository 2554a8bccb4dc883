// A push answer applied with its records read as text (PushResponse::AppliedData::TextWhenCanonical,
// ServerRecordText) against the same answer applied with its records parsed: two devices with the
// same records and queue, on real SQLite files, must end with the same rows in every table and the
// same outcome. The batch has new records and known ones, records named twice, edits queued on top,
// rows of another entity, late answers, deletes, records the check refuses and records with numbers.
#include "common/JsonWriter.h"
#include "store/DeviceStore.h"
#include "sync/SyncResultApplier.h"

#include "RandomServerRecords.h"
#include "StoreTestRows.h"

#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

using namespace fieldsync;

namespace {

using test::offlineId;
using test::recordId;

bool exec(DeviceStore &store, const QString &sql, const QVariantList &values)
{
    QSqlQuery query(store.database().connection());
    return test::execSql(query, sql, values);
}

// Every row of a table, each value with its SQLite type.
QStringList rowsOf(DeviceStore &store, const QString &table)
{
    QSqlQuery query(store.database().connection());
    QStringList rows;
    if (!query.exec(QStringLiteral("SELECT * FROM %1 ORDER BY rowid").arg(table)))
        return {QStringLiteral("failed: ") + query.lastError().text()};
    while (query.next()) {
        QStringList values;
        for (int column = 0; column < query.record().count(); ++column) {
            const QVariant value = query.value(column);
            values.append(value.isNull()
                              ? QStringLiteral("NULL")
                              : QString::fromLatin1(value.typeName()) + QLatin1Char(':') + value.toString());
        }
        rows.append(values.join(QLatin1Char('|')));
    }
    return rows;
}

// One edit queued in both stores.
struct Queued
{
    QString offlineId;
    QString entity;
    QString op;
    QString recordId;
    qint64 clientVersion;
};

} // namespace

class AppliedAsTextTest : public QObject
{
    Q_OBJECT

private slots:
    void bothWaysLeaveTheSameRows()
    {
        QTemporaryDir objectsDir;
        QTemporaryDir textDir;
        Result<std::unique_ptr<DeviceStore>> objectsOpened = DeviceStore::open(objectsDir.path());
        Result<std::unique_ptr<DeviceStore>> textOpened = DeviceStore::open(textDir.path());
        QVERIFY(objectsOpened.ok() && textOpened.ok());
        DeviceStore &objects = *objectsOpened.value();
        DeviceStore &text = *textOpened.value();
        auto both = [&](const QString &sql, const QVariantList &values) {
            return exec(objects, sql, values) && exec(text, sql, values);
        };

        QRandomGenerator random(20261208);
        testing::Records records(20261208);
        const QList<EntityKind> kinds{EntityKind::Permit, EntityKind::Task, EntityKind::IsolationPoint};
        constexpr int Records = 150;
        QList<Queued> queued;
        QHash<QString, qint64> serverVersions;
        for (int index = 0; index < Records; ++index) {
            const EntitySchema &schema = EntitySchema::of(kinds.at(index % kinds.size()));
            const bool stored = random.bounded(10) < 6;
            qint64 version = 0;
            if (stored) {
                version = 1 + random.bounded(3);
                // Some rows of another entity than the answer's; some the server has moved on
                // from already (the answer comes late).
                const QString entity = random.bounded(10) == 0
                                           ? EntitySchema::of(kinds.at((index + 1) % kinds.size())).wireName
                                           : schema.wireName;
                const qint64 serverVersion = random.bounded(8) == 0 ? version + 5 : version;
                serverVersions.insert(recordId(index), serverVersion);
                QVERIFY(
                    both(QStringLiteral("INSERT INTO records(id, entity, project_id, version, data,"
                                        " server_version, server_data, title, status)"
                                        " VALUES(?,?,'p-0',?,'{\"title\":\"old\"}',?,'{\"title\":\"old\"}',"
                                        "'old','draft')"),
                         {recordId(index), entity, version, serverVersion}));
            }
            const int edits = random.bounded(10) == 0 ? 2 : 1;
            for (int edit = 0; edit < edits; ++edit) {
                QString op = stored ? QStringLiteral("update") : QStringLiteral("create");
                if (stored && random.bounded(12) == 0)
                    op = QStringLiteral("delete");
                queued.append(Queued{offlineId(index, edit), schema.wireName, op, recordId(index),
                                     stored ? version : 0});
                QVERIFY(both(
                    QStringLiteral("INSERT INTO outbox(offline_id, entity, op, record_id, client_version,"
                                   " base, data, created_at) VALUES(?,?,?,?,?,'{}','{}','t')"),
                    {offlineId(index, edit), schema.wireName, op, recordId(index), stored ? version : 0}));
            }
        }
        Result<QList<OutboxEntry>> objectsBatch = objects.outbox().nextPushBatch(0, 1000, 1 << 30);
        Result<QList<OutboxEntry>> textBatch = text.outbox().nextPushBatch(0, 1000, 1 << 30);
        QVERIFY(objectsBatch.ok() && textBatch.ok());
        QCOMPARE(objectsBatch.value().size(), queued.size());

        // Edits queued while the push was out: they stay on top of what the answer brings.
        for (int index = 0; index < Records; index += 9) {
            QVERIFY(
                both(QStringLiteral("INSERT INTO outbox(offline_id, entity, op, record_id, client_version,"
                                    " base, data, created_at) VALUES(?,'permit','update',?,1,'{}','{}','t')"),
                     {offlineId(index, 9), recordId(index)}));
        }

        protocol::PushResponse response;
        for (const Queued &edit : std::as_const(queued)) {
            const EntitySchema &schema = *EntitySchema::byWireName(edit.entity);
            QJsonObject data = records.record(schema);
            if (random.bounded(4) == 0)
                data.insert(QStringLiteral("title"),
                            QStringLiteral("Schwei\u00dfen \"3\"\n\u0001 \U0001F6A7"));
            response.applied.append(protocol::AppliedChange{
                edit.offlineId, edit.recordId, edit.clientVersion + 1 + random.bounded(2), data});
        }
        // A change answered twice the same way, and one answered twice differently.
        response.applied.append(response.applied.at(0));
        protocol::AppliedChange differently = response.applied.at(1);
        differently.data.insert(QStringLiteral("title"), QStringLiteral("another"));
        response.applied.append(differently);
        response.cursor = 77;
        const QByteArray body = response.toJson();

        const Result<protocol::PushResponse> asObjects =
            protocol::PushResponse::fromJson(body, protocol::PushResponse::AppliedData::Objects);
        const Result<protocol::PushResponse> asText =
            protocol::PushResponse::fromJson(body, protocol::PushResponse::AppliedData::TextWhenCanonical);
        QVERIFY(asObjects.ok() && asText.ok());
        const qsizetype textRecords =
            std::count_if(asText.value().applied.cbegin(), asText.value().applied.cend(),
                          [](const protocol::AppliedChange &applied) { return applied.dataAsText; });
        QVERIFY2(textRecords > queued.size() / 3, qPrintable(QString::number(textRecords)));

        const Result<PushOutcome> objectsOutcome =
            SyncResultApplier(objects).applyPush(objectsBatch.value(), asObjects.value());
        const Result<PushOutcome> textOutcome =
            SyncResultApplier(text).applyPush(textBatch.value(), asText.value());
        QVERIFY(objectsOutcome.ok() && textOutcome.ok());
        QCOMPARE(textOutcome.value().applied, objectsOutcome.value().applied);
        QCOMPARE(textOutcome.value().unanswered, objectsOutcome.value().unanswered);
        QCOMPARE(textOutcome.value().problems, objectsOutcome.value().problems);
        QCOMPARE(textOutcome.value().touchedRecords, objectsOutcome.value().touchedRecords);
        // Both kinds of answers were met: applied ones and records refused.
        QVERIFY(objectsOutcome.value().applied > Records / 3);
        QVERIFY(!objectsOutcome.value().problems.isEmpty());

        for (const QString &table : {QStringLiteral("records"), QStringLiteral("outbox"),
                                     QStringLiteral("conflicts"), QStringLiteral("rejected")}) {
            const QStringList expected = rowsOf(objects, table);
            const QStringList actual = rowsOf(text, table);
            QCOMPARE(actual.size(), expected.size());
            for (qsizetype row = 0; row < expected.size(); ++row)
                QCOMPARE(actual.at(row), expected.at(row));
        }
    }
};

QTEST_GUILESS_MAIN(AppliedAsTextTest)
#include "tst_appliedastext.moc"
