#pragma once

#include "store/LocalEditor.h"

#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QTreeWidget;

namespace fieldsync::ui {

// The gas readings of one permit: a list of what was measured (never edited, never merged away)
// and one row to record a new reading with the usual unit for the gas filled in.
class GasReadingsWidget : public QWidget
{
    Q_OBJECT

public:
    explicit GasReadingsWidget(DeviceStore &store, QWidget *parent = nullptr);

    void setPermit(const QString &permitId, bool canRecord);
    int readingCount() const;
    // Outside the safe band for the gas (O2 19.5-23.5 %, LEL under 10 %, H2S under 10 ppm, CO under 35 ppm).
    static bool isAlarm(const QString &gas, double value);

signals:
    void message(const QString &text);

private:
    void reload();
    void record();

    DeviceStore &m_store;
    LocalEditor m_editor;
    QString m_permitId;
    QTreeWidget *m_list;
    QComboBox *m_gas;
    QDoubleSpinBox *m_value;
    QComboBox *m_unit;
    QPushButton *m_record;
    QLabel *m_error;
};

} // namespace fieldsync::ui
