#include "ProtocolInfo.h"

#include "JsonReader.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace fieldsync::protocol {

QByteArray ErrorBody::toJson() const
{
    return QJsonDocument(QJsonObject{{QStringLiteral("error"), code}, {QStringLiteral("message"), message}})
        .toJson(QJsonDocument::Compact);
}

Result<ErrorBody> ErrorBody::fromJson(const QByteArray &body)
{
    const Result<QJsonObject> object = JsonReader::parseObject(body);
    if (!object)
        return object.error();
    JsonReader reader(object.value(), QStringLiteral("error"));
    ErrorBody error{reader.string(QStringLiteral("error")), reader.string(QStringLiteral("message"), false)};
    if (reader.failed())
        return reader.finish().error();
    return error; // extra keys in an error body are harmless context, not a lie
}

QByteArray HealthResponse::toJson() const
{
    return QJsonDocument(
               QJsonObject{{QStringLiteral("status"), status}, {QStringLiteral("version"), version}})
        .toJson(QJsonDocument::Compact);
}

Result<HealthResponse> HealthResponse::fromJson(const QByteArray &body)
{
    const Result<QJsonObject> object = JsonReader::parseObject(body);
    if (!object)
        return object.error();
    JsonReader reader(object.value(), QStringLiteral("health"));
    HealthResponse health{reader.string(QStringLiteral("status")),
                          reader.string(QStringLiteral("version"), false)};
    if (reader.failed())
        return reader.finish().error();
    return health;
}

QByteArray MeResponse::toJson() const
{
    return QJsonDocument(QJsonObject{{QStringLiteral("user"), user},
                                     {QStringLiteral("role"), roleName(role)},
                                     {QStringLiteral("projects"), QJsonArray::fromStringList(projects)}})
        .toJson(QJsonDocument::Compact);
}

Result<MeResponse> MeResponse::fromJson(const QByteArray &body)
{
    const Result<QJsonObject> object = JsonReader::parseObject(body);
    if (!object)
        return object.error();
    JsonReader reader(object.value(), QStringLiteral("me"));
    MeResponse me;
    me.user = reader.string(QStringLiteral("user"));
    const std::optional<Role> role = roleFromName(reader.string(QStringLiteral("role")));
    for (const QJsonValue &project : reader.array(QStringLiteral("projects"))) {
        if (!project.isString())
            return makeError(QStringLiteral("malformed"), QStringLiteral("me: projects must be strings"));
        me.projects.append(project.toString());
    }
    if (const Result<void> finished = reader.finish(); !finished)
        return finished.error();
    if (!role)
        return makeError(QStringLiteral("malformed"), QStringLiteral("me: unknown role"));
    me.role = *role;
    return me;
}

QString nowUtcString()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

} // namespace fieldsync::protocol
