#include "KineticScrolling.h"

#include <QAbstractItemView>
#include <QScroller>
#include <QScrollerProperties>

namespace fieldsync::ui {

void enableKineticScrolling(QAbstractScrollArea *area)
{
    if (auto *view = qobject_cast<QAbstractItemView *>(area)) {
        view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
        view->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    }
    // Touch only: a mouse drag on the desktop keeps selecting rows as people expect.
    QScroller::grabGesture(area->viewport(), QScroller::TouchGesture);
    QScroller *scroller = QScroller::scroller(area->viewport());
    QScrollerProperties properties = scroller->scrollerProperties();
    properties.setScrollMetric(QScrollerProperties::VerticalOvershootPolicy,
                               QVariant::fromValue(QScrollerProperties::OvershootAlwaysOff));
    properties.setScrollMetric(QScrollerProperties::HorizontalOvershootPolicy,
                               QVariant::fromValue(QScrollerProperties::OvershootAlwaysOff));
    // A gloved finger shakes: do not start a scroll on a tap that moves a few pixels.
    properties.setScrollMetric(QScrollerProperties::DragStartDistance, 0.004);
    scroller->setScrollerProperties(properties);
}

} // namespace fieldsync::ui
