// The fast decoding of a push (decodeCanonicalPushRequest) against the general one
// (PushRequest::fromJsonGeneral): whatever the fast one takes, the general one decodes to the same
// request, and every body the general one refuses, the fast one leaves to it, so that each error
// stays what it was. Checked on sound pushes of every entity and op as a device writes them, and
// on each of them altered at every byte, cut short, reordered, with keys twice, with escapes and
// with numbers written every way JSON allows.
#include "domain/EntitySchema.h"
#include "protocol/CanonicalPushRequest.h"
#include "protocol/JsonReader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

#include "AlteredText.h"

using namespace fieldsync;
using namespace fieldsync::protocol;

namespace {

const QList<ChangeOp> AllOps{ChangeOp::Create, ChangeOp::Update, ChangeOp::Delete, ChangeOp::Append};

QString uuid(int group, int index)
{
    return QStringLiteral("0190a1b2-c3d4-7%1-8000-%2")
        .arg(group, 3, 10, QLatin1Char('0'))
        .arg(index, 12, 10, QLatin1Char('0'));
}

QJsonObject recordData(int index)
{
    // Some without numbers (the appends, every other create but the first): data a decoding may
    // keep as text (CanonicalJson takes no numbers).
    if (index % 4 == 3 || index % 8 == 4)
        return QJsonObject{
            {QStringLiteral("project_id"), QStringLiteral("11111111-1111-4111-8111-111111111111")},
            {QStringLiteral("title"),
             QStringLiteral("Schwei\u00dfen \"Ebene\" %1\n\\ \u00e9 \U0001F525").arg(index)},
            {QStringLiteral("status"), QStringLiteral("draft")},
            {QStringLiteral("ppe"), QJsonArray{QStringLiteral("gloves"), true, QJsonValue()}},
            {QStringLiteral("checks"),
             QJsonObject{{QStringLiteral("gas"), QJsonObject{{QStringLiteral("ok"), false}}}}}};
    return QJsonObject{
        {QStringLiteral("project_id"), QStringLiteral("11111111-1111-4111-8111-111111111111")},
        {QStringLiteral("title"),
         QStringLiteral("Schwei\u00dfen \"Ebene\" %1\n\\ \u00e9 \U0001F525").arg(index)},
        {QStringLiteral("status"), QStringLiteral("draft")},
        {QStringLiteral("ppe"), QJsonArray{QStringLiteral("gloves"), 2.5, true, QJsonValue(), -7}},
        {QStringLiteral("checks"),
         QJsonObject{{QStringLiteral("gas"), QJsonObject{{QStringLiteral("ok"), false}}},
                     {QStringLiteral("level"), 1e300}}},
        {QStringLiteral("count"), index}};
}

// A change of every entity and op, with a base where an update or a delete may have one.
QList<Change> soundChanges()
{
    QList<Change> changes;
    int index = 0;
    for (const EntitySchema *schema : EntitySchema::all()) {
        for (const ChangeOp op : AllOps) {
            Change change;
            change.offlineId = uuid(1, index);
            change.id = uuid(2, index);
            change.entity = schema->kind;
            change.op = op;
            if (!makesNewRecord(op)) {
                change.clientVersion = index + 1;
                if (index % 3 != 0)
                    change.base = QJsonObject{{QStringLiteral("title"), QStringLiteral("Old %1").arg(index)},
                                              {QStringLiteral("nothing"), QJsonValue()}};
            }
            // A delete carries no data; an update with data that is an empty object is still one.
            if (op != ChangeOp::Delete && !(op == ChangeOp::Update && index % 5 == 1))
                change.data = recordData(index);
            changes.append(change);
            ++index;
        }
    }
    return changes;
}

// As a device writes a push (SyncEngine: toJsonUntilClientTime, then finishJson).
QByteArray soundPush(QList<Change> changes,
                     const QString &clientTime = QStringLiteral("2026-12-07T17:20:00.123Z"),
                     const QString &batchId = QStringLiteral("b3c1f0de-0a4e-4f55-9a77-3c1e2d4b5a60"),
                     const QString &deviceId = QStringLiteral("afedacbc-b0e3-45ad-96b3-9d308097d38d"))
{
    PushRequest request;
    request.batchId = batchId;
    request.changes = std::move(changes);
    QByteArray body = request.toJsonUntilClientTime();
    PushRequest::finishJson(body, clientTime, deviceId);
    return body;
}

QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("<null>") : QLatin1Char('"') + value + QLatin1Char('"');
}

