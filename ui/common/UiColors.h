#pragma once

#include <QColor>
#include <QPalette>

namespace fieldsync::ui {

// The few colours the GUI adds, derived from the platform palette so that light and dark themes
// both stay readable (in sunlight too: strong contrast, never colour alone to carry meaning).
namespace UiColors {

bool isDark(const QPalette &palette);
QColor errorText(const QPalette &palette);
QColor errorBackground(const QPalette &palette);
QColor warningBackground(const QPalette &palette);
QColor okText(const QPalette &palette);
QColor pendingText(const QPalette &palette);
// Background of a value that differs in the conflict dialog.
QColor differs(const QPalette &palette);
QString css(const QColor &color);

} // namespace UiColors

} // namespace fieldsync::ui
