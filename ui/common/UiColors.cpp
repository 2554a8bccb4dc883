#include "UiColors.h"

namespace fieldsync::ui::UiColors {

namespace {

QColor mix(const QColor &a, const QColor &b, double amountOfB)
{
    return QColor::fromRgbF(float(a.redF() * (1 - amountOfB) + b.redF() * amountOfB),
                            float(a.greenF() * (1 - amountOfB) + b.greenF() * amountOfB),
                            float(a.blueF() * (1 - amountOfB) + b.blueF() * amountOfB));
}

} // namespace

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

QColor errorText(const QPalette &palette)
{
    return isDark(palette) ? QColor(0xff, 0x8a, 0x80) : QColor(0xb0, 0x00, 0x20);
}

QColor errorBackground(const QPalette &palette)
{
    return mix(palette.color(QPalette::Base), QColor(0xd3, 0x2f, 0x2f), isDark(palette) ? 0.35 : 0.15);
}

QColor warningBackground(const QPalette &palette)
{
    return mix(palette.color(QPalette::Base), QColor(0xff, 0xb3, 0x00), isDark(palette) ? 0.30 : 0.25);
}

QColor okText(const QPalette &palette)
{
    return isDark(palette) ? QColor(0x81, 0xc7, 0x84) : QColor(0x1b, 0x5e, 0x20);
}

QColor pendingText(const QPalette &palette)
{
    return isDark(palette) ? QColor(0xff, 0xd5, 0x4f) : QColor(0x8a, 0x4b, 0x00);
}

QColor differs(const QPalette &palette)
{
    return mix(palette.color(QPalette::Base), palette.color(QPalette::Highlight),
               isDark(palette) ? 0.40 : 0.22);
}

QString css(const QColor &color)
{
    return color.name(QColor::HexRgb);
}

} // namespace fieldsync::ui::UiColors
