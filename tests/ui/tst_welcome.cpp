// First run of the GUI: a device with nothing saved opens the welcome, never an empty window. "Try
// the demo" starts the real fieldsync-server from the build's bin folder, signs in and syncs; the
// server stops with the GUI and starts again on the next run. "Connect to a server" is the sign-in.
#include "common/UiText.h"
#include "main/AppController.h"
#include "main/MainWindow.h"
#include "settings/DeviceSettings.h"
#include "settings/SignInDialog.h"
#include "welcome/DemoServer.h"
#include "welcome/WelcomeDialog.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <csignal>
#include <functional>
#include <memory>

using namespace fieldsync;
using namespace fieldsync::ui;

namespace {

constexpr int DemoStartMs = 30000;

std::unique_ptr<DeviceStore> openStore(const QString &dir)
{
    Result<std::unique_ptr<DeviceStore>> opened = DeviceStore::open(dir);
    if (!opened)
        qFatal("cannot open the device store: %s", qPrintable(opened.error().toString()));
    return std::move(opened).value();
}

// Runs `act` on the modal dialog of type T once it is shown (AppController::start() blocks in
// exec()), and records whether one appeared. Watching ends with the returned timer.
template<typename T> std::unique_ptr<QTimer> whenModalShown(bool *seen, std::function<void(T *)> act)
{
    auto poll = std::make_unique<QTimer>();
    poll->setInterval(20);
    QTimer *timer = poll.get();
    QObject::connect(timer, &QTimer::timeout, timer, [timer, seen, act] {
        auto *dialog = qobject_cast<T *>(QApplication::activeModalWidget());
        if (!dialog || !dialog->isVisible())
            return;
        timer->stop();
        *seen = true;
        act(dialog);
    });
    timer->start();
    return poll;
}

bool processAlive(qint64 pid)
{
    return pid > 0 && ::kill(pid_t(pid), 0) == 0;
}

} // namespace

class TestWelcome : public QObject
{
    Q_OBJECT

private slots:
    void tryTheDemoStartsARealServerSignsInAndStopsItOnQuit();
    void connectToAServerOpensTheSignInAndQuitShowsNoWindow();
    void aMissingServerBinaryIsExplainedAndTheChoicesStayOpen();
    void aConfiguredDeviceOpensTheMainWindowWithoutWelcome();
};

