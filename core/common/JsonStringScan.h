#pragma once

#include <QtEndian>
#include <QtGlobal>

#include <cstring>

// The word-at-a-time string scanning that the fast JSON readers share (JsonReader's strict scan,
// the push request's and the push answer's readers, the outbox's object check): plain string text
// is passed over eight bytes at a time.
namespace fieldsync::jsonscan {

// Whether any of the eight bytes at text is a quote, a backslash or a control character (below
// 0x20), by the bit tricks that find a zero byte or one below a bound in a word: never wrong when
// there is one; the caller looks for it byte by byte.
inline bool holdsStringSpecial(const char *text)
{
    constexpr quint64 Ones = 0x0101010101010101ULL;
    constexpr quint64 Highs = 0x8080808080808080ULL;
    quint64 word;
    std::memcpy(&word, text, sizeof word);
    const auto hasZeroByte = [](quint64 value) { return (value - Ones) & ~value & Highs; };
    const quint64 belowSpace = (word - Ones * 0x20) & ~word & Highs;
    const quint64 quote = hasZeroByte(word ^ (Ones * '"'));
    const quint64 backslash = hasZeroByte(word ^ (Ones * '\\'));
    return (belowSpace | quote | backslash) != 0;
}

// Where the first quote, backslash or control character (and, with StopAtNonAscii, the first byte
// past ASCII) is from text[at] on, or size: the same bit tricks, eight bytes at a time, where the
// lowest byte they mark is always one (a false mark needs a borrow from a lower byte that is one
// itself; a high bit marks its own byte exactly).
template<bool StopAtNonAscii> inline qsizetype nextStringStop(const char *text, qsizetype at, qsizetype size)
{
    constexpr quint64 Ones = 0x0101010101010101ULL;
    constexpr quint64 Highs = 0x8080808080808080ULL;
    const auto hasZeroByte = [](quint64 value) { return (value - Ones) & ~value & Highs; };
    for (; size - at >= 8; at += 8) {
        const quint64 word = qFromLittleEndian<quint64>(text + at);
        const quint64 marks = (StopAtNonAscii ? word & Highs : 0) | ((word - Ones * 0x20) & ~word & Highs) |
                              hasZeroByte(word ^ (Ones * '"')) | hasZeroByte(word ^ (Ones * '\\'));
        if (marks != 0)
            return at + qCountTrailingZeroBits(marks) / 8;
    }
    while (at < size && uchar(text[at]) >= 0x20 && (!StopAtNonAscii || uchar(text[at]) < 0x80) &&
           text[at] != '"' && text[at] != '\\')
        ++at;
    return at;
}

inline qsizetype nextStringSpecial(const char *text, qsizetype at, qsizetype size)
{
    return nextStringStop<false>(text, at, size);
}

// The value of a hex digit, or -1.
inline int hexDigitValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

} // namespace fieldsync::jsonscan
