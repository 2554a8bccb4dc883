// The always-visible sync indicator: its words and state for every sync state, counted right, and
// moving on its own (time ago, retry countdown).
#include "common/Translations.h"
#include "sync/SyncStatusIndicator.h"

#include <QSignalSpy>
#include <QTest>

using namespace fieldsync;
using namespace fieldsync::ui;

class TestSyncStatusIndicator : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { applyLanguage(QStringLiteral("en")); }
    void offlineShowsPendingCount();
    void noServerIsOfflineWithEverythingQueued();
    void syncingShowsProgress();
    void syncedShowsTimeAgo();
    void syncedWithNewEditsSaysSoInsteadOfClaimingAllIsUp();
    void conflictsOutrankSyncedAndOffline();
    void errorShowsReasonAndRetry();
    void errorWithoutRetryShowsReasonOnly();
    void rejectedChangesAreNeverHidden();
    void indicatorFollowsTheStatusObject();
    void retryCountsDownByItself();
};

void TestSyncStatusIndicator::offlineShowsPendingCount()
{
    SyncStatus status;
    status.setState(SyncStatus::State::Offline, QStringLiteral("network: connection refused"));
    status.setCounts(3, 0, 0);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QCOMPARE(SyncStatusIndicator::stateKeyOf(status), QStringLiteral("offline"));
    QCOMPARE(SyncStatusIndicator::describe(status, now, -1), QStringLiteral("Offline (3 pending)"));
    status.setCounts(1, 0, 0);
    QCOMPARE(SyncStatusIndicator::describe(status, now, -1), QStringLiteral("Offline (1 pending)"));
}

void TestSyncStatusIndicator::noServerIsOfflineWithEverythingQueued()
{
    SyncStatus status; // NotConfigured
    status.setCounts(7, 0, 0);
    QCOMPARE(SyncStatusIndicator::stateKeyOf(status), QStringLiteral("offline"));
    QCOMPARE(SyncStatusIndicator::describe(status, QDateTime::currentDateTimeUtc(), -1),
             QStringLiteral("Offline (7 pending)"));
    SyncStatusIndicator indicator(&status);
    QVERIFY(indicator.toolTip().contains(QStringLiteral("No server set")));
}

void TestSyncStatusIndicator::syncingShowsProgress()
{
    SyncStatus status;
    status.setCounts(5, 0, 0);
    status.setState(SyncStatus::State::Syncing);
    status.setProgress(2, 5);
    QCOMPARE(SyncStatusIndicator::stateKeyOf(status), QStringLiteral("syncing"));
    QCOMPARE(SyncStatusIndicator::describe(status, QDateTime::currentDateTimeUtc(), -1),
             QStringLiteral("Syncing (2 of 5)"));
    status.setProgress(0, 0); // pulling: nothing to count yet
    QCOMPARE(SyncStatusIndicator::describe(status, QDateTime::currentDateTimeUtc(), -1),
             QStringLiteral("Syncing…"));
}

void TestSyncStatusIndicator::syncedShowsTimeAgo()
{
    SyncStatus status;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    status.setLastSync(now.addSecs(-10));
    status.setState(SyncStatus::State::Synced);
    QCOMPARE(SyncStatusIndicator::stateKeyOf(status), QStringLiteral("synced"));
    QCOMPARE(SyncStatusIndicator::describe(status, now, -1), QStringLiteral("Synced (just now)"));
    status.setLastSync(now.addSecs(-5 * 60));
    QCOMPARE(SyncStatusIndicator::describe(status, now, -1), QStringLiteral("Synced (5 min ago)"));
    status.setLastSync(now.addSecs(-3 * 3600 - 20));
    QCOMPARE(SyncStatusIndicator::describe(status, now, -1), QStringLiteral("Synced (3 h ago)"));
    status.setLastSync(now.addDays(-2));
    QCOMPARE(SyncStatusIndicator::describe(status, now, -1), QStringLiteral("Synced (2 days ago)"));
}

void TestSyncStatusIndicator::syncedWithNewEditsSaysSoInsteadOfClaimingAllIsUp()
{
    SyncStatus status;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    status.setLastSync(now.addSecs(-120));
    status.setState(SyncStatus::State::Synced);
    status.setCounts(2, 0, 0);
    QCOMPARE(SyncStatusIndicator::describe(status, now, -1),
             QStringLiteral("Synced (2 min ago) · 2 pending"));
}

void TestSyncStatusIndicator::conflictsOutrankSyncedAndOffline()
{
    SyncStatus status;
    status.setLastSync(QDateTime::currentDateTimeUtc());
    status.setState(SyncStatus::State::Synced);
    status.setCounts(0, 2, 0);
    QCOMPARE(SyncStatusIndicator::stateKeyOf(status), QStringLiteral("conflicts"));
    QCOMPARE(SyncStatusIndicator::describe(status, QDateTime::currentDateTimeUtc(), -1),
             QStringLiteral("2 conflicts"));
    status.setCounts(4, 1, 0);
    status.setState(SyncStatus::State::Offline);
    QCOMPARE(SyncStatusIndicator::stateKeyOf(status), QStringLiteral("conflicts"));
    QCOMPARE(SyncStatusIndicator::describe(status, QDateTime::currentDateTimeUtc(), -1),
             QStringLiteral("1 conflict"));
}

