#include "PullMessages.h"

#include "JsonReader.h"
#include "common/JsonWriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

namespace fieldsync::protocol {

QJsonObject PulledRecord::toJson() const
{
    return QJsonObject{{QStringLiteral("entity"), EntitySchema::of(entity).wireName},
                       {QStringLiteral("id"), id},
                       {QStringLiteral("version"), version},
                       {QStringLiteral("deleted"), deleted},
                       {QStringLiteral("data"), data}};
}

QByteArray PullResponse::toJson() const
{
    QJsonArray array;
    for (const PulledRecord &record : changes)
        array.append(record.toJson());
    return JsonWriter::compact(QJsonObject{{QStringLiteral("changes"), array},
                                           {QStringLiteral("cursor"), cursor},
                                           {QStringLiteral("has_more"), hasMore}});
}

Result<PullResponse> PullResponse::fromJson(const QByteArray &body)
{
    const Result<QJsonObject> object = JsonReader::parseObject(body);
    if (!object)
        return object.error();
    JsonReader reader(object.value(), QStringLiteral("pull response"));
    PullResponse response;
    const QJsonArray changes = reader.array(QStringLiteral("changes"));
    response.cursor = reader.integer(QStringLiteral("cursor"));
    response.hasMore = reader.boolean(QStringLiteral("has_more"));
    if (const Result<void> finished = reader.finish(); !finished)
        return finished.error();
    if (response.cursor < 0)
        return makeError(QStringLiteral("malformed"),
                         QStringLiteral("pull response: cursor must not be negative"));
    response.changes.reserve(changes.size());
    for (int index = 0; index < changes.size(); ++index) {
        const QJsonValue value = changes.at(index);
        const QString context = QStringLiteral("pull changes[%1]").arg(index);
        if (!value.isObject())
            return makeError(QStringLiteral("malformed"), context + QStringLiteral(" must be an object"));
        JsonReader entry(value.toObject(), context);
        PulledRecord record;
        const QString entityName = entry.string(QStringLiteral("entity"));
        record.id = entry.string(QStringLiteral("id"));
        record.version = entry.integer(QStringLiteral("version"));
        record.deleted = entry.boolean(QStringLiteral("deleted"));
        record.data = entry.object(QStringLiteral("data"));
        if (const Result<void> finished = entry.finish(); !finished)
            return finished.error();
        const EntitySchema *schema = EntitySchema::byWireName(entityName);
        if (!schema)
            return makeError(QStringLiteral("unknown_entity"),
                             context + QStringLiteral(": unknown entity '%1'").arg(entityName));
        // Checked like an applied change: version 0 would look never synced, and the id becomes a
        // local primary key.
        if (QUuid::fromString(record.id).isNull())
            return makeError(QStringLiteral("malformed"), context + QStringLiteral(": id must be a UUID"));
        if (record.version < 1)
            return makeError(QStringLiteral("malformed"),
                             context + QStringLiteral(": version must be at least 1"));
        record.entity = schema->kind;
        response.changes.append(std::move(record));
    }
    return response;
}

} // namespace fieldsync::protocol
