#include "PushMessages.h"

#include "AppliedOnlyAnswer.h"
#include "CanonicalPushRequest.h"
#include "JsonReader.h"
#include "JsonSpans.h"
#include "common/CanonicalUuid.h"
#include "common/JsonWriter.h"
#include "domain/IsoTimestamp.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace fieldsync::protocol {

namespace {

bool isUuid(const QString &text)
{
    return isCanonicalUuid(text);
}

Error malformed(const QString &message)
{
    return makeError(QStringLiteral("malformed"), message);
}

// The object's encoding as given, or encoded here when there is none.
void appendObject(QByteArray &json, const QByteArray &encodedObject, const QJsonObject &object)
{
    if (encodedObject.isEmpty())
        JsonWriter::append(json, object);
    else
        json.append(encodedObject);
}

} // namespace

QJsonObject Change::toJson() const
{
    return QJsonObject{{QStringLiteral("offline_id"), offlineId},
                       {QStringLiteral("entity"), EntitySchema::of(entity).wireName},
                       {QStringLiteral("op"), changeOpName(op)},
                       {QStringLiteral("id"), id},
                       {QStringLiteral("client_version"), clientVersion},
                       {QStringLiteral("base"), base},
                       {QStringLiteral("data"), data}};
}

Result<Change> Change::fromJson(const QJsonValue &value, int index)
{
    const QString context = QStringLiteral("changes[%1]").arg(index);
    if (!value.isObject())
        return malformed(context + QStringLiteral(" must be an object"));
    JsonReader reader(value.toObject(), context);
    Change change;
    change.offlineId = reader.string(QStringLiteral("offline_id"));
    const QString entityName = reader.string(QStringLiteral("entity"));
    const QString opName = reader.string(QStringLiteral("op"));
    change.id = reader.string(QStringLiteral("id"));
    const bool updating = opName == QLatin1String("update");
    const bool versionNeeded = updating || opName == QLatin1String("delete");
    change.clientVersion = reader.integer(QStringLiteral("client_version"), versionNeeded, 0);
    // An update without data changes nothing: a broken device, not an edit to apply. (Its base
    // may be left out: absent and null both mean no value, ARCHITECTURE.md §3.)
    change.base = reader.object(QStringLiteral("base"), false);
    change.data = reader.object(QStringLiteral("data"), updating);
    if (const Result<void> finished = reader.finish(); !finished)
        return finished.error();

    const EntitySchema *schema = EntitySchema::byWireName(entityName);
    if (!schema)
        return makeError(QStringLiteral("unknown_entity"),
                         context + QStringLiteral(": unknown entity '%1'").arg(entityName));
    const std::optional<ChangeOp> op = changeOpFromName(opName);
    if (!op)
        return makeError(QStringLiteral("unknown_op"),
                         context + QStringLiteral(": unknown op '%1'").arg(opName));
    if (!isUuid(change.offlineId) || !isUuid(change.id))
        return malformed(context + QStringLiteral(": offline_id and id must be UUIDs"));
    if (change.clientVersion < 0)
        return malformed(context + QStringLiteral(": client_version must not be negative"));
    // A new record has no version the device saw and no values before it: anything else is a
    // device that lost track of what it is sending.
    if (makesNewRecord(*op) && (change.clientVersion != 0 || !change.base.isEmpty()))
        return malformed(context +
                         QStringLiteral(": %1 changes carry client_version 0 and an empty base").arg(opName));
    change.entity = schema->kind;
    change.op = *op;
    return change;
}

QByteArray PushRequest::toJson(const QList<EncodedObjects> &encoded) const
{
    QByteArray json = toJsonUntilClientTime(encoded);
    finishJson(json, clientTime, deviceId);
    return json;
}

QByteArray PushRequest::toJsonUntilClientTime(const QList<EncodedObjects> &encoded) const
{
    // Written directly, keys in the order QJsonDocument puts them: a batch is up to a megabyte of
    // records, and building it as one QJsonObject first cost more than encoding it.
    QByteArray json;
    json.reserve(256 + changes.size() * 768);
    json.append("{\"batch_id\":");
    JsonWriter::appendString(json, batchId);
    json.append(",\"changes\":[");
    for (qsizetype index = 0; index < changes.size(); ++index) {
        const Change &change = changes.at(index);
        const EncodedObjects stored = encoded.value(index);
        if (index > 0)
            json.append(',');
        json.append("{\"base\":");
        appendObject(json, stored.base, change.base);
        json.append(",\"client_version\":");
        JsonWriter::appendInteger(json, change.clientVersion);
        json.append(",\"data\":");
        appendObject(json, stored.data, change.data);
        json.append(",\"entity\":");
        JsonWriter::appendString(json, EntitySchema::of(change.entity).wireName);
        json.append(",\"id\":");
        JsonWriter::appendString(json, change.id);
        json.append(",\"offline_id\":");
        JsonWriter::appendString(json, change.offlineId);
        json.append(",\"op\":");
        JsonWriter::appendString(json, changeOpName(change.op));
        json.append('}');
    }
    json.append(']');
    return json;
}

