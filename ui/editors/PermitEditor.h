#pragma once

#include "RecordEditor.h"

namespace fieldsync::ui {

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

protected:
    void recordShown(const LocalRecord *record) override;

private:
    void updateTabTitles();

    IsolationPointsWidget *m_points;
    GasReadingsWidget *m_readings;
};

} // namespace fieldsync::ui
