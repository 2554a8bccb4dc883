#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QString>

namespace fieldsync::protocol {

// Attachment bytes travel apart from the records: the attachment's record is pushed like any
// other change; its file then goes up in chunks that the server checks one by one.
namespace AttachmentPaths {
QString upload(const QString &attachmentId);              // GET: how much the server has
QString chunk(const QString &attachmentId, qint64 index); // PUT: one chunk
QString file(const QString &attachmentId);                // GET: the whole file
QString thumbnail(const QString &attachmentId);           // GET: a small JPEG or PNG
inline const QString Prefix = QStringLiteral("/api/v1/attachments/");
} // namespace AttachmentPaths

// Byte offset of a chunk in the file: the server appends only at what it already has.
inline constexpr char ChunkOffsetHeader[] = "FieldSync-Chunk-Offset";
// Lower-case hex SHA-256 of the chunk's body: a chunk whose bytes differ is refused (422).
inline constexpr char ChunkSha256Header[] = "FieldSync-Chunk-SHA256";
// On a downloaded file: the SHA-256 of the whole file.
inline constexpr char FileSha256Header[] = "FieldSync-File-SHA256";

// {"id":"…","bytes":N,"received":R,"complete":false}: where an upload stands on the server.
struct UploadStatus
{
    QString id;
    qint64 bytes = 0;
    qint64 received = 0;
    bool complete = false;

    QByteArray toJson() const;
    static Result<UploadStatus> fromJson(const QByteArray &body);
};

} // namespace fieldsync::protocol
