#include "AttachmentUploader.h"

#include "AttachmentFileTable.h"
#include "FileDigest.h"
#include "common/Logging.h"
#include "store/DeviceStore.h"

#include <QDir>

namespace fieldsync {

namespace {

// A chunk refused for its hash is sent again this many times before the run gives up (a link
// that corrupts every chunk is a broken link, not bad luck).
constexpr int MaxResends = 3;

} // namespace

AttachmentUploader::AttachmentUploader(DeviceStore &store, AttachmentApiClient &api, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_api(api)
{}

void AttachmentUploader::run(std::function<void(const Outcome &)> done)
{
    m_outcome = Outcome();
    const QString filesDir = QDir(m_store.dataDir()).filePath(QStringLiteral("attachments"));
    AttachmentFileTable files(m_store.database());
    // A file goes up once the server has its record: the upload is checked against it.
    Result<QList<AttachmentInfo>> ready =
        files.query(QStringLiteral("f.state = 'pending' AND r.server_version > 0"), {}, filesDir);
    Result<int> pending = files.pendingCount();
    if (!ready || !pending) {
        ApiError error;
        error.kind = ApiError::Kind::Protocol;
        error.code = QStringLiteral("store_io");
        error.message = (!ready ? ready.error() : pending.error()).toString();
        Outcome failed;
        failed.error = error;
        done(failed);
        return;
    }
    m_queue = ready.value();
    m_outcome.waiting = pending.value() - int(m_queue.size());
    m_done = std::move(done);
    if (!m_queue.isEmpty())
        qCInfo(lcSync) << "uploading" << m_queue.size() << "attachment files";
    nextFile();
}

void AttachmentUploader::nextFile()
{
    m_file.close();
    if (m_queue.isEmpty()) {
        stop(std::nullopt);
        return;
    }
    m_current = m_queue.takeFirst();
    m_resends = 0;
    if (m_current.localPath.isEmpty()) {
        skipCurrent(tr("the file of %1 is gone from this device").arg(m_current.name));
        return;
    }
    m_api.uploadStatus(m_current.id,
                       [this](const ApiResult<protocol::UploadStatus> &answer) { onStatus(answer); });
}

void AttachmentUploader::onStatus(const ApiResult<protocol::UploadStatus> &answer)
{
    if (!answer.ok()) {
        const ApiError &error = answer.error();
        if (error.isTransient() || error.kind == ApiError::Kind::Unauthorized ||
            error.kind == ApiError::Kind::UpdateNeeded || error.kind == ApiError::Kind::Protocol) {
            stop(error);
            return;
        }
        skipCurrent(tr("%1 cannot be uploaded: %2").arg(m_current.name, error.describe()));
        return;
    }
    const protocol::UploadStatus &status = answer.value();
    if (status.complete) {
        completeCurrent();
        return;
    }
    if (status.bytes != m_current.bytes) {
        skipCurrent(tr("%1: the server expects %2 bytes, this device has %3")
                        .arg(m_current.name)
                        .arg(status.bytes)
                        .arg(m_current.bytes));
        return;
    }
    if (!m_file.isOpen()) {
        m_file.setFileName(m_current.localPath);
        if (!m_file.open(QIODevice::ReadOnly)) {
            skipCurrent(tr("cannot read %1: %2").arg(m_current.localPath, m_file.errorString()));
            return;
        }
    }
    if (status.received > 0)
        qCInfo(lcSync) << "resuming" << m_current.id << "at" << status.received << "of" << m_current.bytes;
    if (Result<void> saved =
            AttachmentFileTable(m_store.database()).setUploadedBytes(m_current.id, status.received);
        !saved)
        qCWarning(lcSync) << "cannot save upload progress:" << saved.error().toString();
    sendChunk(status.received);
}

void AttachmentUploader::sendChunk(qint64 offset)
{
    const qint64 length = std::min(m_chunkBytes, m_current.bytes - offset);
    QByteArray bytes;
    if (length > 0) {
        if (!m_file.seek(offset)) {
            skipCurrent(tr("cannot read %1: %2").arg(m_current.localPath, m_file.errorString()));
            return;
        }
        bytes = m_file.read(length);
        if (bytes.size() != length) {
            skipCurrent(
                tr("%1 is shorter on this device than when it was attached").arg(m_current.localPath));
            return;
        }
    }
    const qint64 index = offset / m_chunkBytes;
    m_api.putChunk(
        m_current.id, index, offset, bytes, FileDigest::sha256Hex(bytes),
        [this, offset](const ApiResult<protocol::UploadStatus> &answer) { onChunkAnswered(offset, answer); });
}

void AttachmentUploader::onChunkAnswered(qint64 offset, const ApiResult<protocol::UploadStatus> &answer)
{
    if (answer.ok()) {
        const protocol::UploadStatus &status = answer.value();
        if (Result<void> saved =
                AttachmentFileTable(m_store.database()).setUploadedBytes(m_current.id, status.received);
            !saved)
            qCWarning(lcSync) << "cannot save upload progress:" << saved.error().toString();
        emit progress(m_current.id, status.received, m_current.bytes);
        if (status.complete) {
            completeCurrent();
            return;
        }
        if (status.received <= offset && m_current.bytes > 0) {
            stop(ApiError{ApiError::Kind::Protocol, 200, QStringLiteral("no_progress"),
                          tr("the server took a chunk of %1 without moving on").arg(m_current.name)});
            return;
        }
        sendChunk(status.received);
        return;
    }
    const ApiError &error = answer.error();
    if (error.code == QLatin1String("file_hash_mismatch")) {
        // The server dropped what it had. Either our copy changed since it was attached (then
        // sending it again cannot help) or the server's was damaged (then it can).
        const Result<QByteArray> local = FileDigest::sha256HexOfFile(m_current.localPath);
        if (!local || QString::fromLatin1(local.value()) != m_current.sha256) {
            skipCurrent(tr("%1 changed on this device after it was attached; it cannot be verified")
                            .arg(m_current.name));
            return;
        }
    }
    if (error.code == QLatin1String("chunk_hash_mismatch") ||
        error.code == QLatin1String("offset_mismatch") || error.code == QLatin1String("file_hash_mismatch")) {
        // Damaged on the way, or the server already has more (or less) than we thought: ask
        // where it stands and go on from there.
        if (++m_resends > MaxResends) {
            stop(error);
            return;
        }
        qCInfo(lcSync) << "chunk at" << offset << "of" << m_current.id << "refused (" << error.code
                       << "); sending again";
        m_api.uploadStatus(m_current.id,
                           [this](const ApiResult<protocol::UploadStatus> &status) { onStatus(status); });
        return;
    }
    if (error.isTransient() || error.kind == ApiError::Kind::Unauthorized ||
        error.kind == ApiError::Kind::UpdateNeeded || error.kind == ApiError::Kind::Protocol) {
        stop(error);
        return;
    }
    skipCurrent(tr("%1 cannot be uploaded: %2").arg(m_current.name, error.describe()));
}

void AttachmentUploader::completeCurrent()
{
    m_file.close();
    if (Result<void> saved = AttachmentFileTable(m_store.database()).markSynced(m_current.id); !saved) {
        ApiError error;
        error.kind = ApiError::Kind::Protocol;
        error.code = QStringLiteral("store_io");
        error.message = saved.error().toString();
        stop(error);
        return;
    }
    qCInfo(lcSync) << "attachment" << m_current.id << "is on the server," << m_current.bytes << "bytes";
    ++m_outcome.uploaded;
    emit progress(m_current.id, m_current.bytes, m_current.bytes);
    emit attachmentUploaded(m_current.id, m_current.recordId);
    m_store.notifyChanged({m_current.recordId, m_current.id});
    nextFile();
}

void AttachmentUploader::skipCurrent(const QString &problem)
{
    m_file.close();
    qCWarning(lcSync) << "attachment" << m_current.id << "waits:" << problem;
    AttachmentFileTable files(m_store.database());
    // The sync log says it once; the file keeps showing its reason (Files tab, `attachments`)
    // until it changes or the file goes up, instead of the same line at every sync.
    const Result<QString> known = files.lastError(m_current.id);
    if (!known || known.value() != problem)
        m_outcome.problems.append(problem);
    if (Result<void> saved = files.setError(m_current.id, problem); !saved)
        qCWarning(lcSync) << "cannot save the upload error:" << saved.error().toString();
    ++m_outcome.waiting;
    nextFile();
}

void AttachmentUploader::stop(std::optional<ApiError> error)
{
    m_file.close();
    if (error) {
        m_outcome.error = error;
        m_outcome.waiting += int(m_queue.size()) + 1;
        m_queue.clear();
    }
    auto done = std::move(m_done);
    m_done = nullptr;
    if (done)
        done(m_outcome);
}

} // namespace fieldsync
