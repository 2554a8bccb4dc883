#pragma once

#include <QStringView>

#include <cstring>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

// Text that JSON holds as it is, written between quotes without JsonWriter's escaping: the ids,
// names and times a push writes again and again are plain ASCII. Anything else is for JsonWriter.
namespace fieldsync::PlainJsonString {

namespace detail {

// Whether the four UTF-16 units at text are all plain (see put()), tested at once in a 64-bit
// word by the bit tricks that find a zero lane or one below a bound (JsonWriter's test too).
inline bool arePlain(const char16_t *text)
{
    constexpr quint64 Ones = 0x0001000100010001ULL;
    constexpr quint64 Highs = 0x8000800080008000ULL;
    quint64 word;
    std::memcpy(&word, text, sizeof word);
    if ((word & (Ones * 0xff80)) != 0)
        return false;
    const auto hasZeroLane = [](quint64 value) { return (value - Ones) & ~value & Highs; };
    const quint64 belowSpace = (word - Ones * 0x20) & ~word & Highs;
    return (belowSpace | hasZeroLane(word ^ (Ones * u'"')) | hasZeroLane(word ^ (Ones * u'\\'))) == 0;
}

} // namespace detail

// Writes text at cursor between quotes when every unit of it is plain ASCII (0x20 to 0x7f) and
// none is a quote or a backslash, which is what JsonWriter writes of such text; returns the end
// of what it wrote. Returns nullptr for any other text, having spoilt the bytes at cursor: the
// caller writes it the general way. cursor has room for text.size() + 2 bytes.
inline char *put(char *cursor, QStringView text)
{
    *cursor++ = '"';
    const char16_t *unit = text.utf16();
    const char16_t *const end = unit + text.size();
#ifdef __SSE2__
    // Eight units at a time: none below 0x20 or above 0x7f (signed, so that 0x8000 and up are
    // below), none a quote or a backslash; then each narrowed to its byte.
    const __m128i belowSpace = _mm_set1_epi16(0x20);
    const __m128i aboveAscii = _mm_set1_epi16(0x7f);
    const __m128i quote = _mm_set1_epi16('"');
    const __m128i backslash = _mm_set1_epi16('\\');
    for (; end - unit >= 8; unit += 8, cursor += 8) {
        const __m128i units = _mm_loadu_si128(reinterpret_cast<const __m128i *>(unit));
        const __m128i escaped =
            _mm_or_si128(_mm_or_si128(_mm_cmplt_epi16(units, belowSpace), _mm_cmpgt_epi16(units, aboveAscii)),
                         _mm_or_si128(_mm_cmpeq_epi16(units, quote), _mm_cmpeq_epi16(units, backslash)));
        if (_mm_movemask_epi8(escaped) != 0)
            return nullptr;
        _mm_storel_epi64(reinterpret_cast<__m128i *>(cursor), _mm_packus_epi16(units, units));
    }
#endif
    for (; end - unit >= 4; unit += 4, cursor += 4) {
        if (!detail::arePlain(unit))
            return nullptr;
        cursor[0] = char(unit[0]);
        cursor[1] = char(unit[1]);
        cursor[2] = char(unit[2]);
        cursor[3] = char(unit[3]);
    }
    for (; unit < end; ++unit) {
        if (*unit < 0x20 || *unit >= 0x80 || *unit == u'"' || *unit == u'\\')
            return nullptr;
        *cursor++ = char(*unit);
    }
    *cursor++ = '"';
    return cursor;
}

} // namespace fieldsync::PlainJsonString
