#include "DatabaseCopier.h"

#include "common/Logging.h"

#include <QSqlError>
#include <QSqlRecord>

namespace fieldsync::server {

namespace {

// Seeded by the first migration on every new database; the source's value replaces it.
const QString SequenceTable = QStringLiteral("sync_sequence");
// Written by ServerDatabase::open on both sides; never copied.
const QString SchemaTable = QStringLiteral("schema_version");

QString quoted(const QString &identifier)
{
    return QLatin1Char('"') + QString(identifier).replace(QLatin1Char('"'), QStringLiteral("\"\"")) +
           QLatin1Char('"');
}

} // namespace

Result<QStringList> DatabaseCopier::tablesOf(ServerDatabase &source)
{
    // rowid order is creation order, so a table comes after the tables its foreign keys name.
    Result<QSqlQuery *> query = source.run(
        QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                       "ORDER BY rowid"));
    if (!query)
        return query.error();
    QStringList tables;
    while (query.value()->next()) {
        const QString name = query.value()->value(0).toString();
        if (name != SchemaTable)
            tables.append(name);
    }
    query.value()->finish();
    return tables;
}

Result<QStringList> DatabaseCopier::columnsOf(ServerDatabase &source, const QString &table)
{
    Result<QSqlQuery *> query = source.run(QStringLiteral("SELECT * FROM %1 LIMIT 0").arg(quoted(table)));
    if (!query)
        return query.error();
    const QSqlRecord record = query.value()->record();
    QStringList columns;
    for (int index = 0; index < record.count(); ++index)
        columns.append(record.fieldName(index));
    query.value()->finish();
    return columns;
}

Result<qint64> DatabaseCopier::countRows(ServerDatabase &db, const QString &table)
{
    Result<QSqlQuery *> query = db.run(QStringLiteral("SELECT COUNT(*) FROM %1").arg(quoted(table)));
    if (!query)
        return query.error();
    const qint64 rows = query.value()->next() ? query.value()->value(0).toLongLong() : 0;
    query.value()->finish();
    return rows;
}

Result<qint64> DatabaseCopier::copyTable(ServerDatabase &source, ServerDatabase &target, const QString &table)
{
    const Result<QStringList> columns = columnsOf(source, table);
    if (!columns)
        return columns.error();
    QStringList quotedColumns;
    for (const QString &column : columns.value())
        quotedColumns.append(quoted(column));
    const QString insert =
        QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
            .arg(quoted(table), quotedColumns.join(QLatin1Char(',')),
                 QStringList(columns.value().size(), QStringLiteral("?")).join(QLatin1Char(',')));
    // Uncached: a table is read once, and the source must not keep a statement per table.
    QSqlQuery rows(QSqlDatabase::database(source.connectionName()));
    rows.setForwardOnly(true);
    if (!rows.exec(
            QStringLiteral("SELECT %1 FROM %2").arg(quotedColumns.join(QLatin1Char(',')), quoted(table))))
        return ServerDatabase::databaseError(QStringLiteral("reading %1").arg(table), rows.lastError());
    qint64 copied = 0;
    QVariantList values;
    values.reserve(columns.value().size());
    while (rows.next()) {
        values.clear();
        for (int index = 0; index < columns.value().size(); ++index)
            values.append(rows.value(index));
        if (Result<QSqlQuery *> inserted = target.run(insert, values); !inserted)
            return inserted.error();
        ++copied;
    }
    return copied;
}

Result<QList<DatabaseCopier::TableCount>> DatabaseCopier::copy(ServerDatabase &source, ServerDatabase &target)
{
    if (source.dialect() != ServerDatabase::Dialect::Sqlite)
        return makeError(QStringLiteral("copy_source"),
                         QStringLiteral("the database to copy from must be a SQLite file"));
    if (source.schemaVersion() != target.schemaVersion())
        return makeError(QStringLiteral("copy_schema"), QStringLiteral("schema versions differ (%1 and %2)")
                                                            .arg(source.schemaVersion())
                                                            .arg(target.schemaVersion()));
    const Result<QStringList> tables = tablesOf(source);
    if (!tables)
        return tables.error();
    for (const QString &table : tables.value()) {
        if (table == SequenceTable)
            continue;
        const Result<qint64> existing = countRows(target, table);
        if (!existing)
            return existing.error();
        if (existing.value() > 0)
            return makeError(
                QStringLiteral("target_not_empty"),
                QStringLiteral("the target database already holds data (%1 rows in %2); copy only "
                               "into a new, empty database")
                    .arg(existing.value())
                    .arg(table));
    }

    if (const Result<void> begun = target.beginWrite(); !begun)
        return begun.error();
    auto abandon = [&target](const Error &error) -> Result<QList<TableCount>> {
        (void)target.rollback();
        return error;
    };
    if (const Result<QSqlQuery *> cleared =
            target.run(QStringLiteral("DELETE FROM %1").arg(quoted(SequenceTable)));
        !cleared)
        return abandon(cleared.error());
    QList<TableCount> counts;
    for (const QString &table : tables.value()) {
        const Result<qint64> copied = copyTable(source, target, table);
        if (!copied)
            return abandon(copied.error());
        const Result<qint64> expected = countRows(source, table);
        if (!expected)
            return abandon(expected.error());
        if (copied.value() != expected.value())
            return abandon(makeError(QStringLiteral("database"),
                                     QStringLiteral("%1: read %2 rows of %3 while copying; is a server still "
                                                    "writing to the source?")
                                         .arg(table)
                                         .arg(copied.value())
                                         .arg(expected.value())));
        qCInfo(lcServerStore) << "copied" << copied.value() << "rows of" << table;
        counts.append({table, copied.value()});
    }
    if (const Result<void> committed = target.commit(); !committed)
        return abandon(committed.error());
    return counts;
}

} // namespace fieldsync::server
