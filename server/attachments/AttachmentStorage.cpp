#include "AttachmentStorage.h"

#include "attachments/AttachmentRecord.h"
#include "attachments/Sha256.h"
#include "common/Logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <unistd.h>

namespace fieldsync::server {

namespace {

const QString Objects = QStringLiteral("objects");
const QString Partial = QStringLiteral("partial");
const QString Thumbnails = QStringLiteral("thumbnails");

} // namespace

AttachmentStorage::AttachmentStorage(QString rootDir)
    : m_root(std::move(rootDir))
{}

Result<void> AttachmentStorage::prepare()
{
    for (const QString &sub : {Objects, Partial, Thumbnails}) {
        const QString path = QDir(m_root).filePath(sub);
        if (!QDir().mkpath(path))
            return makeError(QStringLiteral("attachments_dir"),
                             QStringLiteral("cannot create the attachments folder %1").arg(path));
    }
    QFile::setPermissions(m_root, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    return {};
}

QString AttachmentStorage::objectsDir() const
{
    return QDir(m_root).filePath(Objects);
}

QString AttachmentStorage::thumbnailsDir() const
{
    return QDir(m_root).filePath(Thumbnails);
}

QString AttachmentStorage::projectFolder(const QString &projectId)
{
    return QString::fromLatin1(Sha256::hexOf(projectId.toUtf8()));
}

QString AttachmentStorage::objectPath(const QString &projectId, const QString &sha256) const
{
    return objectsDir() + u'/' + projectFolder(projectId) + u'/' + sha256.left(2) + u'/' + sha256;
}

bool AttachmentStorage::hasObject(const QString &projectId, const QString &sha256) const
{
    return AttachmentRecord::isSha256Hex(sha256) && QFileInfo::exists(objectPath(projectId, sha256));
}

QString AttachmentStorage::partialPath(const QString &attachmentId) const
{
    return QDir(m_root).filePath(Partial + u'/' + attachmentId);
}

qint64 AttachmentStorage::receivedBytes(const QString &attachmentId) const
{
    const QFileInfo info(partialPath(attachmentId));
    return info.exists() ? info.size() : 0;
}

Result<qint64> AttachmentStorage::appendChunk(const QString &attachmentId, qint64 offset,
                                              const QByteArray &bytes)
{
    QFile file(partialPath(attachmentId));
    if (!file.open(QIODevice::ReadWrite))
        return makeError(QStringLiteral("store_io"),
                         QStringLiteral("cannot open %1: %2").arg(file.fileName(), file.errorString()));
    if (file.size() != offset)
        return makeError(QStringLiteral("offset_mismatch"), QString::number(file.size()));
    // Not fsynced per chunk: after a crash the file is at most shorter than answered (the device
    // then resumes from what is there), and completeUpload() checks the whole file's SHA-256 and
    // syncs it before it counts.
    if (!file.seek(offset) || file.write(bytes) != bytes.size() || !file.flush()) {
        // A chunk that did not reach the file whole is taken back, so received stays a chunk edge.
        file.resize(offset);
        return makeError(QStringLiteral("store_io"),
                         QStringLiteral("cannot write %1: %2").arg(file.fileName(), file.errorString()));
    }
    return file.size();
}

Result<void> AttachmentStorage::completeUpload(const QString &attachmentId, const QString &projectId,
                                               const QString &expectedSha256)
{
    const QString path = partialPath(attachmentId);
    if (!QFileInfo::exists(path)) {
        // A 0-byte file never got a chunk written: make its (empty) partial file now.
        QFile empty(path);
        if (!empty.open(QIODevice::WriteOnly))
            return makeError(QStringLiteral("store_io"), empty.errorString());
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(QStringLiteral("store_io"),
                         QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    Sha256 hash;
    if (!hash.addData(&file) || ::fsync(file.handle()) != 0)
        return makeError(QStringLiteral("store_io"), file.errorString());
    file.close();
    const QString actual = QString::fromLatin1(hash.resultHex());
    if (actual != expectedSha256) {
        QFile::remove(path);
        return makeError(
            QStringLiteral("file_hash_mismatch"),
            QStringLiteral("the uploaded file's SHA-256 is %1, its record says %2; send it again")
                .arg(actual, expectedSha256));
    }
    const QString target = objectPath(projectId, expectedSha256);
    if (!QDir().mkpath(QFileInfo(target).path()))
        return makeError(QStringLiteral("store_io"),
                         QStringLiteral("cannot create %1").arg(QFileInfo(target).path()));
    if (QFileInfo::exists(target)) {
        QFile::remove(path); // the same bytes are there already (another attachment of the same photo
                             // in this project)
        return {};
    }
    // rename(2) is atomic: the object is there whole or not at all.
    if (::rename(QFile::encodeName(path).constData(), QFile::encodeName(target).constData()) != 0)
        return makeError(QStringLiteral("store_io"),
                         QStringLiteral("cannot move %1 to %2").arg(path, target));
    qCInfo(lcServerStore) << "attachment" << attachmentId << "stored as" << expectedSha256;
    return {};
}

void AttachmentStorage::discardUpload(const QString &attachmentId)
{
    QFile::remove(partialPath(attachmentId));
}

QString AttachmentStorage::thumbnailPath(const QString &projectId, const QString &sha256,
                                         const QByteArray &format) const
{
    return thumbnailsDir() + u'/' + projectFolder(projectId) + u'/' + sha256 + u'.' +
           QString::fromLatin1(format);
}

} // namespace fieldsync::server
