// isPlainJsonObject against SQLite: every text it vouches for is one SQLite's json_valid() accepts
// and json_type() calls an object (what a push batch asked SQLite of every stored base and data
// before), on texts this device writes, on texts JSON allows otherwise, and on each of them
// altered at every byte. Texts it refuses are SQLite's to judge; the device's own are never refused.
#include "common/JsonWriter.h"
#include "outbox/PlainJsonObject.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

#include <sqlite3.h>

using namespace fieldsync;

namespace {

class Sqlite
{
public:
    Sqlite()
    {
        sqlite3_open(":memory:", &m_db);
        sqlite3_prepare_v2(m_db, "SELECT CASE WHEN json_valid(?1) THEN json_type(?1) = 'object' ELSE 0 END",
                           -1, &m_statement, nullptr);
    }
    ~Sqlite()
    {
        sqlite3_finalize(m_statement);
        sqlite3_close(m_db);
    }

    bool isObject(const QByteArray &text)
    {
        sqlite3_bind_text(m_statement, 1, text.constData(), int(text.size()), SQLITE_TRANSIENT);
        const bool object =
            sqlite3_step(m_statement) == SQLITE_ROW && sqlite3_column_int(m_statement, 0) == 1;
        sqlite3_reset(m_statement);
        return object;
    }

private:
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_statement = nullptr;
};

QJsonValue randomValue(QRandomGenerator &random, int depth)
{
    switch (random.bounded(depth > 3 ? 5 : 7)) {
    case 0:
        return QJsonValue();
    case 1:
        return random.bounded(2) == 1;
    case 2:
        return random.bounded(2e6) - 1e6;
    case 3:
        return qint64(random.bounded(100000)) - 50000;
    case 4: {
        QString text;
        const int length = random.bounded(12);
        for (int index = 0; index < length; ++index) {
            static const QString alphabet = QStringLiteral("aZ09 \"\\/\n\t\x01\u00e9\u20ac\U0001F600{}[]:,");
            text += alphabet.at(random.bounded(alphabet.size()));
        }
        return text;
    }
    case 5: {
        QJsonArray array;
        const int length = random.bounded(4);
        for (int index = 0; index < length; ++index)
            array.append(randomValue(random, depth + 1));
        return array;
    }
    default: {
        QJsonObject object;
        const int length = random.bounded(4);
        for (int index = 0; index < length; ++index)
            object.insert(QStringLiteral("k%1").arg(random.bounded(10)), randomValue(random, depth + 1));
        return object;
    }
    }
}

} // namespace

class PlainJsonObjectTest : public QObject
{
    Q_OBJECT

private slots:
    void vouchesOnlyForWhatSqliteCallsAnObject()
    {
        Sqlite sqlite;
        QRandomGenerator random(20261207);
        QList<QByteArray> texts{"{}",
                                " {\"a\":[1,{}]}",
                                "\n\t\r {\"a\":\"}\"} \n",
                                "\f{}",
                                "{\"a\":1",
                                "{\"a\":1}}",
                                "{\"a\":1} x",
                                "{a:1}",
                                "[{}]",
                                "\"{}\"",
                                "null",
                                "",
                                "{\"a\":-0.5e+7,\"b\":1E-2,\"c\":[true,false,null]}",
                                "{\"a\":01}",
                                "{\"a\":1.}",
                                "{\"a\":.5}",
                                "{\"a\":-}",
                                "{\"a\":\"\\u00e9\\ud83d\\ude00\"}",
                                "{\"a\":\"\\x\"}",
                                "{\"a\":\"\\u12\"}",
                                "{\"a\":tru}",
                                "{\"a\":1,}",
                                "{\"a\" 1}",
                                "{,}",
                                "{\"a\":[1,]}",
                                QByteArray("{\"a\":\"\0\"}", 9),
                                QByteArray("{}\0", 3),
                                "{\"a\":\"\xff\xfe\"}",
                                "{\"a\":1}\v",
                                QByteArray(600, '[') + QByteArray(600, ']'),
                                "{\"a\":" + QByteArray(450, '[') + QByteArray(450, ']') + "}"};
        for (int round = 0; round < 300; ++round) {
            const QJsonValue value = randomValue(random, 0);
            QJsonObject object =
                value.isObject() ? value.toObject() : QJsonObject{{QStringLiteral("v"), value}};
            texts.append(JsonWriter::compact(object));
        }
        const QByteArray replacements("\"\\{}[],:0 1-x.eE+\x01\t\xc3");
        int vouched = 0;
        int cases = 0;
        for (const QByteArray &text : std::as_const(texts)) {
            QList<QByteArray> altered{text};
            if (text.size() < 200) {
                for (qsizetype at = 0; at < text.size(); ++at) {
                    altered.append(QByteArray(text).remove(at, 1));
                    altered.append(QByteArray(text).insert(at, text.at(at)));
                    for (const char replacement : replacements) {
                        if (replacement != text.at(at))
                            altered.append(QByteArray(text).replace(at, 1, QByteArray(1, replacement)));
                    }
                }
            }
            for (const QByteArray &each : std::as_const(altered)) {
                ++cases;
                if (!isPlainJsonObject(each))
                    continue;
                ++vouched;
                QVERIFY2(sqlite.isObject(each), each.constData());
            }
        }
        qInfo("%d texts, %d of them vouched for", cases, vouched);
        QVERIFY(vouched > 1000);
    }

    // What this device writes is vouched for, so that a push asks SQLite nothing more.
    void theDevicesOwnTextIsVouchedFor()
    {
        QRandomGenerator random(7);
        for (int round = 0; round < 2000; ++round) {
            const QJsonValue value = randomValue(random, 0);
            const QJsonObject object =
                value.isObject() ? value.toObject() : QJsonObject{{QStringLiteral("v"), value}};
            const QByteArray text = JsonWriter::compact(object);
            QVERIFY2(isPlainJsonObject(text), text.constData());
        }
    }
};

QTEST_GUILESS_MAIN(PlainJsonObjectTest)
#include "tst_plainjsonobject.moc"
