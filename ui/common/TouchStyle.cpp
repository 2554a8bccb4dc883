#include "TouchStyle.h"

#include <QPainter>
#include <QStyleFactory>
#include <QStyleOption>
#include <QWidget>

namespace fieldsync::ui {

namespace {

// A spin box whose buttons this style lays side by side; null for anything else.
const QStyleOptionSpinBox *spinBoxWithButtons(const QStyleOption *option)
{
    const auto *spin = qstyleoption_cast<const QStyleOptionSpinBox *>(option);
    return spin && spin->buttonSymbols != QAbstractSpinBox::NoButtons ? spin : nullptr;
}

} // namespace

TouchStyle::TouchStyle(QStyle *base)
    : QProxyStyle(base ? base : QStyleFactory::create(QStringLiteral("Fusion")))
{}

QSize TouchStyle::sizeFromContents(ContentsType type, const QStyleOption *option, const QSize &size,
                                   const QWidget *widget) const
{
    QSize result = QProxyStyle::sizeFromContents(type, option, size, widget);
    switch (type) {
    case CT_PushButton:
        result.setWidth(std::max(result.width(), MinTarget * 2));
        result.setHeight(std::max(result.height(), MinTarget));
        break;
    case CT_SpinBox:
        // The text, the frame and the two buttons side by side (see subControlRect).
        if (spinBoxWithButtons(option)) {
            const int frame = proxy()->pixelMetric(PM_SpinBoxFrameWidth, option, widget);
            result.setWidth(std::max(result.width(), size.width() + 2 * MinTarget + 2 * frame));
        }
        result.setHeight(std::max(result.height(), MinTarget));
        break;
    case CT_ToolButton:
    case CT_ComboBox:
    case CT_LineEdit:
    case CT_TabBarTab:
    case CT_ItemViewItem:
    case CT_HeaderSection:
        result.setHeight(std::max(result.height(), MinTarget));
        result.setWidth(std::max(result.width(), type == CT_ToolButton ? MinTarget : result.width()));
        break;
    case CT_CheckBox:
    case CT_RadioButton:
        // The whole row (box and label) is the target, so it needs the height, not the box.
        result.setHeight(std::max(result.height(), MinTarget));
        break;
    default:
        break;
    }
    return result;
}

int TouchStyle::pixelMetric(PixelMetric metric, const QStyleOption *option, const QWidget *widget) const
{
    switch (metric) {
    case PM_IndicatorWidth:
    case PM_IndicatorHeight:
    case PM_ExclusiveIndicatorWidth:
    case PM_ExclusiveIndicatorHeight:
        return 24;
    case PM_ToolBarIconSize:
        return 28;
    case PM_SmallIconSize:
        // The clear and show buttons inside a line edit: as large as the field allows.
        if (widget && widget->inherits("QLineEdit"))
            return 32;
        return 22;
    case PM_ButtonIconSize:
        return 22;
    case PM_ScrollBarExtent:
        return 18;
    case PM_SplitterWidth:
        return 10; // easy to catch with a finger
    case PM_LayoutHorizontalSpacing:
    case PM_LayoutVerticalSpacing:
        return 10;
    default:
        return QProxyStyle::pixelMetric(metric, option, widget);
    }
}

QRect TouchStyle::subControlRect(ComplexControl control, const QStyleOptionComplex *option,
                                 SubControl subControl, const QWidget *widget) const
{
    const QStyleOptionSpinBox *spin = control == CC_SpinBox ? spinBoxWithButtons(option) : nullptr;
    if (!spin)
        return QProxyStyle::subControlRect(control, option, subControl, widget);
    const QRect frame = spin->rect;
    const int frameWidth = spin->frame ? proxy()->pixelMetric(PM_SpinBoxFrameWidth, spin, widget) : 0;
    const QRect up(frame.right() - MinTarget + 1, frame.top(), MinTarget, frame.height());
    const QRect down(up.left() - MinTarget, frame.top(), MinTarget, frame.height());
    switch (subControl) {
    case SC_SpinBoxUp:
        return visualRect(spin->direction, frame, up);
    case SC_SpinBoxDown:
        return visualRect(spin->direction, frame, down);
    case SC_SpinBoxEditField:
        return visualRect(spin->direction, frame,
                          QRect(frame.left() + frameWidth, frame.top() + frameWidth,
                                down.left() - frame.left() - frameWidth, frame.height() - 2 * frameWidth));
    case SC_SpinBoxFrame:
        return frame;
    default:
        return QProxyStyle::subControlRect(control, option, subControl, widget);
    }
}

void TouchStyle::drawComplexControl(ComplexControl control, const QStyleOptionComplex *option,
                                    QPainter *painter, const QWidget *widget) const
{
    QProxyStyle::drawComplexControl(control, option, painter, widget);
    const QStyleOptionSpinBox *spin = control == CC_SpinBox ? spinBoxWithButtons(option) : nullptr;
    if (!spin)
        return;
    // The base style separates only the button it expects at the edge: the down button, now
    // beside it, gets the same line, so that both read as buttons rather than part of the text.
    const QRect down = subControlRect(CC_SpinBox, spin, SC_SpinBoxDown, widget);
    painter->save();
    painter->setPen(spin->palette.color(QPalette::Mid));
    const int x = spin->direction == Qt::RightToLeft ? down.right() : down.left();
    painter->drawLine(x, down.top() + 1, x, down.bottom() - 1);
    painter->restore();
}

int TouchStyle::styleHint(StyleHint hint, const QStyleOption *option, const QWidget *widget,
                          QStyleHintReturn *returnData) const
{
    // Combo boxes open as a list under the finger, not a menu over the current item.
    if (hint == SH_ComboBox_Popup)
        return 0;
    return QProxyStyle::styleHint(hint, option, widget, returnData);
}

} // namespace fieldsync::ui
