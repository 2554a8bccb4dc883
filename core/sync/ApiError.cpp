#include "ApiError.h"

namespace fieldsync {

QString ApiError::kindName() const
{
    switch (kind) {
    case Kind::Network:
        return QStringLiteral("network");
    case Kind::RateLimited:
        return QStringLiteral("rate_limited");
    case Kind::ServerError:
        return QStringLiteral("server_error");
    case Kind::TooLarge:
        return QStringLiteral("too_large");
    case Kind::Unauthorized:
        return QStringLiteral("unauthorized");
    case Kind::Forbidden:
        return QStringLiteral("forbidden");
    case Kind::BadRequest:
        return QStringLiteral("bad_request");
    case Kind::UpdateNeeded:
        return QStringLiteral("update_needed");
    case Kind::Protocol:
        return QStringLiteral("protocol");
    }
    return QStringLiteral("unknown");
}

QString ApiError::describe() const
{
    QString text = message.isEmpty() ? code : message;
    if (httpStatus > 0)
        text = QStringLiteral("HTTP %1: %2").arg(httpStatus).arg(text);
    return text;
}

} // namespace fieldsync
