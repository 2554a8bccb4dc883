#pragma once

#include "SqlValue.h"

#include <QSqlQuery>
#include <QVariant>

namespace fieldsync {

// A row read through QtSql (PostgreSQL, or SQLite when the direct path is off), seen as an SqlRow.
class QtSqlRow final : public SqlRow
{
public:
    explicit QtSqlRow(const QSqlQuery &query)
        : m_query(query)
    {}

    bool isNull(int column) const override { return m_query.isNull(column); }
    qint64 integer(int column) const override { return m_query.value(column).toLongLong(); }
    QString text(int column) const override { return m_query.value(column).toString(); }
    QByteArray utf8(int column) const override { return m_query.value(column).toString().toUtf8(); }

private:
    const QSqlQuery &m_query;
};

} // namespace fieldsync
