// The fast encoders of the sync hot paths write what Qt writes: JsonWriter the same bytes as
// QJsonDocument::toJson(Compact), nowUtcString() the same text as QDateTime's ISODateWithMs.

#include "common/JsonWriter.h"
#include "protocol/ProtocolInfo.h"
#include "protocol/PullMessages.h"
#include "protocol/PushMessages.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTest>

#include <limits>

using namespace fieldsync;
using namespace Qt::StringLiterals;

namespace {

QByteArray qtCompact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// Text of every kind a string may hold: plain ASCII, what is escaped, two- and three-byte
// UTF-8, surrogate pairs and lone surrogates, long runs.
QString randomText(QRandomGenerator &random, bool keyLike)
{
    static const QList<char16_t> units{u'a',  u'Z',   u'0',   u' ',   u'_',   u'"',   u'\\', u'/',
                                       u'\n', u'\t',  0x01,   0x1f,   0x7f,   0x80,   0xe9,  0x7ff,
                                       0x800, 0x6f22, 0x2028, 0xfffd, 0xd83d, 0xde00, 0xdc00};
    const int length = random.bounded(keyLike ? 12 : (random.bounded(8) == 0 ? 600 : 40));
    QString text;
    for (int index = 0; index < length; ++index) {
        // Mostly ASCII letters, as in real records.
        if (random.bounded(4) != 0) {
            text.append(QChar(char16_t(u'a' + random.bounded(26))));
            continue;
        }
        const char16_t unit = units.at(random.bounded(int(units.size())));
        // Keys stay in the BMP: outside it, our key order differs from Qt's on purpose.
        if (keyLike && unit >= 0xd800 && unit < 0xe000)
            continue;
        if (unit == 0xd83d && random.bounded(2) == 0) {
            text.append(QChar(unit));
            text.append(QChar(char16_t(0xde00 + random.bounded(0x50))));
            continue;
        }
        text.append(QChar(unit));
    }
    return text;
}

QJsonValue randomValue(QRandomGenerator &random, int depth);

QJsonObject randomObject(QRandomGenerator &random, int depth)
{
    QJsonObject object;
    const int members = random.bounded(depth == 0 ? 16 : 5);
    for (int index = 0; index < members; ++index)
        object.insert(randomText(random, true), randomValue(random, depth + 1));
    return object;
}

QJsonValue randomValue(QRandomGenerator &random, int depth)
{
    static const QList<double> numbers{0,
                                       -0.0,
                                       1,
                                       -7,
                                       42.5,
                                       1e-7,
                                       1e19,
                                       1e300,
                                       0.1,
                                       1.0 / 3,
                                       2e15,
                                       -2e15,
                                       9007199254740993.0,
                                       std::numeric_limits<double>::infinity()};
    switch (random.bounded(depth > 3 ? 6 : 8)) {
    case 0:
        return QJsonValue(QJsonValue::Null);
    case 1:
        return random.bounded(2) == 0;
    case 2:
        return numbers.at(random.bounded(int(numbers.size())));
    case 3:
        return qint64(random.generate64());
    case 4:
    case 5:
        return randomText(random, false);
    case 6: {
        QJsonArray array;
        const int items = random.bounded(5);
        for (int index = 0; index < items; ++index)
            array.append(randomValue(random, depth + 1));
        return array;
    }
    default:
        return randomObject(random, depth + 1);
    }
}

} // namespace

