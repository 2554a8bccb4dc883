#pragma once

#include "RecordEditor.h"

class QLabel;
class QPushButton;

namespace fieldsync::ui {

// A punch-list task, with the permit that covers its work (if any) one tap away.
class TaskEditor : public RecordEditor
{
    Q_OBJECT

public:
    explicit TaskEditor(DeviceStore &store, QWidget *parent = nullptr);

signals:
    void openPermitRequested(const QString &permitId);

protected:
    void recordShown(const LocalRecord *record) override;

private:
    QLabel *m_permit;
    QPushButton *m_openPermit;
    QString m_permitId;
};

} // namespace fieldsync::ui
