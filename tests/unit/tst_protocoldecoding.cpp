// Protocol v1 bodies: what is encoded decodes to the same values, and every malformed body is
// refused with the exact error code, without crashing, however hostile it is.

#include "domain/ChangeOp.h"
#include "domain/EntitySchema.h"
#include "domain/Workflow.h"
#include "protocol/AuditMessages.h"
#include "protocol/ProtocolInfo.h"
#include "protocol/PullMessages.h"
#include "protocol/PushMessages.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QUuid>

using namespace fieldsync;
using namespace fieldsync::protocol;
using namespace Qt::StringLiterals;

namespace {

const QString OfflineA = u"0f8fad5b-d9cb-469f-a165-70867728950e"_s;
const QString RecordA = u"7c9e6679-7425-40de-944b-e07fc1f90ae7"_s;
const QString OfflineB = u"1b4e28ba-2fa1-41d2-883f-0016d3cca427"_s;
const QString RecordB = u"6fa459ea-ee8a-4ca4-894e-db77e160355e"_s;
const QString BatchId = u"b3c1f0de-0a4e-4f55-9a77-3c1e2d4b5a60"_s;

// A valid push: an update of a permit and the append of a gas reading.
// What a push says of itself besides the device and the changes.
const QByteArray GoodHead =
    R"("client_time":"2026-11-21T10:30:00Z","batch_id":"b3c1f0de-0a4e-4f55-9a77-3c1e2d4b5a60")";

const QByteArray GoodPush =
    R"({"device_id":"tablet-7","client_time":"2026-11-21T10:30:00Z",)"
    R"("batch_id":"b3c1f0de-0a4e-4f55-9a77-3c1e2d4b5a60","changes":[)"
    R"({"offline_id":"0f8fad5b-d9cb-469f-a165-70867728950e","entity":"permit","op":"update",)"
    R"("id":"7c9e6679-7425-40de-944b-e07fc1f90ae7","client_version":5,)"
    R"("base":{"title":"Old"},"data":{"title":"New"}},)"
    R"({"offline_id":"1b4e28ba-2fa1-41d2-883f-0016d3cca427","entity":"gas_reading",)"
    R"("op":"append","id":"6fa459ea-ee8a-4ca4-894e-db77e160355e","client_version":0,)"
    R"("base":{},"data":{"gas":"O2","value":20.9}}]})";

const QByteArray GoodPushResponse =
    R"({"applied":[{"offline_id":"0f8fad5b-d9cb-469f-a165-70867728950e",)"
    R"("id":"7c9e6679-7425-40de-944b-e07fc1f90ae7","version":6,"data":{"title":"New","status":"draft"}}],)"
    R"("conflicts":[{"offline_id":"1b4e28ba-2fa1-41d2-883f-0016d3cca427",)"
    R"("id":"6fa459ea-ee8a-4ca4-894e-db77e160355e","client_version":5,"server_version":7,"reason":"stale",)"
    R"("fields":{"title":{"base":"Old","mine":"New","server":"Other","hint":"manual"},)"
    R"("location":{"base":null,"mine":"Gate 3","server":"Gate 4","hint":"manual"}},)"
    R"("server_state":{"title":"Other","location":"Gate 4"},"server_deleted":false}],)"
    R"("rejected":[{"offline_id":"b3c1f0de-0a4e-4f55-9a77-3c1e2d4b5a60","reason":"invalid_transition",)"
    R"("detail":"approved -> draft"}],"cursor":1234})";

const QByteArray GoodPull =
    R"({"changes":[{"entity":"permit","id":"7c9e6679-7425-40de-944b-e07fc1f90ae7","version":7,"deleted":false,)"
    R"("data":{"project_id":"p1","title":"Hot work","status":"draft"}},)"
    R"({"entity":"isolation_point","id":"6fa459ea-ee8a-4ca4-894e-db77e160355e","version":3,"deleted":true,)"
    R"("data":{"project_id":"p1","permit_id":"7c9e6679-7425-40de-944b-e07fc1f90ae7","description":"Valve",)"
    R"("status":"verified"}}],"cursor":1300,"has_more":true})";

// The good body with one piece of text replaced; a replacement that no longer matches is a broken
// test, not a passing one.
QByteArray replaced(const QByteArray &body, const QByteArray &from, const QByteArray &to)
{
    if (body.count(from) != 1)
        qFatal("test data: '%s' must occur exactly once", from.constData());
    QByteArray result = body;
    return result.replace(from, to);
}

QByteArray nestedArrays(int depth)
{
    return QByteArray(depth, '[') + QByteArray(depth, ']');
}

QByteArray nestedObjects(int depth)
{
    QByteArray text;
    for (int i = 0; i < depth; ++i)
        text += R"({"a":)";
    text += '1';
    text += QByteArray(depth, '}');
    return text;
}

QJsonObject parsed(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).object();
}

QString describe(const Error &error)
{
    return error.toString();
}

// Bodies no decoder may take. An expected message ending in "..." is a prefix: the parser's
// offsets are Qt's business.
void addBadBodiesEveryDecoderRefuses()
{
    const QString malformed = u"malformed"_s;
    QTest::newRow("empty body") << QByteArray() << malformed << u"invalid JSON: illegal value..."_s;
    QTest::newRow("not JSON") << QByteArray("hello") << malformed << u"invalid JSON: illegal value..."_s;
    QTest::newRow("truncated JSON") << QByteArray(R"({"changes":[)") << malformed
                                    << u"invalid JSON: unterminated array..."_s;
    QTest::newRow("trailing garbage")
        << QByteArray(R"({} x)") << malformed << u"invalid JSON: garbage at the end of the document..."_s;
    QTest::newRow("JSON array") << QByteArray("[]") << malformed << u"the body must be a JSON object"_s;
    QTest::newRow("JSON array of objects")
        << QByteArray("[{}]") << malformed << u"the body must be a JSON object"_s;
    QTest::newRow("JSON string") << QByteArray(R"("push")") << malformed << u"invalid JSON: ..."_s;
    QTest::newRow("JSON null") << QByteArray("null") << malformed << u"invalid JSON: ..."_s;
    QTest::newRow("number out of range")
        << QByteArray(R"({"cursor":1e400})") << malformed << u"invalid JSON: illegal number..."_s;
    QTest::newRow("10000 nested arrays")
        << nestedArrays(10000) << malformed << u"invalid JSON: too deeply nested document..."_s;
    QTest::newRow("10000 nested objects")
        << nestedObjects(10000) << malformed << u"invalid JSON: too deeply nested document..."_s;
    QTest::newRow("not UTF-8") << QByteArray("{\"device_id\":\"\xff\xfe\"}") << malformed
                               << u"invalid JSON: invalid UTF8 string..."_s;
    // Qt's parser takes these; RFC 8259 (raw control characters) and I-JSON (the rest) do not.
    QTest::newRow("raw NUL in a string")
        << QByteArray("{\"device_id\":\"tab\0let\"}", 23) << malformed
        << u"invalid JSON: control character 0x00 written unescaped in a string at offset 17"_s;
    QTest::newRow("raw line feed in a string")
        << QByteArray("{\"device_id\":\"tab\nlet\"}") << malformed
        << u"invalid JSON: control character 0x0a written unescaped in a string at offset 17"_s;
    QTest::newRow("raw unit separator in a key")
        << QByteArray("{\"device\x1f_id\":\"tablet\"}") << malformed
        << u"invalid JSON: control character 0x1f written unescaped in a string at offset 8"_s;
    QTest::newRow("a key twice") << QByteArray(R"({"cursor":1,"cursor":2})") << malformed
                                 << u"invalid JSON: an object names the same key twice"_s;
    QTest::newRow("a key twice, deep inside")
        << QByteArray(R"({"changes":[{"data":{"title":{"x":1,"x":1}}}]})") << malformed
        << u"invalid JSON: an object names the same key twice"_s;
    QTest::newRow("a high surrogate alone")
        << QByteArray(R"({"device_id":"a\ud83d"})") << malformed
        << u"invalid JSON: half of a UTF-16 surrogate pair at offset 21"_s;
    QTest::newRow("a high surrogate before a letter")
        << QByteArray(R"({"device_id":"\ud83dx"})") << malformed
        << u"invalid JSON: half of a UTF-16 surrogate pair at offset 20"_s;
    QTest::newRow("a low surrogate alone") << QByteArray(R"({"device_id":"\ude00"})") << malformed
                                           << u"invalid JSON: half of a UTF-16 surrogate pair at offset 14"_s;
}

} // namespace

