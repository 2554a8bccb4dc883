#pragma once

#include "SyncEngine.h"
#include "SyncStatus.h"

#include <QObject>

namespace fieldsync {

// Owns the sync machinery of one device store and keeps its SyncStatus true. The GUI and the
// CLI's watch talk to this, never to the engine directly.
class SyncController : public QObject
{
    Q_OBJECT

public:
    explicit SyncController(DeviceStore &store, QObject *parent = nullptr);

    SyncStatus *status() { return &m_status; }
    SyncEngine *engine() { return &m_engine; }
    SyncApiClient *api() { return &m_api; }
    bool isConfigured() const { return m_api.isConfigured(); }

    // Re-reads the server and token from the store (after sign-in or settings).
    void reloadAccount();
    // Starts a sync now, whatever any backoff says; false when one is running or no server is set.
    bool syncNow();
    // Re-reads the queue counts into the status.
    void refreshCounts();

signals:
    void syncFinished(const fieldsync::SyncReport &report);

private:
    void onFinished(const SyncReport &report);

    DeviceStore &m_store;
    SyncApiClient m_api;
    SyncEngine m_engine;
    SyncStatus m_status;
};

} // namespace fieldsync
