// The fast decoding of a push answer (decodeAppliedOnlyAnswer) against the general one
// (PushResponse::fromJsonGeneral): whatever the fast one takes, the general one decodes to the same
// response, and every answer the general one refuses, the fast one leaves to it. Checked on sound
// answers as a server writes them and on each of them altered at every byte.
#include "common/CanonicalJson.h"
#include "common/JsonWriter.h"
#include "protocol/AppliedOnlyAnswer.h"

#include <QJsonArray>
#include <QTest>

#include "AlteredText.h"

using namespace fieldsync;
using namespace fieldsync::protocol;

namespace {

QJsonObject permitData(int index)
{
    // Every other record as JsonWriter writes one without numbers: what the device reads as text.
    if (index % 2 == 1)
        return QJsonObject{
            {QStringLiteral("project_id"), QStringLiteral("11111111-1111-4111-8111-111111111111")},
            {QStringLiteral("title"), QStringLiteral("Schweißen \"Ebene\" %1\n\\ \u0001").arg(index)},
            {QStringLiteral("status"), QStringLiteral("draft")},
            {QStringLiteral("ppe"), QJsonArray{QStringLiteral("gloves"), true, QJsonValue()}},
            {QStringLiteral("checks"),
             QJsonObject{{QStringLiteral("gas"), QJsonObject{{QStringLiteral("ok"), false}}}}}};
    return QJsonObject{
        {QStringLiteral("project_id"), QStringLiteral("11111111-1111-4111-8111-111111111111")},
        {QStringLiteral("title"), QStringLiteral("Schweißen \"Ebene\" %1\n\\ \u00e9 \u0001").arg(index)},
        {QStringLiteral("status"), QStringLiteral("draft")},
        {QStringLiteral("ppe"), QJsonArray{QStringLiteral("gloves"), 2.5, true, QJsonValue()}},
        {QStringLiteral("checks"),
         QJsonObject{{QStringLiteral("gas"), QJsonObject{{QStringLiteral("ok"), false}}}}},
        {QStringLiteral("count"), index}};
}

// As a server answers a batch it applied whole (PushResponse::toJson writes the same layout).
QByteArray soundAnswer(int entries, qint64 cursor = 42)
{
    PushResponse response;
    for (int index = 0; index < entries; ++index) {
        response.applied.append(
            AppliedChange{QStringLiteral("00000000-0000-7000-8000-%1").arg(index, 12, 10, QLatin1Char('0')),
                          QStringLiteral("00000000-0000-7000-9000-%1").arg(index, 12, 10, QLatin1Char('0')),
                          qint64(index + 1), permitData(index)});
    }
    response.cursor = cursor;
    return response.toJson();
}

QString describe(const Result<PushResponse> &decoded)
{
    return decoded ? QString::fromUtf8(decoded.value().toJson()) : decoded.error().toString();
}

QString describe(const CanonicalJson::Outline &outline)
{
    QStringList members;
    for (const CanonicalJson::OutlinedMember &member : outline) {
        members.append(QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9")
                           .arg(member.keyAt)
                           .arg(member.keySize)
                           .arg(member.valueAt)
                           .arg(int(member.kind))
                           .arg(member.string.end)
                           .arg(member.string.utf16Length)
                           .arg(member.string.plain)
                           .arg(member.onlyStrings)
                           .arg(member.onlyBools));
    }
    return members.join(QLatin1Char(';'));
}

// Records the fast decoding left as text (PushResponse::AppliedData::TextWhenCanonical).
int textRecords = 0;

// Fails the test when the fast decoding takes body and decodes it otherwise than the general one.
// Returns whether the fast one took it.
bool checkAgreement(const QByteArray &body)
{
    const std::optional<PushResponse> fast = decodeAppliedOnlyAnswer(body);
    const Result<PushResponse> general = PushResponse::fromJsonGeneral(body);
    const Result<PushResponse> decoded = PushResponse::fromJson(body);
    // fromJson is the fast one where it applies and the general one elsewhere.
    if (describe(decoded) != describe(general) ||
        (decoded && decoded.value().appliedDataJson != general.value().appliedDataJson)) {
        qWarning("fromJson and fromJsonGeneral differ on %s", body.constData());
        return false;
    }
    if (!fast) {
        if (decodeAppliedOnlyAnswer(body, PushResponse::AppliedData::TextWhenCanonical))
            qWarning("records as text, the fast decoding takes what it leaves otherwise: %s",
                     body.constData());
        return false;
    }
    if (!general) {
        qWarning("taken by the fast decoding, refused by the general one (%s): %s",
                 qPrintable(general.error().toString()), body.constData());
        return false;
    }
    const PushResponse &expected = general.value();
    bool same = fast->cursor == expected.cursor && fast->applied.size() == expected.applied.size() &&
                fast->appliedDataJson == expected.appliedDataJson && fast->conflicts.isEmpty() &&
                fast->rejected.isEmpty() && expected.conflicts.isEmpty() && expected.rejected.isEmpty();
    for (qsizetype index = 0; same && index < fast->applied.size(); ++index) {
        const AppliedChange &mine = fast->applied.at(index);
        const AppliedChange &theirs = expected.applied.at(index);
        same = mine.offlineId == theirs.offlineId && mine.id == theirs.id && mine.version == theirs.version &&
               mine.data == theirs.data;
    }
    if (!same) {
        qWarning("the fast decoding differs from the general one on %s", body.constData());
        return false;
    }
    // Asked for records as text, it takes the same answers, and each record it leaves as text is
    // the text JsonWriter writes of the general way's record.
    const std::optional<PushResponse> asText =
        decodeAppliedOnlyAnswer(body, PushResponse::AppliedData::TextWhenCanonical);
    same = asText && asText->cursor == expected.cursor && asText->applied.size() == expected.applied.size() &&
           asText->appliedDataJson == expected.appliedDataJson;
    for (qsizetype index = 0; same && index < asText->applied.size(); ++index) {
        const AppliedChange &mine = asText->applied.at(index);
        const AppliedChange &theirs = expected.applied.at(index);
        same = mine.offlineId == theirs.offlineId && mine.id == theirs.id && mine.version == theirs.version &&
               (mine.dataAsText ? mine.data.isEmpty() &&
                                      JsonWriter::compact(theirs.data) == asText->appliedDataJson.at(index)
                                : mine.data == theirs.data);
        if (mine.dataAsText) {
            // Its outline is the one CanonicalJson makes of the text alone.
            CanonicalJson::Outline outline;
            same = same && CanonicalJson::objectEnd(asText->appliedDataJson.at(index), 0, outline) &&
                   describe(outline) == describe(mine.dataOutline);
        }
        textRecords += mine.dataAsText ? 1 : 0;
    }
    if (!same)
        qWarning("the fast decoding of records as text differs from the general one on %s", body.constData());
    return same;
}

} // namespace

