#pragma once

#include "RecordEditor.h"

namespace fieldsync {
class SyncController;
}

namespace fieldsync::ui {

class AttachmentsPage;
class GasReadingsWidget;
class IsolationPointsWidget;

// A permit with its isolation points and gas readings, each on its own tab so that the form stays
// readable on a 10-inch tablet.
class PermitEditor : public RecordEditor
{
    Q_OBJECT

public:
    explicit PermitEditor(DeviceStore &store, QWidget *parent = nullptr);

    IsolationPointsWidget *isolationPoints() const { return m_points; }
    GasReadingsWidget *gasReadings() const { return m_readings; }
    AttachmentsPage *attachments() const { return m_attachments; }
    // Thumbnails and photos that are only on the server, and live upload progress.
    void setSyncController(SyncController *sync);

protected:
    void recordShown(const LocalRecord *record) override;

private:
    void updateTabTitles();

    IsolationPointsWidget *m_points;
    GasReadingsWidget *m_readings;
    AttachmentsPage *m_attachments;
};

} // namespace fieldsync::ui
