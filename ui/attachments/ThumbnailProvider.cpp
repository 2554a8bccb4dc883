#include "ThumbnailProvider.h"

#include "common/UiLogging.h"
#include "sync/SyncController.h"

#include <QApplication>
#include <QImageReader>
#include <QPainter>
#include <QPalette>

namespace fieldsync::ui {

ThumbnailProvider::ThumbnailProvider(QSize size, QObject *parent)
    : QObject(parent)
    , m_size(size)
{}

void ThumbnailProvider::setSyncController(SyncController *sync)
{
    if (m_sync)
        disconnect(m_sync, nullptr, this, nullptr);
    m_sync = sync;
    if (!sync)
        return;
    connect(sync, &SyncController::thumbnailFetched, this, &ThumbnailProvider::onServerThumbnail);
    connect(sync, &SyncController::attachmentFetchFailed, this, &ThumbnailProvider::onFetchFailed);
    connect(sync, &SyncController::attachmentFetched, this, [this](const QString &id, const QString &) {
        forget(id);
        emit thumbnailReady(id);
    });
}

void ThumbnailProvider::forget(const QString &attachmentId)
{
    m_pictures.remove(attachmentId);
    m_sources.remove(attachmentId);
    m_asked.remove(attachmentId);
}

QPixmap ThumbnailProvider::placeholder(const QString &text) const
{
    QPixmap pixmap(m_size);
    const QPalette palette = QApplication::palette();
    pixmap.fill(palette.color(QPalette::AlternateBase));
    QPainter painter(&pixmap);
    painter.setPen(QPen(palette.color(QPalette::Mid), 2, Qt::DashLine));
    painter.drawRect(pixmap.rect().adjusted(1, 1, -2, -2));
    painter.setPen(palette.color(QPalette::WindowText));
    painter.drawText(pixmap.rect().adjusted(6, 6, -6, -6), Qt::AlignCenter | Qt::TextWordWrap, text);
    return pixmap;
}

QPixmap ThumbnailProvider::thumbnail(const AttachmentInfo &info)
{
    if (const auto found = m_pictures.constFind(info.id); found != m_pictures.cend())
        return *found;
    if (info.isOnDevice()) {
        QImageReader reader(info.localPath);
        reader.setAutoTransform(true);
        const QSize full = reader.size();
        if (full.isValid())
            reader.setScaledSize(full.scaled(m_size, Qt::KeepAspectRatio));
        const QImage image = reader.read();
        if (!image.isNull()) {
            m_pictures.insert(info.id, QPixmap::fromImage(image));
            m_sources.insert(info.id, Source::Local);
            return m_pictures.value(info.id);
        }
        qCWarning(lcUi) << "cannot read thumbnail of" << info.localPath << reader.errorString();
        m_sources.insert(info.id, Source::None);
        return placeholder(tr("Cannot show this file"));
    }
    if (m_sync && m_sync->isConfigured()) {
        if (!m_asked.contains(info.id)) {
            m_asked.insert(info.id);
            m_sources.insert(info.id, Source::Loading);
            m_sync->fetchThumbnail(info.id);
        }
        if (m_sources.value(info.id) == Source::Loading)
            return placeholder(tr("Loading…"));
    }
    m_sources.insert(info.id, Source::None);
    return placeholder(tr("Not on this device"));
}

void ThumbnailProvider::onServerThumbnail(const QString &attachmentId, const QByteArray &imageBytes)
{
    if (!m_asked.contains(attachmentId))
        return;
    QImage image = QImage::fromData(imageBytes);
    if (image.isNull()) {
        onFetchFailed(attachmentId);
        return;
    }
    if (image.width() > m_size.width() || image.height() > m_size.height())
        image = image.scaled(m_size, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    m_pictures.insert(attachmentId, QPixmap::fromImage(image));
    m_sources.insert(attachmentId, Source::Server);
    emit thumbnailReady(attachmentId);
}

void ThumbnailProvider::onFetchFailed(const QString &attachmentId)
{
    if (!m_asked.contains(attachmentId) || m_sources.value(attachmentId) != Source::Loading)
        return;
    m_sources.insert(attachmentId, Source::None);
    m_pictures.insert(attachmentId, placeholder(tr("Not on this device")));
    emit thumbnailReady(attachmentId);
}

} // namespace fieldsync::ui
