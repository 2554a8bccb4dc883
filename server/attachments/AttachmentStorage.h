#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QString>

namespace fieldsync::server {

// Attachment bytes on disk, by content within a project: a complete file lives at
// objects/<project folder>/ab/abcd… (its SHA-256), so two attachments of the same photo in one
// project share one file. Never across projects: a record only proves that its author knows a
// file's SHA-256, not that they have its bytes, so another project's copy must never count as
// this one's upload (nor be served to it). The project folder is the hex SHA-256 of the project
// id (projectFolder()), never the id itself, which a client chose and may hold '/' or "..".
//
// An upload in progress is partial/<attachment id>, grown only by whole chunks that were checked
// and flushed to disk; its size is how far the upload got, so resuming survives a restart of
// the server.
class AttachmentStorage
{
public:
    explicit AttachmentStorage(QString rootDir);

    // Creates the folders (0700). Errors: attachments_dir.
    Result<void> prepare();
    const QString &rootDir() const { return m_root; }
    QString objectsDir() const;
    QString thumbnailsDir() const;

    static QString projectFolder(const QString &projectId);

    // False for anything but a lower-case hex SHA-256, so a record's value never walks the disk.
    bool hasObject(const QString &projectId, const QString &sha256) const;
    QString objectPath(const QString &projectId, const QString &sha256) const;
    // Bytes of the upload of attachmentId so far (0 when none).
    qint64 receivedBytes(const QString &attachmentId) const;
    // Appends a chunk at offset, which must be receivedBytes(). Errors: offset_mismatch, store_io.
    Result<qint64> appendChunk(const QString &attachmentId, qint64 offset, const QByteArray &bytes);
    // The upload is whole: its SHA-256 must be expectedSha256, then it becomes the project's
    // object. Errors: file_hash_mismatch (the partial file is dropped), store_io.
    Result<void> completeUpload(const QString &attachmentId, const QString &projectId,
                                const QString &expectedSha256);
    void discardUpload(const QString &attachmentId);

    // Where a thumbnail of a project's object is kept once made.
    QString thumbnailPath(const QString &projectId, const QString &sha256, const QByteArray &format) const;

private:
    QString partialPath(const QString &attachmentId) const;

    QString m_root;
};

} // namespace fieldsync::server
