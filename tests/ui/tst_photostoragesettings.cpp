// The photo storage setting: the days to keep photos are saved in the real attachment store, the
// storage the data dir's files use is shown in words, and "Free up space now" never removes a
// file the server does not have yet.
#include "UiTestSupport.h"

#include "attachments/PhotoStorageSettings.h"
#include "settings/SignInDialog.h"

#include <QFileInfo>
#include <QImage>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTest>

using namespace fieldsync;
using namespace fieldsync::ui;
using namespace fieldsync::uitest;

class TestPhotoStorageSettings : public QObject
{
    Q_OBJECT

private slots:
    void theDaysAreSavedInTheStore();
    void theStorageUsedIsShownInWords();
    void freeingSpaceKeepsFilesTheServerDoesNotHave();
    void theSettingsDialogSavesTheDays();
};

void TestPhotoStorageSettings::theDaysAreSavedInTheStore()
{
    auto device = makeDevice();
    AttachmentStore attachments(*device->store);
    PhotoStorageSettings settings(attachments);
    QCOMPARE(settings.daysField()->value(), 0);
    QCOMPARE(settings.daysField()->text(), QStringLiteral("All photos"));
    QVERIFY(!settings.freeSpaceButton()->isEnabled());

    settings.daysField()->setValue(30);
    QVERIFY(settings.freeSpaceButton()->isEnabled());
    QVERIFY(settings.apply().ok());

    // A new store over the same data dir reads it back, and a new widget shows it.
    AttachmentStore reopened(*device->store);
    QCOMPARE(reopened.keepRecentDays(), 30);
    PhotoStorageSettings again(reopened);
    QCOMPARE(again.daysField()->value(), 30);
}

void TestPhotoStorageSettings::theStorageUsedIsShownInWords()
{
    auto device = makeDevice();
    const QString permit = seedPermits(*device->store, 1).first();
    AttachmentStore attachments(*device->store);
    PhotoStorageSettings empty(attachments);
    QCOMPARE(empty.storageText(), QStringLiteral("0 bytes of photos and signatures on this device"));

    QTemporaryDir files;
    QImage noise(800, 600, QImage::Format_RGB32);
    for (int y = 0; y < noise.height(); ++y) {
        for (int x = 0; x < noise.width(); ++x)
            noise.setPixel(x, y, qRgb((x * 37 + y * 11) % 256, (x * y) % 256, (x + y * 53) % 256));
    }
    const QString path = files.filePath(QStringLiteral("site.png"));
    QVERIFY(noise.save(path));
    QVERIFY(attachments.attachFile(permit, path).ok());
    const qint64 used = attachments.localStorageBytes().value();
    QVERIFY(used >= QFileInfo(path).size());

    PhotoStorageSettings settings(attachments);
    const QString expected = QLocale().formattedDataSize(used, 1, QLocale::DataSizeSIFormat);
    QCOMPARE(settings.storageText(),
             QStringLiteral("%1 of photos and signatures on this device").arg(expected));
    QVERIFY(expected.endsWith(QStringLiteral("kB")) || expected.endsWith(QStringLiteral("MB")));
}

void TestPhotoStorageSettings::freeingSpaceKeepsFilesTheServerDoesNotHave()
{
    auto device = makeDevice();
    const QString permit = seedPermits(*device->store, 1).first();
    AttachmentStore attachments(*device->store);
    QTemporaryDir files;
    QImage image(64, 64, QImage::Format_RGB32);
    image.fill(Qt::red);
    QVERIFY(image.save(files.filePath(QStringLiteral("a.png"))));
    const QString id = attachments.attachFile(permit, files.filePath(QStringLiteral("a.png"))).value();

    PhotoStorageSettings settings(attachments);
    settings.daysField()->setValue(1);
    QTest::mouseClick(settings.freeSpaceButton(), Qt::LeftButton);

    QCOMPARE(attachments.keepRecentDays(), 1);
    QVERIFY2(settings.resultText().startsWith(QStringLiteral("0 photo")) &&
                 settings.resultText().contains(QStringLiteral("removed from this device")),
             qPrintable(settings.resultText()));
    QVERIFY(QFileInfo::exists(attachments.find(id).value().localPath));
}

void TestPhotoStorageSettings::theSettingsDialogSavesTheDays()
{
    auto device = makeDevice();
    SignInDialog dialog(*device->store);
    dialog.offlineChoice()->setChecked(true);
    dialog.projectField()->setText(QStringLiteral("demo"));
    dialog.deviceNameField()->setText(QStringLiteral("Tablet 7"));
    dialog.photoStorage()->daysField()->setValue(14);
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(AttachmentStore(*device->store).keepRecentDays(), 14);
}

QTEST_MAIN(TestPhotoStorageSettings)
#include "tst_photostoragesettings.moc"
