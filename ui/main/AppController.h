#pragma once

#include "sync/SyncController.h"
#include "welcome/DemoServer.h"

#include <QObject>
#include <QPointer>

namespace fieldsync::ui {

class MainWindow;

// What `fieldsync` was started with, besides the data directory.
struct StartOptions
{
    QString serverUrl;
    QString token;
    QString demoFile; // the token file of `fieldsync-server --demo`
    QString demoRole; // foreman (default) or pm
    bool exitAfterFirstPaint = false;
};

// Owns the running GUI over one data directory: the sync controller, the language, the sign-in on
// first start, and the main window (built anew when the language changes, so every text follows).
class AppController : public QObject
{
    Q_OBJECT

public:
    explicit AppController(DeviceStore &store, QObject *parent = nullptr);
    ~AppController() override;

    // Signs in from the options or asks; false when the person closed the sign-in instead.
    bool start(const StartOptions &options);
    MainWindow *window() const;
    SyncController &sync() { return m_sync; }
    DemoServer &demoServer() { return m_demo; }

private:
    Result<void> signInFromOptions(const StartOptions &options);
    void buildWindow();
    void openSettings();
    void watchFirstPaint();
    void restartDemoServer();
    void fetchIdentity();

    DeviceStore &m_store;
    SyncController m_sync;
    QPointer<MainWindow> m_window;
    DemoServer m_demo; // only runs on a device that chose "Try the demo"; stops when the GUI quits
};

} // namespace fieldsync::ui
