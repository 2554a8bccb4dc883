#pragma once

#include "attachments/AttachmentStore.h"
#include "store/LocalEditor.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace fieldsync {
class SyncController;
}

namespace fieldsync::ui {

class AttachmentStrip;
class WorkflowButtons;

// The lock-out/tag-out points of one permit: each energy source, its padlocks and how far it has
// moved (assigned -> isolated -> verified -> de-isolated, forward only).
class IsolationPointsWidget : public QWidget
{
    Q_OBJECT

public:
    explicit IsolationPointsWidget(DeviceStore &store, QWidget *parent = nullptr);

    void setPermit(const QString &permitId, bool editable);
    int pointCount() const;
    // The photos of the selected point.
    AttachmentStrip *photos() const { return m_photos; }
    void setSyncController(SyncController *sync);

signals:
    void message(const QString &text);

private:
    void reload();
    void add();
    void onCurrentChanged();
    void move(const QString &toStatus);
    void saveLocks();
    void showError(const Error &error);
    QString currentId() const;

    DeviceStore &m_store;
    LocalEditor m_editor;
    AttachmentStore m_attachments;
    QString m_permitId;
    bool m_editable = false;
    QTreeWidget *m_list;
    WorkflowButtons *m_moves;
    QLineEdit *m_locks;
    QPushButton *m_saveLocks;
    QLineEdit *m_newDescription;
    QLineEdit *m_newLocks;
    QPushButton *m_add;
    QLabel *m_error;
    AttachmentStrip *m_photos;
};

} // namespace fieldsync::ui
