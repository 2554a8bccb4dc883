#include "AttachmentFileTable.h"

#include "AttachmentRecord.h"
#include "store/LocalDatabase.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>

namespace fieldsync {

AttachmentFileTable::AttachmentFileTable(LocalDatabase &db)
    : m_db(db)
{}

Result<void> AttachmentFileTable::insert(const AttachmentInfo &info, const QString &fileName,
                                         const QString &state)
{
    QSqlQuery &query = m_db.prepare(QStringLiteral(
        "INSERT INTO attachment_files(id, record_id, file_name, bytes, sha256, uploaded_bytes, state,"
        " created_at) VALUES(?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET file_name = excluded.file_name,"
        " state = excluded.state, uploaded_bytes = excluded.uploaded_bytes, last_error = NULL"));
    query.addBindValue(info.id);
    query.addBindValue(info.recordId);
    query.addBindValue(fileName);
    query.addBindValue(info.bytes);
    query.addBindValue(info.sha256);
    query.addBindValue(state == Synced ? info.bytes : 0);
    query.addBindValue(state);
    query.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    return m_db.exec(query);
}

Result<void> AttachmentFileTable::setUploadedBytes(const QString &id, qint64 bytes)
{
    QSqlQuery &query =
        m_db.prepare(QStringLiteral("UPDATE attachment_files SET uploaded_bytes = ? WHERE id = ?"));
    query.addBindValue(bytes);
    query.addBindValue(id);
    return m_db.exec(query);
}

Result<void> AttachmentFileTable::markSynced(const QString &id)
{
    QSqlQuery &query = m_db.prepare(QStringLiteral(
        "UPDATE attachment_files SET state = 'synced', uploaded_bytes = bytes, last_error = NULL"
        " WHERE id = ?"));
    query.addBindValue(id);
    return m_db.exec(query);
}

Result<void> AttachmentFileTable::setError(const QString &id, const QString &error)
{
    QSqlQuery &query =
        m_db.prepare(QStringLiteral("UPDATE attachment_files SET last_error = ? WHERE id = ?"));
    query.addBindValue(error.isEmpty() ? QVariant() : QVariant(error));
    query.addBindValue(id);
    return m_db.exec(query);
}

Result<void> AttachmentFileTable::clearFile(const QString &id)
{
    QSqlQuery &query = m_db.prepare(
        QStringLiteral("UPDATE attachment_files SET file_name = NULL WHERE id = ? AND state = 'synced'"));
    query.addBindValue(id);
    return m_db.exec(query);
}

Result<QList<AttachmentInfo>> AttachmentFileTable::query(const QString &whereSql, const QVariantList &binds,
                                                         const QString &filesDir) const
{
    QSqlQuery &query = m_db.prepare(
        QStringLiteral("SELECT r.id, r.data, f.file_name, f.state, f.uploaded_bytes, f.id IS NOT NULL,"
                       " f.last_error"
                       " FROM records r LEFT JOIN attachment_files f ON f.id = r.id"
                       " WHERE r.entity = 'attachment' AND r.deleted = 0 AND (") +
        whereSql + QStringLiteral(") ORDER BY json_extract(r.data, '$.updated_at'), r.id"));
    for (const QVariant &bind : binds)
        query.addBindValue(bind);
    if (Result<void> done = m_db.exec(query); !done)
        return done.error();
    QList<AttachmentInfo> found;
    while (query.next()) {
        const QJsonObject data = QJsonDocument::fromJson(query.value(1).toByteArray()).object();
        AttachmentInfo info = AttachmentRecord::fromData(query.value(0).toString(), data);
        const QString fileName = query.value(2).toString();
        const bool hasRow = query.value(5).toBool();
        info.uploadedBytes = query.value(4).toLongLong();
        info.uploadError = query.value(6).toString();
        if (!fileName.isEmpty() && QFileInfo::exists(QDir(filesDir).filePath(fileName)))
            info.localPath = QDir(filesDir).filePath(fileName);
        if (hasRow && query.value(3).toString() == Pending)
            info.state = info.uploadedBytes > 0 ? AttachmentState::Uploading : AttachmentState::Pending;
        else if (hasRow)
            info.state = AttachmentState::Synced;
        else
            info.state = AttachmentState::Missing;
        found.append(info);
    }
    query.finish();
    return found;
}

Result<QString> AttachmentFileTable::lastError(const QString &id) const
{
    QSqlQuery &query = m_db.prepare(QStringLiteral("SELECT last_error FROM attachment_files WHERE id = ?"));
    query.addBindValue(id);
    if (Result<void> done = m_db.exec(query); !done)
        return done.error();
    const QString error = query.next() ? query.value(0).toString() : QString();
    query.finish();
    return error;
}

Result<int> AttachmentFileTable::pendingCount() const
{
    QSqlQuery &query =
        m_db.prepare(QStringLiteral("SELECT COUNT(*) FROM attachment_files WHERE state = 'pending'"));
    if (Result<void> done = m_db.exec(query); !done)
        return done.error();
    const int count = query.next() ? query.value(0).toInt() : 0;
    query.finish();
    return count;
}

Result<int> AttachmentFileTable::pendingCountForRecord(const QString &recordId) const
{
    QSqlQuery &query = m_db.prepare(
        QStringLiteral("SELECT COUNT(*) FROM attachment_files WHERE state = 'pending' AND record_id = ?"));
    query.addBindValue(recordId);
    if (Result<void> done = m_db.exec(query); !done)
        return done.error();
    const int count = query.next() ? query.value(0).toInt() : 0;
    query.finish();
    return count;
}

} // namespace fieldsync
