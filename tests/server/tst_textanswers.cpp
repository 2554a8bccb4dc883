// ChangeProcessor's answers that carry their record as JSON text only (what the HTTP push answers
// with, see PushContext::recordsDecoded) store and answer the very bytes that answers carrying
// the record decoded do: the same random changes (creates and appends, edits fresh and stale,
// status moves, deletes and restores, rejected ones) processed both ways on two databases. Half
// of the creates reach the text side with their data kept as text, as the HTTP push keeps it
// (protocol::Change::dataText), so that the create made from the text alone is held to the same.

#include "SyncTestHelpers.h"
#include "common/CanonicalJson.h"
#include "common/JsonWriter.h"
#include "domain/NewRecordText.h"
#include "store/WriteTransaction.h"
#include "sync/ChangeProcessor.h"
#include "sync/PushService.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QTest>

using namespace fieldsync;
using namespace fieldsync::server;
using namespace fieldsync::server::testing;
using namespace Qt::StringLiterals;

namespace {

struct Known
{
    QString id;
    EntityKind entity;
    qint64 version = 0;
    bool deleted = false;
    QJsonObject data; // as the decoded answer gave it
};

QString randomId(QRandomGenerator &random)
{
    QByteArray bytes(16, Qt::Uninitialized);
    for (char &byte : bytes)
        byte = char(random.bounded(256));
    bytes[6] = char((bytes[6] & 0x0f) | 0x40);
    bytes[8] = char((bytes[8] & 0x3f) | 0x80);
    return QUuid::fromRfc4122(bytes).toString(QUuid::WithoutBraces);
}

// Mostly plain, sometimes what JSON escapes or encodes in several bytes.
QString randomText(QRandomGenerator &random)
{
    static const QList<QString> pieces{
        u"Hot work"_s,  u" level "_s,      u"\"quoted\""_s, u"back\\slash"_s, u"line\nbreak"_s,
        u"caf\u00e9"_s, u"\u6f22\u5b57"_s, u"\U0001F600"_s, u"tab\t"_s,       QString(QChar(0x1f))};
    QString text;
    const int count = 1 + random.bounded(4);
    for (int index = 0; index < count; ++index)
        text += pieces.at(random.bounded(int(pieces.size())));
    return text;
}

const QStringList Statuses{u"draft"_s,  u"submitted"_s, u"approved"_s, u"active"_s,
                           u"closed"_s, u"cancelled"_s, u"bogus"_s};

QJsonObject randomPermitFields(QRandomGenerator &random, bool creating)
{
    QJsonObject data;
    if (creating || random.bounded(2) == 0)
        data.insert(u"title"_s, randomText(random));
    if (creating || random.bounded(3) == 0)
        data.insert(u"work_type"_s, random.bounded(8) == 0 ? u"juggling"_s : u"hot_work"_s);
    if (random.bounded(2) == 0)
        data.insert(u"location"_s, randomText(random));
    if (random.bounded(3) == 0)
        data.insert(u"description"_s, random.bounded(5) == 0 ? QJsonValue() : QJsonValue(randomText(random)));
    if (random.bounded(3) == 0) {
        data.insert(u"valid_from"_s, u"2026-11-21T07:00:00.000Z"_s);
        data.insert(u"valid_to"_s,
                    random.bounded(6) == 0 ? u"2026-11-20T07:00:00Z"_s : u"2026-11-21T15:00:00Z"_s);
    }
    if (random.bounded(3) == 0)
        data.insert(u"ppe_requirements"_s, QJsonArray{u"helmet"_s, u"gloves"_s, u"helmet"_s});
    if (random.bounded(3) == 0)
        data.insert(u"safety_checklist"_s,
                    QJsonObject{{u"gas_tested"_s, random.bounded(2) == 0}, {u"fire_watch_present"_s, false}});
    if (random.bounded(4) == 0)
        data.insert(u"status"_s, Statuses.at(random.bounded(int(Statuses.size()))));
    if (random.bounded(20) == 0)
        data.insert(u"no_such_field"_s, 1);
    return data;
}

const Known *pick(QRandomGenerator &random, const QList<Known> &known, std::optional<EntityKind> entity = {})
{
    QList<const Known *> matching;
    for (const Known &each : known) {
        if (!entity || each.entity == *entity)
            matching.append(&each);
    }
    return matching.isEmpty() ? nullptr : matching.at(random.bounded(int(matching.size())));
}

protocol::Change randomChange(QRandomGenerator &random, const QList<Known> &known)
{
    const QString project = random.bounded(12) == 0 ? u"p9"_s : (random.bounded(3) == 0 ? u"p2"_s : u"p1"_s);
    const int kind = random.bounded(100);
    const Known *permit = pick(random, known, EntityKind::Permit);
    const QString permitId = permit && random.bounded(10) != 0 ? permit->id : randomId(random);
    if (kind < 30 || known.isEmpty()) {
        // Now and then a create of an id that is taken.
        const QString id = random.bounded(15) == 0 && permit ? permit->id : randomId(random);
        return createChange(EntityKind::Permit, id, randomPermitFields(random, true), project);
    }
    if (kind < 40) {
        return createChange(EntityKind::Task, randomId(random),
                            {{u"title"_s, randomText(random)},
                             {u"permit_id"_s, permitId},
                             {u"priority"_s, random.bounded(5) == 0 ? u"urgent"_s : u"high"_s}},
                            project);
    }
    if (kind < 50) {
        QJsonObject reading{
            {u"permit_id"_s, permitId}, {u"gas"_s, u"O2"_s}, {u"value"_s, 20.9}, {u"unit"_s, u"%"_s}};
        if (random.bounded(2) == 0)
            reading.insert(u"taken_by"_s, u"someone"_s);
        if (random.bounded(2) == 0)
            reading.insert(u"taken_at"_s, u"2026-11-21T08:00:00Z"_s);
        return createChange(EntityKind::GasReading, randomId(random), reading, project);
    }
    const Known *target = pick(random, known);
    if (kind < 88) {
        // Fresh or stale; a stale one says what it saw of the fields it changes.
        const qint64 version =
            random.bounded(4) == 0 ? std::max<qint64>(1, target->version - 1) : target->version;
        QJsonObject changes;
        if (target->entity == EntityKind::Permit) {
            changes = randomPermitFields(random, false);
            if (random.bounded(3) == 0)
                changes.insert(u"status"_s, Statuses.at(random.bounded(int(Statuses.size()))));
        } else {
            changes.insert(u"title"_s, randomText(random));
        }
        QJsonObject base;
        for (auto it = changes.begin(); it != changes.end(); ++it)
            base.insert(it.key(),
                        random.bounded(2) == 0 ? target->data.value(it.key()) : QJsonValue(u"other"_s));
        return updateChange(target->entity, target->id, version, base, changes);
    }
    return deleteChange(target->entity, target->id,
                        random.bounded(4) == 0 ? std::max<qint64>(1, target->version - 1) : target->version);
}

// Every row of the table, every column, in the order written.
QList<QVariantList> rowsInWriteOrder(ServerDatabase &db, const QString &table)
{
    return testing::rowsOf(db, u"SELECT * FROM "_s + table + u" ORDER BY rowid"_s);
}

} // namespace

class TextAnswersTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QLoggingCategory::setFilterRules(u"fieldsync.server*.info=false"_s); }

    void sameChangesStoreAndAnswerTheSameBytes()
    {
        TempServerDatabase decodedDb;
        TempServerDatabase textDb;
        QVERIFY(decodedDb.open().ok());
        QVERIFY(textDb.open().ok());
        ChangeProcessor decoded(decodedDb.db());
        ChangeProcessor text(textDb.db());
        WriteTransaction decodedTransaction(decodedDb.db());
        WriteTransaction textTransaction(textDb.db());
        QVERIFY(decodedTransaction.begin().ok());
        QVERIFY(textTransaction.begin().ok());

        QRandomGenerator random(20261207);
        QList<Known> known;
        int writtenAsText = 0;
        int takenAsText = 0; // creates whose data kept as text NewRecordText takes
        const QStringList devices{u"device-a"_s, u"device-b"_s};
        const QStringList clientTimes{u"2026-11-21T10:30:00Z"_s, QString(), u"not a time"_s};
        for (int round = 0; round < 2500; ++round) {
            const AuthUser user =
                random.bounded(3) == 0 ? pm({u"p1"_s, u"p2"_s}) : foreman({u"p1"_s, u"p2"_s});
            const PushContext context{user, devices.at(random.bounded(2)),
                                      clientTimes.at(random.bounded(int(clientTimes.size()))),
                                      QDateTime::fromMSecsSinceEpoch(1795000000000 + round * 1000, Qt::UTC)
                                          .toString(Qt::ISODateWithMs),
                                      true};
            PushContext textContext = context;
            textContext.recordsDecoded = false;
            const protocol::Change change = randomChange(random, known);
            protocol::Change textChange = change;
            const QByteArray dataText = JsonWriter::compact(change.data);
            if (makesNewRecord(change.op) && random.bounded(2) == 0 &&
                CanonicalJson::objectEnd(dataText, 0) == dataText.size()) {
                textChange.data = {};
                textChange.dataText = dataText;
                if (NewRecordText::check(EntitySchema::of(change.entity), dataText, user.role))
                    ++takenAsText;
            }

            const Result<ChangeAnswer> general = decoded.process(context, change);
            const Result<ChangeAnswer> fast = text.process(textContext, textChange);
            QVERIFY2(general.ok() && fast.ok(), "a database error on a sound database");
            const ChangeAnswer &expected = general.value();
            const ChangeAnswer &answer = fast.value();
            QCOMPARE(int(answer.kind), int(expected.kind));
            QCOMPARE(answer.projectId, expected.projectId);
            QCOMPARE(answer.auditSeq, expected.auditSeq);
            QCOMPARE(answer.entryJson(), expected.entryJson());
            QCOMPARE(answer.toStored(), expected.toStored());
            if (expected.kind != ChangeAnswer::Kind::Applied)
                continue;
            // The decoded record is what the text says.
            QCOMPARE(expected.entryJson(),
                     ChangeAnswer::makeApplied(expected.applied, expected.projectId,
                                               JsonWriter::compact(expected.applied.data))
                         .entryJson());
            const bool deleting = change.op == ChangeOp::Delete;
            if (!deleting && answer.applied.data.isEmpty())
                ++writtenAsText;
            auto existing = std::find_if(known.begin(), known.end(),
                                         [&](const Known &each) { return each.id == change.id; });
            if (existing == known.end())
                existing = known.insert(known.end(), Known{change.id, change.entity, 0, false, {}});
            existing->version = expected.applied.version;
            existing->deleted = deleting;
            existing->data = expected.applied.data;
            if (QTest::currentTestFailed())
                return;
        }
        QVERIFY2(writtenAsText > 800, qPrintable(QString::number(writtenAsText)));
        QVERIFY2(takenAsText > 100, qPrintable(QString::number(takenAsText)));
        for (const QString &table : {u"records"_s, u"audit"_s, u"sync_sequence"_s}) {
            const QList<QVariantList> expected = rowsInWriteOrder(decodedDb.db(), table);
            QVERIFY(!expected.isEmpty());
            QCOMPARE(rowsInWriteOrder(textDb.db(), table), expected);
        }
        QVERIFY(decodedTransaction.commit().ok());
        QVERIFY(textTransaction.commit().ok());
    }

    // An applied answer's entry, the push response around it and its compact stored form are
    // written straight from the ids when JSON holds them as they are (UUIDs): what JsonWriter
    // writes of the same objects, whatever the ids hold.
    void answerTextsOfAnyIds()
    {
        static const QStringList pieces{
            u"0f3c2a"_s, u"-"_s,      u"9"_s,      u"\""_s,         u"\\"_s, u"\n"_s, QString(QChar(0x1f)),
            u"\u007f"_s, u"\u00e9"_s, u"\u6f22"_s, u"\U0001F600"_s, u"/"_s,  u" "_s};
        QRandomGenerator random(20261208);
        const auto randomIdText = [&random]() {
            if (random.bounded(3) == 0)
                return randomId(random);
            QString text;
            const int count = random.bounded(6);
            for (int index = 0; index < count; ++index)
                text += pieces.at(random.bounded(int(pieces.size())));
            return text;
        };
        const QList<qint64> numbers{1, 9, 10, 99, 12345, 4294967296LL, 9007199254740991LL, 0};
        int plain = 0;
        for (int round = 0; round < 3000; ++round) {
            protocol::PushResponse response;
            PushResponseWriter writer;
            if (random.bounded(2) == 0)
                writer.reserve(random.bounded(4000));
            const int count = 1 + random.bounded(4);
            for (int index = 0; index < count; ++index) {
                QJsonObject data{{u"project_id"_s, u"p1"_s}, {u"title"_s, randomText(random)}};
                const QByteArray text = JsonWriter::compact(data);
                protocol::AppliedChange applied{
                    randomIdText(), randomIdText(), numbers.at(random.bounded(int(numbers.size()))), {}};
                ChangeAnswer answer = ChangeAnswer::makeApplied(applied, u"p1"_s, text);
                answer.auditSeq = 1 + numbers.at(random.bounded(int(numbers.size())));
                applied.data = data;
                QCOMPARE(answer.entryJson(), JsonWriter::compact(applied.toJson()));
                const QJsonObject reference{{u"id"_s, applied.id},
                                            {u"offline_id"_s, applied.offlineId},
                                            {u"seq"_s, answer.auditSeq},
                                            {u"version"_s, applied.version}};
                QCOMPARE(answer.toStored(),
                         JsonWriter::compact(QJsonObject{{u"applied_from_audit"_s, reference}}));
                writer.add(answer);
                response.applied.append(applied);
                QByteArray ids;
                JsonWriter::appendString(ids, applied.id);
                JsonWriter::appendString(ids, applied.offlineId);
                if (ids.size() == applied.id.size() + applied.offlineId.size() + 4)
                    ++plain;
            }
            response.cursor = numbers.at(random.bounded(int(numbers.size())));
            QCOMPARE(writer.finish(response.cursor), response.toJson());
        }
        QVERIFY2(plain > 1000, qPrintable(QString::number(plain)));
    }

    // The HTTP push's answer: the same body, and a response whose applied entries carry no data.
    void pushWithDataInBodyOnly()
    {
        TempServerDatabase temp;
        QVERIFY(temp.open().ok());
        PushService push(temp.db());
        const QString id = newId();
        const protocol::PushRequest request =
            pushRequest({createChange(EntityKind::Permit, id, permitData()),
                         createChange(EntityKind::Permit, newId(), {{u"no_such_field"_s, 1}})});
        QByteArray body;
        const Result<protocol::PushResponse> response =
            push.push(foreman(), request, &body, nullptr, PushService::AppliedData::InBodyOnly);
        QVERIFY(response.ok());
        QCOMPARE(response.value().applied.size(), 1);
        QCOMPARE(response.value().rejected.size(), 1);
        QVERIFY(response.value().applied.first().data.isEmpty());
        const Result<protocol::PushResponse> sent = protocol::PushResponse::fromJson(body);
        QVERIFY(sent.ok());
        QCOMPARE(sent.value().applied.size(), 1);
        const QJsonObject data = sent.value().applied.first().data;
        QCOMPARE(data.value(u"updated_by"_s).toString(), u"fiona"_s);
        QCOMPARE(data.value(u"device_id"_s).toString(), u"device-a"_s);
        QCOMPARE(data.value(u"project_id"_s).toString(), u"p1"_s);
        QVERIFY(data.contains(u"valid_to"_s));
        // A replay answers with the same bytes, decoded or not.
        QByteArray again;
        const Result<protocol::PushResponse> replayed = push.push(foreman(), request, &again);
        QVERIFY(replayed.ok());
        QCOMPARE(again, body);
        QCOMPARE(replayed.value().toJson(), body);
    }
};

QTEST_GUILESS_MAIN(TextAnswersTest)
#include "tst_textanswers.moc"