void TestSyncStatusIndicator::errorShowsReasonAndRetry()
{
    SyncStatus status;
    status.setState(SyncStatus::State::Error, QStringLiteral("server_error: HTTP 503: unavailable"));
    status.setRetryInSeconds(30);
    QCOMPARE(SyncStatusIndicator::stateKeyOf(status), QStringLiteral("error"));
    QCOMPARE(SyncStatusIndicator::describe(status, QDateTime::currentDateTimeUtc(), 30),
             QStringLiteral("Error (server error, retrying in 30 s)"));
    status.setState(SyncStatus::State::Error, QStringLiteral("unauthorized: HTTP 401: bad token"));
    QCOMPARE(SyncStatusIndicator::describe(status, QDateTime::currentDateTimeUtc(), 12),
             QStringLiteral("Error (signed out, sign in again, retrying in 12 s)"));
}

void TestSyncStatusIndicator::errorWithoutRetryShowsReasonOnly()
{
    SyncStatus status;
    status.setState(SyncStatus::State::Error, QStringLiteral("update_needed: HTTP 426: protocol 2 needed"));
    QCOMPARE(SyncStatusIndicator::describe(status, QDateTime::currentDateTimeUtc(), -1),
             QStringLiteral("Error (update FieldSync)"));
}

void TestSyncStatusIndicator::rejectedChangesAreNeverHidden()
{
    SyncStatus status;
    status.setLastSync(QDateTime::currentDateTimeUtc());
    status.setState(SyncStatus::State::Synced);
    status.setCounts(0, 0, 2);
    QCOMPARE(SyncStatusIndicator::describe(status, QDateTime::currentDateTimeUtc(), -1),
             QStringLiteral("Synced (just now) · 2 rejected"));
}

void TestSyncStatusIndicator::indicatorFollowsTheStatusObject()
{
    SyncStatus status;
    SyncStatusIndicator indicator(&status);
    QSignalSpy changed(&indicator, &SyncStatusIndicator::displayChanged);
    status.setCounts(2, 0, 0);
    status.setState(SyncStatus::State::Offline);
    QCOMPARE(indicator.text(), QStringLiteral("Offline (2 pending)"));
    QCOMPARE(indicator.stateKey(), QStringLiteral("offline"));
    status.setState(SyncStatus::State::Syncing);
    status.setProgress(1, 2);
    QCOMPARE(indicator.text(), QStringLiteral("Syncing (1 of 2)"));
    QCOMPARE(indicator.stateKey(), QStringLiteral("syncing"));
    status.setCounts(0, 0, 0);
    status.setLastSync(QDateTime::currentDateTimeUtc());
    status.setState(SyncStatus::State::Synced);
    QCOMPARE(indicator.text(), QStringLiteral("Synced (just now)"));
    QCOMPARE(indicator.stateKey(), QStringLiteral("synced"));
    status.setCounts(0, 3, 0);
    QCOMPARE(indicator.text(), QStringLiteral("3 conflicts"));
    QCOMPARE(indicator.stateKey(), QStringLiteral("conflicts"));
    status.setState(SyncStatus::State::Error, QStringLiteral("network: host unreachable"));
    QCOMPARE(indicator.stateKey(), QStringLiteral("error"));
    QCOMPARE(indicator.text(), QStringLiteral("Error (server unreachable)"));
    // A server that is there but answers too slowly, or whose certificate is refused, is not
    // "unreachable": a person would look for the wrong problem.
    status.setState(SyncStatus::State::Error,
                    QStringLiteral("too_slow: the server sent its answer too slowly"));
    QCOMPARE(indicator.text(), QStringLiteral("Error (connection too slow)"));
    status.setState(SyncStatus::State::Error, QStringLiteral("tls: certificate does not match the pin"));
    QCOMPARE(indicator.text(), QStringLiteral("Error (server certificate not trusted)"));
    QVERIFY(changed.count() >= 5);
    QVERIFY(!indicator.icon().isNull());
}

void TestSyncStatusIndicator::retryCountsDownByItself()
{
    SyncStatus status;
    status.setState(SyncStatus::State::Error, QStringLiteral("rate_limited: HTTP 429: slow down"));
    status.setRetryInSeconds(3);
    SyncStatusIndicator indicator(&status);
    const auto retryingIn = [](int seconds) {
        return QStringLiteral("Error (server busy, retrying in %1 s)").arg(seconds);
    };
    QCOMPARE(indicator.text(), retryingIn(3));
    // Each second it shows is a window of a second, which a loaded machine (the sanitizer stage
    // runs beside the fuzzers) may sleep through: what must hold is that it gets to 0 by itself.
    QTRY_COMPARE_WITH_TIMEOUT(indicator.text(), retryingIn(0), 8000);
}

QTEST_MAIN(TestSyncStatusIndicator)
#include "tst_syncstatusindicator.moc"
