#pragma once

#include <QByteArrayView>
#include <QString>

#include <cstring>
#include <optional>
#include <vector>

// Reading JSON text that is already exactly what JsonWriter writes, so that a fast path can keep
// the text instead of parsing it into Qt's objects and encoding them again. Each read takes only
// text in that one form and of the plain kind below, and gives nothing for anything else, valid
// JSON or not: the caller then parses it the general way.
namespace fieldsync::CanonicalJson {

// Reads text part by part for the readers of canonical text (objectEnd() and NewRecordText's):
// each read takes exactly what it expects or fails, and moves on past what it took.
class TextCursor
{
public:
    explicit TextCursor(QByteArrayView text)
        : m_text(text)
    {}

    qsizetype at = 0;

    bool take(char c)
    {
        if (at < m_text.size() && m_text[at] == c) {
            ++at;
            return true;
        }
        return false;
    }

    bool literal(const char *word, qsizetype length)
    {
        if (m_text.size() - at < length || std::memcmp(m_text.data() + at, word, length) != 0)
            return false;
        at += length;
        return true;
    }

protected:
    QByteArrayView m_text;
};

// How deep objectEnd() follows arrays and objects; deeper ones are left to a parser.
constexpr int MaxDepth = 16;

// A string as JsonWriter writes it, read from its opening quote.
struct StringText
{
    qsizetype end = 0;         // one past the closing quote
    qsizetype utf16Length = 0; // of the string it holds, as QString::size() counts it
    bool plain = false;        // only ASCII, no escapes: the bytes between the quotes are the string
};

// The string whose opening quote is at text[at], when it is written exactly as JsonWriter writes
// the string Qt's parser reads from it: ASCII from the space on and well-formed UTF-8 as they
// are; the quote, the backslash and control characters escaped in JsonWriter's forms. Nothing for
// any other text, and for what is left to a parser on purpose: an escaped half of a surrogate
// pair (JsonReader's strict readers refuse it) and noncharacters.
std::optional<StringText> string(QByteArrayView text, qsizetype at);

// The string that string() read at text[at].
QString decoded(QByteArrayView text, qsizetype at, const StringText &string);

// One past the end of the object at text[at], when it is written exactly as JsonWriter::compact()
// writes the object QJsonDocument::fromJson() reads from it, and of the plain kind: keys plain
// (StringText::plain) and in ascending order (so each once), values strings, true, false, null
// and arrays and objects of them, nested at most MaxDepth deep, no numbers. Whatever this takes,
// JsonReader::parseObjectAt() takes too, and JsonWriter writes the object it reads back as these
// very bytes (tst_canonicaljson). Nothing for anything else.
std::optional<qsizetype> objectEnd(QByteArrayView text, qsizetype at);

// A member of the object objectEnd() reads, as its visitor sees it once the value is read.
struct Member
{
    QByteArrayView key; // plain (StringText::plain): the key itself
    qsizetype valueAt = 0;
    char kind = 0;           // the value's first byte: '"', 't', 'f', 'n', '[' or '{'
    StringText string;       // the value, when it is a string
    bool onlyStrings = true; // an array: whether each of its items is a string
    bool onlyBools = false;  // an object: whether each of its values is true or false
};

class MemberVisitor
{
public:
    virtual ~MemberVisitor() = default;
    // False stops the reading, and objectEnd() then gives nothing.
    virtual bool member(const Member &member) = 0;
};

// A member as a MemberVisitor saw it, kept by its places in the object's text (the object
// starting at 0): what a second look at the members needs without reading the text again.
struct OutlinedMember
{
    qsizetype keyAt = 0; // the key's first byte, past its quote
    qsizetype keySize = 0;
    qsizetype valueAt = 0;
    char kind = 0;
    StringText string; // its end, too, counted from the object's start
    bool onlyStrings = true;
    bool onlyBools = false;

    // The member as the visitor saw it, in the object's text.
    Member in(QByteArrayView objectText) const
    {
        return Member{objectText.sliced(keyAt, keySize), valueAt, kind, string, onlyStrings, onlyBools};
    }
};
using Outline = std::vector<OutlinedMember>;

// objectEnd(), telling visitor about each member of the object (not of the objects inside it)
// in the order the text has them.
std::optional<qsizetype> objectEnd(QByteArrayView text, qsizetype at, MemberVisitor *visitor);

// objectEnd(), keeping the outline of each member of the object in outline.
std::optional<qsizetype> objectEnd(QByteArrayView text, qsizetype at, Outline &outline);

} // namespace fieldsync::CanonicalJson
