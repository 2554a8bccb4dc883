#pragma once

#include "attachments/AttachmentStore.h"
#include "store/DeviceStore.h"
#include "sync/SyncController.h"

#include <QTemporaryDir>

namespace fieldsync::test {

// One tablet with photos: a real data directory, the real SyncController (whose runs upload
// attachment files after the records) and AttachmentStore, against the real server over loopback.
// Every call waits for its answer.
class AttachmentDevice
{
public:
    explicit AttachmentDevice(const QString &name);
    ~AttachmentDevice();

    bool signIn(const QString &url, const QString &token);
    SyncReport sync();
    // Opens the same data directory again, as after a restart.
    void reopen();
    void setChunkBytes(qint64 bytes);

    // Waits for SyncController::fetchAttachment; the local path, or empty with reason set.
    QString fetch(const QString &attachmentId, QString *reason = nullptr);
    QByteArray fetchThumbnail(const QString &attachmentId, QString *reason = nullptr);

    DeviceStore &store() { return *m_store; }
    AttachmentStore &attachments() { return *m_attachments; }
    SyncController &controller() { return *m_controller; }
    QString dataDir() const { return m_dir.path(); }
    QString createPermit(const QString &title);
    AttachmentInfo attachment(const QString &id);

private:
    void open();

    QString m_name;
    QTemporaryDir m_dir;
    qint64 m_chunkBytes = 0;
    std::unique_ptr<DeviceStore> m_store;
    std::unique_ptr<SyncController> m_controller;
    std::unique_ptr<AttachmentStore> m_attachments;
};

// size bytes of random data, written to a new file in dir; its path.
QString writeRandomFile(const QString &dir, const QString &name, qint64 size);
QByteArray sha256OfFile(const QString &path);

} // namespace fieldsync::test
