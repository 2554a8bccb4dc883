#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QString>

namespace fieldsync::protocol {

// Sent by a device when it opens the events WebSocket, so that the server does not tell it about
// its own pushes (it pulls after pushing anyway).
inline constexpr char DeviceIdHeader[] = "FieldSync-Device-Id";

// One message on GET /api/v1/sync/events: {"type":"changes","cursor":1300}. Events only hint
// ("pull now"), so a device ignores types it does not know and extra keys, letting a newer
// server add them without breaking older devices.
struct ServerEvent
{
    static inline const QString Changes = QStringLiteral("changes");

    QString type;
    qint64 cursor = 0; // for changes: the server's change sequence after the commit

    QByteArray toJson() const;
    static Result<ServerEvent> fromJson(const QByteArray &body);
    static ServerEvent changes(qint64 cursor) { return ServerEvent{Changes, cursor}; }
};

} // namespace fieldsync::protocol
