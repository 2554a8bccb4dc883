#pragma once

#include "store/DeviceStore.h"
#include "store/LocalEditor.h"
#include "sync/SyncController.h"

#include <QTemporaryDir>

namespace fieldsync::test {

// A device that syncs by itself: a real data directory with its SyncController in automatic
// mode, signed in without asking the server (so that it can be pointed at a proxy or a server
// that is down). Timings are short so that tests run in seconds.
class AutoSyncDevice
{
public:
    AutoSyncDevice(const QUrl &server, const QString &token, const QString &project,
                   const SyncController::Options &options = fastOptions());

    // Debounce 20 ms, no periodic timer, backoff from 200 ms, checks and reconnects from 100 ms.
    static SyncController::Options fastOptions();

    DeviceStore &store() { return *m_store; }
    SyncController &sync() { return *m_sync; }
    SyncStatus &status() { return *m_sync->status(); }
    QString dataDir() const { return m_dir.path(); }

    QString createTask(const QString &title);
    bool edit(const QString &id, const QJsonObject &changes);
    bool hasRecord(const QString &id);
    QString title(const QString &id);
    // Signs in again with another token, as after `issue-token`.
    void setToken(const QString &token);

private:
    QTemporaryDir m_dir;
    QString m_project;
    std::unique_ptr<DeviceStore> m_store;
    std::unique_ptr<SyncController> m_sync;
};

} // namespace fieldsync::test
