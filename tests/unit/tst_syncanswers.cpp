// The rules by which the client judges a server's answers, without a server: the pace a transfer
// must keep (TransferPace), and which of several answers to one pushed change counts (PushAnswers).
#include "sync/PushAnswers.h"
#include "sync/TransferPace.h"

#include <QTest>

using namespace fieldsync;

namespace {

OutboxEntry sentChange(const QString &offlineId)
{
    OutboxEntry entry;
    entry.change.offlineId = offlineId;
    entry.change.id = offlineId + QStringLiteral("-record");
    return entry;
}

protocol::AppliedChange applied(const QString &offlineId, qint64 version)
{
    return protocol::AppliedChange{offlineId, offlineId + QStringLiteral("-record"), version, {}};
}

} // namespace

class SyncAnswersTest : public QObject
{
    Q_OBJECT

private slots:
    void aRealSlowLinkKeepsThePace()
    {
        const TransferPace pace;
        // 2 KiB/s from the start, for as long as it takes.
        for (qint64 seconds : {1, 60, 91, 600, 3600})
            QVERIFY(pace.keptUp(2048 * seconds, seconds * 1000));
        // A stall of just under the 60 s transfer timeout, then 1 KiB/s.
        QVERIFY(pace.keptUp(1024 * 31, 91000));
        QVERIFY(pace.keptUp(1024 * 540, 600000));
    }

    void aTrickleBreaksThePaceOnlyAfterTheGrace()
    {
        const TransferPace pace;
        // One byte every 2 s: fine within the grace period, too slow after it.
        QVERIFY(pace.keptUp(45, 90000));
        QVERIFY(!pace.keptUp(45, 90001));
        QVERIFY(!pace.keptUp(100, 200000));
        // Exactly the floor keeps it.
        QVERIFY(pace.keptUp(256 * 100, 100000));
        QVERIFY(!pace.keptUp(256 * 100 - 1, 100000));
    }

    void eachChangeAnsweredOnceCounts()
    {
        const QList<OutboxEntry> sent{sentChange(QStringLiteral("a")), sentChange(QStringLiteral("b"))};
        protocol::PushResponse response;
        response.applied = {applied(QStringLiteral("a"), 2)};
        response.rejected = {protocol::RejectedChange{QStringLiteral("b"), QStringLiteral("forbidden"), {}}};
        QStringList problems;
        const PushAnswers answers(sent, response, problems);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        QCOMPARE(answers.counting(PushAnswers::Kind::Applied, 0, QStringLiteral("a")), &sent[0]);
        QCOMPARE(answers.counting(PushAnswers::Kind::Rejected, 0, QStringLiteral("b")), &sent[1]);
        QCOMPARE(answers.unmentioned(), 0);
    }

    void theFirstOfTheSameAnswersCounts()
    {
        const QList<OutboxEntry> sent{sentChange(QStringLiteral("a"))};
        protocol::PushResponse response;
        response.applied = {applied(QStringLiteral("a"), 2), applied(QStringLiteral("a"), 2)};
        QStringList problems;
        const PushAnswers answers(sent, response, problems);
        QCOMPARE(problems, QStringList{QStringLiteral("the server answered change a twice")});
        QCOMPARE(answers.counting(PushAnswers::Kind::Applied, 0, QStringLiteral("a")), &sent[0]);
        QCOMPARE(answers.counting(PushAnswers::Kind::Applied, 1, QStringLiteral("a")), nullptr);
    }

    void contradictingAnswersCountNone_data()
    {
        QTest::addColumn<bool>("twoVersions");
        QTest::newRow("applied as two versions") << true;
        QTest::newRow("applied and rejected") << false;
    }

    void contradictingAnswersCountNone()
    {
        QFETCH(bool, twoVersions);
        const QList<OutboxEntry> sent{sentChange(QStringLiteral("a"))};
        protocol::PushResponse response;
        response.applied = {applied(QStringLiteral("a"), 2)};
        if (twoVersions)
            response.applied.append(applied(QStringLiteral("a"), 3));
        else
            response.rejected = {
                protocol::RejectedChange{QStringLiteral("a"), QStringLiteral("forbidden"), {}}};
        QStringList problems;
        const PushAnswers answers(sent, response, problems);
        QCOMPARE(problems.size(), 1);
        QVERIFY2(problems.first().contains(QStringLiteral("twice, and differently")),
                 qPrintable(problems.first()));
        QCOMPARE(answers.counting(PushAnswers::Kind::Applied, 0, QStringLiteral("a")), nullptr);
        QCOMPARE(answers.counting(PushAnswers::Kind::Applied, 1, QStringLiteral("a")), nullptr);
        QCOMPARE(answers.counting(PushAnswers::Kind::Rejected, 0, QStringLiteral("a")), nullptr);
        QCOMPARE(answers.unmentioned(), 0); // answered, badly: not "did not answer"
    }

    void strangersAndSilenceAreProblems()
    {
        const QList<OutboxEntry> sent{sentChange(QStringLiteral("a")), sentChange(QStringLiteral("b"))};
        protocol::PushResponse response;
        response.applied = {applied(QStringLiteral("x"), 2)};
        QStringList problems;
        const PushAnswers answers(sent, response, problems);
        QCOMPARE(problems,
                 QStringList{QStringLiteral("the server answered a change this device never sent (x)")});
        QCOMPARE(answers.counting(PushAnswers::Kind::Applied, 0, QStringLiteral("x")), nullptr);
        QCOMPARE(answers.unmentioned(), 2);
    }
};

QTEST_GUILESS_MAIN(SyncAnswersTest)
#include "tst_syncanswers.moc"
