#pragma once

#include "common/Result.h"

#include <QHash>
#include <QSet>
#include <QString>

#include <functional>

namespace fieldsync::server {

class AttachmentStorage;

// Brings an attachments folder written before files were kept per project (objects/ab/<sha>,
// thumbnails/<sha>.jpeg) to the per-project layout of AttachmentStorage, so that an upgraded
// server keeps serving the files it has. Each old file goes to the folder of every project
// whose attachment records name its SHA-256 (a hard link, or a copy where links are not
// possible, for all but the last, which gets the file itself); then the old file goes. A file no
// record names is left where it is (and logged), since nothing says whose it is. Old thumbnails
// are only a cache and are dropped.
//
// Safe to run at every start (it does nothing once the old layout is gone) and to run again
// after a crash half-way: an old file is removed only once every project has its copy.
class LegacyObjectMigration
{
public:
    struct Report
    {
        int files = 0;      // old files moved
        int placements = 0; // project copies made of them (links and copies included)
        int unclaimed = 0;  // old files no attachment record names, left in place
        int thumbnails = 0; // old thumbnails dropped
    };
    // The projects of the attachment records naming each SHA-256
    // (RecordRepository::attachmentProjectsBySha256); asked only when there is an old file.
    using ProjectsBySha256 = std::function<Result<QHash<QString, QSet<QString>>>()>;

    explicit LegacyObjectMigration(AttachmentStorage &storage);

    // Errors: the lookup's, store_io (naming the file; what was done so far stays done).
    Result<Report> run(const ProjectsBySha256 &projectsBySha256);

private:
    QStringList legacyObjects() const;
    int dropLegacyThumbnails() const;
    Result<void> placeCopy(const QString &source, const QString &target) const;

    AttachmentStorage &m_storage;
};

} // namespace fieldsync::server
