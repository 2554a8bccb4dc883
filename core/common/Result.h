#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace fieldsync {

// A failure the caller must look at: a stable machine code (used on the wire and in tests)
// and a sentence for people.
struct Error
{
    QString code;
    QString message;

    QString toString() const { return message.isEmpty() ? code : code + QStringLiteral(": ") + message; }
};

// Errors are values: a function that can fail returns Result<T>, and [[nodiscard]] makes the
// compiler complain when a caller drops it on the floor.
template<typename T> class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_state(std::move(value))
    {}
    Result(Error error)
        : m_state(std::move(error))
    {}

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<T>(m_state); }
    T &value() & { return std::get<T>(m_state); }
    T &&value() && { return std::get<T>(std::move(m_state)); }
    const Error &error() const { return std::get<Error>(m_state); }

private:
    std::variant<T, Error> m_state;
};

template<> class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error)
        : m_error(std::move(error))
    {}

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

inline Error makeError(const QString &code, const QString &message = {})
{
    return Error{code, message};
}

} // namespace fieldsync
