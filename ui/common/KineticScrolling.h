#pragma once

class QAbstractScrollArea;

namespace fieldsync::ui {

// Flick scrolling for a finger on a tablet (QScroller on touch), and per-pixel scrolling for item
// views so that the flick moves smoothly instead of jumping by rows.
void enableKineticScrolling(QAbstractScrollArea *area);

} // namespace fieldsync::ui
