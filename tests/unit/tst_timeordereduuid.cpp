// Version 7 UUIDs for record and offline ids: well-formed, unique, and strictly increasing within a
// process whatever the clock does.
#include "common/TimeOrderedUuid.h"

#include <QDateTime>
#include <QSet>
#include <QTest>
#include <QUuid>

using namespace fieldsync;
using namespace Qt::StringLiterals;

namespace {

QByteArray bytesOf(const QString &text)
{
    return QUuid::fromString(text).toRfc4122();
}

qint64 millisecondsOf(const QString &text)
{
    const QByteArray bytes = bytesOf(text);
    qint64 ms = 0;
    for (int index = 0; index < 6; ++index)
        ms = (ms << 8) | quint8(bytes.at(index));
    return ms;
}

} // namespace

class TestTimeOrderedUuid : public QObject
{
    Q_OBJECT

private slots:
    void isAVersion7RfcUuidInTextForm();
    void carriesTheTimeItWasMadeAt();
    void idsMadeOneAfterAnotherSortInThatOrder();
    void aClockThatStandsStillOrGoesBackStillGivesLargerIds();
    void manyIdsInOneMillisecondBorrowTheNext();
};

void TestTimeOrderedUuid::isAVersion7RfcUuidInTextForm()
{
    const QString id = newTimeOrderedUuid();
    QCOMPARE(id.size(), 36);
    QVERIFY(!id.startsWith(u'{'));
    QCOMPARE(id, id.toLower());
    QVERIFY(!QUuid::fromString(id).isNull());
    const QByteArray bytes = bytesOf(id);
    QCOMPARE(quint8(bytes.at(6)) >> 4, 7);    // version
    QCOMPARE(quint8(bytes.at(8)) >> 6, 0b10); // RFC 9562 variant
    QCOMPARE(QUuid::fromString(id).variant(), QUuid::DCE);
}

void TestTimeOrderedUuid::carriesTheTimeItWasMadeAt()
{
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    const QString id = newTimeOrderedUuid();
    const qint64 after = QDateTime::currentMSecsSinceEpoch();
    // At most a few milliseconds ahead, should earlier calls have borrowed some.
    QVERIFY2(millisecondsOf(id) >= before && millisecondsOf(id) <= after + 5, qPrintable(id));
}

void TestTimeOrderedUuid::idsMadeOneAfterAnotherSortInThatOrder()
{
    QSet<QString> seen;
    QString previous = newTimeOrderedUuid();
    seen.insert(previous);
    for (int index = 0; index < 20000; ++index) {
        const QString next = newTimeOrderedUuid();
        QVERIFY2(next > previous, qPrintable(previous + u" then "_s + next));
        QVERIFY(!seen.contains(next));
        seen.insert(next);
        previous = next;
    }
}

void TestTimeOrderedUuid::aClockThatStandsStillOrGoesBackStillGivesLargerIds()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch() + 60000;
    const QString first = timeOrderedUuidAt(now);
    const QString sameMillisecond = timeOrderedUuidAt(now);
    const QString clockSetBack = timeOrderedUuidAt(now - 3600 * 1000);
    QVERIFY(sameMillisecond > first);
    QVERIFY(clockSetBack > sameMillisecond);
    QCOMPARE(millisecondsOf(clockSetBack), now);
    // Once the clock moves on, ids carry its time again.
    QCOMPARE(millisecondsOf(timeOrderedUuidAt(now + 10)), now + 10);
}

void TestTimeOrderedUuid::manyIdsInOneMillisecondBorrowTheNext()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch() + 120000;
    QString previous = timeOrderedUuidAt(now);
    for (int index = 0; index < 5000; ++index) {
        const QString next = timeOrderedUuidAt(now);
        QVERIFY2(next > previous, qPrintable(previous + u" then "_s + next));
        previous = next;
    }
    // 4096 counter values at most per millisecond: 5000 ids needed at least one more.
    QVERIFY(millisecondsOf(previous) > now);
}

QTEST_GUILESS_MAIN(TestTimeOrderedUuid)
#include "tst_timeordereduuid.moc"
