#pragma once

#include "store/DeviceStore.h"

#include <QDialog>

class QLabel;
class QPushButton;

namespace fieldsync::ui {

class DemoServer;

// The first thing a new device shows, instead of an empty window: connect to the office's server
// (the sign-in dialog: address and token, checked and saved like `fieldsync-cli login`), or try
// FieldSync with a demo server started on this computer. Accepted once the device has a server.
class WelcomeDialog : public QDialog
{
    Q_OBJECT

public:
    WelcomeDialog(DeviceStore &store, DemoServer &demo, QWidget *parent = nullptr);

    QPushButton *connectButton() const { return m_connect; }
    QPushButton *demoButton() const { return m_tryDemo; }
    QString errorText() const;
    bool languageChanged() const { return m_languageChanged; }

    void startDemo();

private:
    void connectToServer();
    void onDemoReady(const QString &url, const QString &token);
    void onDemoFailed(const QString &reason);
    void setBusy(bool busy);
    void showError(const QString &text);

    DeviceStore &m_store;
    DemoServer &m_demo;
    QPushButton *m_connect;
    QPushButton *m_tryDemo;
    QPushButton *m_quit;
    QLabel *m_progress;
    QLabel *m_error;
    bool m_languageChanged = false;
};

} // namespace fieldsync::ui
