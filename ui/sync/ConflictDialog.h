#pragma once

#include "ConflictFieldRow.h"
#include "store/ConflictResolver.h"

#include <QDialog>

class QButtonGroup;
class QLabel;
class QPushButton;
class QTreeWidget;

namespace fieldsync::ui {

// Settles one conflict: base, mine and server per field with a choice each, "keep all mine",
// "take all server", and a preview of the merged record. Only the Resolve button resolves: closing
// the dialog in any other way leaves the conflict open.
class ConflictDialog : public QDialog
{
    Q_OBJECT

public:
    ConflictDialog(DeviceStore &store, const StoredConflict &conflict, QWidget *parent = nullptr);

    const StoredConflict &conflict() const { return m_conflict; }
    bool isWholeRecord() const { return m_recordGroup != nullptr; }
    bool isComplete() const;
    ConflictChoice currentChoice() const;
    QJsonObject previewRecord() const;
    QList<ConflictFieldRow *> rows() const { return m_rows; }
    ConflictFieldRow *row(const QString &field) const;

    void chooseAll(ConflictSide side);
    // Resolves with the current choice; false (and the reason shown) when it cannot.
    bool resolve();

private:
    QWidget *buildFieldGrid();
    QWidget *buildRecordChoice();
    void updatePreview();

    DeviceStore &m_store;
    StoredConflict m_conflict;
    QList<ConflictFieldRow *> m_rows;
    QButtonGroup *m_recordGroup = nullptr;
    QTreeWidget *m_preview;
    QLabel *m_error;
    QPushButton *m_resolveButton;
};

} // namespace fieldsync::ui
