#pragma once

#include "AttachmentInfo.h"

#include <QJsonObject>

namespace fieldsync {

// The synced half of an attachment: the fields of its 'attachment' record (see EntitySchema),
// read and written in one place for the device and the server alike.
namespace AttachmentRecord {

inline const QString RecordId = QStringLiteral("record_id");
inline const QString RecordEntity = QStringLiteral("record_entity");
inline const QString Name = QStringLiteral("name");
inline const QString MimeType = QStringLiteral("mime_type");
inline const QString Bytes = QStringLiteral("bytes");
inline const QString Sha256 = QStringLiteral("sha256");
inline const QString Kind = QStringLiteral("kind");
inline const QString SignerName = QStringLiteral("signer_name");
inline const QString SignerRole = QStringLiteral("signer_role");
inline const QString SignedAt = QStringLiteral("signed_at");

// The record's fields of info (without project_id and the other RecordMeta fields).
QJsonObject toData(const AttachmentInfo &info);
// The synced fields of an attachment record; state, local path and upload progress are left
// for the caller to fill in.
AttachmentInfo fromData(const QString &id, const QJsonObject &data);
// True for a lower-case hex SHA-256.
bool isSha256Hex(const QString &text);

} // namespace AttachmentRecord

} // namespace fieldsync