void PushRequest::finishJson(QByteArray &json, const QString &clientTime, const QString &deviceId)
{
    json.append(",\"client_time\":");
    JsonWriter::appendString(json, clientTime);
    json.append(",\"device_id\":");
    JsonWriter::appendString(json, deviceId);
    json.append('}');
}

Result<PushRequest> PushRequest::fromJson(const QByteArray &body, DataOfCreates dataOfCreates)
{
    if (std::optional<PushRequest> request = decodeCanonicalPushRequest(body, dataOfCreates))
        return std::move(*request);
    return fromJsonGeneral(body);
}

Result<PushRequest> PushRequest::fromJsonGeneral(const QByteArray &body)
{
    const Result<QJsonObject> object = JsonReader::parseObject(body);
    if (!object)
        return object.error();
    JsonReader reader(object.value(), QStringLiteral("push"));
    PushRequest request;
    request.deviceId = reader.string(QStringLiteral("device_id"));
    request.clientTime = reader.string(QStringLiteral("client_time"), false);
    request.batchId = reader.string(QStringLiteral("batch_id"), false);
    const QJsonArray changes = reader.array(QStringLiteral("changes"));
    if (const Result<void> finished = reader.finish(); !finished)
        return finished.error();
    if (request.deviceId.isEmpty() || request.deviceId.size() > 64)
        return malformed(QStringLiteral("push: device_id must be 1 to 64 characters"));
    // Both may be left out or empty (the server then knows no device clock for the audit trail),
    // but what is there must be what it says: the audit keeps client_time as the device's clock, and a PM
    // reads clock skew from it.
    if (request.batchId.size() > 64)
        return malformed(QStringLiteral("push: batch_id must be at most 64 characters"));
    if (!request.clientTime.isEmpty() && !IsoTimestamp::parseZoned(request.clientTime))
        return malformed(QStringLiteral("push: client_time must be a timestamp with its zone, as "
                                        "2026-11-21T10:30:00Z"));
    request.changes.reserve(changes.size());
    for (int index = 0; index < changes.size(); ++index) {
        Result<Change> change = Change::fromJson(changes.at(index), index);
        if (!change)
            return change.error();
        request.changes.append(std::move(change).value());
    }
    return request;
}

QJsonObject AppliedChange::toJson() const
{
    return QJsonObject{{QStringLiteral("offline_id"), offlineId},
                       {QStringLiteral("id"), id},
                       {QStringLiteral("version"), version},
                       {QStringLiteral("data"), data}};
}

QJsonObject ConflictedChange::toJson() const
{
    QJsonObject fieldsJson;
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        fieldsJson.insert(it.key(), QJsonObject{{QStringLiteral("base"), it->base},
                                                {QStringLiteral("mine"), it->mine},
                                                {QStringLiteral("server"), it->server},
                                                {QStringLiteral("hint"), it->hint}});
    }
    return QJsonObject{{QStringLiteral("offline_id"), offlineId},
                       {QStringLiteral("id"), id},
                       {QStringLiteral("client_version"), clientVersion},
                       {QStringLiteral("server_version"), serverVersion},
                       {QStringLiteral("reason"), reason},
                       {QStringLiteral("fields"), fieldsJson},
                       {QStringLiteral("server_state"), serverState},
                       {QStringLiteral("server_deleted"), serverDeleted}};
}

QJsonObject RejectedChange::toJson() const
{
    return QJsonObject{{QStringLiteral("offline_id"), offlineId},
                       {QStringLiteral("reason"), reason},
                       {QStringLiteral("detail"), detail}};
}

QByteArray PushResponse::toJson() const
{
    QJsonArray appliedJson;
    for (const AppliedChange &entry : applied)
        appliedJson.append(entry.toJson());
    QJsonArray conflictsJson;
    for (const ConflictedChange &entry : conflicts)
        conflictsJson.append(entry.toJson());
    QJsonArray rejectedJson;
    for (const RejectedChange &entry : rejected)
        rejectedJson.append(entry.toJson());
    return JsonWriter::compact(QJsonObject{{QStringLiteral("applied"), appliedJson},
                                           {QStringLiteral("conflicts"), conflictsJson},
                                           {QStringLiteral("rejected"), rejectedJson},
                                           {QStringLiteral("cursor"), cursor}});
}

