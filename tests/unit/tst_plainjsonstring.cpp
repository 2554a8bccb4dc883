// PlainJsonString::put() writes text between quotes as it is, and only text that JsonWriter
// writes so: random texts of every length around its eight- and four-unit steps, plain or with
// a unit to escape or encode anywhere, compared with what JsonWriter::appendString() writes.

#include "common/JsonWriter.h"
#include "common/PlainJsonString.h"

#include <QRandomGenerator>
#include <QTest>

using namespace fieldsync;

namespace {

// Units JsonWriter writes as they are, and units it escapes or encodes in several bytes.
QChar randomUnit(QRandomGenerator &random, bool plain)
{
    static const QList<char16_t> plainUnits{u' ', u'!', u'#', u'-', u'0', u'9', u'A', u'Z',
                                            u'[', u']', u'_', u'a', u'z', u'~', 0x7f, u'/'};
    static const QList<char16_t> otherUnits{u'"',   u'\\',  0x00,   0x1f,   u'\n',  0x80,   0xe9,
                                            0xff,   0x100,  0x6f22, 0x7fff, 0x8000, 0xd83d, 0xde00,
                                            0xfffe, 0x2028, 0x0a0d, 0x2222, 0x5c5c};
    const QList<char16_t> &units = plain ? plainUnits : otherUnits;
    return QChar(units.at(random.bounded(int(units.size()))));
}

} // namespace

class TestPlainJsonString : public QObject
{
    Q_OBJECT

private slots:
    void writesWhatJsonWriterWrites()
    {
        QRandomGenerator random(20261208);
        int plain = 0;
        int other = 0;
        for (int round = 0; round < 20000; ++round) {
            const int size = random.bounded(40);
            QString text;
            for (int index = 0; index < size; ++index)
                text += randomUnit(random, true);
            // Now and then one unit or a few to escape, anywhere.
            if (size > 0 && random.bounded(2) == 0) {
                const int count = 1 + random.bounded(2);
                for (int index = 0; index < count; ++index)
                    text[random.bounded(size)] = randomUnit(random, false);
            }
            QByteArray expected;
            JsonWriter::appendString(expected, text);
            // Bytes before and after, so that a write out of place shows.
            QByteArray buffer(text.size() + 2 + 16, '@');
            char *const end = PlainJsonString::put(buffer.data() + 8, text);
            if (end) {
                ++plain;
                QCOMPARE(QByteArray(buffer.constData() + 8, end - buffer.constData() - 8), expected);
                QCOMPARE(end - buffer.constData(), 8 + text.size() + 2);
                QCOMPARE(buffer.left(8), QByteArray(8, '@'));
                QCOMPARE(buffer.mid(8 + text.size() + 2), QByteArray(8, '@'));
            } else {
                ++other;
                // Not taken: JsonWriter escapes or encodes some unit of it.
                QVERIFY(expected.size() != text.size() + 2 ||
                        expected.mid(1, text.size()) != text.toLatin1());
            }
        }
        QVERIFY(plain > 5000);
        QVERIFY(other > 5000);
    }
};

QTEST_GUILESS_MAIN(TestPlainJsonString)
#include "tst_plainjsonstring.moc"
