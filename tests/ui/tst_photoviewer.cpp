// The full-size viewer: a photo on this device opens scaled to fit and zooms; a file that cannot
// be read, or one that is neither here nor downloadable, says why instead of showing nothing.
#include "UiTestSupport.h"

#include "attachments/PhotoViewer.h"

#include <QFile>
#include <QImage>
#include <QLabel>
#include <QPushButton>
#include <QTest>

using namespace fieldsync;
using namespace fieldsync::ui;
using namespace fieldsync::uitest;

class TestPhotoViewer : public QObject
{
    Q_OBJECT

private slots:
    void aPhotoOnThisDeviceFitsTheWindowAndZooms();
    void anUnreadableFileSaysWhy();
    void anUnknownAttachmentSaysSo();
};

namespace {

QString attachPhoto(DeviceStore &store, AttachmentStore &attachments, const QTemporaryDir &dir, QSize size)
{
    const QString permit = seedPermits(store, 1).first();
    QImage image(size, QImage::Format_RGB32);
    image.fill(Qt::darkCyan);
    const QString path = dir.filePath(QStringLiteral("photo.jpg"));
    if (!image.save(path, "JPEG"))
        qFatal("cannot write the photo");
    return attachments.attachFile(permit, path).value();
}

} // namespace

void TestPhotoViewer::aPhotoOnThisDeviceFitsTheWindowAndZooms()
{
    auto device = makeDevice();
    AttachmentStore attachments(*device->store);
    QTemporaryDir files;
    const QString id = attachPhoto(*device->store, attachments, files, QSize(4000, 3000));
    PhotoViewer viewer(attachments, nullptr, id);
    viewer.resize(1000, 720);
    viewer.show();
    QVERIFY(QTest::qWaitForWindowExposed(&viewer));
    QCOMPARE(viewer.stage(), PhotoViewer::Stage::Shown);
    QCOMPARE(viewer.image().size(), QSize(4000, 3000));
    QVERIFY(viewer.fitsWindow());
    const double fit = viewer.zoom();
    QVERIFY2(fit > 0.1 && fit < 0.3, qPrintable(QString::number(fit)));

    viewer.zoomIn();
    QVERIFY(!viewer.fitsWindow());
    QCOMPARE(viewer.zoom(), fit * 1.25);
    viewer.actualSize();
    QCOMPARE(viewer.zoom(), 1.0);
    viewer.fitToWindow();
    QCOMPARE(viewer.zoom(), fit);
    QVERIFY(viewer.statusText().isEmpty());
}

void TestPhotoViewer::anUnreadableFileSaysWhy()
{
    auto device = makeDevice();
    AttachmentStore attachments(*device->store);
    QTemporaryDir files;
    const QString id = attachPhoto(*device->store, attachments, files, QSize(64, 48));
    // The copy in the data dir is damaged (a failing SD card, a half-restored backup).
    QFile damaged(attachments.find(id).value().localPath);
    QVERIFY(damaged.open(QIODevice::WriteOnly | QIODevice::Truncate));
    damaged.write("garbage");
    damaged.close();

    PhotoViewer viewer(attachments, nullptr, id);
    QCOMPARE(viewer.stage(), PhotoViewer::Stage::Failed);
    QVERIFY2(viewer.statusText().startsWith(QStringLiteral("The photo cannot be shown: ")),
             qPrintable(viewer.statusText()));
    QVERIFY(viewer.statusText().size() > QStringLiteral("The photo cannot be shown: ").size());
    QVERIFY(viewer.image().isNull());
}

void TestPhotoViewer::anUnknownAttachmentSaysSo()
{
    auto device = makeDevice();
    AttachmentStore attachments(*device->store);
    PhotoViewer viewer(attachments, nullptr, QStringLiteral("00000000-0000-4000-8000-00000000beef"));
    QCOMPARE(viewer.stage(), PhotoViewer::Stage::Failed);
    QVERIFY(!viewer.statusText().isEmpty());
}

QTEST_MAIN(TestPhotoViewer)
#include "tst_photoviewer.moc"
