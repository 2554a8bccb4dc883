#pragma once

#include <QCoreApplication>
#include <QDateTime>

namespace fieldsync::ui {

// Times as people read them: "5 min ago", the locale's short date and time without seconds (a
// permit is valid to the minute), and compact list cells.
class UiTime
{
    Q_DECLARE_TR_FUNCTIONS(UiTime)

public:
    static QString timeAgo(const QDateTime &then, const QDateTime &now);
    static QString dateTimeText(const QString &isoTimestamp);
    // Compact for lists: the time for today, the date otherwise.
    static QString shortDateTimeText(const QString &isoTimestamp);
    static QString dateTimeEditFormat();
    static QString dateEditFormat();
};

} // namespace fieldsync::ui
