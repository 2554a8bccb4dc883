#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>

namespace fieldsync::server {

class ServerDatabase;

// The answer given to every (device_id, offline_id), so that a replayed change gets the same
// answer and is never applied twice.
class IdempotencyRepository
{
public:
    struct StoredAnswer
    {
        QString projectId; // the project the change touched; empty when it never reached one
        QByteArray answer;
    };

    explicit IdempotencyRepository(ServerDatabase &db);

    Result<std::optional<StoredAnswer>> find(const QString &deviceId, const QString &offlineId);
    // The answers already given to any of offlineIds, by offline id: what find() returns for
    // each, in a few statements for a whole push instead of one per change.
    Result<QHash<QString, StoredAnswer>> findMany(const QString &deviceId, const QStringList &offlineIds);
    Result<void> store(const QString &deviceId, const QString &offlineId, const StoredAnswer &answer,
                       const QString &now);
    struct NewAnswer
    {
        QString offlineId;
        StoredAnswer answer;
    };
    // What store() does for each of answers, in a few statements of many rows each.
    Result<void> storeMany(const QString &deviceId, const QList<NewAnswer> &answers, const QString &now);

private:
    ServerDatabase &m_db;
};

} // namespace fieldsync::server
