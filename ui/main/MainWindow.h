#pragma once

#include "sync/SyncController.h"

#include <QMainWindow>

class QAction;
class QComboBox;
class QLabel;
class QProgressBar;
class QSplitter;
class QTabWidget;

namespace fieldsync::ui {

class PermitEditor;
class RecordEditor;
class RecordListPane;
class SyncPanel;
class SyncStatusIndicator;
class TaskEditor;

// The one window people use: the project, the permit and task lists beside their editors, Sync now
// and the sync status always in view. Every action is a visible button (no hover-only actions),
// with keyboard shortcuts for the desktop.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    MainWindow(DeviceStore &store, SyncController &sync, QWidget *parent = nullptr);

    SyncStatusIndicator *indicator() const { return m_indicator; }
    QAction *syncNowAction() const { return m_syncNow; }
    RecordListPane *permitsPane() const { return m_permits; }
    RecordListPane *tasksPane() const { return m_tasks; }
    PermitEditor *permitEditor() const { return m_permitEditor; }
    TaskEditor *taskEditor() const { return m_taskEditor; }
    SyncPanel *syncPanel();

    void reloadAccount();
    void openRecord(const QString &recordId);
    void openSyncPanel();
    // Opens the conflict dialog; true when the person resolved it.
    bool openConflict(const QString &conflictId);
    void syncNow();

signals:
    void settingsRequested();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildToolBar();
    QSplitter *buildPage(RecordListPane *list, RecordEditor *editor);
    void onProjectChosen(int index);
    void onRecordActivated(RecordListPane *pane, RecordEditor *editor, const QString &id);
    bool maySwitchRecord(RecordEditor *editor);
    void onStatusChanged();
    void newRecord();
    void showMessage(const QString &text);

    DeviceStore &m_store;
    SyncController &m_sync;
    QTabWidget *m_tabs;
    RecordListPane *m_permits;
    RecordListPane *m_tasks;
    PermitEditor *m_permitEditor;
    TaskEditor *m_taskEditor;
    SyncStatusIndicator *m_indicator;
    QComboBox *m_project;
    QAction *m_syncNow = nullptr;
    QAction *m_new = nullptr;
    QProgressBar *m_progress;
    QLabel *m_account;
    SyncPanel *m_panel = nullptr;
};

} // namespace fieldsync::ui
