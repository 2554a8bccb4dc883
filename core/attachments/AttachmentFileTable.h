#pragma once

#include "AttachmentInfo.h"
#include "common/Result.h"

#include <QList>
#include <QString>

namespace fieldsync {

class LocalDatabase;

// The attachment_files table: what this device knows about the bytes of an attachment (where the
// file is in the data dir, how much of it the server acknowledged). The attachment's metadata is
// its synced record; a pulled attachment has no row here until its file is fetched.
class AttachmentFileTable
{
public:
    // state column: 'pending' until the server completes the upload, then 'synced'.
    static inline const QString Pending = QStringLiteral("pending");
    static inline const QString Synced = QStringLiteral("synced");

    explicit AttachmentFileTable(LocalDatabase &db);

    Result<void> insert(const AttachmentInfo &info, const QString &fileName, const QString &state);
    Result<void> setUploadedBytes(const QString &id, qint64 bytes);
    Result<void> markSynced(const QString &id);
    Result<void> setError(const QString &id, const QString &error);
    Result<void> clearFile(const QString &id);

    // Attachments with their record (json data) and file row, as AttachmentInfo; whereSql filters
    // on r (records) and f (attachment_files, may be NULL).
    Result<QList<AttachmentInfo>> query(const QString &whereSql, const QVariantList &binds,
                                        const QString &filesDir) const;
    Result<QString> lastError(const QString &id) const;
    // Files the server does not have yet (the person's pending count).
    Result<int> pendingCount() const;
    Result<int> pendingCountForRecord(const QString &recordId) const;

private:
    LocalDatabase &m_db;
};

} // namespace fieldsync
