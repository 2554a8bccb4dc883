#pragma once

#include "store/ConflictResolver.h"
#include "store/DeviceStore.h"
#include "store/LocalEditor.h"
#include "sync/SyncEngine.h"

#include <QTemporaryDir>

namespace fieldsync::test {

// One simulated tablet in a test: a real data directory with the real core, synced against the
// real server over loopback. Every call waits for its answer, so tests read top to bottom.
class TestDevice
{
public:
    explicit TestDevice(const QString &name);
    ~TestDevice();

    // Stores the server and token and asks the server who we are (role, projects).
    bool signIn(const QString &url, const QString &token);
    SyncReport sync();

    // Opens the same data directory again, as after a restart.
    void reopen();

    DeviceStore &store() { return *m_store; }
    SyncEngine &engine() { return *m_engine; }
    // Its timeouts and pace, for tests that need them short.
    SyncApiClient &api() { return *m_api; }
    QString dataDir() const { return m_dir.path(); }

    QString create(EntityKind entity, const QJsonObject &fields);
    bool edit(const QString &id, const QJsonObject &changes);
    LocalRecord record(const QString &id);
    QList<StoredConflict> conflicts();
    QList<StoredRejection> rejections();
    QueueCounts counts();
    int recordCount(EntityKind entity);

private:
    void open();

    QString m_name;
    QTemporaryDir m_dir;
    std::unique_ptr<DeviceStore> m_store;
    std::unique_ptr<SyncApiClient> m_api;
    std::unique_ptr<SyncEngine> m_engine;
};

} // namespace fieldsync::test
