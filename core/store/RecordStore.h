#pragma once

#include "LocalDatabase.h"
#include "LocalRecord.h"

#include <QList>
#include <optional>

namespace fieldsync {

struct RecordQuery
{
    EntityKind entity = EntityKind::Permit;
    QString projectId; // empty: every project
    QString status;    // empty: every status
    QString search;    // matched against the title, case-insensitive
    QString parentId;  // children of one permit
    bool includeDeleted = false;
    int limit = -1;
    int offset = 0;
    QString orderBy = QStringLiteral("title"); // title, status, updated_at
    bool descending = false;
};

class RecordStore
{
public:
    explicit RecordStore(LocalDatabase &db);

    Result<std::optional<LocalRecord>> find(const QString &id);
    Result<QList<LocalRecord>> list(const RecordQuery &query);
    Result<int> count(const RecordQuery &query);
    // Ids only, in list order: what a lazy list model keeps for 100,000 rows.
    Result<QStringList> listIds(const RecordQuery &query);

    // Writes the whole row (local and server sides).
    Result<void> save(const LocalRecord &record);
    Result<void> remove(const QString &id);
    Result<void> saveServerSide(const QString &id, qint64 version, bool deleted, const QJsonObject &data);

private:
    QString whereClause(const RecordQuery &query, QVariantList &binds) const;

    LocalDatabase &m_db;
};

} // namespace fieldsync
