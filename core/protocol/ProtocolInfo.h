#pragma once

#include "common/Result.h"
#include "domain/Role.h"

#include <QByteArray>
#include <QStringList>

namespace fieldsync::protocol {

constexpr int Version = 1;
inline constexpr char VersionHeader[] = "FieldSync-Protocol";
inline constexpr char SupportedVersionsHeader[] = "FieldSync-Supported-Versions";

namespace Paths {
inline const QString Push = QStringLiteral("/api/v1/sync/push");
inline const QString Pull = QStringLiteral("/api/v1/sync/pull");
inline const QString Events = QStringLiteral("/api/v1/sync/events");
inline const QString Health = QStringLiteral("/api/v1/health");
inline const QString Me = QStringLiteral("/api/v1/me");
inline const QString Audit = QStringLiteral("/api/v1/audit");
} // namespace Paths

// {"error":"code","message":"…"}, the body of every non-2xx answer.
struct ErrorBody
{
    QString code;
    QString message;

    QByteArray toJson() const;
    static Result<ErrorBody> fromJson(const QByteArray &body);
};

struct HealthResponse
{
    QString status;
    QString version;

    QByteArray toJson() const;
    static Result<HealthResponse> fromJson(const QByteArray &body);
};

// Who the token belongs to: lets a device know its role (for workflow buttons) and projects.
struct MeResponse
{
    QString user;
    Role role = Role::Foreman;
    QStringList projects;

    QByteArray toJson() const;
    static Result<MeResponse> fromJson(const QByteArray &body);
};

// The device's clock, which stamps every edit: the system clock plus an offset, so that a test
// can run a device whose clock is days off. FIELDSYNC_CLOCK_OFFSET_SECONDS sets the offset at
// start-up; nothing decides by these stamps (versions do), they are for people and the audit.
QString nowUtcString();
void setClockOffsetMs(qint64 offsetMs);
qint64 clockOffsetMs();

} // namespace fieldsync::protocol
