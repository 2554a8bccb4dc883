#pragma once

#include "attachments/AttachmentStore.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

class QLabel;
class QListWidget;
class QListWidgetItem;
class QMimeData;
class QPushButton;

namespace fieldsync {
class SyncController;
}

namespace fieldsync::ui {

class ThumbnailProvider;

// The photos of one permit, isolation point or task as a row of thumbnails, each with where its
// file stands in words and an icon (waiting, uploading n %, on the server, not on this device).
// Photos come from "Add photo…" or from image files dropped on the strip; a tap or double-click
// opens the full-size viewer, which downloads a file that is not on this device.
class AttachmentStrip : public QWidget
{
    Q_OBJECT

public:
    AttachmentStrip(AttachmentStore &attachments, QWidget *parent = nullptr);

    // For thumbnails and files that are only on the server, and for live upload progress.
    void setSyncController(SyncController *sync);
    void setRecord(const QString &recordId, bool editable);
    QString recordId() const { return m_recordId; }
    // One row that scrolls sideways (under an isolation point) instead of a wrapping grid.
    void setSingleRow(bool singleRow);

    // Copies image files into the data dir as photos of the record; false (with the reason shown)
    // when one of them could not be added. Files that are not images are refused.
    bool addFiles(const QStringList &paths);
    void reload();

    int photoCount() const;
    QListWidget *list() const { return m_list; }
    QPushButton *addButton() const { return m_add; }
    QString errorText() const;
    // The state words shown under a photo, for tests and screen readers.
    QString stateTextAt(int row) const;
    QString attachmentIdAt(int row) const;
    // Opens the viewer on one photo (what a tap does).
    void openViewer(const QString &attachmentId);

signals:
    void message(const QString &text);
    void countChanged(int photos);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void choosePhotos();
    void showError(const QString &text);
    void updateItem(QListWidgetItem *item);
    void onProgress(const QString &attachmentId, qint64 sent, qint64 total);
    static QStringList imageFiles(const QMimeData *mime);

    AttachmentStore &m_attachments;
    QPointer<SyncController> m_sync;
    ThumbnailProvider *m_thumbnails;
    QString m_recordId;
    bool m_editable = false;
    QHash<QString, AttachmentInfo> m_infos;
    QHash<QString, qint64> m_liveProgress; // bytes sent, as the uploader reports them
    QListWidget *m_list;
    QLabel *m_empty;
    QLabel *m_error;
    QPushButton *m_add;
    QPushButton *m_view;
};

} // namespace fieldsync::ui
