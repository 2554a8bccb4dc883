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

namespace {

// Read once: a device launched with a wrong clock keeps it for its whole life, as a real one would.
qint64 &clockOffset()
{
    static qint64 offsetMs = qEnvironmentVariableIntValue("FIELDSYNC_CLOCK_OFFSET_SECONDS") * qint64(1000);
    return offsetMs;
}

} // namespace

void setClockOffsetMs(qint64 offsetMs)
{
    clockOffset() = offsetMs;
}

qint64 clockOffsetMs()
{
    return clockOffset();
}

QString nowUtcString()
{
    // What QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) says, written directly:
    // every edit stamps one, and QDateTime's formatting cost as much as the rest of the edit's
    // bookkeeping.
    const qint64 msecs = QDateTime::currentMSecsSinceEpoch() + clockOffset();
    const qint64 days = msecs >= 0 ? msecs / 86400000 : (msecs - 86399999) / 86400000;
    const qint64 msOfDay = msecs - days * 86400000;
    // Civil date from days since 1970-01-01 (proleptic Gregorian; H. Hinnant's days_from_civil).
    const qint64 z = days + 719468;
    const qint64 era = (z >= 0 ? z : z - 146096) / 146097;
    const qint64 dayOfEra = z - era * 146097;
    const qint64 yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const qint64 dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const qint64 monthIndex = (5 * dayOfYear + 2) / 153;
    const int day = int(dayOfYear - (153 * monthIndex + 2) / 5 + 1);
    const int month = int(monthIndex < 10 ? monthIndex + 3 : monthIndex - 9);
    const qint64 year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
    if (year < 1000 || year > 9999)
        return QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC).toString(Qt::ISODateWithMs);
    char text[24];
    auto put = [&text](int at, qint64 value, int digits) {
        for (int index = at + digits - 1; index >= at; --index, value /= 10)
            text[index] = char('0' + value % 10);
    };
    put(0, year, 4);
    text[4] = '-';
    put(5, month, 2);
    text[7] = '-';
    put(8, day, 2);
    text[10] = 'T';
    put(11, msOfDay / 3600000, 2);
    text[13] = ':';
    put(14, msOfDay / 60000 % 60, 2);
    text[16] = ':';
    put(17, msOfDay / 1000 % 60, 2);
    text[19] = '.';
    put(20, msOfDay % 1000, 3);
    text[23] = 'Z';
    return QString::fromLatin1(text, sizeof text);
}

} // namespace fieldsync::protocol
