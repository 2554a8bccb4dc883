#include "AttachmentStore.h"

#include "AttachmentFileTable.h"
#include "AttachmentRecord.h"
#include "FileDigest.h"
#include "common/Logging.h"
#include "common/TimeOrderedUuid.h"
#include "domain/RecordValidator.h"
#include "protocol/ProtocolInfo.h"
#include "store/DeviceStore.h"
#include "store/LocalEditor.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QMimeDatabase>
#include <QSaveFile>
#include <QUuid>

#include <algorithm>

namespace fieldsync {

namespace {

const QString KeepRecentDaysKey = QStringLiteral("attachments_keep_recent_days");

bool canCarryAttachments(EntityKind kind)
{
    return kind == EntityKind::Permit || kind == EntityKind::IsolationPoint || kind == EntityKind::Task;
}

// The stored file keeps the original's extension, so that viewers and `file` recognise it.
QString storedFileName(const QString &id, const QString &originalName)
{
    const QString suffix = QFileInfo(originalName).suffix().toLower();
    const bool plain =
        !suffix.isEmpty() && suffix.size() <= 8 &&
        std::all_of(suffix.begin(), suffix.end(), [](QChar c) { return c.isLetterOrNumber(); });
    return plain ? id + QLatin1Char('.') + suffix : id;
}

} // namespace

AttachmentStore::AttachmentStore(DeviceStore &store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{}

QString AttachmentStore::filesDir() const
{
    return QDir(m_store.dataDir()).filePath(QStringLiteral("attachments"));
}

Result<QString> AttachmentStore::attachFile(const QString &recordId, const QString &sourcePath)
{
    AttachmentInfo info;
    info.kind = AttachmentKind::Photo;
    info.name = QFileInfo(sourcePath).fileName();
    info.mimeType = QMimeDatabase().mimeTypeForFile(sourcePath).name();
    info.id = newTimeOrderedUuid();
    if (!QDir().mkpath(filesDir()))
        return makeError(QStringLiteral("store_write"), tr("cannot create %1").arg(filesDir()));
    const QString fileName = storedFileName(info.id, info.name);
    // Copied at once: the original may be a camera's temporary file that vanishes.
    Result<FileDigest::Copied> copied =
        FileDigest::copyWithSha256(sourcePath, QDir(filesDir()).filePath(fileName));
    if (!copied)
        return copied.error();
    info.bytes = copied.value().bytes;
    info.sha256 = QString::fromLatin1(copied.value().sha256Hex);
    return addAttachment(recordId, fileName, info);
}

Result<QString> AttachmentStore::attachSignature(const QString &recordId, const QByteArray &png,
                                                 const QString &signerName, const QString &signerRole)
{
    if (signerName.trimmed().isEmpty())
        return makeError(QStringLiteral("validation"), tr("a signature needs the signer's name"));
    if (signerRole != QLatin1String("issuer") && signerRole != QLatin1String("receiver"))
        return makeError(QStringLiteral("validation"),
                         tr("the signer's role must be issuer or receiver, not \"%1\"").arg(signerRole));
    if (png.isEmpty())
        return makeError(QStringLiteral("validation"), tr("the signature is empty"));
    AttachmentInfo info;
    info.kind = AttachmentKind::Signature;
    info.id = newTimeOrderedUuid();
    info.name = QStringLiteral("signature-%1.png").arg(signerRole);
    info.mimeType = QStringLiteral("image/png");
    info.signerName = signerName.trimmed();
    info.signerRole = signerRole;
    info.signedAt = QDateTime::currentDateTimeUtc();
    info.bytes = png.size();
    info.sha256 = QString::fromLatin1(FileDigest::sha256Hex(png));
    if (!QDir().mkpath(filesDir()))
        return makeError(QStringLiteral("store_write"), tr("cannot create %1").arg(filesDir()));
    const QString fileName = storedFileName(info.id, info.name);
    QSaveFile file(QDir(filesDir()).filePath(fileName));
    if (!file.open(QIODevice::WriteOnly) || file.write(png) != png.size() || !file.commit())
        return makeError(QStringLiteral("store_write"),
                         tr("cannot write %1: %2").arg(file.fileName(), file.errorString()));
    return addAttachment(recordId, fileName, info);
}

Result<QString> AttachmentStore::addAttachment(const QString &recordId, const QString &fileName,
                                               AttachmentInfo info)
{
    const QString storedPath = QDir(filesDir()).filePath(fileName);
    // Nothing half-made stays behind: without its record, the copied file goes too.
    auto dropCopy = [&storedPath](const Error &error) -> Result<QString> {
        QFile::remove(storedPath);
        return error;
    };
    Result<std::optional<LocalRecord>> target = m_store.records().find(recordId);
    if (!target)
        return dropCopy(target.error());
    if (!target.value() || target.value()->deleted)
        return dropCopy(
            makeError(QStringLiteral("not_found"), tr("no record %1 on this device").arg(recordId)));
    if (!canCarryAttachments(target.value()->entity))
        return dropCopy(makeError(QStringLiteral("validation"),
                                  tr("photos and signatures belong to permits, isolation points and tasks, "
                                     "not to a %1")
                                      .arg(EntitySchema::of(target.value()->entity).cliName)));
    info.recordId = recordId;
    info.entity = EntitySchema::of(target.value()->entity).wireName;

    const EntitySchema &schema = EntitySchema::of(EntityKind::Attachment);
    QJsonObject data = AttachmentRecord::toData(info);
    data.insert(RecordMeta::ProjectId, target.value()->projectId);
    Result<QJsonObject> checked = RecordValidator::checkChangeData(schema, ChangeOp::Append, data);
    if (!checked)
        return dropCopy(checked.error());
    data = RecordValidator::withDefaults(schema, checked.value());
    if (Result<void> valid = RecordValidator::checkResult(schema, {}, data, m_store.effectiveRole()); !valid)
        return dropCopy(valid.error());

    LocalRecord record;
    record.entity = EntityKind::Attachment;
    record.id = info.id;
    record.projectId = target.value()->projectId;
    record.data = data;
    const QString now = protocol::nowUtcString();
    record.data.insert(RecordMeta::UpdatedAt, now);
    record.data.insert(RecordMeta::DeviceId, m_store.deviceId());
    const protocol::Change change =
        makeChange(EntityKind::Attachment, ChangeOp::Append, info.id, 0, {}, data);

    AttachmentFileTable files(m_store.database());
    Transaction transaction(m_store.database());
    if (Result<void> begun = transaction.begin(); !begun)
        return dropCopy(begun.error());
    if (Result<void> saved = m_store.records().save(record, RecordStore::Row::New); !saved)
        return dropCopy(saved.error());
    if (Result<qint64> queued = m_store.outbox().enqueue(change, now); !queued)
        return dropCopy(queued.error());
    if (Result<void> inserted = files.insert(info, fileName, AttachmentFileTable::Pending); !inserted)
        return dropCopy(inserted.error());
    if (Result<void> committed = transaction.commit(); !committed)
        return dropCopy(committed.error());
    qCInfo(lcStore) << "attached" << attachmentKindName(info.kind) << info.id << "to" << recordId
                    << info.bytes << "bytes";
    m_store.notifyChanged({recordId, info.id});
    emit attachmentsChanged(recordId);
    return info.id;
}

Result<QList<AttachmentInfo>> AttachmentStore::forRecord(const QString &recordId) const
{
    return AttachmentFileTable(m_store.database())
        .query(QStringLiteral("json_extract(r.data, '$.record_id') = ?"), {recordId}, filesDir());
}

Result<AttachmentInfo> AttachmentStore::find(const QString &attachmentId) const
{
    Result<QList<AttachmentInfo>> found =
        AttachmentFileTable(m_store.database()).query(QStringLiteral("r.id = ?"), {attachmentId}, filesDir());
    if (!found)
        return found.error();
    if (found.value().isEmpty())
        return makeError(QStringLiteral("not_found"),
                         tr("no attachment %1 on this device").arg(attachmentId));
    return found.value().first();
}

Result<qint64> AttachmentStore::localStorageBytes() const
{
    qint64 total = 0;
    QDirIterator files(filesDir(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        files.next();
        total += files.fileInfo().size();
    }
    return total;
}

Result<int> AttachmentStore::keepRecentOnly(int days)
{
    if (days <= 0)
        return 0;
    const QDateTime cutoff = QDateTime::currentDateTimeUtc().addDays(-days);
    AttachmentFileTable files(m_store.database());
    // Only what the server has confirmed: a file not yet uploaded is the only copy there is.
    Result<QList<AttachmentInfo>> synced =
        files.query(QStringLiteral("f.state = 'synced' AND f.file_name IS NOT NULL AND f.created_at < ?"),
                    {cutoff.toString(Qt::ISODateWithMs)}, filesDir());
    if (!synced)
        return synced.error();
    int dropped = 0;
    QSet<QString> records;
    for (const AttachmentInfo &info : synced.value()) {
        if (Result<void> cleared = files.clearFile(info.id); !cleared)
            return cleared.error();
        if (!info.localPath.isEmpty() && !QFile::remove(info.localPath))
            qCWarning(lcStore) << "cannot remove" << info.localPath;
        records.insert(info.recordId);
        ++dropped;
    }
    for (const QString &recordId : std::as_const(records))
        emit attachmentsChanged(recordId);
    if (dropped > 0)
        qCInfo(lcStore) << "dropped the local copies of" << dropped << "synced attachments older than" << days
                        << "days";
    return dropped;
}

int AttachmentStore::keepRecentDays() const
{
    Result<QString> days = m_store.meta().value(KeepRecentDaysKey, QStringLiteral("0"));
    return days ? std::max(0, days.value().toInt()) : 0;
}

Result<void> AttachmentStore::setKeepRecentDays(int days)
{
    if (days < 0)
        return makeError(QStringLiteral("validation"), tr("keep recent photos: days must be 0 or more"));
    return m_store.meta().setValue(KeepRecentDaysKey, QString::number(days));
}

} // namespace fieldsync
