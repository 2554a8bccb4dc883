#pragma once

#include "sync/SyncStatus.h"

#include <QDateTime>
#include <QToolButton>

class QTimer;

namespace fieldsync::ui {

// The always-visible answer to "is my work on the server?": Offline (n pending), Syncing (k of n),
// Synced (time ago), n conflicts, Error (reason, retrying in s). Built on SyncStatus alone, so it
// shows whatever drives the status (Sync now, timers, connectivity). A tap opens the sync panel.
class SyncStatusIndicator : public QToolButton
{
    Q_OBJECT
    Q_PROPERTY(QString stateKey READ stateKey NOTIFY displayChanged)

public:
    explicit SyncStatusIndicator(SyncStatus *status, QWidget *parent = nullptr);

    // What the indicator shows above everything else: offline, syncing, synced, conflicts, error.
    QString stateKey() const { return m_stateKey; }
    // The text for a status at a moment; retryIn is the seconds left before the next attempt.
    static QString describe(const SyncStatus &status, const QDateTime &now, int retryIn);
    static QString stateKeyOf(const SyncStatus &status);

    void refresh();

signals:
    void displayChanged();

private:
    void onStatusChanged();
    int secondsUntilRetry() const;

    SyncStatus *m_status;
    QTimer *m_clock;
    QString m_stateKey;
    QDateTime m_retryAt;
};

} // namespace fieldsync::ui
