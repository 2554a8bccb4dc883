#pragma once

#include "StoredRecord.h"
#include "common/Result.h"

#include <QJsonObject>
#include <QList>

#include <optional>

namespace fieldsync::server {

class ServerDatabase;

// Who changed what, from which device, and what the record was before and after: the trail the
// office relies on when it asks what the site did.
class AuditRepository
{
public:
    struct Entry
    {
        qint64 seq = 0;
        QString recordId;
        QString user;
        QString deviceId;
        QString at;
        QString clientTime;
        QJsonObject before; // empty for a create
        QJsonObject after;
    };

    explicit AuditRepository(ServerDatabase &db);

    // before is empty for a create; after is the record as written. encodedAfterData: after.data
    // as compact JSON, when the caller has it already.
    Result<void> record(const StoredRecord &after, const QJsonObject &before, const QString &clientTime,
                        const QByteArray &encodedAfterData = {});
    Result<QList<Entry>> entriesFor(const QString &recordId);
    // The after_data of the record's entry of that seq, as stored; nothing when there is none.
    Result<std::optional<QByteArray>> afterDataAt(const QString &recordId, qint64 seq);
    // Who brought the record to this status: its creator, and who last moved it into the status
    // (once each; empty when the trail holds neither).
    Result<QStringList> whoBroughtItTo(const QString &recordId, const QString &status);
    // True when a device other than deviceId wrote the record after version sinceVersion. Every
    // write adds one audit row and one version, so the rows past the first sinceVersion are the
    // writes the device has not seen.
    Result<bool> changedByOthersSince(const QString &recordId, qint64 sinceVersion, const QString &deviceId);

private:
    ServerDatabase &m_db;
};

} // namespace fieldsync::server
