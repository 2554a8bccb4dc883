#pragma once

#include "SqlValue.h"

#include <QByteArray>
#include <QString>

namespace fieldsync {

// One text column over the rows of a select, as SqlRow::text() reads it, converted only when its
// bytes differ from the row before: a page of rows mostly repeats its project, entity and op, and
// each conversion is an allocation. Equal bytes convert to equal text, so the result is the same.
class RepeatedText
{
public:
    // row.text(column); changed, when given, says whether it differs from the last read.
    const QString &read(const SqlRow &row, int column, bool *changed = nullptr)
    {
        const bool null = row.isNull(column);
        const QByteArrayView bytes = null ? QByteArrayView() : row.utf8View(column);
        const bool same = m_read && null == m_null && (null || bytes == QByteArrayView(m_bytes));
        if (!same) {
            m_read = true;
            m_null = null;
            m_bytes = null ? QByteArray() : bytes.toByteArray();
            m_text = row.text(column);
        }
        if (changed)
            *changed = !same;
        return m_text;
    }

private:
    bool m_read = false;
    bool m_null = false;
    QByteArray m_bytes;
    QString m_text;
};

} // namespace fieldsync
