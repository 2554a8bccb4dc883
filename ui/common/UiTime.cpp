#include "UiTime.h"

#include <QLocale>

namespace fieldsync::ui {

QString UiTime::timeAgo(const QDateTime &then, const QDateTime &now)
{
    const qint64 seconds = std::max<qint64>(0, then.secsTo(now));
    if (seconds < 60)
        return tr("just now");
    if (seconds < 3600)
        return tr("%n min ago", nullptr, int(seconds / 60));
    if (seconds < 86400)
        return tr("%n h ago", nullptr, int(seconds / 3600));
    return tr("%n d ago", nullptr, int(seconds / 86400));
}

namespace {

QString withoutSeconds(QString format)
{
    return format.remove(QStringLiteral(":ss")).remove(QStringLiteral(":s"));
}

} // namespace

QString UiTime::dateTimeEditFormat()
{
    return withoutSeconds(QLocale().dateTimeFormat(QLocale::ShortFormat));
}

QString UiTime::dateEditFormat()
{
    return QLocale().dateFormat(QLocale::ShortFormat);
}

QString UiTime::dateTimeText(const QString &isoTimestamp)
{
    const QDateTime when = QDateTime::fromString(isoTimestamp, Qt::ISODateWithMs);
    if (!when.isValid())
        return isoTimestamp;
    return QLocale().toString(when.toLocalTime(), dateTimeEditFormat());
}

QString UiTime::shortDateTimeText(const QString &isoTimestamp)
{
    const QDateTime when = QDateTime::fromString(isoTimestamp, Qt::ISODateWithMs).toLocalTime();
    if (!when.isValid())
        return isoTimestamp;
    if (when.date() == QDate::currentDate())
        return QLocale().toString(when.time(), withoutSeconds(QLocale().timeFormat(QLocale::ShortFormat)));
    return QLocale().toString(when.date(), QLocale::ShortFormat);
}

} // namespace fieldsync::ui
