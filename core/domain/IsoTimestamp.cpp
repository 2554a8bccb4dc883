#include "IsoTimestamp.h"

#include <QDate>

namespace fieldsync::IsoTimestamp {

namespace {

class Cursor
{
public:
    explicit Cursor(QStringView text)
        : m_text(text)
    {}

    bool atEnd() const { return m_at >= m_text.size(); }
    bool peek(char16_t c) const { return !atEnd() && m_text[m_at] == c; }
    bool take(char16_t c)
    {
        if (!peek(c))
            return false;
        ++m_at;
        return true;
    }
    bool peekDigit() const { return !atEnd() && m_text[m_at] >= u'0' && m_text[m_at] <= u'9'; }
    // Exactly count digits as a number, or -1.
    int digits(int count)
    {
        int value = 0;
        for (int i = 0; i < count; ++i) {
            if (!peekDigit())
                return -1;
            value = value * 10 + (m_text[m_at++].unicode() - u'0');
        }
        return value;
    }

private:
    QStringView m_text;
    qsizetype m_at = 0;
};

constexpr qint64 MsPerMinute = 60 * 1000;
constexpr qint64 MsPerDay = 24 * 60 * MsPerMinute;
constexpr qint64 UnixEpochJulianDay = 2440588;

} // namespace

std::optional<qint64> parseZoned(QStringView text)
{
    Cursor at(text);
    const int year = at.digits(4);
    if (year < 0 || !at.take(u'-'))
        return std::nullopt;
    const int month = at.digits(2);
    if (month < 0 || !at.take(u'-'))
        return std::nullopt;
    const int day = at.digits(2);
    if (day < 0 || !at.take(u'T'))
        return std::nullopt;
    const int hour = at.digits(2);
    if (hour < 0 || hour > 24 || !at.take(u':'))
        return std::nullopt;
    const int minute = at.digits(2);
    if (minute < 0 || minute > 59)
        return std::nullopt;
    int second = 0;
    int millisecond = 0;
    if (at.take(u':')) {
        second = at.digits(2);
        if (second < 0 || second > 59)
            return std::nullopt;
        if (at.take(u'.')) {
            if (!at.peekDigit())
                return std::nullopt;
            // To the nearest millisecond, as QDateTime reads it (.9996 is the next second).
            int scale = 100;
            bool roundUp = false;
            for (int place = 0; at.peekDigit(); ++place) {
                const int digit = at.digits(1);
                if (place < 3)
                    millisecond += digit * scale;
                else if (place == 3)
                    roundUp = digit >= 5;
                scale /= 10;
            }
            millisecond += roundUp ? 1 : 0;
        }
    }
    int offsetMinutes = 0;
    if (!at.take(u'Z')) {
        const bool ahead = at.peek(u'+');
        if (!at.take(u'+') && !at.take(u'-'))
            return std::nullopt;
        const int offsetHours = at.digits(2);
        if (offsetHours < 0 || offsetHours > 23 || !at.take(u':'))
            return std::nullopt;
        const int offsetMins = at.digits(2);
        if (offsetMins < 0 || offsetMins > 59)
            return std::nullopt;
        offsetMinutes = (offsetHours * 60 + offsetMins) * (ahead ? 1 : -1);
    }
    if (!at.atEnd() || !QDate::isValid(year, month, day))
        return std::nullopt;
    // 24:00 is the end of the day, the next one's midnight (ISO 8601 and QDateTime): nothing later.
    if (hour == 24 && (minute != 0 || second != 0 || millisecond != 0))
        return std::nullopt;
    const qint64 days = QDate(year, month, day).toJulianDay() - UnixEpochJulianDay;
    return days * MsPerDay + (hour * 60 + minute - offsetMinutes) * MsPerMinute + second * 1000 + millisecond;
}

} // namespace fieldsync::IsoTimestamp
