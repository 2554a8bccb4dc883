#include "PhotoViewer.h"

#include "AttachmentText.h"
#include "common/UiColors.h"
#include "common/UiText.h"
#include "sync/SyncController.h"

#include <QGestureEvent>
#include <QHBoxLayout>
#include <QImageReader>
#include <QLabel>
#include <QPinchGesture>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QVBoxLayout>
#include <QWheelEvent>

#include <algorithm>

namespace fieldsync::ui {

namespace {

constexpr double ZoomStep = 1.25;
constexpr double MinZoom = 0.05;
constexpr double MaxZoom = 8.0;

// The plain words first, then the core's own reason for the office to look up.
QString reasonText(const QString &reason)
{
    const QString plain = UiText::syncReasonText(reason);
    return plain == reason ? plain : QStringLiteral("%1 (%2)").arg(plain, reason);
}

} // namespace

PhotoViewer::PhotoViewer(AttachmentStore &attachments, SyncController *sync, const QString &attachmentId,
                         QWidget *parent)
    : QDialog(parent)
    , m_attachments(attachments)
    , m_sync(sync)
    , m_attachmentId(attachmentId)
    , m_details(new QLabel(this))
    , m_status(new QLabel(this))
    , m_scroll(new QScrollArea(this))
    , m_picture(new QLabel(this))
    , m_zoomOut(new QPushButton(tr("Zoom out"), this))
    , m_zoomIn(new QPushButton(tr("Zoom in"), this))
    , m_fitButton(new QPushButton(tr("Fit"), this))
    , m_actual(new QPushButton(tr("100 %"), this))
    , m_retry(new QPushButton(QIcon(QStringLiteral(":/icons/sync.svg")), tr("Retry"), this))
    , m_close(new QPushButton(tr("Close"), this))
{
    m_details->setWordWrap(true);
    m_status->setWordWrap(true);
    m_status->setAlignment(Qt::AlignCenter);
    m_picture->setAlignment(Qt::AlignCenter);
    m_picture->setAccessibleName(tr("Photo"));
    m_scroll->setWidget(m_picture);
    m_scroll->setAlignment(Qt::AlignCenter);
    m_scroll->setWidgetResizable(false);
    m_scroll->setBackgroundRole(QPalette::Dark);
    m_scroll->viewport()->installEventFilter(this);
    m_scroll->viewport()->grabGesture(Qt::PinchGesture);
    m_zoomOut->setShortcut(QKeySequence::ZoomOut);
    m_zoomIn->setShortcut(QKeySequence::ZoomIn);
    m_zoomOut->setAccessibleName(tr("Zoom out"));
    m_zoomIn->setAccessibleName(tr("Zoom in"));
    m_fitButton->setAccessibleName(tr("Fit the photo to the window"));
    m_actual->setAccessibleName(tr("Show the photo at its real size"));
    m_retry->setAccessibleName(tr("Try the download again"));
    m_close->setAccessibleName(tr("Close the viewer"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_zoomOut);
    buttons->addWidget(m_zoomIn);
    buttons->addWidget(m_fitButton);
    buttons->addWidget(m_actual);
    buttons->addStretch(1);
    buttons->addWidget(m_retry);
    buttons->addWidget(m_close);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_details);
    layout->addWidget(m_status);
    layout->addWidget(m_scroll, 1);
    layout->addLayout(buttons);
    resize(1000, 720);

    connect(m_zoomOut, &QPushButton::clicked, this, &PhotoViewer::zoomOut);
    connect(m_zoomIn, &QPushButton::clicked, this, &PhotoViewer::zoomIn);
    connect(m_fitButton, &QPushButton::clicked, this, &PhotoViewer::fitToWindow);
    connect(m_actual, &QPushButton::clicked, this, &PhotoViewer::actualSize);
    connect(m_retry, &QPushButton::clicked, this, &PhotoViewer::load);
    connect(m_close, &QPushButton::clicked, this, &QDialog::accept);
    if (m_sync) {
        connect(m_sync, &SyncController::attachmentFetched, this,
                [this](const QString &id, const QString &path) {
                    if (id == m_attachmentId && m_stage == Stage::Loading)
                        showFile(path);
                });
        connect(m_sync, &SyncController::attachmentFetchFailed, this,
                [this](const QString &id, const QString &reason) {
                    if (id == m_attachmentId && m_stage == Stage::Loading)
                        showFailure(tr("The photo could not be downloaded: %1").arg(reasonText(reason)));
                });
    }
    load();
}

void PhotoViewer::load()
{
    m_stage = Stage::Loading;
    m_retry->hide();
    Result<AttachmentInfo> found = m_attachments.find(m_attachmentId);
    if (!found) {
        showFailure(UiText::errorText(found.error()));
        return;
    }
    m_info = found.value();
    setWindowTitle(m_info.name);
    QString details =
        tr("%1 · %2 · %3")
            .arg(m_info.name, AttachmentText::sizeText(m_info.bytes), AttachmentText::stateText(m_info));
    if (m_info.kind == AttachmentKind::Signature)
        details = AttachmentText::signatureText(m_info) + QStringLiteral(" · ") + details;
    m_details->setText(details);
    if (m_info.isOnDevice()) {
        showFile(m_info.localPath);
        return;
    }
    if (!m_sync || !m_sync->isConfigured()) {
        showFailure(tr("This photo is not on this device, and no server is set to download it from."));
        return;
    }
    m_status->setText(tr("Downloading the full photo (%1)…").arg(AttachmentText::sizeText(m_info.bytes)));
    m_status->show();
    updateButtons();
    m_sync->fetchAttachment(m_attachmentId);
}

void PhotoViewer::showFile(const QString &path)
{
    QImageReader reader(path);
    reader.setAutoTransform(true);
    QImage image = reader.read();
    if (image.isNull()) {
        showFailure(tr("The photo cannot be shown: %1").arg(reader.errorString()));
        return;
    }
    m_image = std::move(image);
    m_stage = Stage::Shown;
    m_status->hide();
    m_retry->hide();
    fitToWindow();
}

void PhotoViewer::showFailure(const QString &text)
{
    m_stage = Stage::Failed;
    m_image = {};
    m_picture->clear();
    m_status->setText(text);
    m_status->setStyleSheet(
        QStringLiteral("color: %1; font-weight: bold;").arg(UiColors::css(UiColors::errorText(palette()))));
    m_status->show();
    // Retry helps with a download; a file on the device that cannot be read stays unreadable.
    m_retry->setVisible(!m_info.id.isEmpty() && !m_info.isOnDevice() && m_sync && m_sync->isConfigured());
    updateButtons();
}

QString PhotoViewer::statusText() const
{
    return m_status->isHidden() ? QString() : m_status->text();
}

double PhotoViewer::fitZoom() const
{
    if (m_image.isNull())
        return 1.0;
    const QSize room = m_scroll->viewport()->size() - QSize(4, 4);
    const double zoom =
        std::min(double(room.width()) / m_image.width(), double(room.height()) / m_image.height());
    // Small pictures (a signature) are not blown up past twice their size.
    return std::clamp(zoom, MinZoom, 2.0);
}

void PhotoViewer::setZoom(double zoom)
{
    m_zoom = std::clamp(zoom, MinZoom, MaxZoom);
    applyZoom();
}

void PhotoViewer::applyZoom()
{
    if (m_image.isNull()) {
        updateButtons();
        return;
    }
    const QSize shown = (QSizeF(m_image.size()) * m_zoom).toSize().expandedTo(QSize(1, 1));
    m_picture->setPixmap(
        QPixmap::fromImage(m_image.scaled(shown, Qt::KeepAspectRatio, Qt::SmoothTransformation)));
    m_picture->resize(shown);
    updateButtons();
}

void PhotoViewer::zoomIn()
{
    m_fit = false;
    setZoom(m_zoom * ZoomStep);
}

void PhotoViewer::zoomOut()
{
    m_fit = false;
    setZoom(m_zoom / ZoomStep);
}

void PhotoViewer::fitToWindow()
{
    m_fit = true;
    setZoom(fitZoom());
}

void PhotoViewer::actualSize()
{
    m_fit = false;
    setZoom(1.0);
}

void PhotoViewer::updateButtons()
{
    const bool shown = m_stage == Stage::Shown;
    m_zoomIn->setEnabled(shown && m_zoom < MaxZoom);
    m_zoomOut->setEnabled(shown && m_zoom > MinZoom);
    m_fitButton->setEnabled(shown && !m_fit);
    m_actual->setEnabled(shown);
    m_scroll->setVisible(m_stage != Stage::Failed);
}

bool PhotoViewer::eventFilter(QObject *watched, QEvent *event)
{
    // The viewport's own size, not the dialog's: it is only known once the layout placed it.
    if (watched == m_scroll->viewport() && event->type() == QEvent::Resize && m_fit &&
        m_stage == Stage::Shown)
        setZoom(fitZoom());
    if (watched == m_scroll->viewport() && event->type() == QEvent::Wheel && m_stage == Stage::Shown) {
        auto *wheel = static_cast<QWheelEvent *>(event);
        if (wheel->modifiers() & Qt::ControlModifier) {
            wheel->angleDelta().y() > 0 ? zoomIn() : zoomOut();
            return true;
        }
    }
    if (watched == m_scroll->viewport() && event->type() == QEvent::Gesture && m_stage == Stage::Shown) {
        auto *gesture = static_cast<QGestureEvent *>(event);
        if (auto *pinch = static_cast<QPinchGesture *>(gesture->gesture(Qt::PinchGesture))) {
            m_fit = false;
            setZoom(m_zoom * pinch->scaleFactor());
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace fieldsync::ui