class AppliedOnlyAnswerTest : public QObject
{
    Q_OBJECT

private slots:
    void soundAnswersTakeTheFastWay_data()
    {
        QTest::addColumn<int>("entries");
        QTest::addColumn<qint64>("cursor");
        QTest::newRow("none applied") << 0 << qint64(0);
        QTest::newRow("one") << 1 << qint64(7);
        QTest::newRow("many") << 50 << qint64(123456789012345);
    }

    void soundAnswersTakeTheFastWay()
    {
        QFETCH(int, entries);
        QFETCH(qint64, cursor);
        const QByteArray body = soundAnswer(entries, cursor);
        QVERIFY(decodeAppliedOnlyAnswer(body).has_value());
        textRecords = 0;
        QVERIFY(checkAgreement(body));
        // The records without numbers, every other one, are left as text.
        QCOMPARE(textRecords, entries / 2);
        QCOMPARE(decodeAppliedOnlyAnswer(body)->applied.size(), entries);
    }

    // Answers with more than applied in them, or written another way, or broken: the fast way
    // leaves each to the general one (and would be caught deciding one otherwise).
    void otherAnswersAreLeftToTheGeneralWay_data()
    {
        QTest::addColumn<QByteArray>("body");
        const QByteArray sound = soundAnswer(2);
        QTest::newRow("a conflict") << QByteArray(sound).replace(
            "\"conflicts\":[]",
            "\"conflicts\":[{\"offline_id\":\"a\",\"id\":\"b\",\"client_version\":1,\"server_version\":2,"
            "\"reason\":\"stale\"}]");
        QTest::newRow("a rejection") << QByteArray(sound).replace(
            "\"rejected\":[]", "\"rejected\":[{\"offline_id\":\"a\",\"reason\":\"validation\"}]");
        QTest::newRow("spaces") << QByteArray(sound).replace(",\"id\":", ", \"id\" : ");
        QTest::newRow("trailing space") << sound + " ";
        QTest::newRow("escaped id") << QByteArray(sound).replace("\"id\":\"0", "\"id\":\"\\u0030");
        QTest::newRow("another key order")
            << QByteArray("{\"conflicts\":[],\"applied\":[],\"cursor\":1,\"rejected\":[]}");
        QTest::newRow("unknown member")
            << QByteArray(sound).replace(",\"version\":", ",\"extra\":1,\"version\":");
        QTest::newRow("version 0") << QByteArray(sound).replace("\"version\":1}", "\"version\":0}");
        QTest::newRow("version 01") << QByteArray(sound).replace("\"version\":1}", "\"version\":01}");
        QTest::newRow("version 1.0") << QByteArray(sound).replace("\"version\":1}", "\"version\":1.0}");
        QTest::newRow("version 1e0") << QByteArray(sound).replace("\"version\":1}", "\"version\":1e0}");
        QTest::newRow("version 2^53+1")
            << QByteArray(sound).replace("\"version\":1}", "\"version\":9007199254740993}");
        // Read digit by digit, a value this long would overflow a qint64 (UBSan reports that).
        QTest::newRow("version of 25 digits") << QByteArray(sound).replace(
            "\"version\":1}", QByteArray("\"version\":" + QByteArray(25, '9') + "}"));
        QTest::newRow("cursor of 25 digits")
            << QByteArray(sound).replace("\"cursor\":42", QByteArray("\"cursor\":" + QByteArray(25, '9')));
        QTest::newRow("version as text") << QByteArray(sound).replace("\"version\":1}", "\"version\":\"1\"}");
        QTest::newRow("negative cursor") << QByteArray(sound).replace("\"cursor\":42", "\"cursor\":-42");
        QTest::newRow("data an array") << QByteArray(
            "{\"applied\":[{\"data\":[1],\"id\":\"a\",\"offline_id\":\"b\",\"version\":1}],\"conflicts\":[],"
            "\"cursor\":1,\"rejected\":[]}");
        QTest::newRow("data null") << QByteArray(
            "{\"applied\":[{\"data\":null,\"id\":\"a\",\"offline_id\":\"b\",\"version\":1}],\"conflicts\":[],"
            "\"cursor\":1,\"rejected\":[]}");
        QTest::newRow("a key twice in data")
            << QByteArray(sound).replace("\"status\":\"draft\"", "\"status\":\"draft\",\"status\":\"x\"");
        QTest::newRow("half a surrogate pair in data")
            << QByteArray(sound).replace("\"status\":\"draft\"", "\"status\":\"\\ud800\"");
        QTest::newRow("a surrogate pair in data")
            << QByteArray(sound).replace("\"status\":\"draft\"", "\"status\":\"\\ud83d\\ude00\"");
        QTest::newRow("the low half of a surrogate pair alone in data")
            << QByteArray(sound).replace("\"status\":\"draft\"", "\"status\":\"\\udc00x\"");
        QTest::newRow("an escape of too few hex digits in data")
            << QByteArray(sound).replace("\"status\":\"draft\"", "\"status\":\"\\u00g1\"");
        QTest::newRow("an escape cut short at the end of data")
            << QByteArray(sound).replace("\"status\":\"draft\"", "\"status\":\"\\u00");
        QTest::newRow("a raw control character in data")
            << QByteArray(sound).replace("\"status\":\"draft\"", "\"status\":\"dr\tft\"");
        QTest::newRow("invalid UTF-8 in data")
            << QByteArray(sound).replace("\"status\":\"draft\"", "\"status\":\"dr\xff\xfe"
                                                                 "ft\"");
        QTest::newRow("a data object nested deep") << QByteArray(sound).replace(
            "\"status\":\"draft\"",
            QByteArray("\"status\":" + QByteArray(2000, '[') + QByteArray(2000, ']')));
        QTest::newRow("cut short") << sound.left(sound.size() / 2);
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("a key twice at the top")
            << QByteArray(sound).replace("\"cursor\":42", "\"cursor\":42,\"cursor\":43");
        QTest::newRow("applied twice")
            << QByteArray("{\"applied\":[],\"applied\":[],\"conflicts\":[],\"cursor\":1,\"rejected\":[]}");
    }

