// BackoffPolicy with a fake clock and a fake random source: exact delays, no waiting.
#include "sync/BackoffPolicy.h"

#include <QTest>

using namespace fieldsync;

class BackoffPolicyTest : public QObject
{
    Q_OBJECT

private:
    qint64 m_now = 1000;
    double m_random = 0.0;

    BackoffPolicy policy(BackoffPolicy::Options options = BackoffPolicy::Options())
    {
        return BackoffPolicy(
            options, [this] { return m_now; }, [this] { return m_random; });
    }

private slots:
    void init()
    {
        m_now = 1000;
        m_random = 0.0;
    }

    void delaysDoubleFromTheInitialOneUpToTheFiveMinuteCap()
    {
        BackoffPolicy backoff = policy();
        QList<qint64> delays;
        for (int i = 0; i < 12; ++i)
            delays.append(backoff.recordFailure());
        const QList<qint64> expected{1000,  2000,   4000,   8000,   16000,  32000,
                                     64000, 128000, 256000, 300000, 300000, 300000};
        QCOMPARE(delays, expected);
        QCOMPARE(backoff.failures(), 12);
    }

    void jitterTakesUpToHalfOfEachStep()
    {
        m_random = 0.999999;
        BackoffPolicy backoff = policy();
        const qint64 first = backoff.recordFailure();
        const qint64 second = backoff.recordFailure();
        QVERIFY2(first >= 500 && first < 502, qPrintable(QString::number(first)));
        QVERIFY2(second >= 1000 && second < 1002, qPrintable(QString::number(second)));
        m_random = 0.5;
        QCOMPARE(backoff.recordFailure(), qint64(3000)); // 4000 * (1 - 0.5 * 0.5)
    }

    void aServersRetryAfterIsNeverShortened()
    {
        BackoffPolicy backoff = policy();
        QCOMPARE(backoff.recordFailure(2), qint64(2000));
        QVERIFY(backoff.serverAskedToWait());
        QCOMPARE(backoff.remainingMs(), qint64(2000));
        m_now += 1999;
        QVERIFY(backoff.isWaiting());
        m_now += 1;
        QVERIFY(!backoff.isWaiting());
        QVERIFY(!backoff.serverAskedToWait());
    }

    void ourOwnBackoffWinsWhenLongerThanRetryAfter()
    {
        BackoffPolicy backoff = policy();
        for (int i = 0; i < 4; ++i)
            (void)backoff.recordFailure();
        QCOMPARE(backoff.recordFailure(1), qint64(16000));
        QVERIFY(!backoff.serverAskedToWait());
    }

    void anAbsurdRetryAfterIsClamped()
    {
        BackoffPolicy backoff = policy();
        QCOMPARE(backoff.recordFailure(86400), qint64(60 * 60 * 1000));
    }

    void resetStartsOverAndClearsTheWait()
    {
        BackoffPolicy backoff = policy();
        (void)backoff.recordFailure();
        (void)backoff.recordFailure();
        QVERIFY(backoff.isWaiting());
        backoff.reset();
        QVERIFY(!backoff.isWaiting());
        QCOMPARE(backoff.failures(), 0);
        QCOMPARE(backoff.recordFailure(), qint64(1000));
    }

    void thousandsOfFailuresStayAtTheCap()
    {
        BackoffPolicy backoff = policy();
        qint64 last = 0;
        for (int i = 0; i < 5000; ++i)
            last = backoff.recordFailure();
        QCOMPARE(last, qint64(300000));
    }

    void optionsAreRespected()
    {
        BackoffPolicy::Options options;
        options.initialMs = 100;
        options.maxMs = 250;
        options.multiplier = 3;
        options.jitter = 0;
        BackoffPolicy backoff = policy(options);
        QCOMPARE(backoff.recordFailure(), qint64(100));
        QCOMPARE(backoff.recordFailure(), qint64(250));
        QCOMPARE(backoff.recordFailure(), qint64(250));
    }
};

QTEST_GUILESS_MAIN(BackoffPolicyTest)
#include "tst_backoffpolicy.moc"