class TestProtocolDecoding : public QObject
{
    Q_OBJECT

private slots:
    void protocolConstantsMatchTheDocument();
    void anAuditTrailDecodesStrictly();

    void aGoodPushRequestDecodesToItsValues();
    void aPushRequestRoundTrips();
    void aCreateNeedsNoClientVersion();
    void integersUpToTwoToThe53AreExact();
    void nestingBelowTheParserLimitDecodesAndEncodes();
    void escapedControlCharactersAndSurrogatePairsDecode();
    void theErrorNamesTheOffendingChange();
    void aBadPushRequestIsRefused_data();
    void aBadPushRequestIsRefused();

    void aGoodPushResponseDecodesToItsValues();
    void aPushResponseRoundTrips();
    void eachAppliedDataIsKeptAsTheBodyHadIt();
    void aBadPushResponseIsRefused_data();
    void aBadPushResponseIsRefused();

    void aGoodPullResponseDecodesToItsValues();
    void aPullResponseRoundTrips();
    void aBadPullResponseIsRefused_data();
    void aBadPullResponseIsRefused();
    void cursorZeroAndVersionOneAreTheLowestAccepted();

    void errorHealthAndMeBodiesRoundTrip();
    void badErrorHealthAndMeBodiesAreRefused();
    void nowIsUtcWithMilliseconds();
};

void TestProtocolDecoding::protocolConstantsMatchTheDocument()
{
    QCOMPARE(Version, 1);
    QCOMPARE(QByteArray(VersionHeader), QByteArray("FieldSync-Protocol"));
    QCOMPARE(Paths::Push, u"/api/v1/sync/push"_s);
    QCOMPARE(Paths::Pull, u"/api/v1/sync/pull"_s);
    QCOMPARE(Paths::Events, u"/api/v1/sync/events"_s);
    QCOMPARE(Paths::Health, u"/api/v1/health"_s);
    QCOMPARE(DefaultPullLimit, 500);
    QCOMPARE(MaxPullLimit, 1000);
}

void TestProtocolDecoding::aGoodPushRequestDecodesToItsValues()
{
    const Result<PushRequest> result = PushRequest::fromJson(GoodPush);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : describe(result.error())));
    const PushRequest &request = result.value();
    QCOMPARE(request.deviceId, u"tablet-7"_s);
    QCOMPARE(request.clientTime, u"2026-11-21T10:30:00Z"_s);
    QCOMPARE(request.batchId, BatchId);
    QCOMPARE(request.changes.size(), 2);

    const Change &update = request.changes.at(0);
    QCOMPARE(update.offlineId, OfflineA);
    QCOMPARE(update.entity, EntityKind::Permit);
    QCOMPARE(update.op, ChangeOp::Update);
    QCOMPARE(update.id, RecordA);
    QCOMPARE(update.clientVersion, 5);
    QCOMPARE(update.base, (QJsonObject{{u"title"_s, u"Old"_s}}));
    QCOMPARE(update.data, (QJsonObject{{u"title"_s, u"New"_s}}));

    const Change &append = request.changes.at(1);
    QCOMPARE(append.offlineId, OfflineB);
    QCOMPARE(append.entity, EntityKind::GasReading);
    QCOMPARE(append.op, ChangeOp::Append);
    QCOMPARE(append.id, RecordB);
    QCOMPARE(append.clientVersion, 0);
    QVERIFY(append.base.isEmpty());
    QCOMPARE(append.data.value(u"value"_s).toDouble(), 20.9);
}

void TestProtocolDecoding::aPushRequestRoundTrips()
{
    PushRequest request;
    request.deviceId = u"tablet-7"_s;
    request.clientTime = u"2026-11-21T10:30:00.123Z"_s;
    request.batchId = BatchId;
    int index = 0;
    for (const EntitySchema *schema : EntitySchema::all()) {
        Change change;
        change.offlineId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        change.entity = schema->kind;
        change.op = schema->appendOnly ? ChangeOp::Append : (index % 2 ? ChangeOp::Delete : ChangeOp::Update);
        change.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        change.clientVersion = schema->appendOnly ? 0 : 9007199254740991; // 2^53 - 1
        if (!schema->appendOnly)
            change.base = QJsonObject{{u"ppe_requirements"_s, QJsonArray{u"helmet"_s}},
                                      {u"location"_s, QJsonValue::Null}};
        change.data = QJsonObject{{u"safety_checklist"_s, QJsonObject{{u"gas_tested"_s, true}}},
                                  {u"title"_s, u"Schweißarbeiten – Tank 4 \"Nord\"\n"_s},
                                  {u"value"_s, -0.25}};
        request.changes.append(change);
        ++index;
    }

    const QByteArray encoded = request.toJson();
    const Result<PushRequest> decoded = PushRequest::fromJson(encoded);
    QVERIFY2(decoded.ok(), qPrintable(decoded.ok() ? QString() : describe(decoded.error())));
    QCOMPARE(decoded.value().deviceId, request.deviceId);
    QCOMPARE(decoded.value().clientTime, request.clientTime);
    QCOMPARE(decoded.value().batchId, request.batchId);
    QCOMPARE(decoded.value().changes.size(), request.changes.size());
    for (int i = 0; i < request.changes.size(); ++i) {
        const Change &sent = request.changes.at(i);
        const Change &got = decoded.value().changes.at(i);
        QCOMPARE(got.offlineId, sent.offlineId);
        QCOMPARE(got.entity, sent.entity);
        QCOMPARE(got.op, sent.op);
        QCOMPARE(got.id, sent.id);
        QCOMPARE(got.clientVersion, sent.clientVersion);
        QCOMPARE(got.base, sent.base);
        QCOMPARE(got.data, sent.data);
    }
    QCOMPARE(decoded.value().toJson(), encoded);
}