namespace {

Result<AppliedChange> appliedFromJson(const QJsonValue &value)
{
    if (!value.isObject())
        return malformed(QStringLiteral("applied entry must be an object"));
    JsonReader reader(value.toObject(), QStringLiteral("applied"));
    AppliedChange applied{reader.string(QStringLiteral("offline_id")), reader.string(QStringLiteral("id")),
                          reader.integer(QStringLiteral("version")), reader.object(QStringLiteral("data"))};
    if (const Result<void> finished = reader.finish(); !finished)
        return finished.error();
    if (applied.version < 1)
        return malformed(QStringLiteral("applied: version must be at least 1"));
    return applied;
}

Result<ConflictedChange> conflictFromJson(const QJsonValue &value)
{
    if (!value.isObject())
        return malformed(QStringLiteral("conflict entry must be an object"));
    JsonReader reader(value.toObject(), QStringLiteral("conflict"));
    ConflictedChange conflict;
    conflict.offlineId = reader.string(QStringLiteral("offline_id"));
    conflict.id = reader.string(QStringLiteral("id"));
    conflict.clientVersion = reader.integer(QStringLiteral("client_version"));
    conflict.serverVersion = reader.integer(QStringLiteral("server_version"));
    conflict.reason = reader.string(QStringLiteral("reason"));
    const QJsonObject fields = reader.object(QStringLiteral("fields"), false);
    conflict.serverState = reader.object(QStringLiteral("server_state"), false);
    conflict.serverDeleted = reader.boolean(QStringLiteral("server_deleted"), false);
    if (const Result<void> finished = reader.finish(); !finished)
        return finished.error();
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        if (!it.value().isObject())
            return malformed(QStringLiteral("conflict: field '%1' must be an object").arg(it.key()));
        JsonReader fieldReader(it.value().toObject(), QStringLiteral("conflict field ") + it.key());
        ConflictField field{fieldReader.any(QStringLiteral("base")), fieldReader.any(QStringLiteral("mine")),
                            fieldReader.any(QStringLiteral("server")),
                            fieldReader.string(QStringLiteral("hint"))};
        if (const Result<void> finished = fieldReader.finish(); !finished)
            return finished.error();
        conflict.fields.insert(it.key(), field);
    }
    return conflict;
}

Result<RejectedChange> rejectedFromJson(const QJsonValue &value)
{
    if (!value.isObject())
        return malformed(QStringLiteral("rejected entry must be an object"));
    JsonReader reader(value.toObject(), QStringLiteral("rejected"));
    RejectedChange rejected{reader.string(QStringLiteral("offline_id")),
                            reader.string(QStringLiteral("reason")),
                            reader.string(QStringLiteral("detail"), false)};
    if (const Result<void> finished = reader.finish(); !finished)
        return finished.error();
    return rejected;
}

} // namespace

Result<PushResponse> PushResponse::fromJson(const QByteArray &body)
{
    return fromJson(body, AppliedData::Objects);
}

Result<PushResponse> PushResponse::fromJson(const QByteArray &body, AppliedData appliedData)
{
    if (std::optional<PushResponse> applied = decodeAppliedOnlyAnswer(body, appliedData))
        return std::move(*applied);
    return fromJsonGeneral(body);
}

Result<PushResponse> PushResponse::fromJsonGeneral(const QByteArray &body)
{
    const Result<QJsonObject> object = JsonReader::parseObject(body);
    if (!object)
        return object.error();
    JsonReader reader(object.value(), QStringLiteral("push response"));
    const QJsonArray applied = reader.array(QStringLiteral("applied"));
    const QJsonArray conflicts = reader.array(QStringLiteral("conflicts"));
    const QJsonArray rejected = reader.array(QStringLiteral("rejected"));
    PushResponse response;
    response.cursor = reader.integer(QStringLiteral("cursor"));
    if (const Result<void> finished = reader.finish(); !finished)
        return finished.error();
    if (response.cursor < 0)
        return malformed(QStringLiteral("push response: cursor must not be negative"));
    for (const QJsonValue &value : applied) {
        Result<AppliedChange> entry = appliedFromJson(value);
        if (!entry)
            return entry.error();
        response.applied.append(std::move(entry).value());
    }
    for (const QJsonValue &value : conflicts) {
        Result<ConflictedChange> entry = conflictFromJson(value);
        if (!entry)
            return entry.error();
        response.conflicts.append(std::move(entry).value());
    }
    for (const QJsonValue &value : rejected) {
        Result<RejectedChange> entry = rejectedFromJson(value);
        if (!entry)
            return entry.error();
        response.rejected.append(std::move(entry).value());
    }
    if (std::optional<QList<QByteArray>> data = memberOfEach(body, "applied", "data");
        data && data->size() == response.applied.size())
        response.appliedDataJson = std::move(*data);
    return response;
}

} // namespace fieldsync::protocol
