#pragma once

#include "attachments/AttachmentStore.h"

#include <QWidget>

namespace fieldsync {
class SyncController;
}

namespace fieldsync::ui {

class AttachmentStrip;
class PermitSignatures;

// The evidence tab of an editor: the photos of the record and, for a permit, the signatures of
// its issuer and receiver.
class AttachmentsPage : public QWidget
{
    Q_OBJECT

public:
    AttachmentsPage(DeviceStore &store, bool withSignatures, QWidget *parent = nullptr);

    void setSyncController(SyncController *sync);
    void setRecord(const QString &recordId, bool editable);
    // "Photos (2)" or "Photos and signatures (3)".
    QString title() const;

    AttachmentStore &attachments() { return m_attachments; }
    AttachmentStrip *strip() const { return m_strip; }
    // Null for a task.
    PermitSignatures *signatures() const { return m_signatures; }

signals:
    void titleChanged();
    void message(const QString &text);

private:
    AttachmentStore m_attachments;
    AttachmentStrip *m_strip;
    PermitSignatures *m_signatures = nullptr;
};

} // namespace fieldsync::ui