class TestJsonWriter : public QObject
{
    Q_OBJECT

private slots:
    void writesWhatQtWrites_data()
    {
        QTest::addColumn<QJsonObject>("object");
        QTest::newRow("empty") << QJsonObject();
        // Written as null, as Qt writes it, so it does not read back as itself.
        QTest::newRow("not finite") << QJsonObject{{u"infinity"_s, std::numeric_limits<double>::infinity()}};
        QTest::newRow("permit") << QJsonObject{
            {u"title"_s, u"Hot work permit 1"_s},
            {u"status"_s, u"draft"_s},
            {u"valid_from"_s, u"2026-11-21T07:00:00.000Z"_s},
            {u"ppe_requirements"_s, QJsonArray{u"face_shield"_s, u"gloves"_s, u"helmet"_s}},
            {u"safety_checklist"_s, QJsonObject{{u"gas_tested"_s, true}, {u"fire_watch_present"_s, false}}},
            {u"assignee"_s, QJsonValue(QJsonValue::Null)}};
        QTest::newRow("escapes") << QJsonObject{{u"quote\"key"_s, u"back\\slash \"quoted\" / slash"_s},
                                                {u"controls"_s, QString(u"nl\n tab\t cr\r bs\b ff\f nul"_s +
                                                                        QChar(0) + u" unit"_s + QChar(0x1f))},
                                                {u"del"_s, QString(QChar(0x7f))}};
        QTest::newRow("unicode") << QJsonObject{
            {u"ü"_s, u"é 漢字 😀 \u2028"_s},
            {u"lone surrogates"_s, QString(QString(QChar(0xd800)) + u"x"_s + QString(QChar(0xdc00)))}};
        QTest::newRow("numbers") << QJsonObject{{u"zero"_s, 0},
                                                {u"negative zero"_s, -0.0},
                                                {u"beyond qint64"_s, 1e19},
                                                {u"int"_s, 42},
                                                {u"negative"_s, -7},
                                                {u"big"_s, qint64(1) << 60},
                                                {u"largest"_s, std::numeric_limits<qint64>::max()},
                                                {u"fraction"_s, 1.5},
                                                {u"small"_s, 1e-7},
                                                {u"huge"_s, 1e300},
                                                {u"third"_s, 1.0 / 3.0}};
        QTest::newRow("nested") << QJsonObject{
            {u"array"_s, QJsonArray{1, u"x"_s, QJsonArray{}, QJsonObject{}, true, QJsonValue()}},
            {u"object"_s, QJsonObject{{u"inner"_s, QJsonObject{{u"deep"_s, QJsonArray{QJsonArray{2}}}}}}}};
    }

    void writesWhatQtWrites()
    {
        QFETCH(QJsonObject, object);
        QCOMPARE(JsonWriter::compact(object), qtCompact(object));
        if (QLatin1String(QTest::currentDataTag()) != QLatin1String("not finite"))
            QCOMPARE(QJsonDocument::fromJson(JsonWriter::compact(object)).object(), object);
    }

