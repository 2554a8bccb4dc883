// SqliteStatements keeps the UTF-8 of a text bound at the same place of a statement as last time
// instead of converting it again, and does not bind again a value a place holds already. What
// SQLite stores must be what each run bound, whatever
// was bound at that place before: the same text, other text, the same text as UTF-8 or UTF-16,
// NULL, a number, empty or non-ASCII text.

#include "store/SqliteStatements.h"

#include <QRandomGenerator>
#include <QTest>

#include <sqlite3.h>

#include <array>

using namespace fieldsync;
using namespace Qt::StringLiterals;

namespace {

constexpr int Places = 3;

// What a place held when it was read back: how SqlValue would bind it.
struct Stored
{
    bool isNull = true;
    bool isInteger = false;
    qint64 integer = 0;
    QByteArray utf8;

    bool operator==(const Stored &other) const
    {
        return isNull == other.isNull && isInteger == other.isInteger && integer == other.integer &&
               utf8 == other.utf8;
    }
};

Stored expectedOf(const SqlValue &value)
{
    Stored stored;
    stored.isNull = value.isNull();
    stored.isInteger = value.isInteger();
    stored.integer = value.isInteger() ? value.integer() : 0;
    stored.utf8 = value.isNull() || value.isInteger() ? QByteArray() : value.utf8();
    return stored;
}

// Few values, so that the same one comes back at a place often.
SqlValue randomValue(QRandomGenerator &random)
{
    static const QStringList texts{u"2026-12-07T13:00:00.000Z"_s,
                                   u"fiona"_s,
                                   u"permit"_s,
                                   u""_s,
                                   u"Grüße 漢字 😀"_s,
                                   u"fiona "_s,
                                   u"fion"_s,
                                   u"fionb"_s,
                                   u"0123456789abcdef\u00e9"_s,
                                   u"abcdefgh\u6f22ijklmnop"_s,
                                   u"Hot work 2026 Gr\u00fc\u00dfe, level 3"_s,
                                   u"cafe\u0301 0f3c2a1e-6b0d-4f8e-9a55-0c1d2e3f4a5b"_s,
                                   u"2026-12-07T13:00:00.001Z"_s};
    switch (random.bounded(6)) {
    case 0:
        return SqlValue();
    case 1:
        return SqlValue(qint64(random.bounded(3)));
    case 2:
        return SqlValue(texts.at(random.bounded(int(texts.size()))).toUtf8());
    default:
        // A copy of its own now and then, so that equal text does not always share its data.
        const QString &text = texts.at(random.bounded(int(texts.size())));
        return SqlValue(random.bounded(2) == 0 ? text : QString(text.constData(), text.size()));
    }
}

} // namespace

class TestSqliteStatements : public QObject
{
    Q_OBJECT

private slots:
    void storesWhatEachRunBound()
    {
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open(":memory:", &db), SQLITE_OK);
        {
            SqliteStatements statements(db);
            QVERIFY(statements.write(u"CREATE TABLE t (row INTEGER PRIMARY KEY, a, b, c)"_s, {}).ok());
            const QString insert = u"INSERT INTO t (row, a, b, c) VALUES (?, ?, ?, ?)"_s;
            const QString lookUp = u"SELECT row FROM t WHERE a IS ? AND row = ?"_s;
            QRandomGenerator random(20261207);
            QList<std::array<Stored, Places>> expected;
            for (int row = 0; row < 3000; ++row) {
                const SqlValue a = randomValue(random);
                const SqlValue b = randomValue(random);
                const SqlValue c = randomValue(random);
                QVERIFY(statements.write(insert, {qint64(row), a, b, c}).ok());
                expected.append({expectedOf(a), expectedOf(b), expectedOf(c)});
                // Another statement binding its own text between two runs of the insert.
                int found = 0;
                QVERIFY(
                    statements.select(lookUp, {a, qint64(row)}, [&found](const SqlRow &) { ++found; }).ok());
                QCOMPARE(found, 1);
            }
            int row = 0;
            const Result<void> read = statements.select(
                u"SELECT typeof(a), a, typeof(b), b, typeof(c), c FROM t ORDER BY row"_s, {},
                [&](const SqlRow &stored) {
                    for (int place = 0; place < Places; ++place) {
                        const QString type = stored.text(2 * place);
                        Stored actual;
                        actual.isNull = type == u"null"_s;
                        actual.isInteger = type == u"integer"_s;
                        actual.integer = actual.isInteger ? stored.integer(2 * place + 1) : 0;
                        if (type == u"text"_s)
                            actual.utf8 = stored.utf8(2 * place + 1);
                        const Stored &wanted = expected.at(row).at(place);
                        if (!(actual == wanted))
                            QFAIL(qPrintable(
                                u"row %1, place %2: %3 '%4' stored, '%5' bound"_s.arg(row).arg(place).arg(
                                    type, QString::fromUtf8(actual.utf8), QString::fromUtf8(wanted.utf8))));
                    }
                    ++row;
                });
            QVERIFY(read.ok());
            QCOMPARE(row, 3000);
        }
        sqlite3_close(db);
    }
};

QTEST_GUILESS_MAIN(TestSqliteStatements)
#include "tst_sqlitestatements.moc"
