#include "FirstPaintProbe.h"

#include <QEvent>
#include <QFile>
#include <QTimer>
#include <QWidget>

#include <unistd.h>

namespace fieldsync::ui {

FirstPaintProbe::FirstPaintProbe(QWidget *watched, std::function<bool()> ready, QObject *parent)
    : QObject(parent)
    , m_watched(watched)
    , m_ready(std::move(ready))
{
    watched->installEventFilter(this);
}

bool FirstPaintProbe::eventFilter(QObject *watched, QEvent *event)
{
    if (!m_done && watched == m_watched && event->type() == QEvent::Paint && m_ready()) {
        m_done = true;
        m_watched->removeEventFilter(this);
        // Report after this paint event has been handled, i.e. once the rows are drawn.
        QTimer::singleShot(0, this, &FirstPaintProbe::painted);
    }
    return false;
}

double FirstPaintProbe::msSinceProcessStart()
{
    // starttime (field 22 of /proc/self/stat) is in clock ticks since boot; /proc/uptime is
    // seconds since boot. Their difference is the age of this process, including the time the
    // dynamic loader spent before main().
    QFile stat(QStringLiteral("/proc/self/stat"));
    QFile uptime(QStringLiteral("/proc/uptime"));
    if (!stat.open(QIODevice::ReadOnly) || !uptime.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray statLine = stat.readAll();
    // The command name (field 2) may hold spaces; the fields after it start past the last ')'.
    const QList<QByteArray> fields = statLine.mid(statLine.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 20)
        return -1;
    const double startTicks = fields.at(19).toDouble();
    const double upSeconds = uptime.readAll().split(' ').value(0).toDouble();
    const double ticksPerSecond = double(sysconf(_SC_CLK_TCK));
    return (upSeconds - startTicks / ticksPerSecond) * 1000.0;
}

double FirstPaintProbe::peakRssMb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return -1;
}

} // namespace fieldsync::ui
