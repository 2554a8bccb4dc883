// PushAnswerQueue: answers decoded on its worker thread reach their callbacks on this thread, in
// the order they were added, whatever their size, failures included; none while held; none after
// the queue is gone.
#include "sync/PushAnswerQueue.h"

#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

using namespace fieldsync;
using namespace fieldsync::protocol;

namespace {

// A whole batch applied, told apart by its cursor; many entries take the worker a while.
QByteArray answerBody(qint64 cursor, int entries)
{
    PushResponse response;
    for (int index = 0; index < entries; ++index) {
        response.applied.append(
            AppliedChange{QStringLiteral("00000000-0000-7000-8000-%1").arg(index, 12, 10, QLatin1Char('0')),
                          QStringLiteral("00000000-0000-7000-9000-%1").arg(index, 12, 10, QLatin1Char('0')),
                          qint64(index + 1),
                          QJsonObject{{QStringLiteral("title"), QStringLiteral("Permit %1").arg(index)}}});
    }
    response.cursor = cursor;
    return response.toJson();
}

ApiError failure(const QString &code)
{
    ApiError error;
    error.kind = ApiError::Kind::Network;
    error.code = code;
    return error;
}

// What each delivery was: the cursor of a decoded answer, or the code of a failure.
struct Deliveries
{
    QStringList seen;
    QList<Qt::HANDLE> threads;

    PushAnswerQueue::Done record()
    {
        return [this](const ApiResult<PushResponse> &answer) {
            threads.append(QThread::currentThreadId());
            seen.append(answer.ok() ? QString::number(answer.value().cursor) : answer.error().code);
        };
    }
};

} // namespace

class PushAnswerQueueTest : public QObject
{
    Q_OBJECT

private slots:
    void answersArriveInTheOrderTheyWereAddedOnThisThread()
    {
        PushAnswerQueue queue;
        Deliveries deliveries;
        QStringList expected;
        for (int round = 0; round < 20; ++round) {
            // A large answer first, then small ones and failures that are ready sooner.
            queue.addBody(answerBody(round * 10 + 1, round % 3 == 0 ? 2000 : 1), {}, deliveries.record());
            queue.addFailure(failure(QStringLiteral("f%1").arg(round)), deliveries.record());
            queue.addBody(answerBody(round * 10 + 2, 1), {}, deliveries.record());
            queue.addBody("{\"not\":\"an answer\"}", {}, deliveries.record());
            expected << QString::number(round * 10 + 1) << QStringLiteral("f%1").arg(round)
                     << QString::number(round * 10 + 2) << QStringLiteral("protocol");
        }
        QTRY_COMPARE_WITH_TIMEOUT(deliveries.seen.size(), expected.size(), 20000);
        QCOMPARE(deliveries.seen.size(), expected.size());
        for (int index = 0; index < expected.size(); ++index) {
            // A body that does not decode fails as a protocol violation, whatever its code says.
            if (expected.at(index) == QLatin1String("protocol"))
                QVERIFY2(!deliveries.seen.at(index).at(0).isDigit(), qPrintable(deliveries.seen.at(index)));
            else
                QCOMPARE(deliveries.seen.at(index), expected.at(index));
        }
        for (Qt::HANDLE thread : std::as_const(deliveries.threads))
            QCOMPARE(thread, QThread::currentThreadId());
    }

    void aFailureWaitsForTheAnswersBeforeIt()
    {
        PushAnswerQueue queue;
        Deliveries deliveries;
        queue.addBody(answerBody(7, 3000), {}, deliveries.record());
        queue.addFailure(failure(QStringLiteral("later")), deliveries.record());
        // Added behind an answer still being decoded, the failure is not delivered at once.
        QVERIFY(deliveries.seen.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(deliveries.seen,
                                  QStringList({QStringLiteral("7"), QStringLiteral("later")}), 20000);
    }

    void nothingIsDeliveredWhileHeld()
    {
        PushAnswerQueue queue;
        Deliveries deliveries;
        queue.hold();
        QVERIFY(queue.isHeld());
        queue.addBody(answerBody(1, 1), {}, deliveries.record());
        queue.addFailure(failure(QStringLiteral("held")), deliveries.record());
        QTest::qWait(200); // long enough for the worker to decode
        QVERIFY(deliveries.seen.isEmpty());
        queue.release();
        QVERIFY(!queue.isHeld());
        QTRY_COMPARE_WITH_TIMEOUT(deliveries.seen, QStringList({QStringLiteral("1"), QStringLiteral("held")}),
                                  20000);
    }

    void aCallbackThatAddsAnAnswerKeepsTheOrder()
    {
        PushAnswerQueue queue;
        Deliveries deliveries;
        PushAnswerQueue::Done record = deliveries.record();
        queue.addBody(answerBody(1, 1), {}, [&](const ApiResult<PushResponse> &answer) {
            record(answer);
            queue.addFailure(failure(QStringLiteral("from callback")), deliveries.record());
        });
        queue.addBody(answerBody(2, 500), {}, deliveries.record());
        QTRY_COMPARE_WITH_TIMEOUT(deliveries.seen.size(), 3, 20000);
        QCOMPARE(deliveries.seen,
                 QStringList({QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("from callback")}));
    }

    void eachAnswerIsAtTheFrontOnlyAfterTheAnswersBeforeIt()
    {
        // The caller sends its next request when an answer is at the front: never before it has
        // been given the answers to its earlier requests, whichever decodes first.
        PushAnswerQueue queue;
        Deliveries deliveries;
        QStringList events;
        PushAnswerQueue::Done record = deliveries.record();
        const auto answered = [&](const QString &name) {
            return [&, name](const ApiResult<PushResponse> &answer) {
                record(answer);
                events.append(name + QStringLiteral(" answered"));
            };
        };
        queue.addBody(
            answerBody(1, 3000), [&] { events.append(QStringLiteral("1 at front")); },
            answered(QStringLiteral("1")));
        // The first is at the front at once; the second, small and decoded first, waits.
        QCOMPARE(events, QStringList({QStringLiteral("1 at front")}));
        queue.addBody(
            answerBody(2, 1), [&] { events.append(QStringLiteral("2 at front")); },
            answered(QStringLiteral("2")));
        QCOMPARE(events, QStringList({QStringLiteral("1 at front")}));
        QTRY_COMPARE_WITH_TIMEOUT(events.size(), 4, 20000);
        QCOMPARE(events, QStringList({QStringLiteral("1 at front"), QStringLiteral("1 answered"),
                                      QStringLiteral("2 at front"), QStringLiteral("2 answered")}));

        // An answer at the front may hold the queue: its own delivery waits for the release.
        events.clear();
        queue.addBody(
            answerBody(3, 1),
            [&] {
                events.append(QStringLiteral("3 at front"));
                queue.hold();
            },
            answered(QStringLiteral("3")));
        QTest::qWait(200);
        QCOMPARE(events, QStringList({QStringLiteral("3 at front")}));
        queue.release();
        QTRY_COMPARE_WITH_TIMEOUT(events.size(), 2, 20000);
        QCOMPARE(events.last(), QStringLiteral("3 answered"));
    }

    void answersStillDecodingAreDroppedWithTheQueue()
    {
        Deliveries deliveries;
        {
            PushAnswerQueue queue;
            for (int index = 0; index < 5; ++index)
                queue.addBody(answerBody(index, 2000), {}, deliveries.record());
        }
        QTest::qWait(100);
        QVERIFY(deliveries.seen.isEmpty());
    }
};

QTEST_GUILESS_MAIN(PushAnswerQueueTest)
#include "tst_pushanswerqueue.moc"
