#include "RowBatch.h"

#include "ServerDatabase.h"

namespace fieldsync::server {

namespace {

QString valuesOfRows(qsizetype columnCount, qsizetype rows)
{
    QString row = QStringLiteral("(");
    for (qsizetype column = 0; column < columnCount; ++column)
        row += column == 0 ? QStringLiteral("?") : QStringLiteral(", ?");
    row += QStringLiteral(")");
    QString text = QStringLiteral(" VALUES ");
    for (qsizetype index = 0; index < rows; ++index) {
        if (index > 0)
            text += QStringLiteral(", ");
        text += row;
    }
    return text;
}

} // namespace

RowBatch::RowBatch(ServerDatabase &db, const QString &insertHead, qsizetype columnCount,
                   const QString &insertTail)
    : m_db(db)
    , m_columnCount(columnCount)
    , m_oneRowSql(insertHead + valuesOfRows(columnCount, 1) + insertTail)
    , m_chunkSql(insertHead + valuesOfRows(columnCount, RowsPerChunk) + insertTail)
{}

void RowBatch::start()
{
    m_kept.clear();
    m_kept.reserve(RowsPerChunk * m_columnCount);
    m_on = true;
}

void RowBatch::drop()
{
    m_kept.clear();
    m_on = false;
}

Result<void> RowBatch::keep(std::initializer_list<SqlValue> row)
{
    Q_ASSERT(qsizetype(row.size()) == m_columnCount);
    for (const SqlValue &value : row)
        m_kept.append(value);
    if (m_kept.size() < RowsPerChunk * m_columnCount)
        return {};
    return write();
}

Result<void> RowBatch::write()
{
    if (m_kept.isEmpty())
        return {};
    QList<SqlValue> kept;
    kept.reserve(RowsPerChunk * m_columnCount);
    kept.swap(m_kept);
    Result<void> written;
    if (kept.size() == RowsPerChunk * m_columnCount) {
        written = m_db.select(m_chunkSql, kept, {});
    } else {
        for (qsizetype first = 0; written && first < kept.size(); first += m_columnCount)
            written = m_db.select(m_oneRowSql, kept.mid(first, m_columnCount), {});
    }
    // The list and its room serve the next rows.
    kept.clear();
    m_kept.swap(kept);
    return written;
}

} // namespace fieldsync::server
