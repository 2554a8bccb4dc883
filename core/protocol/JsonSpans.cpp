#include "JsonSpans.h"

#include <QByteArrayView>

namespace fieldsync::protocol {

namespace {

// Walks a body whose JSON is known to be well formed, one value at a time.
class Cursor
{
public:
    explicit Cursor(const QByteArray &body)
        : m_text(body.constData())
        , m_size(body.size())
    {}

    bool atEnd() const { return m_at >= m_size; }

    void skipSpace()
    {
        while (!atEnd() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r'))
            ++m_at;
    }

    // Consumes c (after any space) when it comes next.
    bool take(char c)
    {
        skipSpace();
        if (atEnd() || peek() != c)
            return false;
        ++m_at;
        return true;
    }

    // A string at the cursor; its raw text between the quotes.
    std::optional<QByteArrayView> string()
    {
        skipSpace();
        if (atEnd() || peek() != '"')
            return std::nullopt;
        const qsizetype start = ++m_at;
        while (!atEnd() && peek() != '"')
            m_at += peek() == '\\' ? 2 : 1;
        if (atEnd())
            return std::nullopt;
        return QByteArrayView(m_text + start, m_at++ - start);
    }

    // Any value at the cursor; its raw text.
    std::optional<QByteArrayView> value()
    {
        skipSpace();
        if (atEnd())
            return std::nullopt;
        const qsizetype start = m_at;
        if (peek() == '"') {
            if (!string())
                return std::nullopt;
        } else if (peek() == '{' || peek() == '[') {
            int depth = 0;
            do {
                const char c = peek();
                if (c == '"') {
                    if (!string())
                        return std::nullopt;
                    continue;
                }
                if (c == '{' || c == '[')
                    ++depth;
                else if (c == '}' || c == ']')
                    --depth;
                ++m_at;
            } while (depth > 0 && !atEnd());
            if (depth > 0)
                return std::nullopt;
        } else {
            while (!atEnd() && peek() != ',' && peek() != '}' && peek() != ']' && peek() != ' ' &&
                   peek() != '\t' && peek() != '\n' && peek() != '\r')
                ++m_at;
        }
        return QByteArrayView(m_text + start, m_at - start);
    }

private:
    char peek() const { return m_text[m_at]; }

    const char *m_text;
    qsizetype m_size;
    qsizetype m_at = 0;
};

// In the object at the cursor, the text of key's value; the cursor ends after the object.
std::optional<QByteArrayView> memberOf(Cursor &cursor, QByteArrayView key)
{
    if (!cursor.take('{'))
        return std::nullopt;
    std::optional<QByteArrayView> found;
    if (cursor.take('}'))
        return std::nullopt;
    do {
        const std::optional<QByteArrayView> name = cursor.string();
        if (!name || !cursor.take(':'))
            return std::nullopt;
        const std::optional<QByteArrayView> value = cursor.value();
        if (!value)
            return std::nullopt;
        if (*name == key)
            found = value;
    } while (cursor.take(','));
    if (!cursor.take('}'))
        return std::nullopt;
    return found;
}

} // namespace

std::optional<QList<QByteArray>> memberOfEach(const QByteArray &body, const char *arrayKey,
                                              const char *memberKey)
{
    Cursor top(body);
    if (!top.take('{') || top.take('}'))
        return std::nullopt;
    do {
        const std::optional<QByteArrayView> name = top.string();
        if (!name || !top.take(':'))
            return std::nullopt;
        if (*name != QByteArrayView(arrayKey)) {
            if (!top.value())
                return std::nullopt;
            continue;
        }
        QList<QByteArray> members;
        if (!top.take('['))
            return std::nullopt;
        if (top.take(']'))
            return members;
        do {
            const std::optional<QByteArrayView> member = memberOf(top, QByteArrayView(memberKey));
            if (!member || !member->isValidUtf8())
                return std::nullopt;
            members.append(member->toByteArray());
        } while (top.take(','));
        if (!top.take(']'))
            return std::nullopt;
        return members;
    } while (top.take(','));
    return std::nullopt;
}

} // namespace fieldsync::protocol
