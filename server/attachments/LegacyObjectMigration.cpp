#include "LegacyObjectMigration.h"

#include "AttachmentStorage.h"
#include "attachments/AttachmentRecord.h"
#include "common/Logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <unistd.h>

namespace fieldsync::server {

namespace {

bool isHexDigit(QChar c)
{
    return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f');
}

// objects/ab/: two hex digits. A project folder has 64, so the two layouts never mix up.
bool isLegacyShardName(const QString &name)
{
    return name.size() == 2 && isHexDigit(name.at(0)) && isHexDigit(name.at(1));
}

Error ioError(const QString &what, const QString &path, const QString &reason)
{
    return makeError(QStringLiteral("store_io"),
                     QStringLiteral("attachments migration: cannot %1 %2: %3").arg(what, path, reason));
}

QString lastSystemError()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

} // namespace

LegacyObjectMigration::LegacyObjectMigration(AttachmentStorage &storage)
    : m_storage(storage)
{}

QStringList LegacyObjectMigration::legacyObjects() const
{
    QStringList files;
    const QDir objects(m_storage.objectsDir());
    for (const QString &shard : objects.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        if (!isLegacyShardName(shard))
            continue;
        const QDir shardDir(objects.filePath(shard));
        for (const QString &name : shardDir.entryList(QDir::Files)) {
            if (AttachmentRecord::isSha256Hex(name) && name.startsWith(shard))
                files.append(shardDir.filePath(name));
        }
    }
    return files;
}

int LegacyObjectMigration::dropLegacyThumbnails() const
{
    // Old thumbnails sit in thumbnails/ itself; the new ones in a folder per project.
    QDir thumbnails(m_storage.thumbnailsDir());
    int dropped = 0;
    for (const QString &name : thumbnails.entryList(QDir::Files)) {
        if (thumbnails.remove(name))
            ++dropped;
    }
    return dropped;
}

Result<bool> LegacyObjectMigration::moveOnce(const QString &source, const QString &target) const
{
    if (!QDir().mkpath(QFileInfo(target).path()))
        return ioError(QStringLiteral("create"), QFileInfo(target).path(), lastSystemError());
    // rename(2) is atomic: the file is in one place or the other, never half.
    if (::rename(QFile::encodeName(source).constData(), QFile::encodeName(target).constData()) == 0)
        return true;
    if (errno == ENOENT && !QFileInfo::exists(source))
        return false; // another instance on the same folder moved it
    return ioError(QStringLiteral("move"), source, lastSystemError());
}

Result<LegacyObjectMigration::Report>
LegacyObjectMigration::run(const FirstProjectBySha256 &firstProjectBySha256)
{
    Report report;
    report.thumbnails = dropLegacyThumbnails();
    const QStringList legacy = legacyObjects();
    if (!legacy.isEmpty()) {
        const Result<QHash<QString, QString>> owners = firstProjectBySha256();
        if (!owners)
            return owners.error();
        for (const QString &path : legacy) {
            const QString sha256 = QFileInfo(path).fileName();
            const QString project = owners.value().value(sha256);
            const QString target =
                project.isEmpty()
                    ? QDir(m_storage.objectsDir()).filePath(QStringLiteral("unclaimed/") + sha256)
                    : m_storage.objectPath(project, sha256);
            const Result<bool> moved = moveOnce(path, target);
            if (!moved)
                return moved.error();
            if (!moved.value())
                continue;
            if (project.isEmpty()) {
                ++report.unclaimed;
                qCWarning(lcServerStore).noquote()
                    << "attachments migration: no attachment record names" << sha256 << "; kept in" << target;
            } else {
                ++report.files;
                qCInfo(lcServerStore).noquote()
                    << "attachments migration:" << sha256 << "now in project" << project;
            }
            QDir().rmdir(QFileInfo(path).path()); // only when it is empty now
        }
    }
    if (report.files + report.unclaimed + report.thumbnails > 0)
        qCInfo(lcServerStore) << "attachments migration to per-project storage:" << report.files
                              << "file(s) moved to the project that first named them," << report.unclaimed
                              << "file(s) no record names kept in objects/unclaimed," << report.thumbnails
                              << "old thumbnail(s) dropped";
    return report;
}

} // namespace fieldsync::server
