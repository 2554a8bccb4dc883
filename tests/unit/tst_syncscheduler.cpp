// SyncScheduler with a fake runner: when runs start, how triggers during a run coalesce into one
// follow-up, and how backoff, Retry-After, blocking and Sync now interact. Short real timers.
#include "sync/SyncScheduler.h"

#include <QElapsedTimer>
#include <QTest>

using namespace fieldsync;
using Trigger = SyncScheduler::Trigger;
using Outcome = SyncScheduler::Outcome;

class SyncSchedulerTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SyncScheduler> m_scheduler;
    QList<Trigger> m_runs;
    QElapsedTimer m_clock;
    QList<qint64> m_runTimes;
    bool m_active = false;

    void make(int debounceMs = 20, int periodicMs = 0, int backoffMs = 50)
    {
        SyncScheduler::Options options;
        options.debounceMs = debounceMs;
        options.periodicMs = periodicMs;
        options.backoff.initialMs = backoffMs;
        options.backoff.maxMs = backoffMs * 8;
        options.backoff.jitter = 0;
        m_scheduler = std::make_unique<SyncScheduler>(options);
        m_runs.clear();
        m_runTimes.clear();
        m_clock.start();
        m_active = false;
        connect(m_scheduler.get(), &SyncScheduler::runRequested, this, [this](Trigger trigger) {
            QVERIFY2(!m_active, "two runs at once");
            m_active = true;
            m_runs.append(trigger);
            m_runTimes.append(m_clock.elapsed());
        });
        m_scheduler->setEnabled(true);
    }

    void finish(Outcome outcome = Outcome::Succeeded, int retryAfter = -1)
    {
        QVERIFY(m_scheduler->isRunning());
        m_active = false;
        m_scheduler->runFinished(outcome, retryAfter);
    }

