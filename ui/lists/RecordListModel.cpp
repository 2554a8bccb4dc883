#include "RecordListModel.h"

#include "common/UiLogging.h"
#include "common/UiText.h"
#include "common/UiTime.h"

#include <QIcon>

namespace fieldsync::ui {

namespace {

const QString SyncColumn = QStringLiteral("_sync");

QIcon syncIcon(RecordSyncState state)
{
    switch (state) {
    case RecordSyncState::Synced:
        return QIcon(QStringLiteral(":/icons/synced.svg"));
    case RecordSyncState::Pending:
        return QIcon(QStringLiteral(":/icons/pending.svg"));
    case RecordSyncState::Conflict:
        return QIcon(QStringLiteral(":/icons/conflict.svg"));
    case RecordSyncState::Rejected:
        return QIcon(QStringLiteral(":/icons/rejected.svg"));
    }
    return {};
}

} // namespace

RecordListModel::RecordListModel(DeviceStore &store, EntityKind kind, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
{
    m_query.entity = kind;
    if (kind == EntityKind::Task)
        m_columns = {QStringLiteral("title"),    QStringLiteral("status"),   QStringLiteral("priority"),
                     QStringLiteral("due_date"), QStringLiteral("assignee"), SyncColumn};
    else
        m_columns = {QStringLiteral("title"),    QStringLiteral("status"),     QStringLiteral("work_type"),
                     QStringLiteral("location"), QStringLiteral("updated_at"), SyncColumn};
    // Edits and pulls come in bursts (a sync applies hundreds): gather them into one refresh.
    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(150);
    connect(&m_refreshTimer, &QTimer::timeout, this, &RecordListModel::refreshNow);
    connect(&m_store, &DeviceStore::recordsChanged, this, &RecordListModel::onRecordsChanged);
    connect(&m_store, &DeviceStore::queueChanged, this, [this] { m_refreshTimer.start(); });
}

void RecordListModel::setProject(const QString &projectId)
{
    if (m_active && m_query.projectId == projectId)
        return;
    m_active = true;
    m_query.projectId = projectId;
    reload();
}

void RecordListModel::setStatusFilter(const QString &status)
{
    m_query.status = status;
    reload();
}

void RecordListModel::setSearch(const QString &text)
{
    m_query.search = text.trimmed();
    reload();
}

void RecordListModel::reload()
{
    // Until the project is known, filters and sort only set up the query: no 100,000-row reads.
    if (!m_active)
        return;
    Result<QStringList> ids = m_store.records().listIds(m_query);
    beginResetModel();
    m_pages.clear();
    m_pageAge.clear();
    if (ids) {
        m_ids = std::move(ids).value();
    } else {
        m_ids.clear();
        qCWarning(lcUi) << "cannot list records:" << ids.error().toString();
        emit loadFailed(UiText::errorText(ids.error()));
    }
    endResetModel();
}

void RecordListModel::refreshNow()
{
    m_refreshTimer.stop();
    if (!m_active)
        return;
    Result<QStringList> ids = m_store.records().listIds(m_query);
    if (!ids) {
        emit loadFailed(UiText::errorText(ids.error()));
        return;
    }
    m_pages.clear();
    m_pageAge.clear();
    if (ids.value() == m_ids) {
        if (!m_ids.isEmpty())
            emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
        return;
    }
    // Rows moved or came and went: keep the selection and current row on the same records.
    emit layoutAboutToBeChanged();
    const QModelIndexList before = persistentIndexList();
    QStringList beforeIds;
    for (const QModelIndex &index : before)
        beforeIds.append(m_ids.value(index.row()));
    m_ids = std::move(ids).value();
    QModelIndexList after;
    for (int i = 0; i < before.size(); ++i) {
        const int row = int(m_ids.indexOf(beforeIds.at(i)));
        after.append(row < 0 ? QModelIndex() : index(row, before.at(i).column()));
    }
    changePersistentIndexList(before, after);
    emit layoutChanged();
}

void RecordListModel::onRecordsChanged(const QStringList &ids)
{
    Q_UNUSED(ids)
    m_refreshTimer.start();
}

int RecordListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_ids.size());
}

int RecordListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

const RecordListModel::Row *RecordListModel::rowAt(int row) const
{
    const int page = row / PageSize;
    auto it = m_pages.find(page);
    if (it == m_pages.end()) {
        if (m_pages.size() >= MaxCachedPages)
            m_pages.remove(m_pageAge.takeFirst());
        QList<Row> rows;
        const int first = page * PageSize;
        const int last = std::min(int(m_ids.size()), first + PageSize);
        rows.reserve(last - first);
        for (int i = first; i < last; ++i) {
            Row loaded;
            Result<std::optional<LocalRecord>> found = m_store.records().find(m_ids.at(i));
            if (found && found.value())
                loaded.record = *found.value();
            Result<RecordSyncState> state = m_store.syncState(m_ids.at(i));
            if (state)
                loaded.sync = state.value();
            rows.append(loaded);
        }
        it = m_pages.insert(page, rows);
        m_pageAge.append(page);
    } else {
        m_pageAge.removeOne(page);
        m_pageAge.append(page);
    }
    const int offset = row - page * PageSize;
    return offset < it->size() ? &it->at(offset) : nullptr;
}

QVariant RecordListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_ids.size())
        return {};
    if (role == RecordIdRole)
        return m_ids.at(index.row());
    if (role != Qt::DisplayRole && role != Qt::DecorationRole && role != Qt::ToolTipRole &&
        role != SyncStateRole && role != StatusRole)
        return {};
    const Row *row = rowAt(index.row());
    if (!row)
        return {};
    if (role == SyncStateRole)
        return int(row->sync);
    if (role == StatusRole)
        return row->record.status();
    const QString field = m_columns.at(index.column());
    if (field == SyncColumn) {
        if (role == Qt::DecorationRole)
            return syncIcon(row->sync);
        return UiText::recordSyncStateLabel(row->sync);
    }
    if (role == Qt::DecorationRole)
        return {};
    if (field == QLatin1String("updated_at"))
        return UiTime::shortDateTimeText(row->record.data.value(field).toString());
    const FieldSpec *spec = EntitySchema::of(m_query.entity).field(field);
    const QJsonValue value = row->record.data.value(field);
    if (!spec || value.isNull() || value.isUndefined())
        return field == QLatin1String("title") ? row->record.title() : QString();
    return UiText::valueText(*spec, value);
}

QVariant RecordListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    const QString field = m_columns.value(section);
    return field == SyncColumn ? tr("Sync") : UiText::fieldLabel(field);
}

QString RecordListModel::orderColumn(int column) const
{
    const QString field = m_columns.value(column);
    if (field == QLatin1String("title") || field == QLatin1String("status") ||
        field == QLatin1String("updated_at"))
        return field;
    return {};
}

bool RecordListModel::isSortable(int column) const
{
    return !orderColumn(column).isEmpty();
}

void RecordListModel::sort(int column, Qt::SortOrder order)
{
    // Only the columns SQLite has an order for; the others keep the current order.
    const QString orderBy = orderColumn(column);
    if (orderBy.isEmpty())
        return;
    const bool descending = order == Qt::DescendingOrder;
    if (m_query.orderBy == orderBy && m_query.descending == descending && m_sortColumn == column)
        return;
    m_sortColumn = column;
    m_query.orderBy = orderBy;
    m_query.descending = descending;
    reload();
}

} // namespace fieldsync::ui