void TestProtocolDecoding::aCreateNeedsNoClientVersion()
{
    const QByteArray body = replaced(
        replaced(replaced(GoodPush, R"("op":"update")", R"("op":"create")"), R"("client_version":5,)", ""),
        R"("base":{"title":"Old"})", R"("base":{})");
    const Result<PushRequest> result = PushRequest::fromJson(body);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : describe(result.error())));
    QCOMPARE(result.value().changes.at(0).op, ChangeOp::Create);
    QCOMPARE(result.value().changes.at(0).clientVersion, 0);

    // A create's or an append's base and data may be left out or null (validation then says
    // which fields are missing); an update's may not (aBadPushRequestIsRefused).
    const QByteArray bare =
        replaced(replaced(GoodPush, R"("base":{},"data":{"gas":"O2","value":20.9})", R"("base":null)"),
                 R"("client_version":0,)", "");
    const Result<PushRequest> withoutData = PushRequest::fromJson(bare);
    QVERIFY2(withoutData.ok(), qPrintable(withoutData.ok() ? QString() : describe(withoutData.error())));
    QVERIFY(withoutData.value().changes.at(1).base.isEmpty());
    QVERIFY(withoutData.value().changes.at(1).data.isEmpty());
}

void TestProtocolDecoding::integersUpToTwoToThe53AreExact()
{
    for (const qint64 version : {qint64(0), qint64(1), qint64(4294967296), qint64(9007199254740991)}) {
        const QByteArray body =
            replaced(GoodPush, R"("client_version":5)", "\"client_version\":" + QByteArray::number(version));
        const Result<PushRequest> result = PushRequest::fromJson(body);
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : describe(result.error())));
        QCOMPARE(result.value().changes.at(0).clientVersion, version);
    }
    // A whole number written with a fraction is still that number.
    const Result<PushRequest> written =
        PushRequest::fromJson(replaced(GoodPush, R"("client_version":5)", R"("client_version":5.0)"));
    QVERIFY(written.ok());
    QCOMPARE(written.value().changes.at(0).clientVersion, 5);
}

void TestProtocolDecoding::nestingBelowTheParserLimitDecodesAndEncodes()
{
    // The request's own levels plus 1000 stay below Qt's limit of 1024: decoded, kept as data and
    // encoded again without trouble.
    const QByteArray body =
        replaced(GoodPush, R"("data":{"title":"New"})", R"("data":{"title":)" + nestedArrays(1000) + "}");
    const Result<PushRequest> result = PushRequest::fromJson(body);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : describe(result.error())));
    QVERIFY(result.value().changes.at(0).data.value(u"title"_s).isArray());
    const Result<PushRequest> again = PushRequest::fromJson(result.value().toJson());
    QVERIFY(again.ok());
    QCOMPARE(again.value().changes.at(0).data, result.value().changes.at(0).data);
}

void TestProtocolDecoding::escapedControlCharactersAndSurrogatePairsDecode()
{
    // What the strict checks refuse written raw is fine escaped, and a whole pair is one character.
    const Result<PushRequest> result = PushRequest::fromJson(replaced(
        GoodPush, R"("data":{"title":"New"})", R"("data":{"title":"a\u0000b\n\u001f \ud83d\ude00\"\\"})"));
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : describe(result.error())));
    QCOMPARE(result.value().changes.at(0).data.value(u"title"_s).toString(),
             QString(u"a"_s + QChar(0) + u"b\n\x1f \U0001F600\"\\"_s));
    const Result<PushRequest> again = PushRequest::fromJson(result.value().toJson());
    QVERIFY(again.ok());
    QCOMPARE(again.value().changes.at(0).data, result.value().changes.at(0).data);
}

void TestProtocolDecoding::theErrorNamesTheOffendingChange()
{
    const Result<PushRequest> extra = PushRequest::fromJson(
        replaced(GoodPush, R"("client_version":0)", R"("client_version":0,"extra":true)"));
    QVERIFY(!extra.ok());
    QCOMPARE(extra.error().code, u"unknown_field"_s);
    QCOMPARE(extra.error().message, u"changes[1]: unknown field 'extra'"_s);

    const Result<PushRequest> missing =
        PushRequest::fromJson(replaced(GoodPush, R"("client_version":5,)", ""));
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().code, u"malformed"_s);
    QCOMPARE(missing.error().message, u"changes[0]: missing 'client_version'"_s);
}

