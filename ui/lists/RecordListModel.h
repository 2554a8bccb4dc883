#pragma once

#include "store/DeviceStore.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QTimer>

namespace fieldsync::ui {

// A list of permits or tasks that stays fast with 100,000 records: it holds only the ids in list
// order (one indexed query), and loads whole records a page at a time when the view asks for a
// row it shows. Sorting, the status filter and the search run in SQLite.
class RecordListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Roles
    {
        RecordIdRole = Qt::UserRole + 1,
        SyncStateRole,
        StatusRole,
    };
    static constexpr int PageSize = 100;
    static constexpr int MaxCachedPages = 16;

    RecordListModel(DeviceStore &store, EntityKind kind, QObject *parent = nullptr);

    EntityKind kind() const { return m_query.entity; }
    const RecordQuery &query() const { return m_query; }
    // Shows the records of a project (empty: every project); nothing is read before this.
    void setProject(const QString &projectId);
    void setStatusFilter(const QString &status);
    void setSearch(const QString &text);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    QString fieldOfColumn(int column) const { return m_columns.value(column); }
    bool isSortable(int column) const;
    int rowOfId(const QString &id) const { return int(m_ids.indexOf(id)); }
    QString idAt(int row) const { return m_ids.value(row); }
    // Pages loaded from the store so far (tests prove the model is lazy with this).
    int loadedPageCount() const { return int(m_pages.size()); }
    // Re-reads the ids now (instead of after the short delay that gathers bursts of changes).
    void refreshNow();

signals:
    void loadFailed(const QString &message);

private:
    struct Row
    {
        LocalRecord record;
        RecordSyncState sync = RecordSyncState::Synced;
    };

    void reload();
    const Row *rowAt(int row) const;
    void onRecordsChanged(const QStringList &ids);
    QString orderColumn(int column) const;

    DeviceStore &m_store;
    RecordQuery m_query;
    QStringList m_columns;
    QStringList m_ids;
    mutable QHash<int, QList<Row>> m_pages;
    mutable QList<int> m_pageAge; // least recently used first
    QTimer m_refreshTimer;
    int m_sortColumn = 0;
    bool m_active = false;
};

} // namespace fieldsync::ui
