// Photos through a real fieldsync-server: the sync panel shows each file's bytes sent and a
// progress bar while it uploads in chunks, the permit stays pending until the server has checked
// the whole file, and a second device shows the photo as "not on this device" with the server's
// thumbnail, then downloads it in the viewer.
#include "ServerProcess.h"
#include "UiTestSupport.h"

#include "attachments/AttachmentProgress.h"
#include "attachments/AttachmentStrip.h"
#include "attachments/AttachmentsPage.h"
#include "attachments/PhotoViewer.h"
#include "attachments/ThumbnailProvider.h"
#include "editors/PermitEditor.h"
#include "editors/SyncStateBadge.h"
#include "store/LocalEditor.h"
#include "sync/SyncPanel.h"

#include <QImage>
#include <QListWidget>
#include <QProgressBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTreeWidget>

using namespace fieldsync;
using namespace fieldsync::ui;
using namespace fieldsync::uitest;

namespace {

// Noise compresses badly: a PNG of about 2.8 MB, several upload chunks.
QString writeLargePhoto(const QTemporaryDir &dir)
{
    QImage image(1000, 700, QImage::Format_RGB32);
    quint32 seed = 12345;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            seed = seed * 1664525u + 1013904223u;
            image.setPixel(x, y, seed >> 8);
        }
    }
    const QString path = dir.filePath(QStringLiteral("tank-3.png"));
    if (!image.save(path, "PNG"))
        qFatal("cannot write the photo");
    return path;
}

void signIn(DeviceStore &store, const QUrl &url, const QString &token)
{
    DeviceAccount account = store.account().value();
    account.serverUrl = url.toString();
    account.token = token;
    if (!store.saveAccount(account))
        qFatal("cannot save the account");
}

} // namespace

class TestAttachmentSync : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void uploadProgressShowsPerFileAndTheRecordWaitsForIt();
    void anotherDeviceSeesTheThumbnailAndDownloadsThePhoto();

private:
    test::ServerProcess m_server;
    QString m_token;
    QString m_permitId;
    QString m_photoId;
};

void TestAttachmentSync::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    const Result<void> started = m_server.start();
    QVERIFY2(started.ok(), qPrintable(started.error().toString()));
    const Result<QString> token =
        m_server.addUser(QStringLiteral("ana"), QStringLiteral("foreman"), {QStringLiteral("demo")});
    QVERIFY2(token.ok(), token.ok() ? "" : qPrintable(token.error().toString()));
    m_token = token.value();
}

