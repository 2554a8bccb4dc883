#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QString>

#include <variant>

namespace fieldsync {

// Why a request to the server failed, in the terms the engine decides on: transient failures are
// retried later with the queue kept, permanent ones are shown to a person.
struct ApiError
{
    enum class Kind
    {
        Network,      // refused, reset, DNS, TLS, timeout
        RateLimited,  // 429
        ServerError,  // 5xx
        TooLarge,     // 413: split the batch
        Unauthorized, // 401: signed out
        Forbidden,    // 403
        BadRequest,   // other 4xx
        UpdateNeeded, // 426: this client's protocol is too old
        Protocol,     // the server's answer broke the protocol (a lying or broken server)
    };

    Kind kind = Kind::Network;
    int httpStatus = 0;
    QString code;
    QString message;
    int retryAfterSeconds = -1;

    bool isTransient() const
    {
        return kind == Kind::Network || kind == Kind::RateLimited || kind == Kind::ServerError;
    }
    QString kindName() const;
    QString describe() const;
    Error toError() const { return makeError(kindName(), describe()); }

    // A non-2xx answer: its JSON error body when it has one, the kind its status means, and
    // Retry-After (the raw header value, empty when absent).
    static ApiError fromHttpStatus(int status, const QByteArray &body, const QByteArray &retryAfter);
    // An answer that does not decode as protocol v1 (a broken or lying server).
    static ApiError protocolViolation(const Error &decodeError);
};

template<typename T> class [[nodiscard]] ApiResult
{
public:
    ApiResult(T value)
        : m_state(std::move(value))
    {}
    ApiResult(ApiError error)
        : m_state(std::move(error))
    {}
    bool ok() const { return std::holds_alternative<T>(m_state); }
    const T &value() const { return std::get<T>(m_state); }
    const ApiError &error() const { return std::get<ApiError>(m_state); }

private:
    std::variant<T, ApiError> m_state;
};

} // namespace fieldsync
