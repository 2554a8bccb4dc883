#pragma once

#include "attachments/AttachmentInfo.h"

#include <QHash>
#include <QObject>
#include <QPixmap>
#include <QPointer>
#include <QSet>

namespace fieldsync {
class SyncController;
}

namespace fieldsync::ui {

// Small pictures of attachments for the editors. A file on this device is read scaled down (a 12 MP
// photo decodes at thumbnail size, not in full); a file only on the server is asked for as the
// server's thumbnail, and thumbnailReady() says when it came. Pictures are kept per file hash.
class ThumbnailProvider : public QObject
{
    Q_OBJECT

public:
    enum class Source
    {
        Local,   // read from the file on this device
        Server,  // the server's thumbnail
        Loading, // asked the server, not here yet: a placeholder
        None     // no picture: not on this device and no server to ask, or unreadable
    };

    explicit ThumbnailProvider(QSize size, QObject *parent = nullptr);

    // Null: no server, thumbnails of files not on the device are then not asked for.
    void setSyncController(SyncController *sync);
    QSize size() const { return m_size; }
    // The picture to show now; a placeholder while the server's is on its way.
    QPixmap thumbnail(const AttachmentInfo &info);
    Source source(const QString &attachmentId) const { return m_sources.value(attachmentId, Source::None); }
    // Forget a picture (its file came or went).
    void forget(const QString &attachmentId);

signals:
    void thumbnailReady(const QString &attachmentId);

private:
    QPixmap placeholder(const QString &text) const;
    void onServerThumbnail(const QString &attachmentId, const QByteArray &imageBytes);
    void onFetchFailed(const QString &attachmentId);

    QSize m_size;
    QPointer<SyncController> m_sync;
    QHash<QString, QPixmap> m_pictures; // by attachment id
    QHash<QString, Source> m_sources;
    QSet<QString> m_asked;
};

} // namespace fieldsync::ui
