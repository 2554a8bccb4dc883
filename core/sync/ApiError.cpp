#include "ApiError.h"

#include "protocol/ProtocolInfo.h"

namespace fieldsync {

namespace {

// An error that is not FieldSync's own JSON comes from something else on the way (a proxy, a
// captive portal, another web server): a web page's markup tells a person nothing, a short
// plain-text reason may.
QString messageOfForeignAnswer(const QByteArray &body)
{
    const QByteArray text = body.trimmed();
    if (text.isEmpty())
        return QStringLiteral("no explanation in the answer");
    if (text.startsWith('<'))
        return QStringLiteral("the answer is a web page, not from a FieldSync server");
    const QString plain = QString::fromUtf8(text.left(120)).simplified();
    return text.size() > 120 ? plain + QStringLiteral("...") : plain;
}

} // namespace

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

ApiError ApiError::fromHttpStatus(int status, const QByteArray &body, const QByteArray &retryAfter)
{
    ApiError error;
    error.httpStatus = status;
    const Result<protocol::ErrorBody> parsed = protocol::ErrorBody::fromJson(body);
    error.code = parsed ? parsed.value().code : QStringLiteral("http_%1").arg(status);
    error.message = parsed ? parsed.value().message : messageOfForeignAnswer(body);
    if (status == 401)
        error.kind = Kind::Unauthorized;
    else if (status == 403)
        error.kind = Kind::Forbidden;
    else if (status == 413)
        error.kind = Kind::TooLarge;
    else if (status == 426)
        error.kind = Kind::UpdateNeeded;
    else if (status == 429)
        error.kind = Kind::RateLimited;
    else if (status >= 500)
        error.kind = Kind::ServerError;
    else
        error.kind = Kind::BadRequest;
    bool ok = false;
    const int seconds = retryAfter.trimmed().toInt(&ok);
    if (ok && seconds >= 0)
        error.retryAfterSeconds = seconds;
    return error;
}

ApiError ApiError::protocolViolation(const Error &decodeError)
{
    ApiError error;
    error.kind = Kind::Protocol;
    error.code = decodeError.code;
    error.message = QStringLiteral("the server's answer is not valid protocol v1: ") + decodeError.message;
    return error;
}

QString ApiError::describe() const
{
    QString text = message.isEmpty() ? code : message;
    if (httpStatus > 0)
        text = QStringLiteral("HTTP %1: %2").arg(httpStatus).arg(text);
    return text;
}

} // namespace fieldsync
