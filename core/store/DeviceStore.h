#pragma once

#include "ConflictStore.h"
#include "LocalDatabase.h"
#include "MetaStore.h"
#include "RecordStore.h"
#include "SyncLog.h"
#include "domain/Role.h"
#include "outbox/Outbox.h"

#include <QObject>

namespace fieldsync {

struct QueueCounts
{
    int pending = 0;
    int conflicts = 0;
    int rejected = 0;
};

// Where a record stands as a person should see it.
enum class RecordSyncState
{
    Synced,
    Pending,
    Conflict,
    Rejected
};

// Who this device signs in as, and to which server.
struct DeviceAccount
{
    QString serverUrl;
    QString token;
    QString userName;
    std::optional<Role> role; // unknown until the server has said
    QStringList projects;
    QString currentProject;
};

// One data directory: the SQLite store with its outbox, conflicts and rejections, and the device's
// identity. Everything the GUI, the CLI and the sync engine read or write goes through here.
class DeviceStore : public QObject
{
    Q_OBJECT

public:
    // Creates the directory (0700) and the database if needed; errors store_open, store_too_new, ...
    static Result<std::unique_ptr<DeviceStore>> open(const QString &dataDir);
    ~DeviceStore() override;

    const QString &dataDir() const { return m_dataDir; }
    const QString &deviceId() const { return m_deviceId; }

    LocalDatabase &database() { return *m_db; }
    RecordStore &records() { return m_records; }
    Outbox &outbox() { return m_outbox; }
    ConflictStore &conflicts() { return m_conflicts; }
    MetaStore &meta() { return m_meta; }
    SyncLog &syncLog() { return m_syncLog; }

    Result<DeviceAccount> account();
    Result<void> saveAccount(const DeviceAccount &account);
    // The role edits are checked against locally: the least privileged one until the server says.
    Role effectiveRole();

    Result<QueueCounts> counts();
    Result<RecordSyncState> syncState(const QString &recordId);
    // True while a record has an edit the server has not settled: pulls must not overwrite it.
    Result<bool> hasUnsettledEdits(const QString &recordId);

    // Called after every committed write so that views refresh.
    void notifyChanged(const QStringList &recordIds);

signals:
    void recordsChanged(const QStringList &recordIds);
    void queueChanged();

private:
    explicit DeviceStore(std::unique_ptr<LocalDatabase> db, QString dataDir);
    Result<void> loadIdentity();

    std::unique_ptr<LocalDatabase> m_db;
    QString m_dataDir;
    QString m_deviceId;
    RecordStore m_records;
    Outbox m_outbox;
    ConflictStore m_conflicts;
    MetaStore m_meta;
    SyncLog m_syncLog;
};

} // namespace fieldsync
