#pragma once

#include "LocalDatabase.h"

#include <QList>

namespace fieldsync {

// The user-visible sync history shown in the sync panel (not the developer log).
struct SyncLogEntry
{
    QString at;
    QString level; // info, warning, error
    QString message;
};

class SyncLog
{
public:
    static constexpr int KeptEntries = 500;

    explicit SyncLog(LocalDatabase &db);
    Result<void> add(const QString &level, const QString &message);
    Result<QList<SyncLogEntry>> recent(int limit = 100);

private:
    LocalDatabase &m_db;
};

} // namespace fieldsync
