#include "SignaturePad.h"

#include <QBuffer>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QTouchEvent>

namespace fieldsync::ui {

namespace {

constexpr qreal InkWidth = 3.0;
constexpr int ImageMargin = 12;
// Points closer than this add nothing but jitter from the digitizer.
constexpr qreal MinStep = 1.5;

QPainterPath smoothPath(const QPolygonF &points)
{
    QPainterPath path(points.first());
    if (points.size() == 1) {
        // A tap is a dot: a tiny segment that the round pen draws as one.
        path.lineTo(points.first() + QPointF(0.1, 0.1));
        return path;
    }
    // Quadratic curves through the midpoints, with the recorded points as control points.
    for (int i = 1; i < points.size() - 1; ++i) {
        const QPointF mid = (points.at(i) + points.at(i + 1)) / 2.0;
        path.quadTo(points.at(i), mid);
    }
    path.lineTo(points.last());
    return path;
}

void drawStrokes(QPainter &painter, const QList<QPolygonF> &strokes, const QColor &ink)
{
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(ink, InkWidth, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.setBrush(Qt::NoBrush);
    for (const QPolygonF &stroke : strokes)
        painter.drawPath(smoothPath(stroke));
}

} // namespace

SignaturePad::SignaturePad(QWidget *parent)
    : QWidget(parent)
{
    setAttribute(Qt::WA_AcceptTouchEvents);
    setAttribute(Qt::WA_StaticContents);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setCursor(Qt::CrossCursor);
    setAccessibleName(tr("Signature pad"));
    setAccessibleDescription(tr("Draw the signature here with a finger, a stylus or the mouse."));
}

void SignaturePad::clear()
{
    const bool hadInk = !m_strokes.isEmpty();
    m_strokes.clear();
    m_drawing = false;
    update();
    if (hadInk)
        emit changed();
}

void SignaturePad::beginStroke(const QPointF &at)
{
    m_strokes.append(QPolygonF{at});
    m_drawing = true;
    update();
    emit changed();
}

void SignaturePad::extendStroke(const QPointF &at)
{
    if (!m_drawing || m_strokes.isEmpty())
        return;
    QPolygonF &stroke = m_strokes.last();
    if (QLineF(stroke.last(), at).length() < MinStep)
        return;
    stroke.append(at);
    update();
}

void SignaturePad::endStroke()
{
    m_drawing = false;
}

void SignaturePad::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return;
    beginStroke(event->position());
    event->accept();
}

void SignaturePad::mouseMoveEvent(QMouseEvent *event)
{
    if (event->buttons() & Qt::LeftButton)
        extendStroke(event->position());
}

void SignaturePad::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton)
        endStroke();
}

bool SignaturePad::event(QEvent *event)
{
    switch (event->type()) {
    case QEvent::TouchBegin:
    case QEvent::TouchUpdate:
    case QEvent::TouchEnd: {
        // One finger signs; a second finger resting on the glass is ignored.
        auto *touch = static_cast<QTouchEvent *>(event);
        if (touch->points().isEmpty())
            return true;
        const QEventPoint &point = touch->points().first();
        if (point.state() == QEventPoint::Pressed)
            beginStroke(point.position());
        else if (point.state() == QEventPoint::Updated)
            extendStroke(point.position());
        else if (point.state() == QEventPoint::Released) {
            extendStroke(point.position());
            endStroke();
        }
        event->accept();
        return true;
    }
    case QEvent::TouchCancel:
        endStroke();
        return true;
    default:
        return QWidget::event(event);
    }
}

void SignaturePad::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), Qt::white);
    // The line to sign on, as on paper.
    const int baseline = height() * 3 / 4;
    painter.setPen(QPen(QColor(0x9e, 0x9e, 0x9e), 1, Qt::DashLine));
    painter.drawLine(ImageMargin, baseline, width() - ImageMargin, baseline);
    if (m_strokes.isEmpty()) {
        painter.setPen(QColor(0x75, 0x75, 0x75));
        painter.drawText(rect().adjusted(0, 0, 0, -height() / 4), Qt::AlignCenter, tr("Sign here"));
        return;
    }
    drawStrokes(painter, m_strokes, QColor(0x0d, 0x1b, 0x4a));
}

QRectF SignaturePad::drawnBounds() const
{
    QRectF bounds;
    for (const QPolygonF &stroke : m_strokes)
        bounds = bounds.united(stroke.boundingRect().adjusted(-InkWidth, -InkWidth, InkWidth, InkWidth));
    return bounds;
}

QImage SignaturePad::toImage() const
{
    if (m_strokes.isEmpty())
        return {};
    const QRectF bounds = drawnBounds();
    const QSize size = bounds.size().toSize() + QSize(2 * ImageMargin, 2 * ImageMargin);
    QImage image(size, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.translate(-bounds.topLeft() + QPointF(ImageMargin, ImageMargin));
    drawStrokes(painter, m_strokes, Qt::black);
    return image;
}

QByteArray SignaturePad::toPng() const
{
    const QImage image = toImage();
    if (image.isNull())
        return {};
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return png;
}

} // namespace fieldsync::ui
