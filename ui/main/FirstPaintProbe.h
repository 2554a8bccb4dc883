#pragma once

#include <QObject>

#include <functional>

namespace fieldsync::ui {

// Watches a widget and reports once, right after it has been painted for the first time with
// content. The GUI's start-up benchmark measures "process start to first painted list" with it.
class FirstPaintProbe : public QObject
{
    Q_OBJECT

public:
    // ready says whether the widget's content counts yet (for a list: it has its rows).
    FirstPaintProbe(QWidget *watched, std::function<bool()> ready, QObject *parent = nullptr);

    // Milliseconds since this process started (from /proc), or -1 where that is unknown.
    static double msSinceProcessStart();
    // Peak resident memory of this process in MB (VmHWM), or -1.
    static double peakRssMb();

signals:
    void painted();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *m_watched;
    std::function<bool()> m_ready;
    bool m_done = false;
};

} // namespace fieldsync::ui