void TestProtocolDecoding::aBadPushRequestIsRefused_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expectedCode");
    QTest::addColumn<QString>("expectedMessage"); // checked when not empty

    addBadBodiesEveryDecoderRefuses();
    const QString malformed = u"malformed"_s;
    const QString none;

    QTest::newRow("the push inside an array") << QByteArray("[" + GoodPush + "]") << malformed << none;
    QTest::newRow("10000 nested arrays in data")
        << replaced(GoodPush, R"("data":{"title":"New"})", R"("data":{"title":)" + nestedArrays(10000) + "}")
        << malformed << u"invalid JSON: too deeply nested document..."_s;
    QTest::newRow("10000 nested objects in data")
        << replaced(GoodPush, R"("data":{"title":"New"})", R"("data":)" + nestedObjects(10000)) << malformed
        << u"invalid JSON: too deeply nested document..."_s;
    QTest::newRow("1030 nested arrays in base")
        << replaced(GoodPush, R"("base":{"title":"Old"})", R"("base":{"title":)" + nestedArrays(1030) + "}")
        << malformed << u"invalid JSON: too deeply nested document..."_s;

    // Top level.
    QTest::newRow("unknown top-level field")
        << replaced(GoodPush, R"("device_id":"tablet-7")", R"("device_id":"tablet-7","priority":1)")
        << u"unknown_field"_s << u"push: unknown field 'priority'"_s;
    QTest::newRow("no device_id") << replaced(GoodPush, R"("device_id":"tablet-7",)", "") << malformed
                                  << u"push: missing 'device_id'"_s;
    QTest::newRow("device_id null") << replaced(GoodPush, R"("device_id":"tablet-7")", R"("device_id":null)")
                                    << malformed << none;
    QTest::newRow("device_id as number")
        << replaced(GoodPush, R"("device_id":"tablet-7")", R"("device_id":7)") << malformed
        << u"push: 'device_id' must be a string"_s;
    QTest::newRow("device_id empty") << replaced(GoodPush, R"("device_id":"tablet-7")", R"("device_id":"")")
                                     << malformed << u"push: device_id must be 1 to 64 characters"_s;
    QTest::newRow("device_id of 65 characters")
        << replaced(GoodPush, R"("device_id":"tablet-7")", "\"device_id\":\"" + QByteArray(65, 'd') + "\"")
        << malformed << u"push: device_id must be 1 to 64 characters"_s;
    QTest::newRow("client_time as number")
        << replaced(GoodPush, R"("client_time":"2026-11-21T10:30:00Z")", R"("client_time":1763721000)")
        << malformed << none;
    QTest::newRow("no changes") << QByteArray(R"({"device_id":"tablet-7",)" + GoodHead + "}") << malformed
                                << u"push: missing 'changes'"_s;
    QTest::newRow("changes as object")
        << QByteArray(R"({"device_id":"tablet-7",)" + GoodHead + R"(,"changes":{"0":{}}})") << malformed
        << u"push: 'changes' must be an array"_s;
    QTest::newRow("changes as string")
        << QByteArray(R"({"device_id":"tablet-7",)" + GoodHead + R"(,"changes":"[]"})") << malformed << none;
    QTest::newRow("a change that is a number")
        << QByteArray(R"({"device_id":"tablet-7",)" + GoodHead + R"(,"changes":[1]})") << malformed
        << u"changes[0] must be an object"_s;
    QTest::newRow("a change that is null")
        << QByteArray(R"({"device_id":"tablet-7",)" + GoodHead + R"(,"changes":[null]})") << malformed
        << none;

    // Inside a change.
    QTest::newRow("unknown field in a change")
        << replaced(GoodPush, R"("client_version":5)", R"("client_version":5,"priority":"high")")
        << u"unknown_field"_s << u"changes[0]: unknown field 'priority'"_s;
    QTest::newRow("unknown entity") << replaced(GoodPush, R"("entity":"permit")", R"("entity":"invoice")")
                                    << u"unknown_entity"_s << u"changes[0]: unknown entity 'invoice'"_s;
    QTest::newRow("CLI spelling of an entity")
        << replaced(GoodPush, R"("entity":"gas_reading")", R"("entity":"gas-reading")") << u"unknown_entity"_s
        << u"changes[1]: unknown entity 'gas-reading'"_s;
    QTest::newRow("entity in upper case")
        << replaced(GoodPush, R"("entity":"permit")", R"("entity":"Permit")") << u"unknown_entity"_s << none;
    QTest::newRow("entity as number")
        << replaced(GoodPush, R"("entity":"permit")", R"("entity":1)") << malformed << none;
    QTest::newRow("no entity") << replaced(GoodPush, R"("entity":"permit",)", "") << malformed
                               << u"changes[0]: missing 'entity'"_s;
    QTest::newRow("unknown op") << replaced(GoodPush, R"("op":"update")", R"("op":"upsert")")
                                << u"unknown_op"_s << u"changes[0]: unknown op 'upsert'"_s;
    QTest::newRow("op in upper case")
        << replaced(GoodPush, R"("op":"update")", R"("op":"UPDATE")") << u"unknown_op"_s << none;
    QTest::newRow("no op") << replaced(GoodPush, R"("op":"update",)", "") << malformed << none;
    QTest::newRow("update without client_version") << replaced(GoodPush, R"("client_version":5,)", "")
                                                   << malformed << u"changes[0]: missing 'client_version'"_s;
    QTest::newRow("update with null client_version")
        << replaced(GoodPush, R"("client_version":5)", R"("client_version":null)") << malformed << none;
    QTest::newRow("delete without client_version")
        << replaced(replaced(GoodPush, R"("op":"update")", R"("op":"delete")"), R"("client_version":5,)", "")
        << malformed << none;
    QTest::newRow("client_version as string")
        << replaced(GoodPush, R"("client_version":5)", R"("client_version":"5")") << malformed
        << u"changes[0]: 'client_version' must be an integer"_s;
    QTest::newRow("client_version as bool")
        << replaced(GoodPush, R"("client_version":5)", R"("client_version":true)") << malformed << none;
    QTest::newRow("append with client_version as string")
        << replaced(GoodPush, R"("client_version":0)", R"("client_version":"0")") << malformed << none;
    QTest::newRow("negative client_version")
        << replaced(GoodPush, R"("client_version":5)", R"("client_version":-1)") << malformed
        << u"changes[0]: client_version must not be negative"_s;
    QTest::newRow("client_version 1.5")
        << replaced(GoodPush, R"("client_version":5)", R"("client_version":1.5)") << malformed
        << u"changes[0]: 'client_version' must be an integer"_s;
    QTest::newRow("client_version 5e-1")
        << replaced(GoodPush, R"("client_version":5)", R"("client_version":5e-1)") << malformed << none;
    QTest::newRow("client_version 2^53")
        << replaced(GoodPush, R"("client_version":5)", R"("client_version":9007199254740992)") << malformed
        << u"changes[0]: 'client_version' must be an integer"_s;
    QTest::newRow("client_version 2^53+1")
        << replaced(GoodPush, R"("client_version":5)", R"("client_version":9007199254740993)") << malformed
        << u"changes[0]: 'client_version' must be an integer"_s;
    QTest::newRow("client_version 2^64")
        << replaced(GoodPush, R"("client_version":5)", R"("client_version":18446744073709551616)")
        << malformed << none;
    QTest::newRow("client_version 1e300")
        << replaced(GoodPush, R"("client_version":5)", R"("client_version":1e300)") << malformed << none;
    QTest::newRow("client_version -1e300")
        << replaced(GoodPush, R"("client_version":5)", R"("client_version":-1e300)") << malformed << none;
    QTest::newRow("offline_id not a UUID")
        << replaced(GoodPush, R"("offline_id":"0f8fad5b-d9cb-469f-a165-70867728950e")",
                    R"("offline_id":"42")")
        << malformed << u"changes[0]: offline_id and id must be UUIDs"_s;
    QTest::newRow("offline_id empty")
        << replaced(GoodPush, R"("offline_id":"0f8fad5b-d9cb-469f-a165-70867728950e")", R"("offline_id":"")")
        << malformed << none;
    QTest::newRow("offline_id the nil UUID")
        << replaced(GoodPush, R"("offline_id":"0f8fad5b-d9cb-469f-a165-70867728950e")",
                    R"("offline_id":"00000000-0000-0000-0000-000000000000")")
        << malformed << none;
    QTest::newRow("id not a UUID") << replaced(GoodPush, R"("id":"7c9e6679-7425-40de-944b-e07fc1f90ae7")",
                                               R"("id":"7c9e6679-7425-40de")")
                                   << malformed << u"changes[0]: offline_id and id must be UUIDs"_s;
    QTest::newRow("id in upper case") << replaced(GoodPush, R"("id":"7c9e6679-7425-40de-944b-e07fc1f90ae7")",
                                                  R"("id":"7C9E6679-7425-40DE-944B-E07FC1F90AE7")")
                                      << malformed << u"changes[0]: offline_id and id must be UUIDs"_s;
    QTest::newRow("id in braces") << replaced(GoodPush, R"("id":"7c9e6679-7425-40de-944b-e07fc1f90ae7")",
                                              R"("id":"{7c9e6679-7425-40de-944b-e07fc1f90ae7}")")
                                  << malformed << u"changes[0]: offline_id and id must be UUIDs"_s;
    QTest::newRow("id as number") << replaced(GoodPush, R"("id":"7c9e6679-7425-40de-944b-e07fc1f90ae7")",
                                              R"("id":7)")
                                  << malformed << none;
    QTest::newRow("base as array") << replaced(GoodPush, R"("base":{"title":"Old"})", R"("base":["Old"])")
                                   << malformed << u"changes[0]: 'base' must be an object"_s;
    QTest::newRow("data as string") << replaced(GoodPush, R"("data":{"title":"New"})",
                                                R"("data":"title=New")")
                                    << malformed << u"changes[0]: 'data' must be an object"_s;
    QTest::newRow("append with a client_version")
        << replaced(GoodPush, R"("client_version":0)", R"("client_version":5)") << malformed
        << u"changes[1]: append changes carry client_version 0 and an empty base"_s;
    QTest::newRow("append with a base")
        << replaced(GoodPush, R"("base":{},"data":{"gas")", R"("base":{"gas":"CO"},"data":{"gas")")
        << malformed << u"changes[1]: append changes carry client_version 0 and an empty base"_s;
    QTest::newRow("update without data") << replaced(GoodPush, R"(,"data":{"title":"New"})", "") << malformed
                                         << u"changes[0]: missing 'data'"_s;
    QTest::newRow("client_time in words")
        << replaced(GoodPush, R"("client_time":"2026-11-21T10:30:00Z")", R"("client_time":"yesterday")")
        << malformed << u"push: client_time must be a timestamp with its zone, as 2026-11-21T10:30:00Z"_s;
    QTest::newRow("client_time without a zone")
        << replaced(GoodPush, R"("client_time":"2026-11-21T10:30:00Z")",
                    R"("client_time":"2026-11-21T10:30:00")")
        << malformed << none;
    QTest::newRow("batch_id of 65 characters")
        << replaced(GoodPush, R"("batch_id":"b3c1f0de-0a4e-4f55-9a77-3c1e2d4b5a60")",
                    "\"batch_id\":\"" + QByteArray(65, 'b') + "\"")
        << malformed << u"push: batch_id must be at most 64 characters"_s;
}

