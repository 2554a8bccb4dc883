#pragma once

#include "attachments/AttachmentStore.h"

#include <QHash>
#include <QWidget>

class QLabel;
class QProgressBar;
class QTreeWidget;
class QTreeWidgetItem;

namespace fieldsync {
class SyncController;
}

namespace fieldsync::ui {

// The files this device is sending: per file its name, its record, bytes sent of the total and a
// progress bar, as the uploader reports each chunk; a file reads "On the server" only once the
// server has checked the whole file.
class AttachmentProgress : public QWidget
{
    Q_OBJECT

public:
    AttachmentProgress(DeviceStore &store, SyncController &sync, QWidget *parent = nullptr);

    int fileCount() const;
    // Files still on their way.
    int activeCount() const;
    // Files of this device the server does not have complete yet, as core counts them.
    int waitingCount() const { return m_waiting; }
    // Counts the waiting files again.
    void refresh();
    QTreeWidget *list() const { return m_list; }
    QProgressBar *progressBarAt(int row) const;

    void onProgress(const QString &attachmentId, qint64 sentBytes, qint64 totalBytes);
    void onUploaded(const QString &attachmentId);

signals:
    void countsChanged();

private:
    QTreeWidgetItem *itemFor(const QString &attachmentId);

    DeviceStore &m_store;
    AttachmentStore m_attachments;
    QHash<QString, QTreeWidgetItem *> m_items;
    QHash<QString, bool> m_done;
    int m_waiting = 0;
    QTreeWidget *m_list;
    QLabel *m_summary;
    QLabel *m_empty;
};

} // namespace fieldsync::ui