void TestAttachmentSync::uploadProgressShowsPerFileAndTheRecordWaitsForIt()
{
    auto device = makeDevice(m_server.url().toString());
    signIn(*device->store, m_server.url(), m_token);
    LocalEditor records(*device->store);
    m_permitId =
        records.create(EntityKind::Permit, {{QStringLiteral("title"), QStringLiteral("Hot work on tank 3")}})
            .value();
    QTemporaryDir files;
    const QString photo = writeLargePhoto(files);
    const qint64 size = QFileInfo(photo).size();
    QVERIFY(size > 2 * 1024 * 1024);

    SyncController sync(*device->store);
    sync.attachmentUploader()->setChunkBytes(512 * 1024);
    SyncPanel panel(*device->store, sync);
    PermitEditor editor(*device->store);
    editor.setSyncController(&sync);
    editor.show();
    editor.showRecord(m_permitId);
    AttachmentStrip *strip = editor.attachments()->strip();
    QVERIFY(strip->addFiles({photo}));
    m_photoId = strip->attachmentIdAt(0);
    QCOMPARE(strip->stateTextAt(0), QStringLiteral("Waiting to upload"));
    panel.reload();
    QCOMPARE(panel.fileUploads()->waitingCount(), 1);

    // Mid-upload, the permit is not shown as synced and the strip shows the percentage.
    QList<RecordSyncState> statesMidUpload;
    QStringList stripTextMidUpload;
    connect(&sync, &SyncController::attachmentProgress, this,
            [&](const QString &, qint64 sent, qint64 total) {
                if (sent > 0 && sent < total) {
                    statesMidUpload.append(device->store->syncState(m_permitId).value());
                    stripTextMidUpload.append(strip->stateTextAt(0));
                }
            });
    QSignalSpy progress(&sync, &SyncController::attachmentProgress);
    QSignalSpy finished(&sync, &SyncController::syncFinished);
    QVERIFY(sync.syncNow());
    QVERIFY(finished.wait(60000));

    QVERIFY2(progress.count() >= 4, qPrintable(QString::number(progress.count())));
    QVERIFY(!statesMidUpload.isEmpty());
    for (RecordSyncState state : statesMidUpload)
        QCOMPARE(state, RecordSyncState::Pending);
    QVERIFY2(stripTextMidUpload.first().startsWith(QStringLiteral("Uploading ")),
             qPrintable(stripTextMidUpload.first()));

    // The panel's row: name, record, all bytes sent, a full bar, and the server's word.
    AttachmentProgress *uploads = panel.fileUploads();
    QCOMPARE(uploads->fileCount(), 1);
    QCOMPARE(uploads->activeCount(), 0);
    QTreeWidgetItem *row = uploads->list()->topLevelItem(0);
    QCOMPARE(row->text(0), QStringLiteral("tank-3.png"));
    QCOMPARE(row->text(1), QStringLiteral("Permit: Hot work on tank 3"));
    const QString total = QLocale().formattedDataSize(size, 1, QLocale::DataSizeSIFormat);
    QCOMPARE(row->text(2), QStringLiteral("%1 of %1").arg(total));
    QCOMPARE(uploads->progressBarAt(0)->value(), 100);
    QCOMPARE(uploads->progressBarAt(0)->format(), QStringLiteral("On the server"));
    panel.reload();
    QCOMPARE(uploads->waitingCount(), 0);

    QCOMPARE(device->store->syncState(m_permitId).value(), RecordSyncState::Synced);
    QCOMPARE(editor.badge()->state(), std::optional<RecordSyncState>(RecordSyncState::Synced));
    QCOMPARE(strip->stateTextAt(0), QStringLiteral("On the server"));
}

void TestAttachmentSync::anotherDeviceSeesTheThumbnailAndDownloadsThePhoto()
{
    QVERIFY2(!m_photoId.isEmpty(), "needs the upload of the test before");
    auto device = makeDevice(m_server.url().toString());
    signIn(*device->store, m_server.url(), m_token);
    SyncController sync(*device->store);
    QSignalSpy finished(&sync, &SyncController::syncFinished);
    QVERIFY(sync.syncNow());
    QVERIFY(finished.wait(60000));

    PermitEditor editor(*device->store);
    editor.setSyncController(&sync);
    editor.show();
    editor.showRecord(m_permitId);
    AttachmentStrip *strip = editor.attachments()->strip();
    QCOMPARE(strip->photoCount(), 1);
    QCOMPARE(strip->attachmentIdAt(0), m_photoId);
    QCOMPARE(strip->stateTextAt(0), QStringLiteral("Not on this device, tap to download"));
    // The server's thumbnail replaces the placeholder.
    QSignalSpy thumbnail(&sync, &SyncController::thumbnailFetched);
    QVERIFY(thumbnail.count() > 0 || thumbnail.wait(20000));
    QCOMPARE(thumbnail.first().at(0).toString(), m_photoId);
    QVERIFY(!QImage::fromData(thumbnail.first().at(1).toByteArray()).isNull());

    AttachmentStore attachments(*device->store);
    QVERIFY(!attachments.find(m_photoId).value().isOnDevice());
    PhotoViewer viewer(attachments, &sync, m_photoId);
    QCOMPARE(viewer.stage(), PhotoViewer::Stage::Loading);
    QVERIFY(viewer.statusText().startsWith(QStringLiteral("Downloading the full photo")));
    QTRY_VERIFY_WITH_TIMEOUT(viewer.stage() != PhotoViewer::Stage::Loading, 30000);
    QVERIFY2(viewer.stage() == PhotoViewer::Stage::Shown, qPrintable(viewer.statusText()));
    QCOMPARE(viewer.image().size(), QSize(1000, 700));
    const AttachmentInfo fetched = attachments.find(m_photoId).value();
    QVERIFY(fetched.isOnDevice());
    QTRY_COMPARE(strip->stateTextAt(0), QStringLiteral("On the server"));
}

QTEST_MAIN(TestAttachmentSync)
#include "tst_attachmentsync.moc"
