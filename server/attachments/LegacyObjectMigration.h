#pragma once

#include "common/Result.h"

#include <QHash>
#include <QString>

#include <functional>

namespace fieldsync::server {

class AttachmentStorage;

// Brings an attachments folder written before files were kept per project (objects/ab/<sha>,
// thumbnails/<sha>.jpeg) to the per-project layout of AttachmentStorage, so that an upgraded
// server keeps serving the files it has. Each old file goes to the project of the first
// attachment record that named its SHA-256: under the old layout a later record in another
// project may have claimed the file by its hash alone, without its bytes, so later projects
// upload it again (their devices are told the file is missing, and the log names them for the
// operator). A file no record names goes to objects/unclaimed/, never given to anyone. Old
// thumbnails are only a cache and are dropped.
//
// Safe to run at every start (it does nothing once the old layout is gone), to run again after
// a crash half-way, and on several instances sharing one folder at once (a file another
// instance moved first is left to it).
class LegacyObjectMigration
{
public:
    struct Report
    {
        int files = 0;      // old files moved to their project
        int unclaimed = 0;  // old files no attachment record names, moved to objects/unclaimed
        int thumbnails = 0; // old thumbnails dropped
    };
    // The project of the first attachment record naming each SHA-256
    // (RecordRepository::firstProjectBySha256); asked only when there is an old file.
    using FirstProjectBySha256 = std::function<Result<QHash<QString, QString>>()>;

    explicit LegacyObjectMigration(AttachmentStorage &storage);

    // Errors: the lookup's, store_io (naming the file; what was done so far stays done).
    Result<Report> run(const FirstProjectBySha256 &firstProjectBySha256);

private:
    QStringList legacyObjects() const;
    int dropLegacyThumbnails() const;
    // Moves an old file to target; false when another instance moved it first.
    Result<bool> moveOnce(const QString &source, const QString &target) const;

    AttachmentStorage &m_storage;
};

} // namespace fieldsync::server
