#include "EventMessages.h"

#include "JsonReader.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace fieldsync::protocol {

QByteArray ServerEvent::toJson() const
{
    QJsonObject object{{QStringLiteral("type"), type}};
    if (type == Changes)
        object.insert(QStringLiteral("cursor"), cursor);
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

Result<ServerEvent> ServerEvent::fromJson(const QByteArray &body)
{
    const Result<QJsonObject> object = JsonReader::parseObject(body);
    if (!object)
        return object.error();
    JsonReader reader(object.value(), QStringLiteral("event"));
    ServerEvent event;
    event.type = reader.string(QStringLiteral("type"));
    if (event.type == Changes) {
        event.cursor = reader.integer(QStringLiteral("cursor"));
        if (!reader.failed() && event.cursor < 0)
            return makeError(QStringLiteral("malformed"), QStringLiteral("event: cursor must be 0 or more"));
    }
    if (reader.failed())
        return reader.finish().error();
    return event;
}

} // namespace fieldsync::protocol
