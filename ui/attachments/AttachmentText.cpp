#include "AttachmentText.h"

#include "common/UiTime.h"

#include <QLocale>

namespace fieldsync::ui {

int AttachmentText::uploadPercent(qint64 uploadedBytes, qint64 totalBytes)
{
    if (totalBytes <= 0)
        return uploadedBytes >= 0 ? 100 : 0;
    return int(std::clamp<qint64>(uploadedBytes * 100 / totalBytes, 0, 100));
}

QString AttachmentText::stateText(const AttachmentInfo &info, qint64 uploadedBytes)
{
    if (!info.isOnDevice()) {
        // The server has it (or will, from the device that took it): fetched on demand.
        return info.state == AttachmentState::Synced || info.state == AttachmentState::Missing
                   ? tr("Not on this device, tap to download")
                   : tr("Not on this device");
    }
    const qint64 sent = uploadedBytes >= 0 ? uploadedBytes : info.uploadedBytes;
    switch (info.state) {
    case AttachmentState::Pending:
        return sent > 0 ? tr("Uploading %1 %").arg(uploadPercent(sent, info.bytes)) : tr("Waiting to upload");
    case AttachmentState::Uploading:
        return tr("Uploading %1 %").arg(uploadPercent(sent, info.bytes));
    case AttachmentState::Synced:
        return tr("On the server");
    case AttachmentState::Missing:
        return tr("Not on the server yet");
    }
    return {};
}

QIcon AttachmentText::stateIcon(const AttachmentInfo &info)
{
    if (!info.isOnDevice())
        return QIcon(QStringLiteral(":/icons/offline.svg"));
    switch (info.state) {
    case AttachmentState::Pending:
        return QIcon(QStringLiteral(":/icons/pending.svg"));
    case AttachmentState::Uploading:
        return QIcon(QStringLiteral(":/icons/sync.svg"));
    case AttachmentState::Synced:
        return QIcon(QStringLiteral(":/icons/synced.svg"));
    case AttachmentState::Missing:
        return QIcon(QStringLiteral(":/icons/error.svg"));
    }
    return {};
}

QString AttachmentText::sizeText(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeSIFormat);
}

QString AttachmentText::signerRoleLabel(const QString &signerRole)
{
    if (signerRole == QLatin1String("issuer"))
        return tr("issuer");
    if (signerRole == QLatin1String("receiver"))
        return tr("receiver");
    return signerRole;
}

QString AttachmentText::signatureText(const AttachmentInfo &info)
{
    const QDateTime when = info.signedAt.isValid() ? info.signedAt : info.createdAt;
    return tr("Signed by %1 as %2, %3")
        .arg(info.signerName, signerRoleLabel(info.signerRole),
             UiTime::dateTimeText(when.toUTC().toString(Qt::ISODate)));
}

} // namespace fieldsync::ui
