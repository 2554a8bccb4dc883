#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

namespace fieldsync {

enum class AttachmentKind
{
    Photo,
    Signature
};

// Where the bytes of an attachment stand, as a person should see it.
enum class AttachmentState
{
    Pending,   // on this device, upload not started
    Uploading, // on this device, the server has part of it
    Synced,    // the server has all of it and checked its hash
    Missing    // known from a pull; bytes not on this device (fetch them on demand)
};

QString attachmentKindName(AttachmentKind kind);
std::optional<AttachmentKind> attachmentKindFromName(const QString &name);
QString attachmentStateName(AttachmentState state); // "pending","uploading","synced","missing"

// One photo or signature attached to a permit, isolation point or task.
struct AttachmentInfo
{
    QString id;
    QString recordId;
    QString entity; // kind of the record: "permit", "isolation", "task"
    QString name;   // file name shown to people
    QString mimeType;
    QString sha256; // lower-case hex of the whole file
    qint64 bytes = 0;
    AttachmentKind kind = AttachmentKind::Photo;
    QString signerName;
    QString signerRole; // "issuer" | "receiver" for signatures, else empty
    QDateTime signedAt;
    AttachmentState state = AttachmentState::Pending;
    qint64 uploadedBytes = 0; // what the server has acknowledged so far
    QString localPath;        // empty when the bytes are not on this device
    QDateTime createdAt;
    QString uploadError; // why the last upload attempt was refused (too large...), else empty

    bool isOnDevice() const { return !localPath.isEmpty(); }
};

} // namespace fieldsync
