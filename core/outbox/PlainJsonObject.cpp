#include "PlainJsonObject.h"

#include "common/JsonStringScan.h"

#include <QtGlobal>

#include <cstring>

namespace fieldsync {

namespace {

// Well below SQLite's own limit (JSON_MAX_DEPTH, 2000 up to 3.44; 1000 since).
constexpr int MaxDepth = 500;

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

class Checker
{
public:
    explicit Checker(QByteArrayView text)
        : m_text(text.data())
        , m_size(text.size())
    {}

    bool wholeObject()
    {
        skipSpace();
        if (!at('{') || !value(0))
            return false;
        skipSpace();
        return m_at == m_size;
    }

private:
    bool at(char c) const { return m_at < m_size && m_text[m_at] == c; }

    void skipSpace()
    {
        while (m_at < m_size &&
               (m_text[m_at] == ' ' || m_text[m_at] == '\n' || m_text[m_at] == '\r' || m_text[m_at] == '\t'))
            ++m_at;
    }

    bool literal(const char *word, qsizetype length)
    {
        if (m_size - m_at < length || std::memcmp(m_text + m_at, word, size_t(length)) != 0)
            return false;
        m_at += length;
        return true;
    }

    bool value(int depth)
    {
        if (m_at >= m_size)
            return false;
        switch (m_text[m_at]) {
        case '{':
            return object(depth + 1);
        case '[':
            return array(depth + 1);
        case '"':
            return string();
        case 't':
            return literal("true", 4);
        case 'f':
            return literal("false", 5);
        case 'n':
            return literal("null", 4);
        default:
            return number();
        }
    }

    bool object(int depth)
    {
        if (depth > MaxDepth)
            return false;
        ++m_at; // {
        skipSpace();
        if (at('}')) {
            ++m_at;
            return true;
        }
        for (;;) {
            if (!at('"') || !string())
                return false;
            skipSpace();
            if (!at(':'))
                return false;
            ++m_at;
            skipSpace();
            if (!value(depth))
                return false;
            skipSpace();
            if (at('}')) {
                ++m_at;
                return true;
            }
            if (!at(','))
                return false;
            ++m_at;
            skipSpace();
        }
    }

    bool array(int depth)
    {
        if (depth > MaxDepth)
            return false;
        ++m_at; // [
        skipSpace();
        if (at(']')) {
            ++m_at;
            return true;
        }
        for (;;) {
            if (!value(depth))
                return false;
            skipSpace();
            if (at(']')) {
                ++m_at;
                return true;
            }
            if (!at(','))
                return false;
            ++m_at;
            skipSpace();
        }
    }

    bool string()
    {
        ++m_at; // "
        for (;;) {
            // Straight to the first quote, backslash or control character: the text before it is
            // plain.
            m_at = jsonscan::nextStringSpecial(m_text, m_at, m_size);
            if (m_at >= m_size)
                return false;
            const uchar c = uchar(m_text[m_at]);
            if (c == '"') {
                ++m_at;
                return true;
            }
            if (c < 0x20)
                return false;
            if (m_size - m_at < 2)
                return false;
            switch (m_text[m_at + 1]) {
            case '"':
            case '\\':
            case '/':
            case 'b':
            case 'f':
            case 'n':
            case 'r':
            case 't':
                m_at += 2;
                break;
            case 'u':
                if (m_size - m_at < 6 || jsonscan::hexDigitValue(m_text[m_at + 2]) < 0 ||
                    jsonscan::hexDigitValue(m_text[m_at + 3]) < 0 ||
                    jsonscan::hexDigitValue(m_text[m_at + 4]) < 0 ||
                    jsonscan::hexDigitValue(m_text[m_at + 5]) < 0)
                    return false;
                m_at += 6;
                break;
            default:
                return false;
            }
        }
    }

    // -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?
    bool number()
    {
        if (at('-'))
            ++m_at;
        if (at('0')) {
            ++m_at;
        } else {
            if (m_at >= m_size || !isDigit(m_text[m_at]))
                return false;
            while (m_at < m_size && isDigit(m_text[m_at]))
                ++m_at;
        }
        if (at('.')) {
            ++m_at;
            if (m_at >= m_size || !isDigit(m_text[m_at]))
                return false;
            while (m_at < m_size && isDigit(m_text[m_at]))
                ++m_at;
        }
        if (at('e') || at('E')) {
            ++m_at;
            if (at('+') || at('-'))
                ++m_at;
            if (m_at >= m_size || !isDigit(m_text[m_at]))
                return false;
            while (m_at < m_size && isDigit(m_text[m_at]))
                ++m_at;
        }
        return true;
    }

    const char *m_text;
    qsizetype m_size;
    qsizetype m_at = 0;
};

} // namespace

bool isPlainJsonObject(QByteArrayView text)
{
    return Checker(text).wholeObject();
}

} // namespace fieldsync
