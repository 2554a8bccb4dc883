#pragma once

#include "store/DeviceStore.h"
#include "sync/SyncEngine.h"

#include <QStringList>
#include <QUrl>

#include <memory>

namespace fieldsync::test {

// One device of a fault test: the real core on a data directory the test chooses (so that it can
// be closed, copied and opened again), talking to whatever URL the test points it at (the real
// server, or a FaultProxy in front of it). Every call waits for its answer.
class FaultDevice
{
public:
    explicit FaultDevice(QString dataDir);
    ~FaultDevice();

    // Opens (again) the data directory; the API is pointed at the account's server unless
    // setServerUrl() said otherwise.
    void open();
    void close();
    bool isOpen() const { return m_store != nullptr; }

    bool signIn(const QUrl &url, const QString &token);
    // Talk to url from now on (e.g. a proxy), keeping the account's token.
    void setServerUrl(const QUrl &url);
    void setTransferTimeout(int milliseconds);
    SyncReport sync(int timeoutMs = 120000);

    DeviceStore &store() { return *m_store; }
    SyncEngine &engine() { return *m_engine; }
    SyncApiClient &api() { return *m_api; }
    const QString &dataDir() const { return m_dataDir; }

    QString create(EntityKind entity, const QJsonObject &fields);
    bool edit(const QString &id, const QJsonObject &changes);
    LocalRecord record(const QString &id);
    QueueCounts counts();

    // Everything a sync decides, one line per row, comparable between two devices or runs:
    // records (version, deletion, both sides' data), the outbox, conflicts, rejections and the
    // pull cursor. Sync-log lines and time stamps of local bookkeeping are left out.
    QStringList syncedState();
    // Only the records' current state (id, entity, version, deleted, data): what two devices
    // synced with the same server must agree on.
    QStringList recordsState();

private:
    QStringList rows(const QString &sql, int columns);

    QString m_dataDir;
    QUrl m_overrideUrl;
    int m_timeoutMs = 30000;
    std::unique_ptr<DeviceStore> m_store;
    std::unique_ptr<SyncApiClient> m_api;
    std::unique_ptr<SyncEngine> m_engine;
};

// Copies every file of one data directory into another (both closed): a device's exact state,
// to start several runs from.
bool copyDataDir(const QString &from, const QString &to);

} // namespace fieldsync::test
