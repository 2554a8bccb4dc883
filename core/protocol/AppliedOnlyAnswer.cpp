#include "AppliedOnlyAnswer.h"
#include "JsonReader.h"
#include "PlainJsonCursor.h"
#include "common/CanonicalJson.h"
#include "common/JsonStringScan.h"

#include <QByteArrayView>
#include <QJsonDocument>

namespace fieldsync::protocol {

namespace {

// Far below Qt's nesting limit, so that a record parsed on its own (two levels up from where it
// sits in the body) is never one the whole body would be refused for.
constexpr int MaxDataDepth = 64;
// Far below what QJsonDocument takes in one body.
constexpr qsizetype MaxBodyBytes = 64 * 1024 * 1024;

class Reader : public PlainJsonCursor
{
public:
    using PlainJsonCursor::PlainJsonCursor;

    // The text of the object at the cursor, found by its braces outside strings, and the keys
    // written in it (a string followed by a colon, counted as JsonReader::parseObject counts them to
    // find a key named twice). Whether it is an object at all is for the parser to say. Text that
    // parseObject would refuse for its strings (a raw control character, an escaped half of a
    // surrogate pair) gives nothing, and so does any \u escape that is not four hex digits of
    // another character: such text is left to the general way, which says what is wrong with it.
    std::optional<QByteArrayView> objectText(qsizetype &keysWritten)
    {
        if (m_at == m_size || m_text[m_at] != '{')
            return std::nullopt;
        const qsizetype start = m_at;
        int depth = 0;
        bool stringJustEnded = false;
        while (m_at < m_size) {
            const char c = m_text[m_at++];
            if (c == '"') {
                if (!skipString())
                    return std::nullopt;
                stringJustEnded = true;
                continue;
            }
            if (c == ':' && stringJustEnded) {
                ++keysWritten;
                stringJustEnded = false;
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
                continue;
            stringJustEnded = false;
            if (c == '{' || c == '[') {
                if (++depth > MaxDataDepth)
                    return std::nullopt;
            } else if (c == '}' || c == ']') {
                if (--depth == 0)
                    return QByteArrayView(m_text + start, m_at - start);
            }
        }
        return std::nullopt;
    }

    // The object at the cursor when it is written exactly as JsonWriter writes it: such text is
    // what JsonReader::parseObject() takes, and the object it holds is written back as this text.
    // outline: its members.
    std::optional<QByteArrayView> canonicalObjectText(CanonicalJson::Outline &outline)
    {
        const QByteArrayView all(m_text, m_size);
        const std::optional<qsizetype> end = CanonicalJson::objectEnd(all, m_at, outline);
        if (!end)
            return std::nullopt;
        const QByteArrayView text = all.sliced(m_at, *end - m_at);
        m_at = *end;
        return text;
    }

private:
    // Past the closing quote of the string whose opening quote was just read; false for a string
    // objectText() leaves to the general way, or one not closed.
    bool skipString()
    {
        for (;;) {
            // Most of a record is the inside of strings: runs without a quote, a backslash or a
            // control character are passed over eight bytes at a time.
            while (m_size - m_at >= 8 && !jsonscan::holdsStringSpecial(m_text + m_at))
                m_at += 8;
            if (m_at >= m_size)
                return false;
            const uchar c = uchar(m_text[m_at]);
            if (c == '"') {
                ++m_at;
                return true;
            }
            if (c < 0x20)
                return false;
            if (c != '\\') {
                ++m_at;
                continue;
            }
            if (m_size - m_at < 2)
                return false;
            if (m_text[m_at + 1] != 'u') {
                m_at += 2;
                continue;
            }
            if (m_size - m_at < 6)
                return false;
            uint unit = 0;
            for (int digit = 2; digit < 6; ++digit) {
                const int value = jsonscan::hexDigitValue(m_text[m_at + digit]);
                if (value < 0)
                    return false;
                unit = unit * 16 + uint(value);
            }
            if (unit >= 0xD800 && unit <= 0xDFFF)
                return false;
            m_at += 6;
        }
    }
};

// The members of an entry of applied after its data, up to its closing brace.
std::optional<AppliedChange> rest(Reader &reader, AppliedChange applied)
{
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

// One entry of applied, up to its closing brace; its data's text goes to dataJson.
std::optional<AppliedChange> appliedEntry(Reader &reader, QByteArray &dataJson,
                                          PushResponse::AppliedData appliedData)
{
    if (!reader.literal("{\"data\":"))
        return std::nullopt;
    AppliedChange applied;
    if (appliedData == PushResponse::AppliedData::TextWhenCanonical) {
        // Such text is what parseObject() takes (each key once), and the device reads it as it is.
        if (const std::optional<QByteArrayView> canonical = reader.canonicalObjectText(applied.dataOutline)) {
            dataJson = canonical->toByteArray();
            applied.dataAsText = true;
            return rest(reader, std::move(applied));
        }
    }
    applied.dataOutline.clear();
    qsizetype keysWritten = 0;
    const std::optional<QByteArrayView> dataText = reader.objectText(keysWritten);
    if (!dataText || !dataText->isValidUtf8())
        return std::nullopt;
    dataJson = dataText->toByteArray();
    // What JsonReader::parseObject(dataJson) accepts, given what objectText() refused already:
    // its strings need no second look, only whether a key was named twice (Qt keeps one of them).
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(dataJson, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    applied.data = document.object();
    if (JsonReader::keysIn(applied.data) != keysWritten)
        return std::nullopt;
    return rest(reader, std::move(applied));
}

} // namespace

std::optional<PushResponse> decodeAppliedOnlyAnswer(const QByteArray &body,
                                                    PushResponse::AppliedData appliedData)
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
            std::optional<AppliedChange> applied = appliedEntry(reader, dataJson, appliedData);
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
