#include "AttachmentDownloader.h"

#include "AttachmentFileTable.h"
#include "Sha256.h"
#include "common/Logging.h"
#include "store/DeviceStore.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

namespace fieldsync {

namespace {

QString filesDirOf(DeviceStore &store)
{
    return QDir(store.dataDir()).filePath(QStringLiteral("attachments"));
}

QString thumbnailPath(DeviceStore &store, const QString &attachmentId)
{
    return QDir(filesDirOf(store)).filePath(QStringLiteral("thumbnails/") + attachmentId);
}

} // namespace

AttachmentDownloader::AttachmentDownloader(DeviceStore &store, AttachmentApiClient &api, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_api(api)
{}

void AttachmentDownloader::fetch(const QString &attachmentId)
{
    AttachmentFileTable files(m_store.database());
    Result<QList<AttachmentInfo>> found =
        files.query(QStringLiteral("r.id = ?"), {attachmentId}, filesDirOf(m_store));
    if (!found || found.value().isEmpty()) {
        emit fetchFailed(attachmentId, !found ? found.error().toString()
                                              : tr("no attachment %1 on this device").arg(attachmentId));
        return;
    }
    const AttachmentInfo info = found.value().first();
    if (!info.localPath.isEmpty()) {
        emit fetched(attachmentId, info.localPath);
        return;
    }
    if (!m_api.isConfigured()) {
        emit fetchFailed(attachmentId, tr("no server is set"));
        return;
    }
    if (m_inFlight.contains(attachmentId))
        return;
    if (!QDir().mkpath(filesDirOf(m_store))) {
        emit fetchFailed(attachmentId, tr("cannot create %1").arg(filesDirOf(m_store)));
        return;
    }
    m_inFlight.insert(attachmentId);
    const QString suffix = QFileInfo(info.name).suffix().toLower();
    const QString fileName =
        suffix.isEmpty() || suffix.size() > 8 ? attachmentId : attachmentId + u'.' + suffix;
    const QString path = QDir(filesDirOf(m_store)).filePath(fileName);
    auto file = std::make_shared<QSaveFile>(path);
    auto hash = std::make_shared<Sha256>();
    auto written = std::make_shared<qint64>(0);
    if (!file->open(QIODevice::WriteOnly)) {
        m_inFlight.remove(attachmentId);
        emit fetchFailed(attachmentId, tr("cannot write %1: %2").arg(path, file->errorString()));
        return;
    }
    m_api.download(
        attachmentId,
        [file, hash, written, limit = info.bytes](const QByteArray &bytes) {
            *written += bytes.size();
            if (*written > limit)
                return false; // more than the record says: not the file we asked for
            hash->addData(bytes);
            return file->write(bytes) == bytes.size();
        },
        [this, attachmentId, info, fileName, file, hash, written](const ApiResult<QByteArray> &answer) {
            m_inFlight.remove(attachmentId);
            if (!answer.ok()) {
                file->cancelWriting();
                emit fetchFailed(attachmentId, answer.error().describe());
                return;
            }
            const QString sha = QString::fromLatin1(hash->resultHex());
            if (*written != info.bytes || sha != info.sha256) {
                file->cancelWriting();
                qCWarning(lcSync) << "downloaded" << attachmentId << "does not match its record";
                emit fetchFailed(attachmentId,
                                 tr("the downloaded file does not match its SHA-256; nothing was kept"));
                return;
            }
            if (!file->commit()) {
                emit fetchFailed(attachmentId,
                                 tr("cannot write %1: %2").arg(file->fileName(), file->errorString()));
                return;
            }
            if (Result<void> saved = AttachmentFileTable(m_store.database())
                                         .insert(info, fileName, AttachmentFileTable::Synced);
                !saved) {
                QFile::remove(QDir(filesDirOf(m_store)).filePath(fileName));
                emit fetchFailed(attachmentId, saved.error().toString());
                return;
            }
            const QString localPath = QDir(filesDirOf(m_store)).filePath(fileName);
            qCInfo(lcSync) << "fetched attachment" << attachmentId << info.bytes << "bytes";
            m_store.notifyChanged({info.recordId, attachmentId});
            emit fetched(attachmentId, localPath);
        });
}

void AttachmentDownloader::fetchThumbnail(const QString &attachmentId)
{
    // Kept on the device once fetched, so lists show thumbnails offline too.
    QFile cached(thumbnailPath(m_store, attachmentId));
    if (cached.open(QIODevice::ReadOnly)) {
        const QByteArray bytes = cached.readAll();
        if (!bytes.isEmpty()) {
            emit thumbnailFetched(attachmentId, bytes);
            return;
        }
    }
    if (!m_api.isConfigured()) {
        emit fetchFailed(attachmentId, tr("no server is set"));
        return;
    }
    m_api.thumbnail(attachmentId, [this, attachmentId](const ApiResult<QByteArray> &answer) {
        if (!answer.ok()) {
            emit fetchFailed(attachmentId, answer.error().describe());
            return;
        }
        const QString path = thumbnailPath(m_store, attachmentId);
        QDir().mkpath(QFileInfo(path).path());
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(answer.value()) != answer.value().size() ||
            !file.commit())
            qCWarning(lcSync) << "cannot cache the thumbnail of" << attachmentId << file.errorString();
        emit thumbnailFetched(attachmentId, answer.value());
    });
}

} // namespace fieldsync
