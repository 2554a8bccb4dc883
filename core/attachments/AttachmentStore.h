#pragma once

#include "AttachmentInfo.h"
#include "common/Result.h"

#include <QList>
#include <QObject>

namespace fieldsync {

class DeviceStore;

// The photos and signatures of a data directory. A new attachment is copied into the data dir at
// once (the original may vanish) with its SHA-256, and its record is queued in the outbox in the
// same transaction as the local row; the bytes upload later (AttachmentUploader).
class AttachmentStore : public QObject
{
    Q_OBJECT

public:
    explicit AttachmentStore(DeviceStore &store, QObject *parent = nullptr);

    // Photo from a file; the kind of the record is looked up. Errors: not_found, bad_file,
    // store_write.
    Result<QString> attachFile(const QString &recordId, const QString &sourcePath);
    // A drawn signature (PNG bytes); signerRole is "issuer" or "receiver".
    Result<QString> attachSignature(const QString &recordId, const QByteArray &png, const QString &signerName,
                                    const QString &signerRole);

    Result<QList<AttachmentInfo>> forRecord(const QString &recordId) const;
    Result<AttachmentInfo> find(const QString &attachmentId) const;

    // Bytes the data dir uses for attachment files.
    Result<qint64> localStorageBytes() const;
    // Drops the local copies of synced files created more than days ago; never a file the server
    // does not have yet. Returns how many were dropped.
    Result<int> keepRecentOnly(int days);
    // The keep-recent setting, 0 = keep everything; applied after each sync.
    int keepRecentDays() const;
    Result<void> setKeepRecentDays(int days);

    // Where the bytes of attachments live inside the data dir.
    QString filesDir() const;

signals:
    void attachmentsChanged(const QString &recordId);

private:
    Result<QString> addAttachment(const QString &recordId, const QString &stagedPath, AttachmentInfo info);

    DeviceStore &m_store;
};

} // namespace fieldsync
