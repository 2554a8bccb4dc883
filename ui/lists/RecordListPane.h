#pragma once

#include "RecordListModel.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTimer;

namespace fieldsync::ui {

// One list with its search box, status filter and "New" button: what a foreman scrolls through.
class RecordListPane : public QWidget
{
    Q_OBJECT

public:
    RecordListPane(DeviceStore &store, EntityKind kind, QWidget *parent = nullptr);

    RecordListModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QLineEdit *searchField() const { return m_search; }
    void setProject(const QString &projectId);
    void selectRecord(const QString &id);
    QString currentRecordId() const;

signals:
    void recordActivated(const QString &id);
    void newRequested();

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void updateCount();
    void onSortIndicatorChanged(int column, Qt::SortOrder order);

    RecordListModel *m_model;
    QLineEdit *m_search;
    QComboBox *m_statusFilter;
    QPushButton *m_newButton;
    QTableView *m_view;
    QLabel *m_count;
    QTimer *m_searchDelay;
    int m_sortColumn = 0;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
};

} // namespace fieldsync::ui
