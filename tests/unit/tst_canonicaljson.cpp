// CanonicalJson reads only text that is exactly what JsonWriter writes: whatever objectEnd() takes,
// JsonReader::parseObjectAt() takes too, and JsonWriter writes what it parsed back as the same
// bytes; a string string() takes decodes to what Qt's parser reads. Checked on objects written by
// JsonWriter, on those texts altered byte by byte, and on hand-made edge cases.

#include "common/CanonicalJson.h"
#include "common/JsonWriter.h"
#include "protocol/JsonReader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

using namespace fieldsync;
using namespace Qt::StringLiterals;

namespace {

// Text of every kind a string may hold: plain ASCII, what is escaped, two-, three- and four-byte
// UTF-8, lone surrogates and noncharacters.
QString randomText(QRandomGenerator &random, bool keyLike)
{
    static const QList<char16_t> units{
        u'a', u'Z', u'0', u' ', u'_', u'"',  u'\\', u'/',   u'\n',  u'\b',  u'\f',  u'\r',  u'\t',  0x01,
        0x1f, 0x7f, 0x80, 0xa0, 0xe9, 0x7ff, 0x800, 0x6f22, 0x2028, 0xfdd0, 0xfffe, 0xfffd, 0xd83d, 0xdc00};
    const int length = random.bounded(keyLike ? 10 : (random.bounded(8) == 0 ? 300 : 30));
    QString text;
    for (int index = 0; index < length; ++index) {
        if (random.bounded(keyLike ? 8 : 3) != 0) {
            text.append(QChar(char16_t(u'a' + random.bounded(26))));
            continue;
        }
        const char16_t unit = units.at(random.bounded(int(units.size())));
        if (unit == 0xd83d && random.bounded(3) != 0) {
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
    const int members = random.bounded(depth == 0 ? 12 : 5);
    for (int index = 0; index < members; ++index)
        object.insert(randomText(random, true), randomValue(random, depth + 1));
    return object;
}

QJsonValue randomValue(QRandomGenerator &random, int depth)
{
    switch (random.bounded(depth > 3 ? 5 : 9)) {
    case 0:
        return QJsonValue(QJsonValue::Null);
    case 1:
        return random.bounded(2) == 0;
    case 2:
        // Numbers are never taken: they are here to be refused.
        if (random.bounded(6) == 0) {
            static const QList<double> numbers{0, 1, -1, 1e2, 0.5, -0.0, 1e300, 9007199254740993.0};
            return numbers.at(random.bounded(int(numbers.size())));
        }
        return randomText(random, false);
    case 3:
    case 4:
        return randomText(random, false);
    case 5:
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

// What objectEnd() promises for text, when it takes it; whether it took it.
bool checkPromise(const QByteArray &text)
{
    const std::optional<qsizetype> end = CanonicalJson::objectEnd(text, 0);
    if (!end)
        return false;
    qsizetype at = 0;
    const std::optional<QJsonObject> parsed = protocol::JsonReader::parseObjectAt(text, at, 64);
    if (!parsed) {
        qWarning() << "taken but not parsed:" << text;
        return false;
    }
    [&] {
        QCOMPARE(at, *end);
        QCOMPARE(JsonWriter::compact(*parsed), text.left(*end));
    }();
    return !QTest::currentTestFailed();
}

// A byte of the kinds that break or change JSON text.
char randomByte(QRandomGenerator &random)
{
    static const QByteArray bytes(
        "\"\\{}[],:0123456789-.eEtfnul \t\n/abcABC\x01\x7f\x80\xbf\xc0\xc3\xe0\xed\xef\xf0\xf4"
        "\xf5\xff");
    return bytes.at(random.bounded(int(bytes.size())));
}

} // namespace

class TestCanonicalJson : public QObject
{
    Q_OBJECT

private slots:
    void writtenObjectsAreTakenAsParsed()
    {
        QRandomGenerator random(20261207);
        int taken = 0;
        const int rounds = 4000;
        for (int round = 0; round < rounds; ++round) {
            const QByteArray text = JsonWriter::compact(randomObject(random, 0));
            if (checkPromise(text))
                ++taken;
            if (QTest::currentTestFailed())
                return;
        }
        // Most objects hold something left to a parser (a number, a lone surrogate, a key with
        // an escape), but many do not.
        QVERIFY2(taken > rounds / 10, qPrintable(QString::number(taken)));
    }

    void plainObjectsAreTaken()
    {
        // What a device writes: plain keys, strings of any text a person types, sets, maps.
        const QList<QByteArray> texts{
            "{}",
            "{\"a\":\"\"}",
            "{\"assignee\":\"foreman1\",\"ppe_requirements\":[\"gloves\",\"helmet\"],\"project_id\":"
            "\"bench\","
            "\"safety_checklist\":{\"area_barricaded\":true,\"gas_tested\":false},\"status\":null}",
            "{\"t\":\"caf\xc3\xa9 \xe6\xbc\xa2 \xf0\x9f\x98\x80 \\\" \\\\ \\n \\t \\b \\f \\r \\u0001 "
            "\\u001f / \x7f\"}",
            "{\"\":[],\"a\":{},\"b\":[[],{}],\"c\":[null,true,false,\"x\"]}",
        };
        for (const QByteArray &text : texts) {
            QVERIFY2(CanonicalJson::objectEnd(text, 0).has_value(), text.constData());
            QVERIFY(checkPromise(text));
        }
    }

    void otherFormsAreRefused()
    {
        // Valid JSON that JsonWriter would write otherwise, and text left to a parser on purpose.
        const QList<QByteArray> texts{
            "{\"b\":1,\"a\":2}",
            "{\"a\":\"x\",\"a\":\"y\"}",
            "{\"b\":\"x\",\"a\":\"y\"}",
            "{\"a\":1}",
            "{\"a\":1e2}",
            "{\"a\":1.0}",
            "{\"a\":-0}",
            "{\"a\":\"\\/\"}",
            "{\"a\":\"\\u0041\"}",
            "{\"a\":\"\\u001F\"}",
            "{\"a\":\"\\u0009\"}",
            "{\"a\":\"\\ud83d\\ude00\"}",
            "{\"a\":\"\\udc00\"}",
            "{\"a\":\"\xc0\xaf\"}",
            "{\"a\":\"\xe0\x80\xaf\"}",
            "{\"a\":\"\xed\xa0\x80\"}",
            "{\"a\":\"\xef\xbf\xbe\"}",
            "{\"a\":\"\xf4\x90\x80\x80\"}",
            "{\"a\":\"\x01\"}",
            "{ \"a\":null}",
            "{\"a\" :null}",
            "{\"a\":null,}",
            "{\"a\":[null,]}",
            "{\"\\u00e9\":null}",
            "{\"\xc3\xa9\":null}",
            "{\"a\":tru}",
            "{\"a\":nul",
            "{\"a\":\"x",
            "[]",
            "",
            "{\"a\":\"\xc3\"}",
            "{\"a\":\"\\u00\"}",
            "{\"a\":\"\\x\"}",
        };
        for (const QByteArray &text : texts) {
            QVERIFY2(!CanonicalJson::objectEnd(text, 0).has_value(), text.constData());
        }
        QByteArray deep = "{\"a\":";
        for (int level = 0; level < CanonicalJson::MaxDepth; ++level)
            deep += "[";
        QVERIFY(
            !CanonicalJson::objectEnd(QByteArray(deep + QByteArray(CanonicalJson::MaxDepth, ']') + "}"), 0));
        QVERIFY(CanonicalJson::objectEnd(
            QByteArray(deep.chopped(1) + QByteArray(CanonicalJson::MaxDepth - 1, ']') + "}"), 0));
    }

    void alteredTextsKeepThePromise()
    {
        QRandomGenerator random(7);
        int taken = 0;
        for (int round = 0; round < 20000; ++round) {
            QByteArray text = JsonWriter::compact(randomObject(random, 0));
            const int edits = 1 + random.bounded(3);
            for (int edit = 0; edit < edits && !text.isEmpty(); ++edit) {
                const int at = random.bounded(int(text.size()));
                switch (random.bounded(3)) {
                case 0:
                    text[at] = randomByte(random);
                    break;
                case 1:
                    text.insert(at, randomByte(random));
                    break;
                default:
                    text.remove(at, 1);
                }
            }
            if (checkPromise(text))
                ++taken;
            if (QTest::currentTestFailed())
                return;
        }
        QVERIFY2(taken > 100, qPrintable(QString::number(taken)));
    }

    void stringsDecodeAsParsed()
    {
        QRandomGenerator random(99);
        int taken = 0;
        for (int round = 0; round < 20000; ++round) {
            const QString value = randomText(random, false);
            QByteArray text = "{\"k\":" + JsonWriter::compact(QJsonObject{{u"k"_s, value}}).mid(5);
            if (random.bounded(4) == 0 && text.size() > 7) {
                const int at = 5 + random.bounded(int(text.size()) - 7);
                text[at] = randomByte(random);
            }
            const std::optional<CanonicalJson::StringText> string = CanonicalJson::string(text, 5);
            // A quote put in the middle ends the string early, and the text is no object.
            if (!string || string->end != text.size() - 1)
                continue;
            const std::optional<qsizetype> end = CanonicalJson::objectEnd(text, 0);
            QVERIFY(end.has_value());
            QVERIFY(checkPromise(text));
            const QString parsed = QJsonDocument::fromJson(text).object().value(u"k"_s).toString();
            QCOMPARE(CanonicalJson::decoded(text, 5, *string), parsed);
            QCOMPARE(string->utf16Length, parsed.size());
            const bool plain = std::all_of(parsed.begin(), parsed.end(), [](QChar c) {
                return c.unicode() >= 0x20 && c.unicode() < 0x80 && c != u'"' && c != u'\\';
            });
            QCOMPARE(string->plain, plain);
            ++taken;
        }
        QVERIFY2(taken > 2000, qPrintable(QString::number(taken)));
    }
};

QTEST_APPLESS_MAIN(TestCanonicalJson)
#include "tst_canonicaljson.moc"
