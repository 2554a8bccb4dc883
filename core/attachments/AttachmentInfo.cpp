#include "AttachmentInfo.h"

namespace fieldsync {

QString attachmentKindName(AttachmentKind kind)
{
    return kind == AttachmentKind::Signature ? QStringLiteral("signature") : QStringLiteral("photo");
}

std::optional<AttachmentKind> attachmentKindFromName(const QString &name)
{
    if (name == QLatin1String("photo"))
        return AttachmentKind::Photo;
    if (name == QLatin1String("signature"))
        return AttachmentKind::Signature;
    return std::nullopt;
}

QString attachmentStateName(AttachmentState state)
{
    switch (state) {
    case AttachmentState::Pending:
        return QStringLiteral("pending");
    case AttachmentState::Uploading:
        return QStringLiteral("uploading");
    case AttachmentState::Synced:
        return QStringLiteral("synced");
    case AttachmentState::Missing:
        return QStringLiteral("missing");
    }
    return {};
}

} // namespace fieldsync
