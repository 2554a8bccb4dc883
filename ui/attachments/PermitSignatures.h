#pragma once

#include "attachments/AttachmentStore.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;

namespace fieldsync {
class DeviceStore;
class SyncController;
} // namespace fieldsync

namespace fieldsync::ui {

class ThumbnailProvider;

// Who signed a permit as its issuer and as its receiver, and when, with the buttons to sign. A new
// signature for a role is added beside the old one (both are evidence); the latest one is shown.
class PermitSignatures : public QWidget
{
    Q_OBJECT

public:
    PermitSignatures(DeviceStore &store, AttachmentStore &attachments, QWidget *parent = nullptr);

    void setSyncController(SyncController *sync);
    void setPermit(const QString &permitId, bool editable);
    void reload();

    QPushButton *signButton(const QString &signerRole) const;
    // "Signed by … as issuer, <time>" or "Not signed yet".
    QString summary(const QString &signerRole) const;
    // The latest signature for a role, or empty.
    QString signatureId(const QString &signerRole) const;
    int signatureCount() const { return m_count; }
    // Opens the dialog to sign as "issuer" or "receiver"; true when a signature was saved.
    bool sign(const QString &signerRole);

signals:
    void message(const QString &text);
    void countChanged(int signatures);

private:
    struct Row
    {
        QString role;
        QLabel *picture;
        QLabel *summary;
        QPushButton *view;
        QPushButton *sign;
        QString attachmentId;
    };
    Row &row(const QString &signerRole);
    const Row &row(const QString &signerRole) const;
    void showRow(Row &row, const AttachmentInfo *latest);
    QString signerName() const;

    DeviceStore &m_store;
    AttachmentStore &m_attachments;
    QPointer<SyncController> m_sync;
    ThumbnailProvider *m_thumbnails;
    QString m_permitId;
    bool m_editable = false;
    int m_count = 0;
    QList<AttachmentInfo> m_signatures;
    Row m_rows[2];
};

} // namespace fieldsync::ui
