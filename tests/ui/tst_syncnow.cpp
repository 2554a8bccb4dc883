// Sync now: the toolbar button (and F5 / Ctrl+R) starts a sync at once and the window shows it;
// with no server it says so and queues, and it is enabled only when a server is configured.
#include "UiTestSupport.h"

#include "main/MainWindow.h"
#include "store/LocalEditor.h"
#include "sync/SyncStatusIndicator.h"

#include <QAction>
#include <QProgressBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTest>

using namespace fieldsync;
using namespace fieldsync::ui;
using namespace fieldsync::uitest;

class TestSyncNow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void syncNowStartsASyncAtOnce();
    void f5AndCtrlRAreSyncNow();
    void aServerThatDoesNotAnswerEndsOfflineWithTheQueueKept();
    void withoutAServerSyncNowIsDisabled();
};

namespace {

// A port that accepts connections and never answers: the sync stays running while we look.
struct SilentServer
{
    QTcpServer server;
    SilentServer() { server.listen(QHostAddress::LocalHost, 0); }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(server.serverPort()); }
};

} // namespace

void TestSyncNow::syncNowStartsASyncAtOnce()
{
    SilentServer silent;
    auto device = makeDevice(silent.url());
    SyncController sync(*device->store);
    MainWindow window(*device->store, sync);
    window.show();
    QVERIFY(window.syncNowAction()->isEnabled());
    QSignalSpy changed(sync.status(), &SyncStatus::changed);

    window.syncNowAction()->trigger();

    QCOMPARE(sync.status()->state(), SyncStatus::State::Syncing);
    QVERIFY(sync.engine()->isRunning());
    QCOMPARE(window.indicator()->stateKey(), QStringLiteral("syncing"));
    QVERIFY(window.indicator()->text().startsWith(QStringLiteral("Syncing")));
    auto *progress = window.findChild<QProgressBar *>();
    QVERIFY(progress && progress->isVisible());
    QVERIFY(!window.syncNowAction()->isEnabled()); // one sync at a time
    QVERIFY(changed.count() > 0);
}

void TestSyncNow::f5AndCtrlRAreSyncNow()
{
    SilentServer silent;
    auto device = makeDevice(silent.url());
    SyncController sync(*device->store);
    MainWindow window(*device->store, sync);
    const QList<QKeySequence> shortcuts = window.syncNowAction()->shortcuts();
    QVERIFY(shortcuts.contains(QKeySequence(Qt::Key_F5)));
    QVERIFY(shortcuts.contains(QKeySequence(Qt::CTRL | Qt::Key_R)));
    window.show();
    QApplication::setActiveWindow(&window);
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTest::keyClick(&window, Qt::Key_F5);
    QCOMPARE(sync.status()->state(), SyncStatus::State::Syncing);
}

void TestSyncNow::aServerThatDoesNotAnswerEndsOfflineWithTheQueueKept()
{
    // A port nobody listens on: the connection is refused at once.
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    const QString url = QStringLiteral("http://127.0.0.1:%1").arg(probe.serverPort());
    probe.close();
    auto device = makeDevice(url);
    seedPermits(*device->store, 1);
    LocalEditor editor(*device->store);
    QVERIFY(editor
                .edit(QStringLiteral("00000000-0000-4000-8000-000000000000"),
                      {{QStringLiteral("location"), QStringLiteral("Roof")}})
                .ok());
    SyncController sync(*device->store);
    MainWindow window(*device->store, sync);
    QSignalSpy finished(&sync, &SyncController::syncFinished);
    window.syncNowAction()->trigger();
    QVERIFY(finished.wait(20000));
    QCOMPARE(sync.status()->state(), SyncStatus::State::Offline);
    QCOMPARE(window.indicator()->text(), QStringLiteral("Offline (1 pending)"));
    QVERIFY(window.syncNowAction()->isEnabled());
}

void TestSyncNow::withoutAServerSyncNowIsDisabled()
{
    auto device = makeDevice();
    SyncController sync(*device->store);
    MainWindow window(*device->store, sync);
    QVERIFY(!window.syncNowAction()->isEnabled());
    QCOMPARE(window.indicator()->stateKey(), QStringLiteral("offline"));
}

QTEST_MAIN(TestSyncNow)
#include "tst_syncnow.moc"
