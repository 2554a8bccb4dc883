#pragma once

#include "ConflictStore.h"
#include "LocalDatabase.h"
#include "MetaStore.h"
#include "RecordStore.h"
#include "SyncLog.h"
#include "TokenVault.h"
#include "domain/Role.h"
#include "outbox/Outbox.h"

#include <QObject>
#include <QSet>

namespace fieldsync {

struct QueueCounts
{
    int pending = 0; // queued changes plus attachment files the server does not have yet
    int pendingFiles = 0;
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
    // SHA-256 fingerprint of the server's certificate to pin, as openssl prints it; empty: the
    // system's CAs decide (see TlsPolicy).
    QString certificatePin;
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

    // The token is kept in the TokenVault (keychain, else a 0600 file), never in the database.
    Result<DeviceAccount> account();
    Result<void> saveAccount(const DeviceAccount &account);
    // True when the token lives in a file because no keychain is available: show
    // TokenVault::fileWarning() to the person.
    bool tokenInFile() const { return m_vault.usesFile(); }
    // The role edits are checked against locally: the least privileged one until the server says.
    Role effectiveRole();

    Result<QueueCounts> counts();
    Result<RecordSyncState> syncState(const QString &recordId);
    // Attachment files not yet complete on the server: all of them, or those of one record.
    Result<int> countPendingFiles(const QString &recordId);
    // True while a record has an edit the server has not settled: pulls must not overwrite it.
    Result<bool> hasUnsettledEdits(const QString &recordId);
    // What applying answers to a record decides by: its head, if it exists, and whether it has
    // unsettled edits (hasUnsettledEdits()) besides the queued changes named in exceptOfflineIds
    // (the ones about to be settled).
    struct RecordStanding
    {
        std::optional<RecordStore::Head> head;
        bool unsettled = false;
    };
    // RecordStore::findHeads() and hasUnsettledEdits() for a whole page of records in one
    // statement, for each of recordIds. exceptSeqs: the outbox seqs those queued changes were read
    // at, when known: an outbox row is never changed and its seq never used again, so a row at one
    // of them is one of exceptOfflineIds, and the outbox's index alone passes over it. A seq that
    // is not one of theirs would hide an unsettled edit: pass them as read, or none.
    Result<QHash<QString, RecordStanding>> standingOf(const QStringList &recordIds,
                                                      const QStringList &exceptOfflineIds = {},
                                                      const QList<qint64> &exceptSeqs = {});

    // Called after every committed write so that views refresh.
    void notifyChanged(const QStringList &recordIds);

signals:
    void recordsChanged(const QStringList &recordIds);
    void queueChanged();

private:
    explicit DeviceStore(std::unique_ptr<LocalDatabase> db, QString dataDir);
    Result<void> loadIdentity();
    Result<void> storeToken(const QString &token);

    std::unique_ptr<LocalDatabase> m_db;
    QString m_dataDir;
    QString m_deviceId;
    RecordStore m_records;
    Outbox m_outbox;
    ConflictStore m_conflicts;
    MetaStore m_meta;
    SyncLog m_syncLog;
    TokenVault m_vault;
};

} // namespace fieldsync
