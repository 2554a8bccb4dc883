#pragma once

#include <QImage>
#include <QList>
#include <QPolygonF>
#include <QWidget>

namespace fieldsync::ui {

// A surface to sign on with a finger, a stylus or the mouse. Strokes are kept as points and drawn
// as smooth curves through their midpoints, so a quick finger still gives a readable signature.
class SignaturePad : public QWidget
{
    Q_OBJECT

public:
    explicit SignaturePad(QWidget *parent = nullptr);

    bool isEmpty() const { return m_strokes.isEmpty(); }
    int strokeCount() const { return int(m_strokes.size()); }
    void clear();
    // The signature alone, cropped to what was drawn plus a margin, dark ink on white; a null
    // image when nothing was drawn.
    QImage toImage() const;
    QByteArray toPng() const;

    QSize sizeHint() const override { return {560, 220}; }
    QSize minimumSizeHint() const override { return {280, 140}; }

signals:
    // Something was drawn or everything was cleared.
    void changed();

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    bool event(QEvent *event) override;

private:
    void beginStroke(const QPointF &at);
    void extendStroke(const QPointF &at);
    void endStroke();
    QRectF drawnBounds() const;

    QList<QPolygonF> m_strokes;
    bool m_drawing = false;
};

} // namespace fieldsync::ui
