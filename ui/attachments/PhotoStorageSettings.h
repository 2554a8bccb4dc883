#pragma once

#include "attachments/AttachmentStore.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QSpinBox;

namespace fieldsync::ui {

// How long photos stay on this device and how much room the data directory's files take. Only
// files the server already has are ever removed; they can be downloaded again when needed.
class PhotoStorageSettings : public QWidget
{
    Q_OBJECT

public:
    explicit PhotoStorageSettings(AttachmentStore &attachments, QWidget *parent = nullptr);

    QSpinBox *daysField() const { return m_days; }
    QPushButton *freeSpaceButton() const { return m_freeSpace; }
    QString storageText() const;
    QString resultText() const;

    // Saves the number of days; on failure the reason is returned.
    Result<void> apply();
    // Removes now the local copies older than the days chosen (after saving the setting).
    void freeSpaceNow();
    void refreshStorage();

private:
    AttachmentStore &m_attachments;
    QSpinBox *m_days;
    QLabel *m_storage;
    QLabel *m_result;
    QPushButton *m_freeSpace;
};

} // namespace fieldsync::ui