void TestProtocolDecoding::aBadPushRequestIsRefused()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, expectedCode);
    QFETCH(QString, expectedMessage);

    const Result<PushRequest> result = PushRequest::fromJson(body);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, expectedCode);
    if (expectedMessage.endsWith(u"..."_s))
        QVERIFY2(result.error().message.startsWith(expectedMessage.chopped(3)),
                 qPrintable(result.error().message));
    else if (!expectedMessage.isEmpty())
        QCOMPARE(result.error().message, expectedMessage);
}

void TestProtocolDecoding::aGoodPushResponseDecodesToItsValues()
{
    const Result<PushResponse> result = PushResponse::fromJson(GoodPushResponse);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : describe(result.error())));
    const PushResponse &response = result.value();
    QCOMPARE(response.cursor, 1234);

    QCOMPARE(response.applied.size(), 1);
    QCOMPARE(response.applied.at(0).offlineId, OfflineA);
    QCOMPARE(response.applied.at(0).id, RecordA);
    QCOMPARE(response.applied.at(0).version, 6);
    QCOMPARE(response.applied.at(0).data, (QJsonObject{{u"title"_s, u"New"_s}, {u"status"_s, u"draft"_s}}));

    QCOMPARE(response.conflicts.size(), 1);
    const ConflictedChange &conflict = response.conflicts.at(0);
    QCOMPARE(conflict.offlineId, OfflineB);
    QCOMPARE(conflict.id, RecordB);
    QCOMPARE(conflict.clientVersion, 5);
    QCOMPARE(conflict.serverVersion, 7);
    QCOMPARE(conflict.reason, u"stale"_s);
    QCOMPARE(conflict.serverDeleted, false);
    QCOMPARE(conflict.fields.keys(), (QStringList{u"location"_s, u"title"_s}));
    QCOMPARE(conflict.fields.value(u"title"_s).base, QJsonValue(u"Old"_s));
    QCOMPARE(conflict.fields.value(u"title"_s).mine, QJsonValue(u"New"_s));
    QCOMPARE(conflict.fields.value(u"title"_s).server, QJsonValue(u"Other"_s));
    QCOMPARE(conflict.fields.value(u"title"_s).hint, u"manual"_s);
    QVERIFY(conflict.fields.value(u"location"_s).base.isNull());
    QCOMPARE(conflict.serverState.value(u"location"_s), QJsonValue(u"Gate 4"_s));

    QCOMPARE(response.rejected.size(), 1);
    QCOMPARE(response.rejected.at(0).offlineId, BatchId);
    QCOMPARE(response.rejected.at(0).reason, u"invalid_transition"_s);
    QCOMPARE(response.rejected.at(0).detail, u"approved -> draft"_s);
}

void TestProtocolDecoding::aPushResponseRoundTrips()
{
    const Result<PushResponse> first = PushResponse::fromJson(GoodPushResponse);
    QVERIFY(first.ok());
    const QByteArray encoded = first.value().toJson();
    QCOMPARE(parsed(encoded), parsed(GoodPushResponse));
    const Result<PushResponse> second = PushResponse::fromJson(encoded);
    QVERIFY(second.ok());
    QCOMPARE(second.value().toJson(), encoded);

    // Built in code, with a deleted record's conflict and an empty answer.
    PushResponse response;
    response.cursor = 9007199254740991;
    ConflictedChange deleted;
    deleted.offlineId = OfflineA;
    deleted.id = RecordA;
    deleted.clientVersion = 3;
    deleted.serverVersion = 4;
    deleted.reason = u"deleted"_s;
    deleted.serverDeleted = true;
    response.conflicts.append(deleted);
    response.applied.append(AppliedChange{OfflineB, RecordB, 1, QJsonObject{{u"value"_s, 20.9}}});
    response.rejected.append(RejectedChange{BatchId, u"forbidden"_s, QString()});
    const Result<PushResponse> decoded = PushResponse::fromJson(response.toJson());
    QVERIFY2(decoded.ok(), qPrintable(decoded.ok() ? QString() : describe(decoded.error())));
    QCOMPARE(decoded.value().cursor, response.cursor);
    QCOMPARE(decoded.value().conflicts.at(0).serverDeleted, true);
    QCOMPARE(decoded.value().conflicts.at(0).reason, u"deleted"_s);
    QVERIFY(decoded.value().conflicts.at(0).fields.isEmpty());
    QCOMPARE(decoded.value().applied.at(0).version, 1);
    QCOMPARE(decoded.value().rejected.at(0).reason, u"forbidden"_s);
    QCOMPARE(decoded.value().toJson(), response.toJson());

    const Result<PushResponse> empty = PushResponse::fromJson(PushResponse().toJson());
    QVERIFY(empty.ok());
    QVERIFY(empty.value().applied.isEmpty() && empty.value().conflicts.isEmpty() &&
            empty.value().rejected.isEmpty());
}

void TestProtocolDecoding::eachAppliedDataIsKeptAsTheBodyHadIt()
{
    const Result<PushResponse> good = PushResponse::fromJson(GoodPushResponse);
    QVERIFY(good.ok());
    QCOMPARE(good.value().appliedDataJson, QList<QByteArray>{R"({"title":"New","status":"draft"})"});

    // Spaces, strings with brackets and escaped quotes, nesting and keys after data: the text is
    // exactly the value's, and decodes to the entry's data.
    const QByteArray spaced =
        R"( { "cursor" : 1 , "applied" : [ { "data" : { "title" : "a \"}]\" b" , "ppe" : [ "x" , "]" ] } ,)"
        R"( "id" : "7c9e6679-7425-40de-944b-e07fc1f90ae7" , "offline_id" : "0f8fad5b-d9cb-469f-a165-70867728950e" ,)"
        R"( "version" : 2 } , {"offline_id":"1b4e28ba-2fa1-41d2-883f-0016d3cca427","version":3,)"
        R"("id":"6fa459ea-ee8a-4ca4-894e-db77e160355e","data":{}} ] , "conflicts" : [ ] , "rejected" : [ ] } )";
    const Result<PushResponse> decoded = PushResponse::fromJson(spaced);
    QVERIFY2(decoded.ok(), qPrintable(decoded.ok() ? QString() : describe(decoded.error())));
    const QList<QByteArray> &texts = decoded.value().appliedDataJson;
    QCOMPARE(texts.size(), 2);
    QCOMPARE(texts.at(0), QByteArray(R"({ "title" : "a \"}]\" b" , "ppe" : [ "x" , "]" ] })"));
    QCOMPARE(parsed(texts.at(0)), decoded.value().applied.at(0).data);
    QCOMPARE(texts.at(1), QByteArray("{}"));

    // A key written with escapes is not looked for: nothing is taken, and data is encoded anew.
    QByteArray escaped = GoodPushResponse;
    escaped.replace(R"("data":)", R"("d\u0061ta":)");
    const Result<PushResponse> unfound = PushResponse::fromJson(escaped);
    QVERIFY(unfound.ok());
    QCOMPARE(unfound.value().applied.at(0).data.value(u"title"_s), QJsonValue(u"New"_s));
    QVERIFY(unfound.value().appliedDataJson.isEmpty());
}

