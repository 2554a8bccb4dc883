#pragma once

#include "AttachmentApiClient.h"
#include "AttachmentInfo.h"

#include <QFile>
#include <QObject>

#include <functional>
#include <optional>

namespace fieldsync {

class DeviceStore;

// Sends the bytes of this device's attachments whose records the server already has, one file
// at a time, in chunks. Resumes where the server says it stopped, so a cut connection or a
// restart costs at most one chunk. Only the server's "complete" (after it checked the whole
// file's SHA-256) marks a file synced.
class AttachmentUploader : public QObject
{
    Q_OBJECT

public:
    static constexpr qint64 DefaultChunkBytes = 1024 * 1024;

    struct Outcome
    {
        int uploaded = 0;              // files the server completed in this run
        int waiting = 0;               // files still to go (their record not pushed yet, too big...)
        std::optional<ApiError> error; // a failure that should fail the run (network, 5xx...)
        QStringList problems;          // per-file refusals that need a person (too large...)
    };

    AttachmentUploader(DeviceStore &store, AttachmentApiClient &api, QObject *parent = nullptr);

    void setChunkBytes(qint64 bytes) { m_chunkBytes = bytes > 0 ? bytes : DefaultChunkBytes; }
    qint64 chunkBytes() const { return m_chunkBytes; }

    bool isRunning() const { return bool(m_done); }
    // Uploads every pending file; done is called once, when all are through or one failed.
    void run(std::function<void(const Outcome &)> done);

signals:
    void progress(const QString &attachmentId, qint64 sentBytes, qint64 totalBytes);
    void attachmentUploaded(const QString &attachmentId, const QString &recordId);

private:
    void nextFile();
    void onStatus(const ApiResult<protocol::UploadStatus> &answer);
    void sendChunk(qint64 offset);
    void onChunkAnswered(qint64 offset, const ApiResult<protocol::UploadStatus> &answer);
    void completeCurrent();
    void skipCurrent(const QString &problem);
    void stop(std::optional<ApiError> error);

    DeviceStore &m_store;
    AttachmentApiClient &m_api;
    qint64 m_chunkBytes = DefaultChunkBytes;
    QList<AttachmentInfo> m_queue;
    AttachmentInfo m_current;
    QFile m_file;
    int m_resends = 0;
    Outcome m_outcome;
    std::function<void(const Outcome &)> m_done;
};

} // namespace fieldsync
