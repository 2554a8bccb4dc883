// JsonReader::parseObject passes over the inside of strings eight bytes at a time when it looks
// for what Qt's parser lets through (raw control characters, halves of surrogate pairs, a key
// named twice). It must answer as the byte-by-byte scan does, offsets in its messages included,
// wherever in a word the byte that matters falls.

#include "protocol/JsonReader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

#include <optional>

using namespace fieldsync;
using namespace Qt::StringLiterals;

namespace {

// The scan as it was written byte by byte, for comparison.
qsizetype keysIn(const QJsonValue &value);

qsizetype keysIn(const QJsonObject &object)
{
    qsizetype keys = object.size();
    for (auto it = object.constBegin(); it != object.constEnd(); ++it)
        keys += keysIn(QJsonValue(it.value()));
    return keys;
}

qsizetype keysIn(const QJsonValue &value)
{
    if (value.isObject())
        return keysIn(value.toObject());
    qsizetype keys = 0;
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (const QJsonValue &item : array)
            keys += keysIn(item);
    }
    return keys;
}

bool isHighSurrogate(uint unit)
{
    return unit >= 0xD800 && unit <= 0xDBFF;
}

bool isLowSurrogate(uint unit)
{
    return unit >= 0xDC00 && unit <= 0xDFFF;
}

std::optional<QString> byteByByteProblem(const QByteArray &body, const QJsonObject &parsed)
{
    qsizetype keysWritten = 0;
    bool inString = false;
    bool stringJustEnded = false;
    bool lowSurrogateDue = false;
    const auto halfPair = [](qsizetype offset) {
        return u"invalid JSON: half of a UTF-16 surrogate pair at offset %1"_s.arg(offset);
    };
    for (qsizetype i = 0; i < body.size(); ++i) {
        const uchar c = uchar(body.at(i));
        if (!inString) {
            if (c == '"') {
                inString = true;
            } else if (c == ':' && stringJustEnded) {
                ++keysWritten;
                stringJustEnded = false;
            } else if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                stringJustEnded = false;
            }
            continue;
        }
        if (c == '"') {
            if (lowSurrogateDue)
                return halfPair(i);
            inString = false;
            stringJustEnded = true;
        } else if (c < 0x20) {
            return u"invalid JSON: control character 0x%1 written unescaped in a string at offset %2"_s
                .arg(uint(c), 2, 16, QLatin1Char('0'))
                .arg(i);
        } else if (c == '\\' && body.at(i + 1) == 'u') {
            const uint unit = body.mid(i + 2, 4).toUInt(nullptr, 16);
            if (lowSurrogateDue != isLowSurrogate(unit))
                return halfPair(i);
            lowSurrogateDue = isHighSurrogate(unit);
            i += 5;
        } else if (lowSurrogateDue) {
            return halfPair(i);
        } else if (c == '\\') {
            ++i;
        }
    }
    if (keysWritten != keysIn(parsed))
        return u"invalid JSON: an object names the same key twice"_s;
    return std::nullopt;
}

// What parseObject answered before: Qt's parse, then the byte-by-byte scan.
QString expectedAnswer(const QByteArray &body)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return u"malformed: invalid JSON: %1 at offset %2"_s.arg(error.errorString()).arg(error.offset);
    if (!document.isObject())
        return u"malformed: the body must be a JSON object"_s;
    if (const std::optional<QString> problem = byteByByteProblem(body, document.object()))
        return u"malformed: "_s + *problem;
    return u"ok"_s;
}

QString answer(const QByteArray &body)
{
    const Result<QJsonObject> parsed = protocol::JsonReader::parseObject(body);
    return parsed ? u"ok"_s : parsed.error().toString();
}

// Pieces of string content: plain runs of every length (so that what follows lands anywhere in
// an eight-byte word), UTF-8, escapes, surrogate pairs and their halves, raw control characters,
// bytes that are one bit away from a quote or a backslash.
QByteArray randomContent(QRandomGenerator &random)
{
    static const QList<QByteArray> pieces{"a",
                                          "abcdefg",
                                          "0123456789abcdef",
                                          " ",
                                          "\\\"",
                                          "\\\\",
                                          "\\/",
                                          "\\n",
                                          "\\u00e9",
                                          "\\ud83d\\ude00",
                                          "\\ud83d",
                                          "\\ude00",
                                          "\\ud83dx",
                                          "\xc3\xa9",
                                          "\xe6\xbc\xa2",
                                          "\xf0\x9f\x98\x80",
                                          "\x7f",
                                          "!",
                                          "#",
                                          "[",
                                          "]",
                                          "\x1f",
                                          "\t",
                                          "\n",
                                          "\x01",
                                          "\xa2",
                                          "\xdc"};
    QByteArray content;
    const int count = random.bounded(12);
    for (int index = 0; index < count; ++index) {
        const int pick = random.bounded(int(pieces.size()));
        // Mostly well-formed text, as real bodies are.
        if (pick >= 16 && random.bounded(4) != 0)
            continue;
        content += pieces.at(pick);
    }
    return content;
}

QByteArray randomBody(QRandomGenerator &random)
{
    QByteArray body = "{";
    const int members = 1 + random.bounded(6);
    for (int member = 0; member < members; ++member) {
        if (member > 0)
            body += random.bounded(3) == 0 ? ", " : ",";
        // Now and then the same key twice.
        const QByteArray key = random.bounded(6) == 0 ? QByteArray("k") : "k" + QByteArray::number(member);
        body += '"' + key + randomContent(random) + "\":";
        switch (random.bounded(4)) {
        case 0:
            body += QByteArray::number(random.bounded(1000));
            break;
        case 1:
            body += "[\"" + randomContent(random) + "\", \"" + randomContent(random) + "\"]";
            break;
        case 2:
            body += "{\"inner\" : \"" + randomContent(random) + "\", \"" +
                    (random.bounded(4) == 0 ? "inner" : "other") + "\":true}";
            break;
        default:
            body += '"' + randomContent(random) + '"';
        }
    }
    body += '}';
    return body;
}

} // namespace

class TestStrictJson : public QObject
{
    Q_OBJECT

private slots:
    void answersAsTheByteByByteScan()
    {
        QRandomGenerator random(20261207);
        int accepted = 0;
        int refused = 0;
        for (int round = 0; round < 20000; ++round) {
            const QByteArray body = randomBody(random);
            const QString expected = expectedAnswer(body);
            QCOMPARE(answer(body), expected);
            ++(expected == u"ok"_s ? accepted : refused);
        }
        // Both answers were reached often, or the comparison proved little.
        QVERIFY2(accepted > 500, qPrintable(u"only %1 accepted"_s.arg(accepted)));
        QVERIFY2(refused > 1000, qPrintable(u"only %1 refused"_s.arg(refused)));
    }

    void specialBytesAtEveryPlaceOfAWord()
    {
        // A long plain run with one byte that matters moved across two words.
        const QList<QByteArray> specials{"\\\"", "\\\\", "\x01", "\x1f", "\\ud800", "\\udc00x"};
        for (const QByteArray &special : specials) {
            for (int before = 0; before < 24; ++before) {
                const QByteArray body =
                    "{\"key\":\"" + QByteArray(before, 'x') + special + QByteArray(17, 'y') + "\"}";
                QCOMPARE(answer(body), expectedAnswer(body));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestStrictJson)
#include "tst_strictjson.moc"
