#include "AttachmentStrip.h"

#include "AttachmentText.h"
#include "PhotoViewer.h"
#include "ThumbnailProvider.h"
#include "common/KineticScrolling.h"
#include "common/UiColors.h"
#include "common/UiText.h"
#include "sync/SyncController.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QImageReader>
#include <QLabel>
#include <QListWidget>
#include <QMimeData>
#include <QMouseEvent>
#include <QPainter>
#include <QPointingDevice>
#include <QPushButton>
#include <QStandardPaths>
#include <QTimer>
#include <QUrl>
#include <QVBoxLayout>

#include <utility>

namespace fieldsync::ui {

namespace {

const QSize ThumbnailSize(160, 120);
constexpr int StateIconSize = 28;
constexpr int IdRole = Qt::UserRole;

// The thumbnail centred on a canvas of one size, so the strip lines up, with the state's icon in
// a corner: the state reads from the icon and the words, never from a colour alone.
QPixmap decorated(const QPixmap &thumbnail, const QIcon &stateIcon)
{
    QPixmap canvas(ThumbnailSize);
    canvas.fill(Qt::transparent);
    QPainter painter(&canvas);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.drawPixmap((ThumbnailSize.width() - thumbnail.width()) / 2,
                       (ThumbnailSize.height() - thumbnail.height()) / 2, thumbnail);
    const QRect corner(ThumbnailSize.width() - StateIconSize - 4, ThumbnailSize.height() - StateIconSize - 4,
                       StateIconSize, StateIconSize);
    painter.setPen(Qt::NoPen);
    painter.setBrush(Qt::white);
    painter.drawEllipse(corner.adjusted(-2, -2, 2, 2));
    stateIcon.paint(&painter, corner);
    return canvas;
}

QString imageFilter()
{
    QStringList patterns;
    for (const QByteArray &format : QImageReader::supportedImageFormats())
        patterns.append(QStringLiteral("*.") + QString::fromLatin1(format));
    return AttachmentStrip::tr("Images (%1)").arg(patterns.join(QLatin1Char(' ')));
}

} // namespace

AttachmentStrip::AttachmentStrip(AttachmentStore &attachments, QWidget *parent)
    : QWidget(parent)
    , m_attachments(attachments)
    , m_thumbnails(new ThumbnailProvider(ThumbnailSize, this))
    , m_list(new QListWidget(this))
    , m_empty(new QLabel(this))
    , m_error(new QLabel(this))
    , m_add(new QPushButton(QIcon(QStringLiteral(":/icons/add.svg")), tr("Add photo…"), this))
    , m_view(new QPushButton(QIcon(QStringLiteral(":/icons/eye.svg")), tr("View"), this))
{
    setAcceptDrops(true);
    m_list->setObjectName(QStringLiteral("attachmentList"));
    m_list->setViewMode(QListView::IconMode);
    m_list->setIconSize(ThumbnailSize);
    m_list->setGridSize(QSize(ThumbnailSize.width() + 28, ThumbnailSize.height() + 64));
    m_list->setMovement(QListView::Static);
    m_list->setResizeMode(QListView::Adjust);
    m_list->setWordWrap(true);
    m_list->setTextElideMode(Qt::ElideMiddle);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setUniformItemSizes(true);
    // Drops are the strip's (files from the desktop), not the list's own item moves.
    m_list->setDragDropMode(QAbstractItemView::NoDragDrop);
    m_list->setAcceptDrops(false);
    m_list->viewport()->setAcceptDrops(false);
    m_list->setAccessibleName(tr("Photos"));
    enableKineticScrolling(m_list);
    m_list->viewport()->installEventFilter(this);
    m_empty->setText(tr("No photos yet. Add one, or drop image files here."));
    m_empty->setWordWrap(true);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: %1;").arg(UiColors::css(UiColors::errorText(palette()))));
    m_error->hide();
    m_add->setObjectName(QStringLiteral("addPhotoButton"));
    m_add->setAccessibleName(tr("Add photo"));
    m_add->setToolTip(tr("Add photos from files; you can also drop image files on the strip"));
    m_view->setAccessibleName(tr("View photo"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_view);
    buttons->addWidget(m_empty, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_error);
    layout->addLayout(buttons);

    connect(m_add, &QPushButton::clicked, this, &AttachmentStrip::choosePhotos);
    connect(m_view, &QPushButton::clicked, this, [this] {
        if (QListWidgetItem *item = m_list->currentItem())
            openViewer(item->data(IdRole).toString());
    });
    connect(m_list, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { openViewer(item->data(IdRole).toString()); });
    connect(m_list, &QListWidget::currentItemChanged, this,
            [this] { m_view->setEnabled(m_list->currentItem() != nullptr); });
    connect(&m_attachments, &AttachmentStore::attachmentsChanged, this, [this](const QString &recordId) {
        if (recordId == m_recordId)
            reload();
    });
    connect(m_thumbnails, &ThumbnailProvider::thumbnailReady, this, [this](const QString &id) {
        for (int row = 0; row < m_list->count(); ++row) {
            if (m_list->item(row)->data(IdRole).toString() == id)
                updateItem(m_list->item(row));
        }
    });
    setRecord({}, false);
}

void AttachmentStrip::setSyncController(SyncController *sync)
{
    if (m_sync)
        disconnect(m_sync, nullptr, this, nullptr);
    m_sync = sync;
    m_thumbnails->setSyncController(sync);
    if (!sync)
        return;
    connect(sync, &SyncController::attachmentProgress, this, &AttachmentStrip::onProgress);
    connect(sync, &SyncController::attachmentFetched, this, [this](const QString &id, const QString &) {
        if (m_infos.contains(id))
            reload();
    });
    connect(sync, &SyncController::syncFinished, this, [this] {
        m_liveProgress.clear();
        if (!m_recordId.isEmpty())
            reload();
    });
}

void AttachmentStrip::setSingleRow(bool singleRow)
{
    m_list->setWrapping(!singleRow);
    if (singleRow)
        m_list->setFixedHeight(m_list->gridSize().height() + 24);
    else
        m_list->setMinimumHeight(m_list->gridSize().height() + 8);
}

void AttachmentStrip::setRecord(const QString &recordId, bool editable)
{
    if (recordId != m_recordId)
        m_liveProgress.clear();
    m_recordId = recordId;
    m_editable = editable;
    m_error->hide();
    m_add->setEnabled(editable && !recordId.isEmpty());
    reload();
}

void AttachmentStrip::reload()
{
    const QString keep = attachmentIdAt(m_list->currentRow());
    const QHash<QString, AttachmentInfo> before = std::exchange(m_infos, {});
    m_list->clear();
    if (!m_recordId.isEmpty()) {
        Result<QList<AttachmentInfo>> found = m_attachments.forRecord(m_recordId);
        if (!found) {
            showError(UiText::errorText(found.error()));
        } else {
            for (const AttachmentInfo &info : found.value()) {
                if (info.kind != AttachmentKind::Photo)
                    continue;
                // A file that arrived or left since the last look gets a fresh picture.
                if (before.contains(info.id) && before.value(info.id).localPath != info.localPath)
                    m_thumbnails->forget(info.id);
                m_infos.insert(info.id, info);
                auto *item = new QListWidgetItem(m_list);
                item->setData(IdRole, info.id);
                updateItem(item);
                if (info.id == keep)
                    m_list->setCurrentItem(item);
            }
        }
    }
    m_empty->setVisible(m_list->count() == 0 && !m_recordId.isEmpty());
    m_view->setEnabled(m_list->currentItem() != nullptr);
    emit countChanged(m_list->count());
}

void AttachmentStrip::updateItem(QListWidgetItem *item)
{
    const AttachmentInfo info = m_infos.value(item->data(IdRole).toString());
    const QString state = AttachmentText::stateText(info, m_liveProgress.value(info.id, -1));
    item->setIcon(QIcon(decorated(m_thumbnails->thumbnail(info), AttachmentText::stateIcon(info))));
    item->setText(info.name + QLatin1Char('\n') + state);
    item->setToolTip(tr("%1, %2\n%3").arg(info.name, AttachmentText::sizeText(info.bytes), state));
    item->setData(Qt::AccessibleTextRole, tr("Photo %1, %2").arg(info.name, state));
}

void AttachmentStrip::onProgress(const QString &attachmentId, qint64 sent, qint64 total)
{
    Q_UNUSED(total)
    if (!m_infos.contains(attachmentId))
        return;
    m_liveProgress.insert(attachmentId, sent);
    AttachmentInfo &info = m_infos[attachmentId];
    if (info.state == AttachmentState::Pending)
        info.state = AttachmentState::Uploading;
    for (int row = 0; row < m_list->count(); ++row) {
        if (m_list->item(row)->data(IdRole).toString() == attachmentId)
            updateItem(m_list->item(row));
    }
}

int AttachmentStrip::photoCount() const
{
    return m_list->count();
}

QString AttachmentStrip::stateTextAt(int row) const
{
    QListWidgetItem *item = m_list->item(row);
    return item ? item->text().section(QLatin1Char('\n'), 1) : QString();
}

QString AttachmentStrip::attachmentIdAt(int row) const
{
    QListWidgetItem *item = m_list->item(row);
    return item ? item->data(IdRole).toString() : QString();
}

QString AttachmentStrip::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void AttachmentStrip::showError(const QString &text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

void AttachmentStrip::choosePhotos()
{
    const QStringList pictures = QStandardPaths::standardLocations(QStandardPaths::PicturesLocation);
    const QStringList paths =
        QFileDialog::getOpenFileNames(this, tr("Add photos"), pictures.value(0), imageFilter());
    if (!paths.isEmpty())
        addFiles(paths);
}

bool AttachmentStrip::addFiles(const QStringList &paths)
{
    if (m_recordId.isEmpty() || !m_editable)
        return false;
    QStringList problems;
    int added = 0;
    for (const QString &path : paths) {
        const QString name = QFileInfo(path).fileName();
        if (QImageReader::imageFormat(path).isEmpty()) {
            problems.append(tr("%1 is not an image this device can show.").arg(name));
            continue;
        }
        Result<QString> attached = m_attachments.attachFile(m_recordId, path);
        if (!attached) {
            problems.append(tr("%1 was not added: %2").arg(name, UiText::errorText(attached.error())));
            continue;
        }
        ++added;
    }
    // The signal of the store reloads too; this covers a store shared with no signal connected.
    reload();
    showError(problems.join(QLatin1Char('\n')));
    if (added > 0)
        emit message(tr("%n photo(s) saved on this device. They upload with the next sync.", nullptr, added));
    return problems.isEmpty();
}

QStringList AttachmentStrip::imageFiles(const QMimeData *mime)
{
    QStringList paths;
    if (!mime || !mime->hasUrls())
        return paths;
    for (const QUrl &url : mime->urls()) {
        if (url.isLocalFile())
            paths.append(url.toLocalFile());
    }
    return paths;
}

void AttachmentStrip::dragEnterEvent(QDragEnterEvent *event)
{
    if (m_editable && !m_recordId.isEmpty() && !imageFiles(event->mimeData()).isEmpty())
        event->acceptProposedAction();
    else
        event->ignore();
}

void AttachmentStrip::dragMoveEvent(QDragMoveEvent *event)
{
    if (m_editable && !m_recordId.isEmpty() && !imageFiles(event->mimeData()).isEmpty())
        event->acceptProposedAction();
    else
        event->ignore();
}

void AttachmentStrip::dropEvent(QDropEvent *event)
{
    const QStringList paths = imageFiles(event->mimeData());
    if (paths.isEmpty() || !m_editable || m_recordId.isEmpty()) {
        event->ignore();
        return;
    }
    event->acceptProposedAction();
    addFiles(paths);
}

bool AttachmentStrip::eventFilter(QObject *watched, QEvent *event)
{
    // A finger taps once where a mouse double-clicks: a tap on a photo opens it.
    if (watched == m_list->viewport() && event->type() == QEvent::MouseButtonRelease) {
        auto *release = static_cast<QMouseEvent *>(event);
        const bool touch = release->pointingDevice() &&
                           release->pointingDevice()->type() == QInputDevice::DeviceType::TouchScreen;
        if (touch && release->button() == Qt::LeftButton) {
            if (QListWidgetItem *item = m_list->itemAt(release->position().toPoint()))
                QTimer::singleShot(0, this, [this, id = item->data(IdRole).toString()] { openViewer(id); });
        }
    }
    return QWidget::eventFilter(watched, event);
}

void AttachmentStrip::openViewer(const QString &attachmentId)
{
    if (attachmentId.isEmpty())
        return;
    auto *viewer = new PhotoViewer(m_attachments, m_sync, attachmentId, this);
    viewer->setAttribute(Qt::WA_DeleteOnClose);
    viewer->open();
}

} // namespace fieldsync::ui