private slots:
    void aBurstOfEditsIsOneDebouncedRun()
    {
        make(40);
        for (int i = 0; i < 5; ++i) {
            m_scheduler->request(Trigger::LocalEdit);
            QTest::qWait(5);
        }
        QCOMPARE(m_runs.size(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(m_runs.size(), 1, 1000);
        QCOMPARE(m_runs.first(), Trigger::LocalEdit);
        finish();
        QTest::qWait(80);
        QCOMPARE(m_runs.size(), 1);
    }

    void triggersDuringARunMakeExactlyOneFollowUp()
    {
        make();
        m_scheduler->request(Trigger::ServerEvent);
        QCOMPARE(m_runs.size(), 1);
        // While it runs: an edit, two events, a periodic tick, connectivity.
        m_scheduler->request(Trigger::LocalEdit);
        m_scheduler->request(Trigger::ServerEvent);
        m_scheduler->request(Trigger::ServerEvent);
        m_scheduler->request(Trigger::Periodic);
        QVERIFY(m_scheduler->hasFollowUp());
        QCOMPARE(m_runs.size(), 1);
        finish();
        // The follow-up starts at once: an edit made mid-sync does not wait for a timer.
        QCOMPARE(m_runs.size(), 2);
        QCOMPARE(m_runs.last(), Trigger::FollowUp);
        finish();
        QTest::qWait(60);
        QCOMPARE(m_runs.size(), 2);
    }

    void syncNowDuringARunIsAlsoOneFollowUp()
    {
        make();
        m_scheduler->request(Trigger::Manual);
        m_scheduler->request(Trigger::Manual);
        m_scheduler->request(Trigger::Manual);
        QCOMPARE(m_runs.size(), 1);
        finish(Outcome::Failed, 30);
        // A manual follow-up ignores even the 30 s Retry-After the run just got.
        QCOMPARE(m_runs.size(), 2);
        QCOMPARE(m_runs.last(), Trigger::Manual);
    }

    void aFailureBacksOffAndRetriesByItself()
    {
        make(20, 0, 60);
        m_scheduler->request(Trigger::Startup);
        finish(Outcome::Failed);
        QVERIFY(m_scheduler->retryInMs() > 0);
        // Automatic triggers wait for the backoff...
        m_scheduler->request(Trigger::ServerEvent);
        m_scheduler->request(Trigger::Periodic);
        QCOMPARE(m_runs.size(), 1);
        // ... and the retry comes on its own.
        QTRY_COMPARE_WITH_TIMEOUT(m_runs.size(), 2, 1000);
        QCOMPARE(m_runs.last(), Trigger::Retry);
        QVERIFY2(m_runTimes.last() - m_runTimes.first() >= 55,
                 qPrintable(QString::number(m_runTimes.last())));
        finish(Outcome::Failed); // second failure: twice as long
        const qint64 failedAt = m_clock.elapsed();
        QTRY_COMPARE_WITH_TIMEOUT(m_runs.size(), 3, 2000);
        QVERIFY(m_runTimes.last() - failedAt >= 115);
        finish();
        QCOMPARE(m_scheduler->retryInMs(), -1);
        QCOMPARE(m_scheduler->backoff().failures(), 0);
    }

    void retryAfterIsHonouredEvenWhenConnectivityReturns()
    {
        make(20, 0, 10);
        m_scheduler->request(Trigger::Startup);
        finish(Outcome::Failed, 1);
        m_scheduler->connectivityRestored();
        m_scheduler->request(Trigger::ServerEvent);
        QTest::qWait(900);
        QCOMPARE(m_runs.size(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(m_runs.size(), 2, 1000);
        QVERIFY(m_runTimes.last() - m_runTimes.first() >= 1000);
    }

    void syncNowOverridesTheBackoff()
    {
        make(20, 0, 10000);
        m_scheduler->request(Trigger::Startup);
        finish(Outcome::Failed);
        m_scheduler->request(Trigger::Periodic);
        QCOMPARE(m_runs.size(), 1);
        m_scheduler->request(Trigger::Manual);
        QCOMPARE(m_runs.size(), 2);
        QCOMPARE(m_runs.last(), Trigger::Manual);
    }

    void connectivityRestoredEndsANetworkBackoff()
    {
        make(20, 0, 10000);
        m_scheduler->request(Trigger::Startup);
        finish(Outcome::Failed);
        m_scheduler->setBlocked(true);
        m_scheduler->connectivityRestored();
        QCOMPARE(m_runs.size(), 2);
        QCOMPARE(m_runs.last(), Trigger::ConnectivityRestored);
        QVERIFY(!m_scheduler->isBlocked());
    }

    void blockedHoldsAutomaticTriggersUntilUnblocked()
    {
        make();
        m_scheduler->setBlocked(true);
        m_scheduler->request(Trigger::ServerEvent);
        m_scheduler->request(Trigger::LocalEdit);
        QTest::qWait(50);
        QCOMPARE(m_runs.size(), 0);
        m_scheduler->setBlocked(false);
        QCOMPARE(m_runs.size(), 1);
        finish();
        QTest::qWait(50);
        QCOMPARE(m_runs.size(), 1);
    }

    void periodicRunsRestartAfterEachRun()
    {
        make(20, 60);
        QTRY_COMPARE_WITH_TIMEOUT(m_runs.size(), 1, 1000);
        QCOMPARE(m_runs.first(), Trigger::Periodic);
        QTest::qWait(100); // no tick piles up while it runs
        QCOMPARE(m_runs.size(), 1);
        finish();
        QTRY_COMPARE_WITH_TIMEOUT(m_runs.size(), 2, 1000);
        QVERIFY(m_runTimes.at(1) - m_runTimes.at(0) >= 150);
    }

    void disabledOnlySyncNowRuns()
    {
        make(10, 20);
        m_scheduler->setEnabled(false);
        m_scheduler->request(Trigger::LocalEdit);
        m_scheduler->request(Trigger::ServerEvent);
        QTest::qWait(80);
        QCOMPARE(m_runs.size(), 0);
        m_scheduler->request(Trigger::Manual);
        QCOMPARE(m_runs.size(), 1);
        // A follow-up asked for automatically is dropped when disabled mid-run.
        m_scheduler->setEnabled(true);
        m_scheduler->request(Trigger::ServerEvent);
        m_scheduler->setEnabled(false);
        finish();
        QCOMPARE(m_runs.size(), 1);
    }

    void needingAPersonPlansNoRetry()
    {
        make(20, 0, 20);
        m_scheduler->request(Trigger::Startup);
        finish(Outcome::NeedsPerson);
        QCOMPARE(m_scheduler->retryInMs(), -1);
        QTest::qWait(100);
        QCOMPARE(m_runs.size(), 1);
    }
};

QTEST_GUILESS_MAIN(SyncSchedulerTest)
#include "tst_syncscheduler.moc"
