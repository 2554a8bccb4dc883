#include "CanonicalJson.h"

#include "JsonStringScan.h"

namespace fieldsync::CanonicalJson {

namespace {

int lowerHexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

// The control characters JsonWriter writes in a short form (\b, \t, \n, \f, \r) rather than as
// \u00XX.
bool hasShortEscape(int unit)
{
    return unit == 0x08 || unit == 0x09 || unit == 0x0a || unit == 0x0c || unit == 0x0d;
}

class Scanner : public TextCursor
{
public:
    using TextCursor::TextCursor;

    // visitor, when given, sees each member of this object (not of those inside it); onlyBools,
    // when given, is cleared if a value is neither true nor false.
    bool object(int depth, MemberVisitor *visitor = nullptr, bool *onlyBools = nullptr)
    {
        if (depth > MaxDepth || !take('{'))
            return false;
        if (take('}'))
            return true;
        QByteArrayView previous;
        bool first = true;
        do {
            const qsizetype keyAt = at;
            const std::optional<StringText> key = string(m_text, keyAt);
            if (!key || !key->plain)
                return false;
            const QByteArrayView name = m_text.sliced(keyAt + 1, key->end - keyAt - 2);
            // Ascending as QString compares them (the order QJsonObject keeps and JsonWriter
            // writes): for ASCII, byte by byte, a prefix first.
            if (!first && !(previous.compare(name) < 0))
                return false;
            previous = name;
            first = false;
            at = key->end;
            if (!take(':'))
                return false;
            if (onlyBools && !(at < m_text.size() && (m_text[at] == 't' || m_text[at] == 'f')))
                *onlyBools = false;
            Member member;
            member.key = name;
            member.valueAt = at;
            if (!value(depth, visitor ? &member : nullptr))
                return false;
            if (visitor && !visitor->member(member))
                return false;
        } while (take(','));
        return take('}');
    }

private:
    bool array(int depth, Member *member)
    {
        if (depth > MaxDepth || !take('['))
            return false;
        if (take(']'))
            return true;
        do {
            if (member && (at >= m_text.size() || m_text[at] != '"'))
                member->onlyStrings = false;
            if (!value(depth, nullptr))
                return false;
        } while (take(','));
        return take(']');
    }

    // member, when given, is told what the value is.
    bool value(int depth, Member *member)
    {
        if (at >= m_text.size())
            return false;
        const char first = m_text[at];
        if (member)
            member->kind = first;
        switch (first) {
        case '"': {
            const std::optional<StringText> text = string(m_text, at);
            if (!text)
                return false;
            if (member)
                member->string = *text;
            at = text->end;
            return true;
        }
        case '{':
            if (member)
                member->onlyBools = true;
            return object(depth + 1, nullptr, member ? &member->onlyBools : nullptr);
        case '[':
            return array(depth + 1, member);
        case 't':
            return literal("true", 4);
        case 'f':
            return literal("false", 5);
        case 'n':
            return literal("null", 4);
        default:
            return false;
        }
    }
};

// Keeps what it sees as an outline, its places counted from the object's start.
class Outliner : public MemberVisitor
{
public:
    Outliner(QByteArrayView text, qsizetype start, Outline &outline)
        : m_text(text)
        , m_start(start)
        , m_outline(outline)
    {}

