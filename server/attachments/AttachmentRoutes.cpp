#include "AttachmentRoutes.h"

#include "AttachmentStorage.h"
#include "ThumbnailMaker.h"
#include "api/ApiRoutes.h"
#include "attachments/AttachmentRecord.h"
#include "attachments/FileDigest.h"
#include "auth/AuthUser.h"
#include "common/Logging.h"
#include "http/HttpRequest.h"
#include "protocol/AttachmentMessages.h"
#include "store/RecordRepository.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QUuid>

namespace fieldsync::server {

namespace {

const AuthUser &userOf(const HttpRequest &request)
{
    return *std::any_cast<AuthUser>(&request.context());
}

// What the head check found, handed to the handler so that a chunk costs one record lookup.
struct CheckedAttachment
{
    AuthUser user;
    StoredRecord record;
};

HttpResponse notFound(const QString &attachmentId)
{
    return HttpResponse::error(404, QStringLiteral("not_found"),
                               QStringLiteral("no attachment %1 in your projects").arg(attachmentId));
}

HttpResponse internalError(const Error &error)
{
    qCWarning(lcServer) << "attachment request failed:" << error.toString();
    return HttpResponse::error(500, QStringLiteral("internal"),
                               QStringLiteral("the server could not complete the request; try again"));
}

qint64 bytesOf(const StoredRecord &record)
{
    return qint64(record.data.value(AttachmentRecord::Bytes).toDouble());
}

QString sha256Of(const StoredRecord &record)
{
    return record.data.value(AttachmentRecord::Sha256).toString();
}

} // namespace

AttachmentRoutes::AttachmentRoutes(ServerDatabase &db, AttachmentStorage &storage, ApiRoutes &api,
                                   Options options)
    : m_db(db)
    , m_storage(storage)
    , m_api(api)
    , m_options(options)
{}

void AttachmentRoutes::install(Router &router)
{
    const Router::Guard guard = [this](HttpRequest &request) { return checkHead(request); };
    const Router::Handler handler = [this](const HttpRequest &request) { return handle(request); };
    router.addPrefixRoute("GET", protocol::AttachmentPaths::Prefix, handler, guard);
    router.addPrefixRoute("PUT", protocol::AttachmentPaths::Prefix, handler, guard);
}

std::optional<AttachmentRoutes::Target> AttachmentRoutes::parsePath(const QString &path,
                                                                    const QByteArray &method)
{
    const QStringList parts = path.mid(protocol::AttachmentPaths::Prefix.size()).split(u'/');
    Target target;
    target.attachmentId = parts.value(0);
    if (QUuid::fromString(target.attachmentId).isNull())
        return std::nullopt;
    if (parts.size() == 1 && method == "GET") {
        target.action = Action::File;
    } else if (parts.size() == 2 && parts.at(1) == QLatin1String("upload") && method == "GET") {
        target.action = Action::Upload;
    } else if (parts.size() == 2 && parts.at(1) == QLatin1String("thumbnail") && method == "GET") {
        target.action = Action::Thumbnail;
    } else if (parts.size() == 3 && parts.at(1) == QLatin1String("chunks") && method == "PUT") {
        bool ok = false;
        target.action = Action::Chunk;
        target.chunkIndex = parts.at(2).toLongLong(&ok);
        if (!ok || target.chunkIndex < 0)
            return std::nullopt;
    } else {
        return std::nullopt;
    }
    return target;
}

std::variant<StoredRecord, HttpResponse> AttachmentRoutes::visibleRecord(const AuthUser &user,
                                                                         const QString &attachmentId)
{
    Result<std::optional<StoredRecord>> found = RecordRepository(m_db).find(attachmentId);
    if (!found)
        return internalError(found.error());
    // Another project's attachment answers exactly as one that does not exist.
    if (!found.value() || found.value()->entity != EntityKind::Attachment || found.value()->deleted ||
        !user.hasProject(found.value()->projectId))
        return notFound(attachmentId);
    return *found.value();
}

std::optional<HttpResponse> AttachmentRoutes::checkHead(HttpRequest &request)
{
    if (std::optional<HttpResponse> refusal = m_api.authenticatedGuard()(request))
        return refusal;
    const std::optional<Target> target = parsePath(request.path(), request.method());
    if (!target)
        return HttpResponse::error(404, QStringLiteral("not_found"),
                                   QStringLiteral("no such endpoint: %1").arg(request.path()));
    std::variant<StoredRecord, HttpResponse> record = visibleRecord(userOf(request), target->attachmentId);
    if (auto *refusal = std::get_if<HttpResponse>(&record))
        return *refusal;
    const StoredRecord found = std::get<StoredRecord>(std::move(record));
    const qint64 bytes = bytesOf(found);
    if ((target->action == Action::Upload || target->action == Action::Chunk) &&
        bytes > m_options.maxFileBytes)
        return tooLarge(bytes);
    if (target->action == Action::Chunk) {
        const qint64 length = request.contentLength().value_or(0);
        if (length > m_options.maxChunkBytes || length > bytes)
            return HttpResponse::error(413, QStringLiteral("chunk_too_large"),
                                       QStringLiteral("a chunk of %1 bytes; send at most %2 per chunk")
                                           .arg(length)
                                           .arg(std::min(m_options.maxChunkBytes, bytes)));
    }
    request.setContext(CheckedAttachment{userOf(request), found});
    return std::nullopt;
}

HttpResponse AttachmentRoutes::tooLarge(qint64 bytes) const
{
    return HttpResponse::error(
        413, QStringLiteral("attachment_too_large"),
        QStringLiteral("the file has %1 MB; this server takes attachments of at most %2 MB")
            .arg(QString::number(double(bytes) / (1024.0 * 1024.0), 'f', 1))
            .arg(QString::number(double(m_options.maxFileBytes) / (1024.0 * 1024.0), 'f', 1)));
}

HttpResponse AttachmentRoutes::handle(const HttpRequest &request)
{
    const std::optional<Target> target = parsePath(request.path(), request.method());
    if (!target)
        return HttpResponse::error(404, QStringLiteral("not_found"),
                                   QStringLiteral("no such endpoint: %1").arg(request.path()));
    // The head check (checkHead) runs first and leaves what it found.
    const auto *checked = std::any_cast<CheckedAttachment>(&request.context());
    if (!checked)
        return internalError(makeError(QStringLiteral("internal"),
                                       QStringLiteral("attachment request handled without its head check")));
    const StoredRecord &found = checked->record;
    switch (target->action) {
    case Action::Upload:
        return uploadStatus(found);
    case Action::Chunk:
        return putChunk(request, found);
    case Action::File:
        return download(found);
    case Action::Thumbnail:
        return thumbnail(found);
    }
    return notFound(target->attachmentId);
}

HttpResponse AttachmentRoutes::uploadStatus(const StoredRecord &record) const
{
    protocol::UploadStatus status;
    status.id = record.id;
    status.bytes = bytesOf(record);
    // Only this project's copy counts: another project's file of the same SHA-256 proves nothing
    // about what this record's author has.
    status.complete = m_storage.hasObject(record.projectId, sha256Of(record));
    status.received =
        status.complete ? status.bytes : std::min(m_storage.receivedBytes(record.id), status.bytes);
    return HttpResponse::json(200, status.toJson());
}

HttpResponse AttachmentRoutes::putChunk(const HttpRequest &request, const StoredRecord &record)
{
    const QString expectedSha = sha256Of(record);
    const qint64 bytes = bytesOf(record);
    if (!AttachmentRecord::isSha256Hex(expectedSha))
        return HttpResponse::error(409, QStringLiteral("invalid_record"),
                                   QStringLiteral("the attachment's record has no valid sha256"));
    // A replay after the upload was completed (or the project has this file already): nothing to do.
    if (m_storage.hasObject(record.projectId, expectedSha))
        return uploadStatus(record);
    bool ok = false;
    const qint64 offset = request.header(protocol::ChunkOffsetHeader).trimmed().toLongLong(&ok);
    const QByteArray chunkSha = request.header(protocol::ChunkSha256Header).trimmed().toLower();
    if (!ok || offset < 0 || !AttachmentRecord::isSha256Hex(QString::fromLatin1(chunkSha)))
        return HttpResponse::error(
            400, QStringLiteral("malformed"),
            QStringLiteral("a chunk needs %1 (a byte offset) and %2 (its SHA-256)")
                .arg(QLatin1String(protocol::ChunkOffsetHeader), QLatin1String(protocol::ChunkSha256Header)));
    const qint64 received = m_storage.receivedBytes(record.id);
    if (offset != received) {
        HttpResponse response = HttpResponse::error(
            409, QStringLiteral("offset_mismatch"),
            QStringLiteral("the server has %1 bytes of this file; send the chunk at that offset")
                .arg(received));
        return response;
    }
    if (offset + request.body().size() > bytes)
        return HttpResponse::error(413, QStringLiteral("chunk_too_large"),
                                   QStringLiteral("the chunk goes past the file's %1 bytes").arg(bytes));
    if (FileDigest::sha256Hex(request.body()) != chunkSha)
        return HttpResponse::error(
            422, QStringLiteral("chunk_hash_mismatch"),
            QStringLiteral("the chunk at %1 does not match its SHA-256; send it again").arg(offset));
    if (!request.body().isEmpty()) {
        Result<qint64> appended = m_storage.appendChunk(record.id, offset, request.body());
        if (!appended) {
            if (appended.error().code == QLatin1String("offset_mismatch"))
                return HttpResponse::error(409, QStringLiteral("offset_mismatch"),
                                           QStringLiteral("another upload of this file moved on; ask again"));
            return internalError(appended.error());
        }
    }
    protocol::UploadStatus status;
    status.id = record.id;
    status.bytes = bytes;
    status.received = offset + request.body().size();
    if (status.received == bytes) {
        if (Result<void> completed = m_storage.completeUpload(record.id, record.projectId, expectedSha);
            !completed) {
            if (completed.error().code == QLatin1String("file_hash_mismatch"))
                return HttpResponse::error(422, QStringLiteral("file_hash_mismatch"),
                                           completed.error().message);
            return internalError(completed.error());
        }
        status.complete = true;
    }
    return HttpResponse::json(200, status.toJson());
}

HttpResponse AttachmentRoutes::download(const StoredRecord &record) const
{
    const QString sha = sha256Of(record);
    if (!m_storage.hasObject(record.projectId, sha))
        return HttpResponse::error(
            404, QStringLiteral("not_uploaded"),
            QStringLiteral("the file of this attachment has not reached the server yet"));
    QFile file(m_storage.objectPath(record.projectId, sha));
    if (!file.open(QIODevice::ReadOnly))
        return internalError(makeError(QStringLiteral("store_io"), file.errorString()));
    QByteArray mime = record.data.value(AttachmentRecord::MimeType).toString().toLatin1();
    HttpResponse response(200, file.readAll(),
                          mime.isEmpty() ? QByteArrayLiteral("application/octet-stream") : mime);
    response.setHeader(protocol::FileSha256Header, sha.toLatin1());
    return response;
}

HttpResponse AttachmentRoutes::thumbnail(const StoredRecord &record) const
{
    const QString sha = sha256Of(record);
    if (!m_storage.hasObject(record.projectId, sha))
        return HttpResponse::error(
            404, QStringLiteral("not_uploaded"),
            QStringLiteral("the file of this attachment has not reached the server yet"));
    const QString mime = record.data.value(AttachmentRecord::MimeType).toString();
    const QByteArray format = ThumbnailMaker::formatFor(mime);
    const QString cachedPath = m_storage.thumbnailPath(record.projectId, sha, format);
    QFile cached(cachedPath);
    if (cached.open(QIODevice::ReadOnly))
        return HttpResponse(200, cached.readAll(), "image/" + format);
    Result<ThumbnailMaker::Thumbnail> made =
        ThumbnailMaker::make(m_storage.objectPath(record.projectId, sha), mime);
    if (!made) {
        if (made.error().code == QLatin1String("not_an_image"))
            return HttpResponse::error(415, made.error().code, made.error().message);
        return internalError(made.error());
    }
    QDir().mkpath(QFileInfo(cachedPath).path());
    QSaveFile cache(cachedPath);
    if (!cache.open(QIODevice::WriteOnly) || cache.write(made.value().bytes) != made.value().bytes.size() ||
        !cache.commit())
        qCWarning(lcServerStore) << "cannot cache the thumbnail" << cachedPath << cache.errorString();
    return HttpResponse(200, made.value().bytes, made.value().mimeType);
}

} // namespace fieldsync::server