    // Many objects of every kind of content, built and read back from text as a server reads
    // them, written as Qt writes them; and each value appended after text already there.
    void randomObjectsAreWrittenAsQtWritesThem()
    {
        QRandomGenerator random(20261207);
        for (int round = 0; round < 3000; ++round) {
            const QJsonObject built = randomObject(random, 0);
            const QJsonObject parsed = QJsonDocument::fromJson(qtCompact(built)).object();
            for (const QJsonObject &object : {built, parsed}) {
                const QByteArray expected = qtCompact(object);
                QCOMPARE(JsonWriter::compact(object), expected);
                QByteArray appended("prefix ");
                JsonWriter::append(appended, object);
                QCOMPARE(appended, QByteArray("prefix ") + expected);
                for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
                    const QJsonValue value = it.value();
                    const QByteArray wrapped = qtCompact(QJsonObject{{u"v"_s, value}});
                    QByteArray single("x");
                    JsonWriter::append(single, value);
                    QCOMPARE(single, "x" + wrapped.mid(5, wrapped.size() - 6));
                    if (value.isString()) {
                        QByteArray text("y");
                        JsonWriter::appendString(text, value.toString());
                        QCOMPARE(text, "y" + wrapped.mid(5, wrapped.size() - 6));
                    }
                }
                if (QTest::currentTestFailed())
                    return;
            }
        }
    }

    // compactWith() writes what inserting its members and compact() write: members that replace
    // one of the object's keys, new ones before, among and after them, keys outside the BMP, null
    // and empty texts; sorted members merge, any others go the general way.
    void stringMembersAreWrittenAsIfInserted()
    {
        QRandomGenerator random(20261208);
        const QList<QString> usualKeys{u"device_id"_s,  u"project_id"_s,    u"updated_at"_s,
                                       u"updated_by"_s, u"\u00e9t\u00e9"_s, QString(u"\U0001F600a"_s),
                                       QString()};
        int merged = 0;
        for (int round = 0; round < 4000; ++round) {
            const QJsonObject built = randomObject(random, 0);
            const QJsonObject object =
                round % 2 == 0 ? built : QJsonDocument::fromJson(qtCompact(built)).object();
            const QStringList objectKeys = object.keys();
            QList<QString> keys;
            QList<QString> values;
            const int count = random.bounded(6);
            for (int index = 0; index < count; ++index) {
                const int pick = random.bounded(3);
                if (pick == 0 && !objectKeys.isEmpty())
                    keys.append(objectKeys.at(random.bounded(int(objectKeys.size()))));
                else if (pick == 1)
                    keys.append(usualKeys.at(random.bounded(int(usualKeys.size()))));
                else
                    keys.append(randomText(random, true));
                values.append(random.bounded(6) == 0 ? QString() : randomText(random, false));
            }
            // Mostly as the server passes them: sorted, each key once.
            if (random.bounded(4) != 0) {
                QMap<QString, QString> sorted;
                for (qsizetype index = 0; index < keys.size(); ++index)
                    sorted.insert(keys.at(index), values.at(index));
                keys = sorted.keys();
                values = sorted.values();
            }
            QList<JsonWriter::StringMember> members;
            QJsonObject inserted = object;
            for (qsizetype index = 0; index < keys.size(); ++index) {
                members.append({keys.at(index), values.at(index)});
                inserted.insert(keys.at(index), QJsonValue(values.at(index)));
            }
            bool sortedOnce = true;
            for (qsizetype index = 1; index < keys.size(); ++index)
                sortedOnce = sortedOnce && keys.at(index - 1) < keys.at(index);
            merged += sortedOnce && !keys.isEmpty() ? 1 : 0;
            QCOMPARE(JsonWriter::compactWith(object, members.constData(), members.size()),
                     JsonWriter::compact(inserted));
            if (QTest::currentTestFailed())
                return;
        }
        QVERIFY(merged > 2000);
        const QJsonObject permit{{u"title"_s, u"T"_s}, {u"updated_at"_s, u"old"_s}};
        QCOMPARE(JsonWriter::compactWith(permit, {{u"device_id", u"d"}, {u"updated_at", u"new"}}),
                 QByteArray("{\"device_id\":\"d\",\"title\":\"T\",\"updated_at\":\"new\"}"));
    }

    void pushRequestIsTheSameJson()
    {
        protocol::PushRequest request;
        request.deviceId = u"device-1"_s;
        request.clientTime = u"2026-11-21T10:30:00Z"_s;
        request.batchId = u"0b1f7a52-8d55-4d5c-9a1e-2f2f6c1b2a11"_s;
        protocol::Change change;
        change.offlineId = u"5c8e7b8e-2d1b-4a8e-9a5e-6a1f0d7e3c21"_s;
        change.id = u"9d4b2c1a-7e6f-4b3a-8c2d-1e0f9a8b7c6d"_s;
        change.op = ChangeOp::Update;
        change.clientVersion = 5;
        change.base = QJsonObject{{u"title"_s, u"Old"_s}};
        change.data = QJsonObject{{u"title"_s, u"New \"one\""_s}};
        request.changes = {change, change};
        QJsonArray changes;
        for (const protocol::Change &each : std::as_const(request.changes))
            changes.append(each.toJson());
        const QJsonObject expected{{u"device_id"_s, request.deviceId},
                                   {u"client_time"_s, request.clientTime},
                                   {u"batch_id"_s, request.batchId},
                                   {u"changes"_s, changes}};
        QCOMPARE(request.toJson(), qtCompact(expected));
        QVERIFY(protocol::PushRequest::fromJson(request.toJson()).ok());
    }

    // Qt 6.4 reads "\ud83d\ude00" (escaped) and the same key as raw UTF-8 into different orders
    // beside a key like U+F09D; our text must not change when read back and written again.
    void keysOutsideTheBmpKeepOneOrder()
    {
        const QByteArray escaped = R"({"\ud83d\ude00a":1,"\uf09db":2,"c":3})";
        const QJsonObject first = QJsonDocument::fromJson(escaped).object();
        QCOMPARE(first.size(), 3);
        const QByteArray written = JsonWriter::compact(first);
        const QByteArray rewritten = JsonWriter::compact(QJsonDocument::fromJson(written).object());
        QCOMPARE(rewritten, written);
        // UTF-16 order: the surrogate pair (0xD83D...) sorts before U+F09D.
        const QByteArray grinningA = QByteArray("\xf0\x9f\x98\x80") + 'a';
        const QByteArray privateUseB = QByteArray("\xef\x82\x9d") + 'b';
        QVERIFY(written.indexOf(grinningA) >= 0 && written.indexOf(privateUseB) >= 0);
        QVERIFY(written.indexOf(grinningA) < written.indexOf(privateUseB));
        QVERIFY(written.startsWith(R"({"c":3,)"));
    }

    void nowUtcStringIsIsoWithMilliseconds()
    {
        const QDateTime before = QDateTime::currentDateTimeUtc();
        const QString now = protocol::nowUtcString();
        const QDateTime after = QDateTime::currentDateTimeUtc();
        static const QRegularExpression shape(
            QRegularExpression::anchoredPattern(uR"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)"_s));
        QVERIFY2(shape.match(now).hasMatch(), qPrintable(now));
        const QDateTime parsed = QDateTime::fromString(now, Qt::ISODateWithMs);
        QVERIFY(parsed.isValid());
        QCOMPARE(parsed.toString(Qt::ISODateWithMs), now);
        QVERIFY(parsed >= before.addMSecs(-1) && parsed <= after);
    }
};

QTEST_GUILESS_MAIN(TestJsonWriter)
#include "tst_jsonwriter.moc"