void TestProtocolDecoding::aBadPushResponseIsRefused_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expectedCode");
    QTest::addColumn<QString>("expectedMessage");

    addBadBodiesEveryDecoderRefuses();
    const QString malformed = u"malformed"_s;
    const QString unknownField = u"unknown_field"_s;
    const QString none;
    const QByteArray &good = GoodPushResponse;

    QTest::newRow("unknown top-level field")
        << replaced(good, R"("cursor":1234)", R"("cursor":1234,"next":1)") << unknownField
        << u"push response: unknown field 'next'"_s;
    QTest::newRow("no applied") << QByteArray(R"({"conflicts":[],"rejected":[],"cursor":1})") << malformed
                                << u"push response: missing 'applied'"_s;
    QTest::newRow("applied as object")
        << QByteArray(R"({"applied":{},"conflicts":[],"rejected":[],"cursor":1})") << malformed << none;
    QTest::newRow("applied entry a string")
        << QByteArray(R"({"applied":["x"],"conflicts":[],"rejected":[],"cursor":1})") << malformed
        << u"applied entry must be an object"_s;
    QTest::newRow("applied version 0") << replaced(good, R"("version":6)", R"("version":0)") << malformed
                                       << u"applied: version must be at least 1"_s;
    QTest::newRow("applied version -6")
        << replaced(good, R"("version":6)", R"("version":-6)") << malformed << none;
    QTest::newRow("applied version 6.5")
        << replaced(good, R"("version":6)", R"("version":6.5)") << malformed << none;
    QTest::newRow("applied version as string")
        << replaced(good, R"("version":6)", R"("version":"6")") << malformed << none;
    QTest::newRow("applied without data") << replaced(good, R"(,"data":{"title":"New","status":"draft"})", "")
                                          << malformed << u"applied: missing 'data'"_s;
    QTest::newRow("applied with unknown field")
        << replaced(good, R"("version":6)", R"("version":6,"merged":true)") << unknownField
        << u"applied: unknown field 'merged'"_s;
    QTest::newRow("10000 nested arrays in applied data")
        << replaced(good, R"("data":{"title":"New","status":"draft"})",
                    R"("data":{"title":)" + nestedArrays(10000) + "}")
        << malformed << u"invalid JSON: too deeply nested document..."_s;
    QTest::newRow("conflict without reason")
        << replaced(good, R"("reason":"stale",)", "") << malformed << u"conflict: missing 'reason'"_s;
    QTest::newRow("conflict server_version as string")
        << replaced(good, R"("server_version":7)", R"("server_version":"7")") << malformed << none;
    QTest::newRow("conflict field not an object")
        << replaced(good, R"("title":{"base":"Old","mine":"New","server":"Other","hint":"manual"})",
                    R"("title":"Old")")
        << malformed << u"conflict: field 'title' must be an object"_s;
    QTest::newRow("conflict field with unknown key")
        << replaced(good, R"("server":"Other","hint":"manual")",
                    R"("server":"Other","hint":"manual","why":"x")")
        << unknownField << u"conflict field title: unknown field 'why'"_s;
    QTest::newRow("conflict field without hint")
        << replaced(good, R"("server":"Other","hint":"manual")", R"("server":"Other")") << malformed << none;
    QTest::newRow("conflict server_deleted as string")
        << replaced(good, R"("server_deleted":false)", R"("server_deleted":"no")") << malformed << none;
    QTest::newRow("rejected without reason") << replaced(good, R"("reason":"invalid_transition",)", "")
                                             << malformed << u"rejected: missing 'reason'"_s;
    QTest::newRow("rejected detail as number")
        << replaced(good, R"("detail":"approved -> draft")", R"("detail":3)") << malformed << none;
    QTest::newRow("no cursor") << replaced(good, R"(,"cursor":1234)", "") << malformed
                               << u"push response: missing 'cursor'"_s;
    QTest::newRow("cursor as string")
        << replaced(good, R"("cursor":1234)", R"("cursor":"1234")") << malformed << none;
    QTest::newRow("cursor 1.5") << replaced(good, R"("cursor":1234)", R"("cursor":1.5)") << malformed << none;
    QTest::newRow("cursor 2^53+1") << replaced(good, R"("cursor":1234)", R"("cursor":9007199254740993)")
                                   << malformed << none;
    QTest::newRow("negative cursor") << replaced(good, R"("cursor":1234)", R"("cursor":-1)") << malformed
                                     << u"push response: cursor must not be negative"_s;
}

void TestProtocolDecoding::aBadPushResponseIsRefused()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, expectedCode);
    QFETCH(QString, expectedMessage);

    const Result<PushResponse> result = PushResponse::fromJson(body);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, expectedCode);
    if (expectedMessage.endsWith(u"..."_s))
        QVERIFY2(result.error().message.startsWith(expectedMessage.chopped(3)),
                 qPrintable(result.error().message));
    else if (!expectedMessage.isEmpty())
        QCOMPARE(result.error().message, expectedMessage);
}

void TestProtocolDecoding::aGoodPullResponseDecodesToItsValues()
{
    const Result<PullResponse> result = PullResponse::fromJson(GoodPull);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : describe(result.error())));
    const PullResponse &response = result.value();
    QCOMPARE(response.cursor, 1300);
    QCOMPARE(response.hasMore, true);
    QCOMPARE(response.changes.size(), 2);
    QCOMPARE(response.changes.at(0).entity, EntityKind::Permit);
    QCOMPARE(response.changes.at(0).id, RecordA);
    QCOMPARE(response.changes.at(0).version, 7);
    QCOMPARE(response.changes.at(0).deleted, false);
    QCOMPARE(response.changes.at(0).data.value(u"project_id"_s), QJsonValue(u"p1"_s));
    QCOMPARE(response.changes.at(1).entity, EntityKind::IsolationPoint);
    QCOMPARE(response.changes.at(1).version, 3);
    QCOMPARE(response.changes.at(1).deleted, true);
    QCOMPARE(response.changes.at(1).data.value(u"status"_s), QJsonValue(u"verified"_s));
}

