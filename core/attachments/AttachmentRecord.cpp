#include "AttachmentRecord.h"

#include "domain/EntitySchema.h"

namespace fieldsync::AttachmentRecord {

QJsonObject toData(const AttachmentInfo &info)
{
    QJsonObject data{{RecordId, info.recordId}, {RecordEntity, info.entity},
                     {Name, info.name},         {Bytes, double(info.bytes)},
                     {Sha256, info.sha256},     {Kind, attachmentKindName(info.kind)}};
    if (!info.mimeType.isEmpty())
        data.insert(MimeType, info.mimeType);
    if (!info.signerName.isEmpty())
        data.insert(SignerName, info.signerName);
    if (!info.signerRole.isEmpty())
        data.insert(SignerRole, info.signerRole);
    if (info.signedAt.isValid())
        data.insert(SignedAt, info.signedAt.toUTC().toString(Qt::ISODate));
    return data;
}

AttachmentInfo fromData(const QString &id, const QJsonObject &data)
{
    AttachmentInfo info;
    info.id = id;
    info.recordId = data.value(RecordId).toString();
    info.entity = data.value(RecordEntity).toString();
    info.name = data.value(Name).toString();
    info.mimeType = data.value(MimeType).toString();
    info.bytes = qint64(data.value(Bytes).toDouble());
    info.sha256 = data.value(Sha256).toString();
    info.kind = attachmentKindFromName(data.value(Kind).toString()).value_or(AttachmentKind::Photo);
    info.signerName = data.value(SignerName).toString();
    info.signerRole = data.value(SignerRole).toString();
    info.signedAt = QDateTime::fromString(data.value(SignedAt).toString(), Qt::ISODateWithMs);
    info.createdAt = QDateTime::fromString(data.value(RecordMeta::UpdatedAt).toString(), Qt::ISODateWithMs);
    return info;
}

bool isSha256Hex(const QString &text)
{
    if (text.size() != 64)
        return false;
    for (const QChar c : text) {
        if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f')))
            return false;
    }
    return true;
}

} // namespace fieldsync::AttachmentRecord
