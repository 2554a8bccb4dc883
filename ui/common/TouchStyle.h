#pragma once

#include <QProxyStyle>

namespace fieldsync::ui {

// Makes every control big enough for a gloved finger: at least MinTarget px tall at 100% scale,
// larger check boxes and icons. Wraps the platform style, so its palette and look stay.
class TouchStyle : public QProxyStyle
{
    Q_OBJECT

public:
    static constexpr int MinTarget = 44;

    explicit TouchStyle(QStyle *base = nullptr);

    QSize sizeFromContents(ContentsType type, const QStyleOption *option, const QSize &size,
                           const QWidget *widget) const override;
    int pixelMetric(PixelMetric metric, const QStyleOption *option = nullptr,
                    const QWidget *widget = nullptr) const override;
    // Spin boxes get their down and up buttons side by side, each a full target, instead of two
    // half-height arrows stacked on top of each other.
    QRect subControlRect(ComplexControl control, const QStyleOptionComplex *option, SubControl subControl,
                         const QWidget *widget = nullptr) const override;
    void drawComplexControl(ComplexControl control, const QStyleOptionComplex *option, QPainter *painter,
                            const QWidget *widget = nullptr) const override;
    int styleHint(StyleHint hint, const QStyleOption *option = nullptr, const QWidget *widget = nullptr,
                  QStyleHintReturn *returnData = nullptr) const override;
};

} // namespace fieldsync::ui
