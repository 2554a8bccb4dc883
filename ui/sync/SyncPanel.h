#pragma once

#include "sync/SyncController.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QTabWidget;
class QTreeWidget;

namespace fieldsync::ui {

class AttachmentProgress;

// Everything that is not on the server yet and why: pending changes, conflicts to resolve,
// rejected changes to edit or discard, and the recent sync log.
class SyncPanel : public QDialog
{
    Q_OBJECT

public:
    enum Tab
    {
        PendingTab,
        ConflictsTab,
        RejectedTab,
        LogTab,
        FilesTab
    };

    SyncPanel(DeviceStore &store, SyncController &sync, QWidget *parent = nullptr);

    void showTab(Tab tab);
    void reload();
    QTreeWidget *pendingList() const { return m_pending; }
    QTreeWidget *conflictList() const { return m_conflicts; }
    QTreeWidget *rejectedList() const { return m_rejected; }
    QTreeWidget *logList() const { return m_log; }
    AttachmentProgress *fileUploads() const { return m_files; }

signals:
    void openRecordRequested(const QString &recordId);
    void resolveConflictRequested(const QString &conflictId);

private:
    QWidget *listPage(QTreeWidget *list, const QString &empty, const QList<QPushButton *> &actions);
    void loadPending();
    void loadConflicts();
    void loadRejected();
    void loadLog();
    QString recordTitle(const QString &recordId, EntityKind kind);
    void discardSelected();
    void updateActions();
    void updateFilesTab();

    DeviceStore &m_store;
    SyncController &m_sync;
    QTabWidget *m_tabs;
    QLabel *m_summary;
    QTreeWidget *m_pending;
    QTreeWidget *m_conflicts;
    QTreeWidget *m_rejected;
    QTreeWidget *m_log;
    AttachmentProgress *m_files;
    QPushButton *m_resolve;
    QPushButton *m_openConflict;
    QPushButton *m_editRejected;
    QPushButton *m_discard;
    QPushButton *m_syncNow;
};

} // namespace fieldsync::ui
