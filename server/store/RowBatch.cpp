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

Result<void> RowBatch::write()
{
    if (m_kept.empty())
        return {};
    Result<void> written;
    const qsizetype count = qsizetype(m_kept.size());
    if (count == RowsPerChunk * m_columnCount) {
        written = m_db.select(m_chunkSql, m_kept.data(), count, {});
    } else {
        for (qsizetype first = 0; written && first < count; first += m_columnCount)
            written = m_db.select(m_oneRowSql, m_kept.data() + first, m_columnCount, {});
    }
    // Gone whatever happened (nothing a statement runs keeps rows here), so that no row is
    // written twice; the room serves the next rows.
    m_kept.clear();
    return written;
}

} // namespace fieldsync::server