QString text(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

// Everything a decoded push holds, or its error: two decodings are the same when these are.
QString describe(const Result<PushRequest> &decoded)
{
    if (!decoded)
        return QStringLiteral("error ") + decoded.error().code + QLatin1Char('|') + decoded.error().message;
    const PushRequest &request = decoded.value();
    QString description = QStringLiteral("device %1 time %2 batch %3 changes %4")
                              .arg(text(request.deviceId), text(request.clientTime), text(request.batchId))
                              .arg(request.changes.size());
    for (const Change &change : request.changes) {
        description += QStringLiteral("\n%1 %2 %3 %4 %5 base %6 (%7) data %8 (%9)")
                           .arg(text(change.offlineId), EntitySchema::of(change.entity).wireName,
                                changeOpName(change.op), text(change.id))
                           .arg(change.clientVersion)
                           .arg(text(change.base))
                           .arg(change.base.size())
                           .arg(text(change.data))
                           .arg(change.data.size());
    }
    return description;
}

bool sameObjects(const PushRequest &mine, const PushRequest &theirs)
{
    if (mine.changes.size() != theirs.changes.size())
        return false;
    for (qsizetype index = 0; index < mine.changes.size(); ++index) {
        const Change &a = mine.changes.at(index);
        const Change &b = theirs.changes.at(index);
        if (a.base != b.base || a.data != b.data)
            return false;
    }
    return true;
}

int taken = 0;
int keptTexts = 0; // creates' data kept as text by checkAgreement()

// Fails the test when the fast decoding takes body and decodes it otherwise than the general one,
// or when fromJson answers otherwise than the general one. Returns whether the fast one took it.
bool checkAgreement(const QByteArray &body)
{
    const std::optional<PushRequest> fast = decodeCanonicalPushRequest(body);
    const Result<PushRequest> general = PushRequest::fromJsonGeneral(body);
    const Result<PushRequest> decoded = PushRequest::fromJson(body);
    const QString expected = describe(general);
    if (describe(decoded) != expected) {
        qWarning("fromJson and fromJsonGeneral differ on %s", body.constData());
        return false;
    }
    // Kept as text, a create's data is what the general decoding makes of it once parsed.
    const Result<PushRequest> kept =
        PushRequest::fromJson(body, PushRequest::DataOfCreates::TextWhenCanonical);
    if (kept) {
        PushRequest parsed = kept.value();
        for (Change &change : parsed.changes) {
            if (change.dataText.isEmpty())
                continue;
            qsizetype at = 0;
            const std::optional<QJsonObject> data = JsonReader::parseObjectAt(change.dataText, at, 64);
            if (!makesNewRecord(change.op) || !change.data.isEmpty() || !data ||
                at != change.dataText.size()) {
                qWarning("a create's data kept as text that is not one object on %s", body.constData());
                return false;
            }
            change.data = *data;
            change.dataText.clear();
            ++keptTexts;
        }
        if (describe(parsed) != expected || !general || !sameObjects(parsed, general.value())) {
            qWarning("the decoding that keeps data as text differs from the general one on %s",
                     body.constData());
            return false;
        }
    } else if (describe(kept) != expected) {
        qWarning("the decoding that keeps data as text refuses otherwise on %s", body.constData());
        return false;
    }
    if (!fast)
        return false;
    if (!general) {
        qWarning("taken by the fast decoding, refused by the general one (%s): %s",
                 qPrintable(general.error().toString()), body.constData());
        return false;
    }
    if (describe(*fast) != expected || !sameObjects(*fast, general.value())) {
        qWarning("the fast decoding differs from the general one on %s:\n%s\n%s", body.constData(),
                 qPrintable(describe(*fast)), qPrintable(expected));
        return false;
    }
    ++taken;
    return true;
}

// Agreement where the fast decoding takes the body; where it does not, fromJson must still answer
// as the general one does.
bool agrees(const QByteArray &body)
{
    const bool fast = decodeCanonicalPushRequest(body).has_value();
    return checkAgreement(body) || !fast;
}

QByteArray replaced(QByteArray body, const QByteArray &before, const QByteArray &after)
{
    return body.replace(before, after);
}

} // namespace

