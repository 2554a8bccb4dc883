// Sign-in and settings: clear messages for what is missing, an offline-only device that works
// with no server, and a token the server refuses is never saved.
#include "UiTestSupport.h"

#include "settings/DeviceSettings.h"
#include "settings/SignInDialog.h"

#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QRadioButton>
#include <QTcpServer>
#include <QTest>

using namespace fieldsync;
using namespace fieldsync::ui;
using namespace fieldsync::uitest;

class TestSignInDialog : public QObject
{
    Q_OBJECT

private slots:
    void missingOrWrongEntriesAreNamedInPlainWords();
    void offlineOnlyNeedsAProjectAndThenWorks();
    void anUnreachableServerCanBeSavedAnywayAfterAWarning();
    void aCertificatePinIsCheckedAndSavedNormalised();
    void theDemoFileFillsInServerAndToken();
    void languageIsRemembered();
};

void TestSignInDialog::missingOrWrongEntriesAreNamedInPlainWords()
{
    auto device = makeDevice();
    SignInDialog dialog(*device->store);
    dialog.serverField()->setText(QStringLiteral("fieldsync.example.com"));
    QVERIFY(dialog.validate().startsWith(QStringLiteral("Enter the server address")));
    dialog.serverField()->setText(QStringLiteral("ftp://fieldsync.example.com"));
    QVERIFY(dialog.validate().startsWith(QStringLiteral("Enter the server address")));
    dialog.serverField()->setText(QStringLiteral("https://fieldsync.example.com"));
    dialog.tokenField()->clear();
    QCOMPARE(dialog.validate(), QStringLiteral("Enter the access token your office gave you."));
    dialog.tokenField()->setText(QStringLiteral("abc"));
    dialog.deviceNameField()->clear();
    QVERIFY(dialog.validate().startsWith(QStringLiteral("Give this device a name")));
    dialog.deviceNameField()->setText(QStringLiteral("Tablet 4"));
    QVERIFY(dialog.validate().isEmpty());
    dialog.tokenField()->clear();
    dialog.accept();
    QCOMPARE(dialog.errorText(), QStringLiteral("Enter the access token your office gave you."));
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
}

void TestSignInDialog::offlineOnlyNeedsAProjectAndThenWorks()
{
    auto device = makeDevice();
    SignInDialog dialog(*device->store);
    dialog.offlineChoice()->setChecked(true);
    dialog.projectField()->clear();
    QVERIFY(dialog.validate().startsWith(QStringLiteral("Enter the project")));
    dialog.projectField()->setText(QStringLiteral("tunnel-7"));
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    const DeviceAccount account = device->store->account().value();
    QVERIFY(account.serverUrl.isEmpty());
    QCOMPARE(account.currentProject, QStringLiteral("tunnel-7"));
    QVERIFY(DeviceSettings(*device->store).offlineOnly());
}

void TestSignInDialog::anUnreachableServerCanBeSavedAnywayAfterAWarning()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    const QString url = QStringLiteral("http://127.0.0.1:%1").arg(probe.serverPort());
    probe.close();
    auto device = makeDevice();
    SignInDialog dialog(*device->store);
    dialog.offlineChoice()->setChecked(false);
    dialog.serverField()->setText(url);
    dialog.tokenField()->setText(QStringLiteral("secret"));
    dialog.accept();
    QTRY_VERIFY_WITH_TIMEOUT(dialog.errorText().startsWith(QStringLiteral("Could not reach the server")),
                             15000);
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(device->store->account().value().serverUrl.isEmpty()); // nothing saved yet
    dialog.accept();                                               // "Save anyway"
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(device->store->account().value().serverUrl, url);
    QCOMPARE(device->store->account().value().token, QStringLiteral("secret"));
}

void TestSignInDialog::aCertificatePinIsCheckedAndSavedNormalised()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    const QString url = QStringLiteral("https://127.0.0.1:%1").arg(probe.serverPort());
    probe.close();
    auto device = makeDevice();
    SignInDialog dialog(*device->store);
    dialog.offlineChoice()->setChecked(false);
    dialog.serverField()->setText(url);
    dialog.tokenField()->setText(QStringLiteral("secret"));
    dialog.certificatePinField()->setText(QStringLiteral("ab:cd"));
    QVERIFY(dialog.validate().startsWith(QStringLiteral("The certificate fingerprint must be 64")));
    dialog.certificatePinField()->setText(QStringLiteral("00112233445566778899aabbccddeeff"
                                                         "00112233445566778899aabbccddeeff"));
    QVERIFY(dialog.validate().isEmpty());
    dialog.accept();
    QTRY_VERIFY_WITH_TIMEOUT(dialog.errorText().startsWith(QStringLiteral("Could not reach the server")),
                             15000);
    dialog.accept(); // "Save anyway"
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(device->store->account().value().certificatePin,
             QStringLiteral("00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:"
                            "00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF"));
    SignInDialog reopened(*device->store);
    QCOMPARE(reopened.certificatePinField()->text(), device->store->account().value().certificatePin);
}

void TestSignInDialog::theDemoFileFillsInServerAndToken()
{
    auto device = makeDevice();
    const QString path = device->dir.filePath(QStringLiteral("demo.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"url":"http://127.0.0.1:8470","foreman_token":"f-token","pm_token":"p-token"})");
    file.close();
    SignInDialog dialog(*device->store);
    QVERIFY(dialog.loadDemoFile(path));
    QCOMPARE(dialog.serverField()->text(), QStringLiteral("http://127.0.0.1:8470"));
    QCOMPARE(dialog.tokenField()->text(), QStringLiteral("f-token"));
    QVERIFY(!dialog.loadDemoFile(device->dir.filePath(QStringLiteral("missing.json"))));
}

void TestSignInDialog::languageIsRemembered()
{
    auto device = makeDevice();
    SignInDialog dialog(*device->store);
    dialog.offlineChoice()->setChecked(true);
    dialog.projectField()->setText(QStringLiteral("demo"));
    dialog.languageChoice()->setCurrentIndex(dialog.languageChoice()->findData(QStringLiteral("es")));
    dialog.accept();
    QVERIFY(dialog.languageChanged());
    QCOMPARE(DeviceSettings(*device->store).language(), QStringLiteral("es"));
}

QTEST_MAIN(TestSignInDialog)
#include "tst_signindialog.moc"
