#include "AuditMessages.h"

#include "JsonReader.h"

#include <QJsonArray>

namespace fieldsync::protocol {

namespace {

// A state is an object, or null where there is none (before a creation, after a deletion).
Result<QJsonObject> stateOrNothing(const QJsonValue &value, const QString &context)
{
    if (value.isNull() || value.isUndefined())
        return QJsonObject();
    if (!value.isObject())
        return makeError(QStringLiteral("malformed"), context + QStringLiteral(" must be an object or null"));
    return value.toObject();
}

} // namespace

QList<Workflow::StatusStep> AuditTrail::statusHistory() const
{
    const QString statusField = QStringLiteral("status");
    QList<Workflow::StatusStep> history;
    history.reserve(entries.size());
    for (const AuditEntry &entry : entries)
        history.append({entry.user, entry.before.value(statusField).toString(),
                        entry.after.value(statusField).toString()});
    return history;
}

Result<AuditTrail> AuditTrail::fromJson(const QByteArray &body)
{
    const Result<QJsonObject> object = JsonReader::parseObject(body);
    if (!object)
        return object.error();
    JsonReader reader(object.value(), QStringLiteral("audit"));
    AuditTrail trail;
    trail.recordId = reader.string(QStringLiteral("record"));
    trail.entity = reader.string(QStringLiteral("entity"));
    trail.projectId = reader.string(QStringLiteral("project_id"));
    trail.version = reader.integer(QStringLiteral("version"));
    const QJsonArray entries = reader.array(QStringLiteral("entries"));
    if (const Result<void> finished = reader.finish(); !finished)
        return finished.error();
    trail.entries.reserve(entries.size());
    for (qsizetype index = 0; index < entries.size(); ++index) {
        const QString context = QStringLiteral("audit entries[%1]").arg(index);
        if (!entries.at(index).isObject())
            return makeError(QStringLiteral("malformed"), context + QStringLiteral(" must be an object"));
        JsonReader entry(entries.at(index).toObject(), context);
        AuditEntry parsed;
        parsed.seq = entry.integer(QStringLiteral("seq"));
        parsed.user = entry.string(QStringLiteral("user"));
        parsed.deviceId = entry.string(QStringLiteral("device_id"));
        parsed.at = entry.string(QStringLiteral("at"));
        const QJsonValue clientTime = entry.any(QStringLiteral("client_time"));
        const QJsonValue before = entry.any(QStringLiteral("before"));
        const QJsonValue after = entry.any(QStringLiteral("after"));
        if (const Result<void> finished = entry.finish(); !finished)
            return finished.error();
        if (!clientTime.isNull() && !clientTime.isUndefined() && !clientTime.isString())
            return makeError(QStringLiteral("malformed"),
                             context + QStringLiteral(": client_time must be a string or null"));
        parsed.clientTime = clientTime.toString();
        const Result<QJsonObject> beforeState = stateOrNothing(before, context + QStringLiteral(".before"));
        if (!beforeState)
            return beforeState.error();
        const Result<QJsonObject> afterState = stateOrNothing(after, context + QStringLiteral(".after"));
        if (!afterState)
            return afterState.error();
        parsed.before = beforeState.value();
        parsed.after = afterState.value();
        trail.entries.append(std::move(parsed));
    }
    return trail;
}

} // namespace fieldsync::protocol