void TestWelcome::tryTheDemoStartsARealServerSignsInAndStopsItOnQuit()
{
    QTemporaryDir dir;
    auto store = openStore(dir.path());
    QVERIFY(QFileInfo(DemoServer::defaultProgram()).isExecutable());

    qint64 serverPid = 0;
    {
        AppController controller(*store);
        bool welcomed = false;
        auto watch = whenModalShown<WelcomeDialog>(&welcomed, [](WelcomeDialog *welcome) {
            QVERIFY(welcome->demoButton()->isEnabled());
            QTest::mouseClick(welcome->demoButton(), Qt::LeftButton);
        });
        QVERIFY(controller.start({}));
        QVERIFY(welcomed);
        QVERIFY(controller.demoServer().isRunning());
        serverPid = controller.demoServer().processId();
        QVERIFY(controller.window());
        QVERIFY(controller.window()->isVisible());

        const DeviceAccount account = store->account().value();
        QVERIFY2(account.serverUrl.startsWith(QStringLiteral("http://127.0.0.1:")),
                 qPrintable(account.serverUrl));
        QCOMPARE(account.token, controller.demoServer().foremanToken());
        QVERIFY(DemoServer::isDemoDevice(*store));
        QVERIFY(!DeviceSettings(*store).offlineOnly());

        // Signed in for real: the demo's permits arrive and the state reaches Synced.
        SyncStatus *status = controller.sync().status();
        QTRY_COMPARE_WITH_TIMEOUT(status->state(), SyncStatus::State::Synced, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(store->account().value().role.has_value(), 10000);
        QVERIFY(*store->account().value().role == Role::Foreman);
        QVERIFY(processAlive(serverPid));
    }
    // The GUI quit (the controller is gone): the demo server is stopped, not left behind.
    QTRY_VERIFY_WITH_TIMEOUT(!processAlive(serverPid), 10000);

    // The next start of the same device starts the demo server again (a new port, fresh tokens)
    // and opens the window straight away.
    AppController again(*store);
    bool welcomedAgain = false;
    auto watch =
        whenModalShown<WelcomeDialog>(&welcomedAgain, [](WelcomeDialog *welcome) { welcome->reject(); });
    QVERIFY(again.start({}));
    QVERIFY(again.window() && again.window()->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(again.demoServer().isRunning() && !again.demoServer().url().isEmpty(),
                             DemoStartMs);
    QTRY_COMPARE_WITH_TIMEOUT(store->account().value().serverUrl, again.demoServer().url(), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(again.sync().status()->state(), SyncStatus::State::Synced, 30000);
    QVERIFY(!welcomedAgain);
}

void TestWelcome::connectToAServerOpensTheSignInAndQuitShowsNoWindow()
{
    QTemporaryDir dir;
    auto store = openStore(dir.path());
    AppController controller(*store);
    bool welcomed = false;
    bool signInShown = false;
    std::unique_ptr<QTimer> watchSignIn;
    auto watch =
        whenModalShown<WelcomeDialog>(&welcomed, [&signInShown, &watchSignIn](WelcomeDialog *welcome) {
            // The sign-in opens over the welcome; cancelling it goes back to the welcome's choices.
            watchSignIn = whenModalShown<SignInDialog>(&signInShown, [welcome](SignInDialog *signIn) {
                QVERIFY(signIn->serverField()->isEnabled());
                signIn->reject();
                QTimer::singleShot(50, welcome, [welcome] {
                    QVERIFY(welcome->isVisible());
                    welcome->reject(); // Quit
                });
            });
            QTest::mouseClick(welcome->connectButton(), Qt::LeftButton);
        });
    QVERIFY(!controller.start({}));
    QVERIFY(welcomed);
    QVERIFY(signInShown);
    QVERIFY(!controller.window());
    QVERIFY(store->account().value().serverUrl.isEmpty());
}

void TestWelcome::aMissingServerBinaryIsExplainedAndTheChoicesStayOpen()
{
    QTemporaryDir dir;
    auto store = openStore(dir.path());
    DemoServer demo;
    demo.setProgram(dir.filePath(QStringLiteral("no-such-server")));
    WelcomeDialog welcome(*store, demo);
    welcome.show();
    QSignalSpy failed(&demo, &DemoServer::failed);
    welcome.startDemo();
    QTRY_COMPARE(failed.size(), 1);
    QVERIFY2(welcome.errorText().contains(QStringLiteral("no-such-server")), qPrintable(welcome.errorText()));
    QVERIFY(welcome.demoButton()->isEnabled());
    QVERIFY(welcome.connectButton()->isEnabled());
    QVERIFY(welcome.isVisible());
    QVERIFY(store->account().value().serverUrl.isEmpty());
    QVERIFY(!DemoServer::isDemoDevice(*store));
}

void TestWelcome::aConfiguredDeviceOpensTheMainWindowWithoutWelcome()
{
    QTemporaryDir dir;
    auto store = openStore(dir.path());
    QVERIFY(DeviceSettings(*store).setOfflineOnly(true));
    DeviceAccount account;
    account.currentProject = QStringLiteral("tunnel-7");
    account.projects = {account.currentProject};
    QVERIFY(store->saveAccount(account));
    AppController controller(*store);
    bool welcomed = false;
    auto watch = whenModalShown<WelcomeDialog>(&welcomed, [](WelcomeDialog *welcome) { welcome->reject(); });
    QVERIFY(controller.start({}));
    QVERIFY(!welcomed);
    QVERIFY(controller.window() && controller.window()->isVisible());
    QVERIFY(!controller.demoServer().isRunning());
}

QTEST_MAIN(TestWelcome)
#include "tst_welcome.moc"
