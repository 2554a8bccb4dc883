#pragma once

#include <QStringView>

#include <optional>

namespace fieldsync::IsoTimestamp {

// The instant a stored timestamp names, in milliseconds since 1970-01-01T00:00Z, or nullopt when
// the text is not one: YYYY-MM-DDTHH:MM, optional :SS and .fraction (any number of digits, read
// to the nearest millisecond), then Z or ±HH:MM; 24:00 is the next day's midnight, as in ISO 8601
// and QDateTime. A day that does not exist in the calendar, a time past 24:00 or an offset past
// 23:59 is not one. Read by hand, because every pushed permit carries several and a regular
// expression plus QDateTime::fromString cost a hundred times more.
std::optional<qint64> parseZoned(QStringView text);

} // namespace fieldsync::IsoTimestamp