class PushRequestDecodeTest : public QObject
{
    Q_OBJECT

private slots:
    void soundPushesTakeTheFastWay_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("changes");
        const QList<Change> all = soundChanges();
        QTest::newRow("no changes") << soundPush({}) << 0;
        QTest::newRow("one create") << soundPush(all.mid(0, 1)) << 1;
        QTest::newRow("every entity and op") << soundPush(all) << int(all.size());
        QTest::newRow("no client_time") << soundPush(all, QString()) << int(all.size());
        QTest::newRow("no batch_id") << soundPush(all, QStringLiteral("2026-12-07T17:20:00Z"), QString())
                                     << int(all.size());
        QTest::newRow("client_time with an offset")
            << soundPush(all, QStringLiteral("2026-12-07T18:20:00+01:00")) << int(all.size());
        QTest::newRow("device_id of 64 characters")
            << soundPush(all, QStringLiteral("2026-12-07T17:20:00Z"), QStringLiteral("b"), QString(64, u'd'))
            << int(all.size());
        QTest::newRow("batch_id of 64 characters")
            << soundPush(all, QStringLiteral("2026-12-07T17:20:00Z"), QString(64, u'b')) << int(all.size());
        QTest::newRow("printable ASCII ids")
            << soundPush(all, QStringLiteral("2026-12-07T17:20:00Z"),
                         QStringLiteral(" !#$%&'()*+,-./09:;<=>?@AZ[]^_`az{|}~"),
                         QStringLiteral("tablet 7 / {site} [2]"))
            << int(all.size());
        QList<Change> many;
        for (int index = 0; index < 500; ++index) {
            Change change = all.at(index % 4 == 0 ? 0 : 1);
            change.offlineId = uuid(3, index);
            change.id = uuid(4, index);
            change.clientVersion = makesNewRecord(change.op) ? 0 : 999999999999999 - index;
            many.append(change);
        }
        QTest::newRow("a batch of 500") << soundPush(many) << 500;
    }

    void soundPushesTakeTheFastWay()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, changes);
        QVERIFY(decodeCanonicalPushRequest(body).has_value());
        QVERIFY(checkAgreement(body));
        QCOMPARE(decodeCanonicalPushRequest(body)->changes.size(), changes);
    }

    // Pushes written another way, or refused: the fast way leaves each to the general one (and
    // would be caught deciding one otherwise).
    void otherPushesAreLeftToTheGeneralWay_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("valid"); // whether the general way takes it
        const QByteArray sound = soundPush(soundChanges().mid(0, 6));
        const QByteArray version = "\"client_version\":2,";
        const QByteArray create = "\"client_version\":0,";
        QTest::newRow("spaces") << replaced(sound, ",\"id\":", ", \"id\" : ") << true;
        QTest::newRow("a newline at the end") << sound + "\n" << true;
        QTest::newRow("a space at the start") << " " + sound << true;
        QTest::newRow("another key order at the top")
            << replaced(sound, "{\"batch_id\":\"b3c1f0de-0a4e-4f55-9a77-3c1e2d4b5a60\",",
                        "{\"client_time\":\"2026-12-07T17:20:00Z\",\"batch_id\":\"b3c1f0de-0a4e-4f55-9a77-"
                        "3c1e2d4b5a60\",")
                   .replace(",\"client_time\":\"2026-12-07T17:20:00.123Z\"", "")
            << true;
        QTest::newRow("another key order in a change")
            << replaced(sound, "{\"base\":{},\"client_version\":0,", "{\"client_version\":0,\"base\":{},")
            << true;
        QTest::newRow("no base") << replaced(sound, "{\"base\":{},", "{") << true;
        QTest::newRow("base null") << replaced(sound, "{\"base\":{},", "{\"base\":null,") << true;
        QTest::newRow("data null in a create")
            << replaced(sound, "\"data\":{\"checks\"", "\"data\":null,\"x\":{\"checks\"") << false;
        QTest::newRow("no client_version in a create") << replaced(sound, create, "") << true;
        QTest::newRow("client_version 0.0") << replaced(sound, create, "\"client_version\":0.0,") << true;
        QTest::newRow("client_version -0") << replaced(sound, create, "\"client_version\":-0,") << true;
        QTest::newRow("client_version 0e5") << replaced(sound, create, "\"client_version\":0e5,") << true;
        QTest::newRow("client_version 2.0") << replaced(sound, version, "\"client_version\":2.0,") << true;
        QTest::newRow("client_version 2e0") << replaced(sound, version, "\"client_version\":2e0,") << true;
        QTest::newRow("client_version 0.2e1")
            << replaced(sound, version, "\"client_version\":0.2e1,") << true;
        QTest::newRow("client_version 1e2") << replaced(sound, version, "\"client_version\":1e2,") << true;
        QTest::newRow("client_version 1E+2") << replaced(sound, version, "\"client_version\":1E+2,") << true;
        QTest::newRow("client_version 02") << replaced(sound, version, "\"client_version\":02,") << false;
        QTest::newRow("client_version -2") << replaced(sound, version, "\"client_version\":-2,") << false;
        QTest::newRow("client_version 2.5") << replaced(sound, version, "\"client_version\":2.5,") << false;
        QTest::newRow("client_version of 16 digits")
            << replaced(sound, version, "\"client_version\":1000000000000000,") << true;
        QTest::newRow("client_version 2^53-1")
            << replaced(sound, version, "\"client_version\":9007199254740991,") << true;
        QTest::newRow("client_version 2^53")
            << replaced(sound, version, "\"client_version\":9007199254740992,") << false;
        QTest::newRow("client_version 2^63")
            << replaced(sound, version, "\"client_version\":9223372036854775808,") << false;
        QTest::newRow("client_version of 400 digits")
            << replaced(sound, version, "\"client_version\":" + QByteArray(400, '9') + ",") << false;
        QTest::newRow("client_version 1e400")
            << replaced(sound, version, "\"client_version\":1e400,") << false;
        QTest::newRow("client_version as text")
            << replaced(sound, version, "\"client_version\":\"2\",") << false;
        QTest::newRow("client_version null in an update")
            << replaced(sound, version, "\"client_version\":null,") << false;
        QTest::newRow("a create with a client_version")
            << replaced(sound, create, "\"client_version\":3,") << false;
        QTest::newRow("a create with a base") << replaced(sound, "{\"base\":{},\"client_version\":0,",
                                                          "{\"base\":{\"a\":1},\"client_version\":0,")
                                              << false;
        QTest::newRow("escaped key") << replaced(sound, "\"entity\":", "\"\\u0065ntity\":") << true;
        QTest::newRow("escaped key at the top")
            << replaced(sound, "\"device_id\":", "\"device\\u005fid\":") << true;
        QTest::newRow("escaped value")
            << replaced(sound, "\"op\":\"create\"", "\"op\":\"\\u0063reate\"") << true;
        QTest::newRow("escaped solidus in an id")
            << replaced(sound, "\"batch_id\":\"b3c1", "\"batch_id\":\"\\/b3c1") << true;
        QTest::newRow("escaped device_id")
            << replaced(sound, "\"device_id\":\"afed", "\"device_id\":\"\\u0061fed") << true;
        QTest::newRow("non-ASCII device_id") << replaced(sound, "\"device_id\":\"afed",
                                                         "\"device_id\":\"\xc3\xa9"
                                                         "fed")
                                             << true;
        QTest::newRow("invalid UTF-8 in device_id") << replaced(sound, "\"device_id\":\"afed",
                                                                "\"device_id\":\"\xc3"
                                                                "fed")
                                                    << false;
        QTest::newRow("a tab in device_id")
            << replaced(sound, "\"device_id\":\"afed", "\"device_id\":\"\tfed") << false;
        QTest::newRow("DEL in device_id") << replaced(sound, "\"device_id\":\"afed",
                                                      "\"device_id\":\"\x7f"
                                                      "fed")
                                          << true;
        QTest::newRow("device_id of 65 characters")
            << soundPush(soundChanges().mid(0, 2), QStringLiteral("2026-12-07T17:20:00Z"),
                         QStringLiteral("b"), QString(65, u'd'))
            << false;
        QTest::newRow("device_id empty")
            << soundPush(soundChanges().mid(0, 2), QStringLiteral("2026-12-07T17:20:00Z"),
                         QStringLiteral("b"), QString())
            << false;
        QTest::newRow("batch_id of 65 characters")
            << soundPush(soundChanges().mid(0, 2), QStringLiteral("2026-12-07T17:20:00Z"), QString(65, u'b'))
            << false;
        QTest::newRow("client_time in words")
            << soundPush(soundChanges().mid(0, 2), QStringLiteral("yesterday")) << false;
        QTest::newRow("client_time without its zone")
            << soundPush(soundChanges().mid(0, 2), QStringLiteral("2026-12-07T17:20:00")) << false;
        QTest::newRow("a key twice at the top")
            << replaced(sound, ",\"device_id\":", ",\"device_id\":\"x\",\"device_id\":") << false;
        QTest::newRow("changes twice")
            << replaced(sound, "\"changes\":[", "\"changes\":[],\"changes\":[") << false;
        QTest::newRow("a key twice in a change")
            << replaced(sound, ",\"op\":\"create\"", ",\"op\":\"x\",\"op\":\"create\"") << false;
        QTest::newRow("a key twice in data")
            << replaced(sound, "\"status\":\"draft\"", "\"status\":\"draft\",\"status\":\"x\"") << false;
        QTest::newRow("a key twice deep in data")
            << replaced(sound, "{\"ok\":false}", "{\"ok\":false,\"ok\":true}") << false;
        QTest::newRow("a key twice in an object of data")
            << replaced(sound, "\"level\":", "\"level\":1,\"level\":") << false;
        QTest::newRow("a key twice in an object in an array of data")
            << replaced(sound, "\"ppe\":[", "\"ppe\":[{\"a\":1,\"a\":2},") << false;
        QTest::newRow("a key twice in an object under an escaped key")
            << replaced(sound, "\"checks\":{", "\"ch\\u0065cks\":{\"level\":0,") << false;
        QTest::newRow("a key twice in an object under a non-ASCII key") << replaced(sound, "\"checks\":{",
                                                                                    "\"ch\xc3\xa9"
                                                                                    "cks\":{\"level\":0,")
                                                                        << false;
        QTest::newRow("an object of data twice")
            << replaced(sound, "\"count\":0", "\"count\":0,\"checks\":{}") << false;
        QTest::newRow("a key twice in base")
            << replaced(sound, "{\"nothing\":null,", "{\"nothing\":null,\"nothing\":1,") << false;
        QTest::newRow("an unknown key in a change")
            << replaced(sound, ",\"op\":\"create\"", ",\"op\":\"create\",\"priority\":1") << false;
        QTest::newRow("an unknown key at the top")
            << replaced(sound, "{\"batch_id\":", "{\"a\":1,\"batch_id\":") << false;
        QTest::newRow("unknown entity")
            << replaced(sound, "\"entity\":\"permit\"", "\"entity\":\"invoice\"") << false;
        QTest::newRow("entity in upper case")
            << replaced(sound, "\"entity\":\"permit\"", "\"entity\":\"Permit\"") << false;
        QTest::newRow("unknown op") << replaced(sound, "\"op\":\"create\"", "\"op\":\"upsert\"") << false;
        QTest::newRow("an id in upper case")
            << replaced(sound, "\"id\":\"0190a1b2", "\"id\":\"0190A1B2") << false;
        QTest::newRow("the nil UUID")
            << replaced(sound, uuid(2, 0).toLatin1(), "00000000-0000-0000-0000-000000000000") << false;
        QTest::newRow("an id in braces")
            << replaced(sound, uuid(2, 0).toLatin1(), "{" + uuid(2, 0).toLatin1() + "}") << false;
        QTest::newRow("base an array") << replaced(sound, "{\"base\":{},", "{\"base\":[],") << false;
        QTest::newRow("data an array") << replaced(sound, "\"data\":{\"checks\"", "\"data\":[{\"checks\"")
                                              .replace("\"count\":0}", "\"count\":0}]")
                                       << false;
        QTest::newRow("data a string")
            << replaced(sound, "\"data\":{\"checks\"", "\"data\":\"\",\"x\":{\"checks\"") << false;
        QTest::newRow("a change that is null")
            << replaced(sound, "\"changes\":[", "\"changes\":[null,") << false;
        QTest::newRow("a trailing comma")
            << replaced(sound, "}],\"client_time\"", "},],\"client_time\"") << false;
        QTest::newRow("half a surrogate pair in data")
            << replaced(sound, "\"status\":\"draft\"", "\"status\":\"\\ud800\"") << false;
        // Escaped surrogates, whole pairs too, are left to the general way, which tells them apart.
        QTest::newRow("a whole surrogate pair in data")
            << replaced(sound, "\"status\":\"draft\"", "\"status\":\"\\ud83d\\ude00\"") << true;
        QTest::newRow("a whole surrogate pair in base")
            << replaced(sound, "\"title\":\"Old 1\"", "\"title\":\"\\uD83D\\uDE00\"") << true;
        QTest::newRow("a raw control character in data")
            << replaced(sound, "\"status\":\"draft\"", "\"status\":\"dr\tft\"") << false;
        QTest::newRow("invalid UTF-8 in data") << replaced(sound, "\"status\":\"draft\"",
                                                           "\"status\":\"dr\xff\xfe"
                                                           "ft\"")
                                               << false;
        QTest::newRow("a number too large in data")
            << replaced(sound, "\"count\":0", "\"count\":1e999") << false;
        QTest::newRow("data nested 2000 deep")
            << replaced(sound, "\"status\":\"draft\"",
                        "\"status\":" + QByteArray(2000, '[') + QByteArray(2000, ']'))
            << false;
        QTest::newRow("data nested 1019 deep")
            << replaced(sound, "\"status\":\"draft\"",
                        "\"status\":" + QByteArray(1019, '[') + QByteArray(1019, ']'))
            << true;
        QTest::newRow("data nested 1021 deep")
            << replaced(sound, "\"status\":\"draft\"",
                        "\"status\":" + QByteArray(1021, '[') + QByteArray(1021, ']'))
            << false;
        QTest::newRow("the same key escaped twice in data")
            << replaced(sound, "\"status\":\"draft\"", "\"status\":\"draft\",\"st\\u0061tus\":1") << false;
        QTest::newRow("cut short") << sound.left(sound.size() / 2) << false;
        QTest::newRow("cut before the last brace") << sound.chopped(1) << false;
        QTest::newRow("garbage after") << sound + "}" << false;
        QTest::newRow("two pushes") << sound + sound << false;
        QTest::newRow("a NUL after") << sound + QByteArray(1, '\0') << false;
        QTest::newRow("empty") << QByteArray() << false;
        QTest::newRow("the push in an array") << "[" + sound + "]" << false;
    }

    void otherPushesAreLeftToTheGeneralWay()
    {
        QFETCH(QByteArray, body);
        QFETCH(bool, valid);
        QVERIFY(!decodeCanonicalPushRequest(body).has_value());
        checkAgreement(body);
        QCOMPARE(describe(PushRequest::fromJson(body)), describe(PushRequest::fromJsonGeneral(body)));
        QCOMPARE(PushRequest::fromJsonGeneral(body).ok(), valid);
    }

    // Alterations that keep a push in the form the fast way reads: it still takes them, as the
    // general way decodes them.
    void soundVariationsAgree_data()
    {
        QTest::addColumn<QByteArray>("body");
        const QByteArray sound = soundPush(soundChanges().mid(0, 6));
        const QByteArray version = "\"client_version\":2,";
        QTest::newRow("client_version of 15 digits")
            << replaced(sound, version, "\"client_version\":999999999999999,");
        QTest::newRow("an unknown escape in data")
            << replaced(sound, "\"status\":\"draft\"", "\"status\":\"dr\\aft\"");
        QTest::newRow("numbers of every form in data")
            << replaced(sound, "\"count\":0",
                        "\"count\":-0,\"a\":1.0,\"b\":1e2,\"c\":-1.5E-3,\"d\":9007199254740993,"
                        "\"e\":18446744073709551616,\"f\":1e308,\"g\":0.0");
        QTest::newRow("data nested 60 deep") << replaced(
            sound, "\"status\":\"draft\"", "\"status\":" + QByteArray(60, '[') + QByteArray(60, ']'));
        QTest::newRow("a brace in a data string")
            << replaced(sound, "\"status\":\"draft\"", "\"status\":\"}{][\\\"\\\\\"");
        QTest::newRow("a key of data escaped") << replaced(sound, "\"status\":", "\"st\\u0061tus\":");
        QTest::newRow("objects in an array of data")
            << replaced(sound, "\"ppe\":[", "\"ppe\":[{\"a\":1,\"b\":{\"a\":2}},");
        QTest::newRow("an object under an escaped key")
            << replaced(sound, "\"checks\":{", "\"ch\\u0065cks\":{");
        QTest::newRow("an object under a non-ASCII key") << replaced(sound, "\"checks\":{",
                                                                     "\"ch\xc3\xa9"
                                                                     "cks\":{");
        QTest::newRow("an object under an empty key") << replaced(sound, "\"checks\":{", "\"\":{");
        QTest::newRow("a create with a base of spaces")
            << replaced(sound, "{\"base\":{},\"client_version\":0,", "{\"base\":{ },\"client_version\":0,");
        QTest::newRow("data with spaces")
            << replaced(sound, "\"status\":\"draft\"", " \"status\" :\t\"draft\"\n");
        QTest::newRow("a key repeated in another object")
            << replaced(sound, "{\"ok\":false}", "{\"ok\":false,\"status\":1}");
        QTest::newRow("escapes in data") << replaced(
            sound, "\"status\":\"draft\"", "\"status\":\"\\u00e9\\u0000\\n\\\"\\\\\\/\\b\\f\\r\\t\"");
    }

    void soundVariationsAgree()
    {
        QFETCH(QByteArray, body);
        QVERIFY(decodeCanonicalPushRequest(body).has_value());
        QVERIFY(checkAgreement(body));
    }

    // Every byte of a sound push dropped, doubled or replaced with one that means something to
    // JSON, and the push cut at every byte: whatever the fast way still takes, it decodes as the
    // general way does, and whatever it leaves, fromJson answers as the general way does.
    void everyAlteredPushAgreesWithTheGeneralWay()
    {
        const QByteArray sound =
            soundPush(soundChanges().mid(0, 4), QStringLiteral("2026-12-07T17:20:00.5Z"));
        const QByteArray replacements("\"\\{}[],:0 19-x.eEunlt\x01\x7f\xc3");
        int cases = 0;
        const int takenBefore = taken;
        for (qsizetype at = 0; at < sound.size(); ++at) {
            QList<QByteArray> altered = test::alterationsAt(sound, at, replacements);
            altered.append(sound.left(at));
            for (const QByteArray &body : std::as_const(altered)) {
                ++cases;
                QVERIFY2(agrees(body), body.constData());
            }
        }
        qInfo("%d altered pushes, %d of them still taken the fast way", cases, taken - takenBefore);
        // Changes inside strings, numbers and data leave a sound push.
        QVERIFY(taken - takenBefore > 100);
        QVERIFY(keptTexts > 100);
    }

    // Several random alterations at once, of the kinds above and of whole keys and values.
    void randomlyAlteredPushesAgreeWithTheGeneralWay()
    {
        QRandomGenerator random(20261207);
        const QByteArray sound = soundPush(soundChanges().mid(0, 8));
        const QList<QByteArray> pieces{"\"",   "\\",     "{",      "}",        "[",       "]",
                                       ",",    ":",      "0",      "-0",       "1.0",     "1e2",
                                       "null", "true",   " ",      "\\u0000",  "\\ud800", "\"data\":{}",
                                       "{}",   "\"op\"", "\"id\"", "\xc3\xa9", "\x01",    "9007199254740993"};
        int cases = 0;
        const int takenBefore = taken;
        for (int round = 0; round < 4000; ++round) {
            QByteArray body = sound;
            const int edits = 1 + random.bounded(3);
            for (int edit = 0; edit < edits; ++edit) {
                const qsizetype at = random.bounded(int(body.size()));
                const QByteArray &piece = pieces.at(random.bounded(int(pieces.size())));
                switch (random.bounded(4)) {
                case 0:
                    body.insert(at, piece);
                    break;
                case 1:
                    body.replace(at, 1 + random.bounded(3), piece);
                    break;
                case 2:
                    body.remove(at, 1 + random.bounded(8));
                    break;
                default: {
                    // A stretch of the body written twice: keys and values named again.
                    const qsizetype length = 1 + random.bounded(40);
                    body.insert(at, body.mid(random.bounded(int(body.size())), length));
                }
                }
            }
            ++cases;
            QVERIFY2(agrees(body), body.constData());
        }
        qInfo("%d randomly altered pushes, %d of them still taken the fast way", cases, taken - takenBefore);
    }
};

QTEST_GUILESS_MAIN(PushRequestDecodeTest)
#include "tst_pushrequestdecode.moc"