    void otherAnswersAreLeftToTheGeneralWay()
    {
        QFETCH(QByteArray, body);
        QVERIFY(!decodeAppliedOnlyAnswer(body).has_value());
        checkAgreement(body); // fromJson still decodes it as the general way does
        QVERIFY(describe(PushResponse::fromJson(body)) == describe(PushResponse::fromJsonGeneral(body)));
    }

    // Every byte of a sound answer dropped, doubled or replaced with one that means something to
    // JSON: whatever the fast way still takes, it decodes as the general way does.
    void everyAlteredAnswerAgreesWithTheGeneralWay()
    {
        const QByteArray sound = soundAnswer(2, 9);
        const QByteArray replacements("\"\\{}[],:0 1-x.e\x01\xc3");
        int taken = 0;
        int cases = 0;
        for (qsizetype at = 0; at < sound.size(); ++at) {
            const QList<QByteArray> altered = test::alterationsAt(sound, at, replacements);
            for (const QByteArray &body : std::as_const(altered)) {
                ++cases;
                const bool fast = decodeAppliedOnlyAnswer(body).has_value();
                const bool agreed = checkAgreement(body);
                QVERIFY2(!fast || agreed, body.constData());
                taken += fast ? 1 : 0;
            }
        }
        qInfo("%d altered answers, %d of them still taken the fast way", cases, taken);
        // Changes inside a record's strings or numbers leave a sound answer.
        QVERIFY(taken > 0);
    }
};

QTEST_GUILESS_MAIN(AppliedOnlyAnswerTest)
#include "tst_appliedonlyanswer.moc"
