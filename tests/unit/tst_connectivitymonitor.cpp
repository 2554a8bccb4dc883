// ConnectivityMonitor's state machine with a fake server check and a fake system network view:
// which evidence makes which state, when it checks again, and when it says "restored".
#include "connectivity/ConnectivityMonitor.h"

#include <QSignalSpy>
#include <QTest>

using namespace fieldsync;
using State = ConnectivityMonitor::State;
using System = ConnectivityMonitor::SystemReachability;

class ConnectivityMonitorTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ConnectivityMonitor> m_monitor;
    QList<ConnectivityMonitor::ProbeDone> m_probes; // checks waiting for an answer
    int m_probeCount = 0;

    void make(const QString &server = QStringLiteral("http://fieldsync.example.com:8470"))
    {
        ConnectivityMonitor::Options options;
        options.useSystemNetworkInformation = false;
        options.probeBackoff.initialMs = 30;
        options.probeBackoff.maxMs = 60;
        options.probeBackoff.jitter = 0;
        m_monitor = std::make_unique<ConnectivityMonitor>(options);
        m_probes.clear();
        m_probeCount = 0;
        m_monitor->setProbe([this](ConnectivityMonitor::ProbeDone done) {
            ++m_probeCount;
            m_probes.append(std::move(done));
        });
        m_monitor->setServer(QUrl(server));
    }

    void answer(bool reachable, const QString &reason = QStringLiteral("connection refused"))
    {
        QVERIFY(!m_probes.isEmpty());
        m_probes.takeFirst()({reachable, reachable ? QString() : reason});
    }

private slots:
    void startsUnknownAndGoesOnlineWhenTheServerAnswers()
    {
        make();
        QCOMPARE(m_monitor->state(), State::Unknown);
        QVERIFY(m_monitor->isReachable()); // unknown does not hold syncs back
        m_monitor->start();
        QCOMPARE(m_probeCount, 1);
        QSignalSpy restored(m_monitor.get(), &ConnectivityMonitor::restored);
        answer(true);
        QCOMPARE(m_monitor->state(), State::Online);
        QCOMPARE(restored.size(), 0); // nothing was down
    }

    void anUnansweredCheckMeansUnreachableAndItChecksAgainWithBackoff()
    {
        make();
        m_monitor->start();
        answer(false, QStringLiteral("server unreachable: Connection refused"));
        QCOMPARE(m_monitor->state(), State::ServerUnreachable);
        QCOMPARE(m_monitor->reason(), QStringLiteral("server unreachable: Connection refused"));
        QVERIFY(!m_monitor->isReachable());
        QTRY_COMPARE_WITH_TIMEOUT(m_probeCount, 2, 1000);
        answer(false);
        QTRY_COMPARE_WITH_TIMEOUT(m_probeCount, 3, 1000);
        QCOMPARE(m_monitor->state(), State::ServerUnreachable);
    }

    void backAfterAnOutageIsRestoredOnce()
    {
        make();
        m_monitor->start();
        QSignalSpy restored(m_monitor.get(), &ConnectivityMonitor::restored);
        answer(false);
        QTRY_COMPARE_WITH_TIMEOUT(m_probeCount, 2, 1000);
        answer(true);
        QCOMPARE(m_monitor->state(), State::Online);
        QCOMPARE(restored.size(), 1);
        // Online: no more checks on a timer.
        QTest::qWait(150);
        QCOMPARE(m_probeCount, 2);
    }

    void aSyncFailureAloneIsNotAnOutage()
    {
        make();
        m_monitor->start();
        answer(true);
        QSignalSpy restored(m_monitor.get(), &ConnectivityMonitor::restored);
        m_monitor->reportUnreachable(QStringLiteral("network: timeout"));
        QCOMPARE(m_monitor->state(), State::ServerUnreachable);
        // It checks for itself after the first backoff step, not at once.
        QCOMPARE(m_probeCount, 1);
        QTRY_COMPARE_WITH_TIMEOUT(m_probeCount, 2, 1000);
        answer(true);
        QCOMPARE(m_monitor->state(), State::Online);
        // The server answered its check right away: the sync's own backoff decides, not "restored".
        QCOMPARE(restored.size(), 0);
    }

    void theSystemSayingDisconnectedIsOffline()
    {
        make();
        m_monitor->start();
        answer(true);
        m_monitor->setSystemReachability(System::Disconnected);
        QCOMPARE(m_monitor->state(), State::Offline);
        QSignalSpy restored(m_monitor.get(), &ConnectivityMonitor::restored);
        // Still checked now and then, since some backends are wrong; a network back is checked at once.
        const int before = m_probeCount;
        m_monitor->setSystemReachability(System::Online);
        QTRY_VERIFY_WITH_TIMEOUT(m_probeCount > before, 1000);
        while (m_probes.size() > 1)
            m_probes.removeFirst();
        answer(true);
        QCOMPARE(m_monitor->state(), State::Online);
        QCOMPARE(restored.size(), 1);
    }

    void aCheckFailingWhileTheSystemSaysDisconnectedIsOffline()
    {
        make();
        m_monitor->setSystemReachability(System::Disconnected);
        m_monitor->start();
        answer(false);
        QCOMPARE(m_monitor->state(), State::Offline);
    }

    void aServerOnThisMachineIgnoresTheSystemsView()
    {
        make(QStringLiteral("http://127.0.0.1:8470"));
        m_monitor->start();
        answer(true);
        m_monitor->setSystemReachability(System::Disconnected);
        QCOMPARE(m_monitor->state(), State::Online);
    }

    void signedOutStaysUntilTheTokenWorksAgain()
    {
        make();
        m_monitor->start();
        answer(true);
        m_monitor->reportSignedOut(QStringLiteral("unauthorized: the token was revoked"));
        QCOMPARE(m_monitor->state(), State::SignedOut);
        // health needs no token: it cannot clear this, nor can a network failure hide it.
        m_monitor->checkNow();
        QCOMPARE(m_probeCount, 1);
        m_monitor->reportUnreachable(QStringLiteral("network"));
        QCOMPARE(m_monitor->state(), State::SignedOut);
        // A request that the token got through ends it; so does a new sign-in.
        m_monitor->reportReachable();
        QCOMPARE(m_monitor->state(), State::Online);
        m_monitor->reportSignedOut(QStringLiteral("unauthorized"));
        m_monitor->clearSignedOut();
        QCOMPARE(m_monitor->state(), State::Unknown);
        QCOMPARE(m_probeCount, 2);
    }

    void aNewServerStartsOverAndIgnoresTheOldServersAnswer()
    {
        make();
        m_monitor->start();
        m_monitor->setServer(QUrl(QStringLiteral("http://other.example.com:8470")));
        QCOMPARE(m_probeCount, 2);
        answer(false); // the first server's late answer
        QCOMPARE(m_monitor->state(), State::Unknown);
        answer(true);
        QCOMPARE(m_monitor->state(), State::Online);
    }

    void stoppedItNeitherChecksNorSchedules()
    {
        make();
        m_monitor->start();
        answer(false);
        m_monitor->stop();
        QTest::qWait(120);
        QCOMPARE(m_probeCount, 1);
    }
};

QTEST_GUILESS_MAIN(ConnectivityMonitorTest)
#include "tst_connectivitymonitor.moc"
