// The photo strip of the editors: a real image file attached to a permit shows as a thumbnail
// read from the copy in the data dir, with its state in words; files dropped from the desktop are
// attached, files that are not images are refused with a reason, and nothing is added to a
// record that cannot be edited.
#include "UiTestSupport.h"

#include "attachments/AttachmentStrip.h"
#include "attachments/AttachmentsPage.h"
#include "attachments/PhotoViewer.h"
#include "editors/IsolationPointsWidget.h"
#include "editors/PermitEditor.h"
#include "editors/TaskEditor.h"
#include "store/LocalEditor.h"

#include <QDropEvent>
#include <QFile>
#include <QListWidget>
#include <QMimeData>
#include <QPainter>
#include <QPointingDevice>
#include <QPushButton>
#include <QTest>
#include <QTreeWidget>
#include <QUrl>

#include <memory>

using namespace fieldsync;
using namespace fieldsync::ui;
using namespace fieldsync::uitest;

namespace {

// A photo-like JPEG: big enough that the thumbnail must be scaled down.
QString writePhoto(const QTemporaryDir &dir, const QString &name, QColor colour = Qt::darkGreen)
{
    QImage image(1600, 1200, QImage::Format_RGB32);
    image.fill(colour);
    QPainter painter(&image);
    painter.fillRect(200, 200, 600, 400, Qt::yellow);
    painter.end();
    const QString path = dir.filePath(name);
    if (!image.save(path, "JPEG", 85))
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

// What a file manager sends when files are dropped on a widget.
bool dropFiles(QWidget *target, const QStringList &paths)
{
    QMimeData mime;
    QList<QUrl> urls;
    for (const QString &path : paths)
        urls.append(QUrl::fromLocalFile(path));
    mime.setUrls(urls);
    const QPoint at = target->rect().center();
    QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(target, &enter);
    if (!enter.isAccepted())
        return false;
    QDropEvent drop(QPointF(at), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(target, &drop);
    return drop.isAccepted();
}

} // namespace

class TestAttachmentStrip : public QObject
{
    Q_OBJECT

private slots:
    void anAttachedPhotoShowsItsThumbnailAndState();
    void theCopyOutlivesTheOriginal();
    void droppedImageFilesAreAttached();
    void aTapOrADoubleClickOpensTheViewer();
    void aFileThatIsNotAnImageIsRefused();
    void aClosedPermitTakesNoPhotos();
    void isolationPointsAndTasksHavePhotosToo();
};

void TestAttachmentStrip::anAttachedPhotoShowsItsThumbnailAndState()
{
    auto device = makeDevice();
    const QString permit = seedPermits(*device->store, 1).first();
    QTemporaryDir files;
    const QString photo = writePhoto(files, QStringLiteral("valve-v12.jpg"));
    AttachmentStore attachments(*device->store);
    AttachmentStrip strip(attachments);
    strip.show();
    strip.setRecord(permit, true);
    QCOMPARE(strip.photoCount(), 0);
    QVERIFY(strip.addButton()->isEnabled());

    QVERIFY2(strip.addFiles({photo}), qPrintable(strip.errorText()));

    QCOMPARE(strip.photoCount(), 1);
    QListWidgetItem *item = strip.list()->item(0);
    QVERIFY(item->text().startsWith(QStringLiteral("valve-v12.jpg\n")));
    QCOMPARE(strip.stateTextAt(0), QStringLiteral("Waiting to upload"));
    // The thumbnail is the photo itself scaled to 160x120 (green with the yellow rectangle at
    // 20..80 x 20..60), never the grey placeholder.
    const QImage thumbnail = item->icon().pixmap(strip.list()->iconSize()).toImage();
    QCOMPARE(thumbnail.size(), QSize(160, 120));
    const QColor left = thumbnail.pixelColor(10, 100);
    QVERIFY2(left.green() > 60 && left.red() < 60, qPrintable(left.name()));
    const QColor yellow = thumbnail.pixelColor(40, 35);
    QVERIFY2(yellow.red() > 200 && yellow.green() > 200 && yellow.blue() < 80, qPrintable(yellow.name()));
    QVERIFY(item->data(Qt::AccessibleTextRole).toString().contains(QStringLiteral("Waiting to upload")));

    const AttachmentInfo info = attachments.find(strip.attachmentIdAt(0)).value();
    QCOMPARE(info.kind, AttachmentKind::Photo);
    QCOMPARE(info.bytes, QFileInfo(photo).size());
}

void TestAttachmentStrip::theCopyOutlivesTheOriginal()
{
    auto device = makeDevice();
    const QString permit = seedPermits(*device->store, 1).first();
    QTemporaryDir files;
    const QString photo = writePhoto(files, QStringLiteral("gas-detector.jpg"));
    AttachmentStore attachments(*device->store);
    AttachmentStrip strip(attachments);
    strip.setRecord(permit, true);
    QVERIFY(strip.addFiles({photo}));
    QVERIFY(QFile::remove(photo));
    strip.reload();
    QCOMPARE(strip.photoCount(), 1);
    QCOMPARE(strip.stateTextAt(0), QStringLiteral("Waiting to upload"));
    QVERIFY(QFileInfo::exists(attachments.find(strip.attachmentIdAt(0)).value().localPath));
}

void TestAttachmentStrip::droppedImageFilesAreAttached()
{
    auto device = makeDevice();
    const QString permit = seedPermits(*device->store, 1).first();
    QTemporaryDir files;
    const QString first = writePhoto(files, QStringLiteral("lock-1.jpg"));
    const QString second = writePhoto(files, QStringLiteral("lock-2.jpg"), Qt::darkBlue);
    PermitEditor editor(*device->store);
    editor.resize(1000, 700);
    editor.show();
    editor.showRecord(permit);
    AttachmentStrip *strip = editor.attachments()->strip();

    QVERIFY(dropFiles(strip->list()->viewport(), {first, second}));

    QCOMPARE(strip->photoCount(), 2);
    QCOMPARE(editor.attachments()->attachments().forRecord(permit).value().size(), 2);
    QCOMPARE(strip->stateTextAt(1), QStringLiteral("Waiting to upload"));
}

void TestAttachmentStrip::aTapOrADoubleClickOpensTheViewer()
{
    auto device = makeDevice();
    const QString permit = seedPermits(*device->store, 1).first();
    QTemporaryDir files;
    AttachmentStore attachments(*device->store);
    AttachmentStrip strip(attachments);
    strip.resize(800, 300);
    strip.show();
    QVERIFY(QTest::qWaitForWindowExposed(&strip));
    strip.setRecord(permit, true);
    QVERIFY(strip.addFiles({writePhoto(files, QStringLiteral("tap.jpg"))}));
    const QPoint onPhoto = strip.list()->visualItemRect(strip.list()->item(0)).center();

    // Ours to delete (QTest's documentation); left alive it is a leak under LeakSanitizer.
    const std::unique_ptr<QPointingDevice> finger(
        QTest::createTouchDevice(QInputDevice::DeviceType::TouchScreen));
    QTest::touchEvent(strip.window(), finger.get())
        .press(0, strip.list()->viewport()->mapTo(strip.window(), onPhoto));
    QTest::touchEvent(strip.window(), finger.get())
        .release(0, strip.list()->viewport()->mapTo(strip.window(), onPhoto));
    QTRY_VERIFY(strip.findChild<PhotoViewer *>() != nullptr);
    PhotoViewer *viewer = strip.findChild<PhotoViewer *>();
    QCOMPARE(viewer->stage(), PhotoViewer::Stage::Shown);
    viewer->close();
    QTRY_VERIFY(strip.findChild<PhotoViewer *>() == nullptr); // deleted on close

    QTest::mouseDClick(strip.list()->viewport(), Qt::LeftButton, Qt::NoModifier, onPhoto);
    QTRY_VERIFY(strip.findChild<PhotoViewer *>() != nullptr);
}

void TestAttachmentStrip::aFileThatIsNotAnImageIsRefused()
{
    auto device = makeDevice();
    const QString permit = seedPermits(*device->store, 1).first();
    QTemporaryDir files;
    QFile notes(files.filePath(QStringLiteral("notes.jpg")));
    QVERIFY(notes.open(QIODevice::WriteOnly));
    notes.write("this is not a picture");
    notes.close();
    AttachmentStore attachments(*device->store);
    AttachmentStrip strip(attachments);
    strip.setRecord(permit, true);
    QVERIFY(!strip.addFiles({notes.fileName()}));
    QCOMPARE(strip.errorText(), QStringLiteral("notes.jpg is not an image this device can show."));
    QCOMPARE(strip.photoCount(), 0);
    QCOMPARE(attachments.forRecord(permit).value().size(), 0);
}

void TestAttachmentStrip::aClosedPermitTakesNoPhotos()
{
    auto device = makeDevice();
    const QString closed = seedPermits(*device->store, 5).at(4);
    QTemporaryDir files;
    const QString photo = writePhoto(files, QStringLiteral("late.jpg"));
    PermitEditor editor(*device->store);
    editor.show();
    editor.showRecord(closed);
    AttachmentStrip *strip = editor.attachments()->strip();
    QVERIFY(!strip->addButton()->isEnabled());
    QVERIFY(!dropFiles(strip->list()->viewport(), {photo}));
    QVERIFY(!strip->addFiles({photo}));
    QCOMPARE(editor.attachments()->attachments().forRecord(closed).value().size(), 0);
}

void TestAttachmentStrip::isolationPointsAndTasksHavePhotosToo()
{
    auto device = makeDevice();
    const QString permit = seedPermits(*device->store, 1).first();
    LocalEditor records(*device->store);
    const QString point = records
                              .create(EntityKind::IsolationPoint,
                                      {{QStringLiteral("permit_id"), permit},
                                       {QStringLiteral("description"), QStringLiteral("Valve V-12")}})
                              .value();
    const QString task =
        records.create(EntityKind::Task, {{QStringLiteral("title"), QStringLiteral("Fix railing")}}).value();
    QTemporaryDir files;
    const QString photo = writePhoto(files, QStringLiteral("v12.jpg"));

    PermitEditor permitEditor(*device->store);
    permitEditor.show();
    permitEditor.showRecord(permit);
    IsolationPointsWidget *points = permitEditor.isolationPoints();
    auto *list = points->findChild<QTreeWidget *>();
    QCOMPARE(list->topLevelItemCount(), 1);
    list->setCurrentItem(list->topLevelItem(0));
    QCOMPARE(points->photos()->recordId(), point);
    QVERIFY(points->photos()->addFiles({photo}));
    QCOMPARE(points->photos()->photoCount(), 1);
    QCOMPARE(AttachmentStore(*device->store).find(points->photos()->attachmentIdAt(0)).value().recordId,
             point);
    // The point's photo is not one of the permit's own.
    QCOMPARE(permitEditor.attachments()->strip()->photoCount(), 0);

    TaskEditor taskEditor(*device->store);
    taskEditor.show();
    taskEditor.showRecord(task);
    QVERIFY(taskEditor.attachments()->strip()->addFiles({photo}));
    QCOMPARE(taskEditor.attachments()->strip()->photoCount(), 1);
    QCOMPARE(taskEditor.findChild<QTabWidget *>()->tabText(1), QStringLiteral("Photos (1)"));
}

QTEST_MAIN(TestAttachmentStrip)
#include "tst_attachmentstrip.moc"