    bool member(const Member &member) override
    {
        StringText string = member.string;
        if (member.kind == '"')
            string.end -= m_start;
        m_outline.push_back(OutlinedMember{member.key.data() - m_text.data() - m_start, member.key.size(),
                                           member.valueAt - m_start, member.kind, string, member.onlyStrings,
                                           member.onlyBools});
        return true;
    }

private:
    QByteArrayView m_text;
    qsizetype m_start;
    Outline &m_outline;
};

} // namespace

std::optional<StringText> string(QByteArrayView text, qsizetype at)
{
    const char *const data = text.data();
    const qsizetype size = text.size();
    if (at >= size || data[at] != '"')
        return std::nullopt;
    qsizetype i = at + 1;
    qsizetype units = 0;
    bool plain = true;
    while (true) {
        const qsizetype run = i;
        // The first byte a string does not hold as it is: the quote, the backslash, a control
        // character, any byte of UTF-8 past ASCII.
        i = jsonscan::nextStringStop<true>(data, i, size);
        units += i - run;
        if (i >= size)
            return std::nullopt;
        const uchar c = uchar(data[i]);
        if (c == '"')
            break;
        if (c < 0x20)
            return std::nullopt;
        plain = false;
        if (c == '\\') {
            if (size - i < 2)
                return std::nullopt;
            const char escaped = data[i + 1];
            if (escaped == '"' || escaped == '\\' || escaped == 'b' || escaped == 'f' || escaped == 'n' ||
                escaped == 'r' || escaped == 't') {
                i += 2;
                ++units;
                continue;
            }
            // Only a control character without a short form is written as \u00XX, in lower case.
            if (escaped != 'u' || size - i < 6 || data[i + 2] != '0' || data[i + 3] != '0')
                return std::nullopt;
            const int high = lowerHexValue(data[i + 4]);
            const int low = lowerHexValue(data[i + 5]);
            if (high < 0 || high > 1 || low < 0 || hasShortEscape(high * 16 + low))
                return std::nullopt;
            i += 6;
            ++units;
            continue;
        }
        qsizetype length = 0;
        char32_t point = 0;
        if (c >= 0xc2 && c <= 0xdf) {
            length = 2;
            point = c & 0x1f;
        } else if (c >= 0xe0 && c <= 0xef) {
            length = 3;
            point = c & 0x0f;
        } else if (c >= 0xf0 && c <= 0xf4) {
            length = 4;
            point = c & 0x07;
        } else {
            return std::nullopt;
        }
        if (size - i < length)
            return std::nullopt;
        for (qsizetype k = 1; k < length; ++k) {
            const uchar continuation = uchar(data[i + k]);
            if ((continuation & 0xc0) != 0x80)
                return std::nullopt;
            point = (point << 6) | (continuation & 0x3f);
        }
        const bool overlong = (length == 3 && point < 0x800) || (length == 4 && point < 0x10000);
        const bool surrogate = point >= 0xd800 && point <= 0xdfff;
        const bool nonCharacter = (point >= 0xfdd0 && point <= 0xfdef) || (point & 0xfffe) == 0xfffe;
        if (overlong || surrogate || nonCharacter || point > 0x10ffff)
            return std::nullopt;
        i += length;
        units += length == 4 ? 2 : 1;
    }
    return StringText{i + 1, units, plain};
}

QString decoded(QByteArrayView text, qsizetype at, const StringText &string)
{
    const char *const data = text.data();
    if (string.plain)
        return QString::fromLatin1(data + at + 1, string.end - at - 2);
    QString result;
    result.reserve(string.utf16Length);
    const qsizetype end = string.end - 1;
    qsizetype i = at + 1;
    while (i < end) {
        const qsizetype start = i;
        while (i < end && data[i] != '\\')
            ++i;
        if (i > start)
            result.append(QString::fromUtf8(data + start, i - start));
        if (i == end)
            break;
        // Only the escapes string() takes can be here.
        switch (data[i + 1]) {
        case 'b':
            result.append(QChar(u'\b'));
            break;
        case 'f':
            result.append(QChar(u'\f'));
            break;
        case 'n':
            result.append(QChar(u'\n'));
            break;
        case 'r':
            result.append(QChar(u'\r'));
            break;
        case 't':
            result.append(QChar(u'\t'));
            break;
        case 'u':
            result.append(QChar(char16_t(lowerHexValue(data[i + 4]) * 16 + lowerHexValue(data[i + 5]))));
            i += 6;
            continue;
        default: // the quote and the backslash
            result.append(QChar(char16_t(data[i + 1])));
            break;
        }
        i += 2;
    }
    return result;
}

std::optional<qsizetype> objectEnd(QByteArrayView text, qsizetype at)
{
    return objectEnd(text, at, nullptr);
}

std::optional<qsizetype> objectEnd(QByteArrayView text, qsizetype at, MemberVisitor *visitor)
{
    Scanner scanner(text);
    scanner.at = at;
    if (!scanner.object(1, visitor))
        return std::nullopt;
    return scanner.at;
}

std::optional<qsizetype> objectEnd(QByteArrayView text, qsizetype at, Outline &outline)
{
    outline.clear();
    Outliner outliner(text, at, outline);
    return objectEnd(text, at, &outliner);
}

} // namespace fieldsync::CanonicalJson
