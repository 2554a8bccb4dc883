#pragma once

#include "attachments/AttachmentStore.h"
#include "store/DeviceStore.h"
#include "sync/SyncApiClient.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace fieldsync::ui {

class PhotoStorageSettings;

// Sign-in and settings in one place: the server and token (or the demo server, or no server at
// all), the device's name and the language. The token is checked with the server before it is
// saved; with no signal it can still be saved and checked at the next sync.
class SignInDialog : public QDialog
{
    Q_OBJECT

public:
    SignInDialog(DeviceStore &store, QWidget *parent = nullptr);

    // A sentence about the first entry that is not acceptable, or empty.
    QString validate() const;
    bool languageChanged() const { return m_languageChanged; }
    bool accountChanged() const { return m_accountChanged; }
    // Fills in the server and token from the file `fieldsync-server --demo --demo-token-file` writes.
    bool loadDemoFile(const QString &path);

    QLineEdit *serverField() const { return m_server; }
    QLineEdit *tokenField() const { return m_token; }
    QLineEdit *certificatePinField() const { return m_pin; }
    QLineEdit *projectField() const { return m_project; }
    QLineEdit *deviceNameField() const { return m_deviceName; }
    QRadioButton *offlineChoice() const { return m_offline; }
    QComboBox *languageChoice() const { return m_language; }
    PhotoStorageSettings *photoStorage() const { return m_photoStorage; }
    QString errorText() const;

    void accept() override;

private:
    void updateMode();
    void showError(const QString &text);
    void verifyAndSave();
    bool saveAll(const DeviceAccount &account);
    void chooseDemoFile();

    DeviceStore &m_store;
    SyncApiClient m_api;
    QRadioButton *m_online;
    QRadioButton *m_offline;
    QLineEdit *m_server;
    QLineEdit *m_token;
    QLineEdit *m_pin;
    QPushButton *m_demo;
    QComboBox *m_demoUser;
    QLineEdit *m_project;
    QLineEdit *m_deviceName;
    QComboBox *m_language;
    AttachmentStore m_attachments;
    PhotoStorageSettings *m_photoStorage;
    QLabel *m_error;
    QLabel *m_progress;
    QDialogButtonBox *m_buttons;
    QPushButton *m_ok;
    QString m_foremanToken;
    QString m_pmToken;
    bool m_saveUnverified = false;
    bool m_checking = false;
    bool m_languageChanged = false;
    bool m_accountChanged = false;
};

} // namespace fieldsync::ui
