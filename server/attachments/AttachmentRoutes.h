#pragma once

#include "http/HttpResponse.h"
#include "http/Router.h"
#include "store/StoredRecord.h"

#include <optional>
#include <variant>

namespace fieldsync::server {

class ApiRoutes;
class AttachmentStorage;
struct AuthUser;
class HttpRequest;
class ServerDatabase;

// The attachment endpoints (see README, "Attachments"):
//   GET /api/v1/attachments/{id}/upload          where the upload stands
//   PUT /api/v1/attachments/{id}/chunks/{index}  one chunk, FieldSync-Chunk-Offset + -SHA256
//   GET /api/v1/attachments/{id}                 the whole file, once complete
//   GET /api/v1/attachments/{id}/thumbnail       a small JPEG/PNG of it
// An attachment is reachable only through its 'attachment' record, so the caller's projects
// filter it exactly as they filter records. Sizes are refused from the head, before any body byte.
class AttachmentRoutes
{
public:
    struct Options
    {
        qint64 maxFileBytes = 50 * 1024 * 1024;
        qint64 maxChunkBytes = 8 * 1024 * 1024;
    };

    AttachmentRoutes(ServerDatabase &db, AttachmentStorage &storage, ApiRoutes &api, Options options);

    void install(Router &router);

private:
    enum class Action
    {
        File,
        Upload,
        Chunk,
        Thumbnail
    };
    struct Target
    {
        QString attachmentId;
        Action action = Action::File;
        qint64 chunkIndex = -1;
    };

    static std::optional<Target> parsePath(const QString &path, const QByteArray &method);
    std::optional<HttpResponse> checkHead(HttpRequest &request);
    // The attachment's record when the caller may see it, else the answer to give.
    std::variant<StoredRecord, HttpResponse> visibleRecord(const AuthUser &user, const QString &attachmentId);
    HttpResponse handle(const HttpRequest &request);

    HttpResponse uploadStatus(const StoredRecord &record) const;
    HttpResponse putChunk(const HttpRequest &request, const StoredRecord &record);
    HttpResponse download(const StoredRecord &record) const;
    HttpResponse thumbnail(const StoredRecord &record) const;
    HttpResponse tooLarge(qint64 bytes) const;

    ServerDatabase &m_db;
    AttachmentStorage &m_storage;
    ApiRoutes &m_api;
    Options m_options;
};

} // namespace fieldsync::server
