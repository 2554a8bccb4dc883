#include "LegacyObjectMigration.h"

#include "AttachmentStorage.h"
#include "attachments/AttachmentRecord.h"
#include "common/Logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
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

Result<void> LegacyObjectMigration::placeCopy(const QString &source, const QString &target) const
{
    const QByteArray sourceName = QFile::encodeName(source);
    const QByteArray targetName = QFile::encodeName(target);
    // Files are never changed once stored, so projects may share one inode.
    if (::link(sourceName.constData(), targetName.constData()) == 0 || errno == EEXIST)
        return {};
    // No hard links on this file system: a copy, given its name only once whole.
    const QString partial = target + QStringLiteral(".migrating");
    QFile::remove(partial);
    QFile sourceFile(source);
    if (!sourceFile.copy(partial))
        return ioError(QStringLiteral("copy to"), partial, sourceFile.errorString());
    if (::rename(QFile::encodeName(partial).constData(), targetName.constData()) != 0)
        return ioError(QStringLiteral("rename to"), target, lastSystemError());
    return {};
}

Result<LegacyObjectMigration::Report> LegacyObjectMigration::run(const ProjectsBySha256 &projectsBySha256)
{
    Report report;
    report.thumbnails = dropLegacyThumbnails();
    const QStringList legacy = legacyObjects();
    if (!legacy.isEmpty()) {
        const Result<QHash<QString, QSet<QString>>> claims = projectsBySha256();
        if (!claims)
            return claims.error();
        for (const QString &path : legacy) {
            const QString sha256 = QFileInfo(path).fileName();
            QStringList projects = claims.value().value(sha256).values();
            if (projects.isEmpty()) {
                ++report.unclaimed;
                qCWarning(lcServerStore)
                    << "attachments migration: no attachment record names" << path << "; left in place";
                continue;
            }
            std::sort(projects.begin(), projects.end());
            for (qsizetype index = 0; index < projects.size(); ++index) {
                const QString target = m_storage.objectPath(projects.at(index), sha256);
                if (!QDir().mkpath(QFileInfo(target).path()))
                    return ioError(QStringLiteral("create"), QFileInfo(target).path(), lastSystemError());
                if (QFileInfo::exists(target))
                    continue; // an earlier, interrupted run placed it
                const bool last = index == projects.size() - 1;
                if (last) {
                    if (::rename(QFile::encodeName(path).constData(),
                                 QFile::encodeName(target).constData()) != 0)
                        return ioError(QStringLiteral("move"), path, lastSystemError());
                } else if (const Result<void> placed = placeCopy(path, target); !placed) {
                    return placed.error();
                }
                ++report.placements;
            }
            QFile legacyFile(path);
            if (legacyFile.exists() && !legacyFile.remove())
                return ioError(QStringLiteral("remove"), path, legacyFile.errorString());
            ++report.files;
            qCInfo(lcServerStore).noquote() << "attachments migration:" << sha256 << "now in project(s)"
                                            << projects.join(QStringLiteral(", "));
            QDir().rmdir(QFileInfo(path).path()); // only when it is empty now
        }
    }
    if (report.files + report.unclaimed + report.thumbnails > 0)
        qCInfo(lcServerStore) << "attachments migration to per-project storage:" << report.files
                              << "file(s) moved into" << report.placements << "project folder(s),"
                              << report.unclaimed << "file(s) no record names left in place,"
                              << report.thumbnails << "old thumbnail(s) dropped";
    return report;
}

} // namespace fieldsync::server
