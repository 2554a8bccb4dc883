#pragma once

#include "store/DeviceStore.h"

#include <QWidget>

class QLabel;
class QPushButton;

namespace fieldsync::ui {

// Where one record stands: synced, pending, in conflict (with Resolve) or rejected (with the
// server's reason and Discard), so a person never has to guess whether the office sees it.
class SyncStateBadge : public QWidget
{
    Q_OBJECT

public:
    explicit SyncStateBadge(DeviceStore &store, QWidget *parent = nullptr);

    void showRecord(const QString &recordId);
    void refresh();
    std::optional<RecordSyncState> state() const { return m_state; }
    QString text() const;

signals:
    void resolveRequested(const QString &conflictId);
    void discardRequested(const QString &rejectionId);

private:
    DeviceStore &m_store;
    QString m_recordId;
    std::optional<RecordSyncState> m_state;
    QString m_conflictId;
    QString m_rejectionId;
    QLabel *m_icon;
    QLabel *m_label;
    QPushButton *m_action;
};

} // namespace fieldsync::ui