void TestProtocolDecoding::aPullResponseRoundTrips()
{
    const Result<PullResponse> first = PullResponse::fromJson(GoodPull);
    QVERIFY(first.ok());
    const QByteArray encoded = first.value().toJson();
    QCOMPARE(parsed(encoded), parsed(GoodPull));

    PullResponse response;
    response.cursor = 0;
    response.hasMore = false;
    for (const EntitySchema *schema : EntitySchema::all()) {
        PulledRecord record;
        record.entity = schema->kind;
        record.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        record.version = 9007199254740991;
        record.deleted = schema->appendOnly;
        record.data = QJsonObject{{u"project_id"_s, u"p1"_s}, {u"lock_ids"_s, QJsonArray{u"L1"_s, u"L2"_s}}};
        response.changes.append(record);
    }
    const Result<PullResponse> decoded = PullResponse::fromJson(response.toJson());
    QVERIFY2(decoded.ok(), qPrintable(decoded.ok() ? QString() : describe(decoded.error())));
    QCOMPARE(decoded.value().changes.size(), EntitySchema::all().size());
    for (int i = 0; i < response.changes.size(); ++i) {
        QCOMPARE(decoded.value().changes.at(i).entity, response.changes.at(i).entity);
        QCOMPARE(decoded.value().changes.at(i).id, response.changes.at(i).id);
        QCOMPARE(decoded.value().changes.at(i).version, response.changes.at(i).version);
        QCOMPARE(decoded.value().changes.at(i).deleted, response.changes.at(i).deleted);
        QCOMPARE(decoded.value().changes.at(i).data, response.changes.at(i).data);
    }
    QCOMPARE(decoded.value().toJson(), response.toJson());
}

void TestProtocolDecoding::aBadPullResponseIsRefused_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expectedCode");
    QTest::addColumn<QString>("expectedMessage");

    addBadBodiesEveryDecoderRefuses();
    const QString malformed = u"malformed"_s;
    const QString none;
    const QByteArray &good = GoodPull;
    const QByteArray firstVersion = R"("version":7)";

    QTest::newRow("unknown top-level field")
        << replaced(good, R"("has_more":true)", R"("has_more":true,"limit":500)") << u"unknown_field"_s
        << u"pull response: unknown field 'limit'"_s;
    QTest::newRow("unknown field in a record")
        << replaced(good, firstVersion, R"("version":7,"updated_at":"2026-11-21T10:30:00Z")")
        << u"unknown_field"_s << u"pull changes[0]: unknown field 'updated_at'"_s;
    QTest::newRow("unknown entity") << replaced(good, R"("entity":"permit")", R"("entity":"invoice")")
                                    << u"unknown_entity"_s << u"pull changes[0]: unknown entity 'invoice'"_s;
    QTest::newRow("CLI spelling of an entity")
        << replaced(good, R"("entity":"isolation_point")", R"("entity":"isolation-point")")
        << u"unknown_entity"_s << none;
    QTest::newRow("no changes") << QByteArray(R"({"cursor":1,"has_more":false})") << malformed
                                << u"pull response: missing 'changes'"_s;
    QTest::newRow("changes as object") << QByteArray(R"({"changes":{},"cursor":1,"has_more":false})")
                                       << malformed << u"pull response: 'changes' must be an array"_s;
    QTest::newRow("a record that is an array")
        << QByteArray(R"({"changes":[[]],"cursor":1,"has_more":false})") << malformed
        << u"pull changes[0] must be an object"_s;
    QTest::newRow("no has_more") << replaced(good, R"(,"has_more":true)", "") << malformed << none;
    QTest::newRow("has_more as string") << replaced(good, R"("has_more":true)", R"("has_more":"true")")
                                        << malformed << u"pull response: 'has_more' must be true or false"_s;
    QTest::newRow("has_more as 1") << replaced(good, R"("has_more":true)", R"("has_more":1)") << malformed
                                   << none;
    QTest::newRow("cursor as string")
        << replaced(good, R"("cursor":1300)", R"("cursor":"1300")") << malformed << none;
    QTest::newRow("cursor 1.5") << replaced(good, R"("cursor":1300)", R"("cursor":1.5)") << malformed << none;
    QTest::newRow("cursor 2^53+1") << replaced(good, R"("cursor":1300)", R"("cursor":9007199254740993)")
                                   << malformed << none;
    QTest::newRow("version as string")
        << replaced(good, firstVersion, R"("version":"7")") << malformed << none;
    QTest::newRow("version 1.5") << replaced(good, firstVersion, R"("version":1.5)") << malformed
                                 << u"pull changes[0]: 'version' must be an integer"_s;
    QTest::newRow("version 2^53+1") << replaced(good, firstVersion, R"("version":9007199254740993)")
                                    << malformed << none;
    QTest::newRow("no version") << replaced(good, R"(,"version":7)", "") << malformed << none;
    QTest::newRow("no deleted") << replaced(good, R"(,"deleted":false)", "") << malformed << none;
    QTest::newRow("no id") << replaced(good, R"(,"id":"7c9e6679-7425-40de-944b-e07fc1f90ae7","version":7)",
                                       R"(,"version":7)")
                           << malformed << none;
    QTest::newRow("no data") << replaced(good,
                                         R"(,"data":{"project_id":"p1","title":"Hot work","status":"draft"})",
                                         "")
                             << malformed << u"pull changes[0]: missing 'data'"_s;
    QTest::newRow("data as array")
        << replaced(good, R"("data":{"project_id":"p1","title":"Hot work","status":"draft"})", R"("data":[])")
        << malformed << none;
    QTest::newRow("10000 nested arrays in data")
        << replaced(good, R"("title":"Hot work")", R"("title":)" + nestedArrays(10000)) << malformed
        << u"invalid JSON: too deeply nested document..."_s;
    QTest::newRow("10000 nested objects in data")
        << replaced(good, R"("title":"Hot work")", R"("title":)" + nestedObjects(10000)) << malformed
        << u"invalid JSON: too deeply nested document..."_s;

    // Pulled records are checked like applied ones (version at least 1, ids are UUIDs): a record
    // at version 0 would look never synced, and a bad id would become a local primary key.
    QTest::newRow("negative version") << replaced(good, firstVersion, R"("version":-7)") << malformed
                                      << u"pull changes[0]: version must be at least 1"_s;
    QTest::newRow("version 0") << replaced(good, firstVersion, R"("version":0)") << malformed
                               << u"pull changes[0]: version must be at least 1"_s;
    QTest::newRow("id not a UUID") << replaced(good,
                                               R"("id":"7c9e6679-7425-40de-944b-e07fc1f90ae7","version":7)",
                                               R"("id":"42","version":7)")
                                   << malformed << u"pull changes[0]: id must be a UUID"_s;
    QTest::newRow("negative cursor") << replaced(good, R"("cursor":1300)", R"("cursor":-1)") << malformed
                                     << u"pull response: cursor must not be negative"_s;
}

void TestProtocolDecoding::aBadPullResponseIsRefused()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, expectedCode);
    QFETCH(QString, expectedMessage);

    const Result<PullResponse> result = PullResponse::fromJson(body);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, expectedCode);
    if (expectedMessage.endsWith(u"..."_s))
        QVERIFY2(result.error().message.startsWith(expectedMessage.chopped(3)),
                 qPrintable(result.error().message));
    else if (!expectedMessage.isEmpty())
        QCOMPARE(result.error().message, expectedMessage);
}

