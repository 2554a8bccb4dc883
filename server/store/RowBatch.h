#pragma once

#include "common/Result.h"
#include "store/SqlValue.h"

#include <QString>

#include <utility>
#include <vector>

namespace fieldsync::server {

class ServerDatabase;

// Rows of one INSERT kept and written many to a statement, for a push that writes a row per
// change: a full chunk goes in one statement, fewer rows one by one, so that there are two
// statements to prepare, not one per count of rows. The rows go in in the order they came,
// within the caller's transaction; an Error of writing them may come from a later call than the
// keep() of the row.
class RowBatch
{
public:
    // insertHead: "INSERT INTO t (a, b)"; insertTail: what follows the VALUES (an upsert clause,
    // or nothing).
    RowBatch(ServerDatabase &db, const QString &insertHead, qsizetype columnCount,
             const QString &insertTail = {});

    bool isOn() const { return m_on; }
    qsizetype keptRows() const { return qsizetype(m_kept.size()) / m_columnCount; }
    void start();
    // Forgets the rows kept (their transaction is being rolled back), and stops.
    void drop();
    // Keeps a row of columnCount values, each made a SqlValue where it is kept; writes the kept
    // rows when they fill a chunk, and the row at once while the batch is off.
    template<typename... Values> Result<void> keep(Values &&...row)
    {
        Q_ASSERT(qsizetype(sizeof...(Values)) == m_columnCount);
        (m_kept.emplace_back(std::forward<Values>(row)), ...);
        if (m_on && qsizetype(m_kept.size()) < RowsPerChunk * m_columnCount)
            return {};
        return write();
    }
    // Writes the rows kept, and forgets them whatever happens, so that no row is written twice.
    Result<void> write();

    // 500 values a statement at ten columns, well within what SQLite and PostgreSQL bind.
    static constexpr qsizetype RowsPerChunk = 50;

private:
    ServerDatabase &m_db;
    qsizetype m_columnCount;
    QString m_oneRowSql;
    QString m_chunkSql;
    bool m_on = false;
    std::vector<SqlValue> m_kept; // the values of the rows kept, a row after the other
};

} // namespace fieldsync::server
