#pragma once

#include "LocalDatabase.h"
#include "StoredConflict.h"

namespace fieldsync {

class ConflictStore
{
public:
    explicit ConflictStore(LocalDatabase &db);

    Result<void> add(const StoredConflict &conflict);
    Result<std::optional<StoredConflict>> find(const QString &id);
    Result<QList<StoredConflict>> all();
    Result<void> remove(const QString &id);
    Result<int> count();
    Result<int> countForRecord(const QString &recordId);

    Result<void> addRejection(const StoredRejection &rejection);
    Result<std::optional<StoredRejection>> findRejection(const QString &id);
    Result<QList<StoredRejection>> rejections();
    Result<void> removeRejection(const QString &id);
    Result<int> rejectionCount();
    Result<int> rejectionCountForRecord(const QString &recordId);

private:
    Result<int> countWhere(const QString &sql, const QString &bind);

    LocalDatabase &m_db;
};

} // namespace fieldsync
