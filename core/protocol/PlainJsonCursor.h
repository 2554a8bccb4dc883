#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QLatin1String>
#include <QString>

#include <optional>

namespace fieldsync::protocol {

// Reading JSON as FieldSync itself writes it (compact, keys in a known order, plain strings),
// straight from the bytes: the shared part of the fast readers of a push request and of its
// answer. Each read either takes exactly what it expects and moves on, or gives nothing; the
// caller then leaves the whole body to the general decoding, which says what is wrong with it.
class PlainJsonCursor
{
public:
    explicit PlainJsonCursor(const QByteArray &body)
        : m_text(body.constData())
        , m_size(body.size())
    {}

    bool atEnd() const { return m_at == m_size; }

    bool literal(QByteArrayView text)
    {
        if (m_size - m_at < text.size() || QByteArrayView(m_text + m_at, text.size()) != text)
            return false;
        m_at += text.size();
        return true;
    }

    // A string of printable ASCII without escapes, up to its closing quote (the opening one is
    // already read): such a string is its own text, read as Latin-1 as Qt would read it.
    std::optional<QLatin1String> plainText()
    {
        const qsizetype start = m_at;
        while (m_at < m_size && m_text[m_at] != '"') {
            const uchar c = uchar(m_text[m_at]);
            if (c < 0x20 || c > 0x7E || c == '\\')
                return std::nullopt;
            ++m_at;
        }
        if (m_at == m_size)
            return std::nullopt;
        return QLatin1String(m_text + start, m_at++ - start);
    }

    std::optional<QString> plainString()
    {
        const std::optional<QLatin1String> text = plainText();
        if (!text)
            return std::nullopt;
        return QString(*text);
    }

    // A JSON integer as the grammar allows it (no sign, no leading zero), of at most MaxDigits.
    std::optional<qint64> count()
    {
        const qsizetype start = m_at;
        qint64 value = 0;
        while (m_at < m_size && m_text[m_at] >= '0' && m_text[m_at] <= '9') {
            // Refused before a digit too many could overflow the value (undefined behaviour).
            if (m_at - start == MaxDigits)
                return std::nullopt;
            value = value * 10 + (m_text[m_at] - '0');
            ++m_at;
        }
        const qsizetype digits = m_at - start;
        if (digits == 0 || (digits > 1 && m_text[start] == '0'))
            return std::nullopt;
        return value;
    }

    // Every integer of at most this many digits is exact as a double, as JsonReader::integer()
    // reads it.
    static constexpr int MaxDigits = 15;

protected:
    const char *m_text;
    qsizetype m_size;
    qsizetype m_at = 0;
};

} // namespace fieldsync::protocol
