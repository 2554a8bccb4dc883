#pragma once

#include "ServerEventsClient.h"
#include "SyncEngine.h"
#include "SyncScheduler.h"
#include "SyncStatus.h"
#include "attachments/AttachmentDownloader.h"
#include "attachments/AttachmentUploader.h"
#include "connectivity/ConnectivityMonitor.h"

#include <QObject>
#include <QTimer>

namespace fieldsync {

// Owns the sync machinery of one device store and keeps its SyncStatus true. The GUI and the
// CLI's watch talk to this, never to the engine directly.
//
// Manual use: syncNow(). Automatic use: startAutomatic() makes the device sync by itself shortly
// after each local edit, when connectivity comes back, on a periodic timer and when the server's
// events say there are changes, with backoff after failures; syncNow() still overrides the backoff.
class SyncController : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        SyncScheduler::Options scheduler;
        ConnectivityMonitor::Options connectivity;
        ServerEventsClient::Options events;
        bool useEvents = true;
        // Polls the outbox for edits queued by another process on the same data directory (the
        // CLI's watch next to `fieldsync-cli edit`); 0 is off, as in the GUI, whose edits are
        // all its own and seen at once.
        int outboxPollMs = 0;
    };

    explicit SyncController(DeviceStore &store, QObject *parent = nullptr);
    SyncController(DeviceStore &store, const Options &options, QObject *parent = nullptr);
    ~SyncController() override;

    SyncStatus *status() { return &m_status; }
    SyncEngine *engine() { return &m_engine; }
    SyncApiClient *api() { return &m_api; }
    ConnectivityMonitor *connectivity() { return &m_connectivity; }
    ServerEventsClient *events() { return &m_events; }
    SyncScheduler *scheduler() { return &m_scheduler; }
    bool isConfigured() const { return m_api.isConfigured(); }
    bool isSyncing() const { return m_engine.isRunning(); }

    // Takes effect for timers started from now on; set before startAutomatic().
    void setOptions(const Options &options);
    const Options &options() const { return m_options; }

    // Certificate rules for every connection to the server: requests, health checks, events.
    void setTlsPolicy(const TlsPolicy &policy);
    // Re-reads the server and token from the store (after sign-in or settings).
    void reloadAccount();
    // Starts a sync now, whatever any backoff says; false when one is running (one more run then
    // follows it) or no server is set.
    bool syncNow();
    // Re-reads the queue counts into the status.
    void refreshCounts();

    void startAutomatic();
    // Stops every timer, the probes and the events connection. A run in flight goes on to its
    // end (watch syncFinished / isSyncing()); nothing new starts unless asked with syncNow().
    void stopAutomatic();
    bool isAutomatic() const { return m_automatic; }

    // Attachment bytes: uploads run in every sync after the records are pushed and pulled;
    // downloads of other devices' files happen on demand.
    AttachmentUploader *attachmentUploader() { return &m_uploader; }
    void fetchAttachment(const QString &attachmentId);
    // The server's small JPEG/PNG of a photo, for lists; thumbnailFetched carries its bytes.
    void fetchThumbnail(const QString &attachmentId);

signals:
    void syncFinished(const fieldsync::SyncReport &report);
    // Records whose local state a pull changed, as each page is applied.
    void recordsPulled(const QStringList &recordIds);
    // The server said who this device signs in as: the account's user, role and projects changed.
    void identityLearned();
    void attachmentProgress(const QString &attachmentId, qint64 sentBytes, qint64 totalBytes);
    void attachmentFetched(const QString &attachmentId, const QString &localPath);
    void attachmentFetchFailed(const QString &attachmentId, const QString &reason);
    void thumbnailFetched(const QString &attachmentId, const QByteArray &imageBytes);

private:
    void onRunRequested(SyncScheduler::Trigger trigger);
    void onFinished(const SyncReport &report);
    void onConnectivityChanged();
    void onServerChanges(qint64 cursor);
    void onEventsConnected();
    void checkLocalEdits();
    void startWatchers();
    void publishStatus();
    qint64 localCursor();

    DeviceStore &m_store;
    Options m_options;
    SyncApiClient m_api;
    SyncEngine m_engine;
    SyncStatus m_status;
    SyncScheduler m_scheduler;
    ConnectivityMonitor m_connectivity;
    ServerEventsClient m_events;
    AttachmentApiClient m_attachmentApi;
    AttachmentUploader m_uploader;
    AttachmentDownloader m_downloader;
    QTimer m_outboxPoll;
    bool m_automatic = false;
    bool m_eventsConnectedBefore = false;
    qint64 m_seenSeq = 0;
    // The state before the last change: only a server that goes away ends a run in flight.
    ConnectivityMonitor::State m_lastConnectivity = ConnectivityMonitor::State::Unknown;
    QString m_lastError; // why the last run failed, when it was not the network
};

} // namespace fieldsync
