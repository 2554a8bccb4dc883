#include "RecordListPane.h"

#include "common/KineticScrolling.h"
#include "common/TouchStyle.h"
#include "common/UiText.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace fieldsync::ui {

RecordListPane::RecordListPane(DeviceStore &store, EntityKind kind, QWidget *parent)
    : QWidget(parent)
    , m_model(new RecordListModel(store, kind, this))
    , m_search(new QLineEdit(this))
    , m_statusFilter(new QComboBox(this))
    , m_newButton(new QPushButton(this))
    , m_view(new QTableView(this))
    , m_count(new QLabel(this))
    , m_searchDelay(new QTimer(this))
{
    const bool permits = kind == EntityKind::Permit;
    m_search->setPlaceholderText(permits ? tr("Search permits") : tr("Search tasks"));
    m_search->setClearButtonEnabled(true);
    m_search->addAction(QIcon(QStringLiteral(":/icons/search.svg")), QLineEdit::LeadingPosition);
    m_statusFilter->addItem(tr("All statuses"), QString());
    for (const QString &state : EntitySchema::of(kind).workflow->states())
        m_statusFilter->addItem(UiText::statusLabel(state), state);
    m_statusFilter->setAccessibleName(tr("Filter by status"));
    m_newButton->setText(permits ? tr("New permit") : tr("New task"));
    m_newButton->setIcon(QIcon(QStringLiteral(":/icons/add.svg")));

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_search, 3);
    filters->addWidget(m_statusFilter, 1);
    filters->addWidget(m_newButton);

    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideRight);
    // Fixed row heights: the view never asks 100,000 rows for their size.
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(TouchStyle::MinTarget + 4);
    QHeaderView *header = m_view->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(0, QHeaderView::Stretch);
    header->setHighlightSections(false);
    header->setSortIndicator(0, Qt::AscendingOrder);
    header->setSortIndicatorShown(true);
    m_view->setSortingEnabled(true); // after the indicator, so it sorts the way the arrow shows
    // Never narrower than the heading: German's "Synchronisierung" was cut to "Synchronisi...".
    for (int column = 1; column < m_model->columnCount(); ++column) {
        const int preferred = column == m_model->columnCount() - 1 ? 130 : 150;
        header->resizeSection(column, std::max(preferred, header->sectionSizeHint(column)));
    }
    enableKineticScrolling(m_view);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(filters);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_count);

    // Search as you type, but one query per pause rather than one per key.
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(120);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_searchDelay, &QTimer::timeout, this, [this] { m_model->setSearch(m_search->text()); });
    connect(m_statusFilter, &QComboBox::currentIndexChanged, this,
            [this] { m_model->setStatusFilter(m_statusFilter->currentData().toString()); });
    connect(m_newButton, &QPushButton::clicked, this, &RecordListPane::newRequested);
    connect(header, &QHeaderView::sortIndicatorChanged, this, &RecordListPane::onSortIndicatorChanged);
    // One tap opens a record: no double tap, nothing that needs hover.
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    emit recordActivated(m_model->idAt(current.row()));
            });
    connect(m_model, &QAbstractItemModel::modelReset, this, &RecordListPane::updateCount);
    connect(m_model, &QAbstractItemModel::layoutChanged, this, &RecordListPane::updateCount);
}

void RecordListPane::setProject(const QString &projectId)
{
    m_model->setProject(projectId);
}

void RecordListPane::selectRecord(const QString &id)
{
    const int row = m_model->rowOfId(id);
    if (row < 0) {
        m_view->clearSelection();
        return;
    }
    const QModelIndex index = m_model->index(row, 0);
    if (m_view->currentIndex().row() != row)
        m_view->setCurrentIndex(index);
    m_view->scrollTo(index);
}

QString RecordListPane::currentRecordId() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? m_model->idAt(current.row()) : QString();
}

void RecordListPane::updateCount()
{
    const int rows = m_model->rowCount();
    m_count->setText(m_model->kind() == EntityKind::Permit ? tr("%n permit(s)", nullptr, rows)
                                                           : tr("%n task(s)", nullptr, rows));
}

void RecordListPane::onSortIndicatorChanged(int column, Qt::SortOrder order)
{
    if (!m_model->isSortable(column)) {
        // Put the arrow back where the order really is.
        QSignalBlocker blocker(m_view->horizontalHeader());
        m_view->horizontalHeader()->setSortIndicator(m_sortColumn, m_sortOrder);
        return;
    }
    m_sortColumn = column;
    m_sortOrder = order;
}

void RecordListPane::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    // On a narrow pane the title, status and sync state matter most.
    const int available = width();
    m_view->setColumnHidden(2, available < 620);
    m_view->setColumnHidden(3, available < 760);
    m_view->setColumnHidden(4, available < 900);
}

} // namespace fieldsync::ui
