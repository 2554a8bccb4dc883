#pragma once

#include "RecordEditor.h"

class QPushButton;

namespace fieldsync {
class SyncController;
}

namespace fieldsync::ui {

class AttachmentsPage;

// A punch-list task, with the permit that covers its work (if any) picked from the project's
// permits and one tap away.
class TaskEditor : public RecordEditor
{
    Q_OBJECT

public:
    explicit TaskEditor(DeviceStore &store, QWidget *parent = nullptr);

    AttachmentsPage *attachments() const { return m_attachments; }
    // Thumbnails and photos that are only on the server, and live upload progress.
    void setSyncController(SyncController *sync);

signals:
    void openPermitRequested(const QString &permitId);

protected:
    void recordShown(const LocalRecord *record) override;

private:
    void refreshPermitChoices();
    QString linkedPermit() const;

    QPushButton *m_openPermit;
    QString m_projectId;
    AttachmentsPage *m_attachments;
};

} // namespace fieldsync::ui
