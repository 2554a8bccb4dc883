#pragma once

#include "store/LocalEditor.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QScrollArea;
class QTabWidget;

namespace fieldsync {
class SyncApiClient;
}

namespace fieldsync::ui {

class PreparerLookup;
class RecordForm;
class SyncStateBadge;
class WorkflowButtons;

// Shows and edits one permit or task: its fields, its status with the workflow moves the role may
// make, and whether it is synced. Saving writes the record and queues the change in one step
// through LocalEditor; nothing half-done is left on the device.
class RecordEditor : public QWidget
{
    Q_OBJECT

public:
    RecordEditor(DeviceStore &store, EntityKind kind, QWidget *parent = nullptr);

    EntityKind kind() const { return m_kind; }
    QString recordId() const { return m_recordId; }
    bool isNew() const { return m_isNew; }
    void showRecord(const QString &recordId);
    // An empty record to fill in; presets are fields given beforehand (a task's permit).
    void startNew(const QJsonObject &presets = {});
    void clear();
    // Saves the form; on failure the reason is shown and false returned.
    bool save();
    void revert();
    // Moves the record to a status (saving the form's changes with it).
    bool applyTransition(const QString &toStatus);

    RecordForm *form() const { return m_form; }
    WorkflowButtons *workflowButtons() const { return m_workflow; }
    SyncStateBadge *badge() const { return m_badge; }
    QString errorText() const;
    void setRole(Role role);
    // The server to ask who prepared a record (PreparerLookup); without one, every move the role
    // may make is offered and the server decides.
    void setAuditSource(SyncApiClient *api);

signals:
    void recordSaved(const QString &recordId);
    void resolveConflictRequested(const QString &conflictId);
    void message(const QString &text);

protected:
    // Subclasses add their own tabs and refresh them when the record changes.
    QTabWidget *tabs() const { return m_tabs; }
    virtual void recordShown(const LocalRecord *record) { Q_UNUSED(record) }
    const QJsonObject &presets() const { return m_presets; }
    DeviceStore &store() const { return m_store; }

private:
    void load();
    void showError(const QString &text);
    void updateButtons();
    void withholdOwnMoves();
    void onRecordsChanged(const QStringList &ids);
    void discardRejected(const QString &rejectionId);
    bool confirmFinalMove(const QString &toStatus);

    DeviceStore &m_store;
    LocalEditor m_editor;
    EntityKind m_kind;
    Role m_role;
    QString m_userName; // who this device signs in as, for withholdOwnMoves()
    QString m_recordId;
    bool m_isNew = false;
    QString m_status;
    qint64 m_serverVersion = 0;
    QJsonObject m_presets;
    QLabel *m_title;
    QLabel *m_statusChip;
    SyncStateBadge *m_badge;
    QLabel *m_error;
    QTabWidget *m_tabs;
    QScrollArea *m_formScroll;
    RecordForm *m_form;
    WorkflowButtons *m_workflow;
    QPushButton *m_delete;
    QPushButton *m_revert;
    QPushButton *m_save;
    QLabel *m_placeholder;
    PreparerLookup *m_preparers;
};

} // namespace fieldsync::ui
