#include "AttachmentMessages.h"

#include "JsonReader.h"
#include "common/JsonWriter.h"

#include <QJsonObject>

namespace fieldsync::protocol {

namespace AttachmentPaths {

QString upload(const QString &attachmentId)
{
    return Prefix + attachmentId + QStringLiteral("/upload");
}

QString chunk(const QString &attachmentId, qint64 index)
{
    return Prefix + attachmentId + QStringLiteral("/chunks/") + QString::number(index);
}

QString file(const QString &attachmentId)
{
    return Prefix + attachmentId;
}

QString thumbnail(const QString &attachmentId)
{
    return Prefix + attachmentId + QStringLiteral("/thumbnail");
}

} // namespace AttachmentPaths

QByteArray UploadStatus::toJson() const
{
    return JsonWriter::compact(QJsonObject{{QStringLiteral("id"), id},
                                           {QStringLiteral("bytes"), bytes},
                                           {QStringLiteral("received"), received},
                                           {QStringLiteral("complete"), complete}});
}

Result<UploadStatus> UploadStatus::fromJson(const QByteArray &body)
{
    const Result<QJsonObject> object = JsonReader::parseObject(body);
    if (!object)
        return object.error();
    JsonReader reader(object.value(), QStringLiteral("upload status"));
    UploadStatus status;
    status.id = reader.string(QStringLiteral("id"));
    status.bytes = reader.integer(QStringLiteral("bytes"));
    status.received = reader.integer(QStringLiteral("received"));
    status.complete = reader.boolean(QStringLiteral("complete"));
    if (const Result<void> finished = reader.finish(); !finished)
        return finished.error();
    if (status.bytes < 0 || status.received < 0 || status.received > status.bytes)
        return makeError(QStringLiteral("malformed"),
                         QStringLiteral("upload status: received must be between 0 and bytes"));
    return status;
}

} // namespace fieldsync::protocol
