#include "AppliedOnlyAnswer.h"

#include "JsonReader.h"

#include <QByteArrayView>

namespace fieldsync::protocol {

namespace {

// Far below Qt's nesting limit, so that a record parsed on its own (two levels up from where it
// sits in the body) is never one the whole body would be refused for.
constexpr int MaxDataDepth = 64;
// Far below what QJsonDocument takes in one body.
constexpr qsizetype MaxBodyBytes = 64 * 1024 * 1024;
// At most 15 digits: every such integer is exact as a double, as JsonReader::integer() reads it.
constexpr int MaxDigits = 15;

class Reader
{
public:
    explicit Reader(const QByteArray &body)
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

    // A string of printable ASCII without quotes or escapes, up to its closing quote (the opening
    // one is already read); such a string is its own text.
    std::optional<QString> plainString()
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
        const QString text = QString::fromLatin1(m_text + start, m_at - start);
        ++m_at;
        return text;
    }

    // A JSON integer as the grammar allows it (no sign, no leading zero), of at most MaxDigits.
    std::optional<qint64> count()
    {
        const qsizetype start = m_at;
        qint64 value = 0;
        while (m_at < m_size && m_text[m_at] >= '0' && m_text[m_at] <= '9') {
            value = value * 10 + (m_text[m_at] - '0');
            ++m_at;
        }
        const qsizetype digits = m_at - start;
        if (digits == 0 || digits > MaxDigits || (digits > 1 && m_text[start] == '0'))
            return std::nullopt;
        return value;
    }

    // The text of the object at the cursor, found by its braces outside strings; whether it is
    // an object at all is for the parser to say.
    std::optional<QByteArrayView> objectText()
    {
        if (m_at == m_size || m_text[m_at] != '{')
            return std::nullopt;
        const qsizetype start = m_at;
        int depth = 0;
        while (m_at < m_size) {
            const char c = m_text[m_at++];
            if (c == '"') {
                while (m_at < m_size && m_text[m_at] != '"')
                    m_at += m_text[m_at] == '\\' ? 2 : 1;
                if (m_at >= m_size)
                    return std::nullopt;
                ++m_at;
            } else if (c == '{' || c == '[') {
                if (++depth > MaxDataDepth)
                    return std::nullopt;
            } else if (c == '}' || c == ']') {
                if (--depth == 0)
                    return QByteArrayView(m_text + start, m_at - start);
            }
        }
        return std::nullopt;
    }

private:
    const char *m_text;
    qsizetype m_size;
    qsizetype m_at = 0;
};

// One entry of applied, up to its closing brace; its data's text goes to dataJson.
std::optional<AppliedChange> appliedEntry(Reader &reader, QByteArray &dataJson)
{
    if (!reader.literal("{\"data\":"))
        return std::nullopt;
    const std::optional<QByteArrayView> dataText = reader.objectText();
    if (!dataText || !dataText->isValidUtf8())
        return std::nullopt;
    dataJson = dataText->toByteArray();
    Result<QJsonObject> data = JsonReader::parseObject(dataJson);
    if (!data)
        return std::nullopt;
    AppliedChange applied;
    applied.data = std::move(data).value();
    std::optional<QString> id;
    std::optional<QString> offlineId;
    std::optional<qint64> version;
    if (!reader.literal(",\"id\":\"") || !(id = reader.plainString()) ||
        !reader.literal(",\"offline_id\":\"") || !(offlineId = reader.plainString()) ||
        !reader.literal(",\"version\":") || !(version = reader.count()) || *version < 1 ||
        !reader.literal("}"))
        return std::nullopt;
    applied.id = *id;
    applied.offlineId = *offlineId;
    applied.version = *version;
    return applied;
}

} // namespace

std::optional<PushResponse> decodeAppliedOnlyAnswer(const QByteArray &body)
{
    if (body.size() > MaxBodyBytes)
        return std::nullopt;
    Reader reader(body);
    if (!reader.literal("{\"applied\":["))
        return std::nullopt;
    PushResponse response;
    if (!reader.literal("]")) {
        do {
            QByteArray dataJson;
            std::optional<AppliedChange> applied = appliedEntry(reader, dataJson);
            if (!applied)
                return std::nullopt;
            response.applied.append(std::move(*applied));
            response.appliedDataJson.append(std::move(dataJson));
        } while (reader.literal(","));
        if (!reader.literal("]"))
            return std::nullopt;
    }
    if (!reader.literal(",\"conflicts\":[],\"cursor\":"))
        return std::nullopt;
    const std::optional<qint64> cursor = reader.count();
    if (!cursor || !reader.literal(",\"rejected\":[]}") || !reader.atEnd())
        return std::nullopt;
    response.cursor = *cursor;
    return response;
}

} // namespace fieldsync::protocol