void TestProtocolDecoding::cursorZeroAndVersionOneAreTheLowestAccepted()
{
    const Result<PullResponse> pull = PullResponse::fromJson(replaced(
        replaced(GoodPull, R"("cursor":1300)", R"("cursor":0)"), R"("version":7)", R"("version":1)"));
    QVERIFY2(pull.ok(), qPrintable(pull.ok() ? QString() : describe(pull.error())));
    QCOMPARE(pull.value().cursor, 0);
    QCOMPARE(pull.value().changes.at(0).version, 1);

    const Result<PushResponse> push =
        PushResponse::fromJson(replaced(GoodPushResponse, R"("cursor":1234)", R"("cursor":0)"));
    QVERIFY2(push.ok(), qPrintable(push.ok() ? QString() : describe(push.error())));
    QCOMPARE(push.value().cursor, 0);
}

void TestProtocolDecoding::errorHealthAndMeBodiesRoundTrip()
{
    const ErrorBody error{u"rate_limited"_s, u"slow down"_s};
    const Result<ErrorBody> errorBack = ErrorBody::fromJson(error.toJson());
    QVERIFY(errorBack.ok());
    QCOMPARE(errorBack.value().code, error.code);
    QCOMPARE(errorBack.value().message, error.message);
    // Extra keys in an error body are context, not a reason to lose the error.
    const Result<ErrorBody> extra =
        ErrorBody::fromJson(R"({"error":"too_large","message":"body over 10 MB","limit":10485760})");
    QVERIFY(extra.ok());
    QCOMPARE(extra.value().code, u"too_large"_s);

    const HealthResponse health{u"ok"_s, u"0.1.0"_s};
    const Result<HealthResponse> healthBack = HealthResponse::fromJson(health.toJson());
    QVERIFY(healthBack.ok());
    QCOMPARE(healthBack.value().status, u"ok"_s);
    QCOMPARE(healthBack.value().version, u"0.1.0"_s);

    for (Role role : {Role::Foreman, Role::Pm, Role::Admin}) {
        const MeResponse me{u"ana"_s, role, {u"p1"_s, u"p2"_s}};
        const Result<MeResponse> meBack = MeResponse::fromJson(me.toJson());
        QVERIFY2(meBack.ok(), qPrintable(meBack.ok() ? QString() : describe(meBack.error())));
        QCOMPARE(meBack.value().user, u"ana"_s);
        QCOMPARE(meBack.value().role, role);
        QCOMPARE(meBack.value().projects, (QStringList{u"p1"_s, u"p2"_s}));
    }
}

void TestProtocolDecoding::badErrorHealthAndMeBodiesAreRefused()
{
    const auto errorCode = [](const auto &result) { return result.ok() ? u"ok"_s : result.error().code; };

    QCOMPARE(errorCode(ErrorBody::fromJson("not json")), u"malformed"_s);
    QCOMPARE(errorCode(ErrorBody::fromJson(R"({"message":"no code"})")), u"malformed"_s);
    QCOMPARE(errorCode(ErrorBody::fromJson(R"({"error":401})")), u"malformed"_s);
    QCOMPARE(errorCode(ErrorBody::fromJson(R"(["error"])")), u"malformed"_s);

    QCOMPARE(errorCode(HealthResponse::fromJson(R"({"version":"0.1.0"})")), u"malformed"_s);
    QCOMPARE(errorCode(HealthResponse::fromJson(R"({"status":true})")), u"malformed"_s);
    QCOMPARE(errorCode(HealthResponse::fromJson("<html>captive portal</html>")), u"malformed"_s);

    QCOMPARE(errorCode(MeResponse::fromJson(R"({"user":"ana","role":"owner","projects":[]})")),
             u"malformed"_s);
    QCOMPARE(errorCode(MeResponse::fromJson(R"({"user":"ana","role":"PM","projects":[]})")), u"malformed"_s);
    QCOMPARE(errorCode(MeResponse::fromJson(R"({"user":"ana","role":"pm","projects":[1]})")), u"malformed"_s);
    QCOMPARE(errorCode(MeResponse::fromJson(R"({"user":"ana","role":"pm"})")), u"malformed"_s);
    QCOMPARE(errorCode(MeResponse::fromJson(R"({"user":"ana","projects":[]})")), u"malformed"_s);
    QCOMPARE(errorCode(MeResponse::fromJson(R"({"user":"ana","role":"pm","projects":[],"admin":true})")),
             u"unknown_field"_s);
}

void TestProtocolDecoding::nowIsUtcWithMilliseconds()
{
    const QString now = nowUtcString();
    QVERIFY2(now.endsWith(u'Z'), qPrintable(now));
    QCOMPARE(now.size(), 24); // 2026-11-21T10:30:00.123Z
    const QDateTime parsedNow = QDateTime::fromString(now, Qt::ISODateWithMs);
    QVERIFY(parsedNow.isValid());
    QCOMPARE(parsedNow.timeSpec(), Qt::UTC);
    QVERIFY(qAbs(parsedNow.msecsTo(QDateTime::currentDateTimeUtc())) < 60 * 1000);
}

void TestProtocolDecoding::anAuditTrailDecodesStrictly()
{
    const QByteArray good =
        R"({"record":"r1","entity":"permit","project_id":"p","version":2,"entries":[)"
        R"({"seq":1,"user":"fred","device_id":"d","at":"2026-12-07T08:00:00.000Z","client_time":null,"before":null,"after":{"status":"draft"}},)"
        R"({"seq":2,"user":"sam","device_id":"d","at":"2026-12-07T08:01:00.000Z","client_time":"2026-12-07T08:00:59Z","before":{"status":"draft"},"after":{"status":"submitted"}}]})";
    const Result<protocol::AuditTrail> trail = protocol::AuditTrail::fromJson(good);
    QVERIFY2(trail.ok(), qPrintable(trail.ok() ? QString() : trail.error().toString()));
    QCOMPARE(trail.value().entries.size(), 2);
    QCOMPARE(trail.value().entries.at(1).clientTime, QStringLiteral("2026-12-07T08:00:59Z"));
    QCOMPARE(Workflow::whoBroughtItTo(trail.value().statusHistory(), QStringLiteral("submitted")),
             (QStringList{QStringLiteral("fred"), QStringLiteral("sam")}));

    for (const QByteArray &bad : {
             QByteArray(R"({"record":"r1","entity":"permit","project_id":"p","version":2})"),
             QByteArray(R"({"record":"r1","entity":"permit","project_id":"p","version":2,"entries":[7]})"),
             QByteArray(R"({"record":"r1","entity":"permit","project_id":"p","version":2,"entries":[)"
                        R"({"seq":1,"user":"f","device_id":"d","at":"x","before":[],"after":null}]})"),
             QByteArray(R"({"record":"r1","entity":"permit","project_id":"p","version":"2","entries":[]})"),
             QByteArray(
                 R"({"record":"r1","entity":"permit","project_id":"p","version":2,"entries":[],"x":1})"),
         })
        QVERIFY2(!protocol::AuditTrail::fromJson(bad).ok(), bad.constData());
}

QTEST_GUILESS_MAIN(TestProtocolDecoding)
#include "tst_protocoldecoding.moc"
