#include "TouchStyle.h"

#include <QStyleFactory>
#include <QWidget>

namespace fieldsync::ui {

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
    case CT_ToolButton:
    case CT_ComboBox:
    case CT_LineEdit:
    case CT_SpinBox:
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

int TouchStyle::styleHint(StyleHint hint, const QStyleOption *option, const QWidget *widget,
                          QStyleHintReturn *returnData) const
{
    // Combo boxes open as a list under the finger, not a menu over the current item.
    if (hint == SH_ComboBox_Popup)
        return 0;
    return QProxyStyle::styleHint(hint, option, widget, returnData);
}

} // namespace fieldsync::ui
