#pragma once

#include "AttachmentApiClient.h"

#include <QObject>
#include <QSet>

namespace fieldsync {

class DeviceStore;

// Brings another device's attachment (or its thumbnail) to this one on demand. A downloaded file
// is kept only when its SHA-256 is the one its record names.
class AttachmentDownloader : public QObject
{
    Q_OBJECT

public:
    AttachmentDownloader(DeviceStore &store, AttachmentApiClient &api, QObject *parent = nullptr);

    void fetch(const QString &attachmentId);
    void fetchThumbnail(const QString &attachmentId);

signals:
    void fetched(const QString &attachmentId, const QString &localPath);
    void fetchFailed(const QString &attachmentId, const QString &reason);
    void thumbnailFetched(const QString &attachmentId, const QByteArray &imageBytes);

private:
    DeviceStore &m_store;
    AttachmentApiClient &m_api;
    QSet<QString> m_inFlight;
};

} // namespace fieldsync
