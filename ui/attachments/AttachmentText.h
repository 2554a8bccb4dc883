#pragma once

#include "attachments/AttachmentInfo.h"

#include <QCoreApplication>
#include <QIcon>

namespace fieldsync::ui {

// The words and icons for where a file stands, the same in the editors, the viewer and the sync
// panel. Never colour alone: each state has its own icon and words.
class AttachmentText
{
    Q_DECLARE_TR_FUNCTIONS(AttachmentText)

public:
    // "Waiting to upload", "Uploading 42 %", "On the server", "Not on this device"...
    static QString stateText(const AttachmentInfo &info, qint64 uploadedBytes = -1);
    static QIcon stateIcon(const AttachmentInfo &info);
    // 0 to 100 for a file partly on the server.
    static int uploadPercent(qint64 uploadedBytes, qint64 totalBytes);
    // "3.4 MB", in the locale's way.
    static QString sizeText(qint64 bytes);
    // "Signed by Ana Ruiz as issuer, 21/11/2026 10:30".
    static QString signatureText(const AttachmentInfo &info);
    static QString signerRoleLabel(const QString &signerRole);
};

} // namespace fieldsync::ui
