#include "LocalDatabase.h"

#include "QtSqlRow.h"
#include "SqliteStatements.h"
#include "WalCheckpointer.h"

#include "common/Logging.h"

#include <QSqlError>
#include <QUuid>

namespace fieldsync {

namespace {

// Each entry moves the schema from version i to i + 1; never edit one that has shipped.
const QList<QStringList> &migrations()
{
    static const QList<QStringList> steps{
        {
            QStringLiteral("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
            QStringLiteral("CREATE TABLE records ("
                           " id TEXT PRIMARY KEY, entity TEXT NOT NULL, project_id TEXT NOT NULL,"
                           " version INTEGER NOT NULL DEFAULT 0, deleted INTEGER NOT NULL DEFAULT 0,"
                           " data TEXT NOT NULL, server_version INTEGER NOT NULL DEFAULT 0,"
                           " server_deleted INTEGER NOT NULL DEFAULT 0, server_data TEXT,"
                           " title TEXT, status TEXT, parent_id TEXT, updated_at TEXT)"),
            QStringLiteral("CREATE INDEX records_by_entity_title ON records(entity, title)"),
            QStringLiteral("CREATE INDEX records_by_entity_status ON records(entity, status)"),
            QStringLiteral("CREATE INDEX records_by_parent ON records(parent_id)"),
            QStringLiteral("CREATE TABLE outbox ("
                           " seq INTEGER PRIMARY KEY AUTOINCREMENT, offline_id TEXT NOT NULL UNIQUE,"
                           " entity TEXT NOT NULL, op TEXT NOT NULL, record_id TEXT NOT NULL,"
                           " client_version INTEGER NOT NULL, base TEXT NOT NULL, data TEXT NOT NULL,"
                           " created_at TEXT NOT NULL)"),
            QStringLiteral("CREATE INDEX outbox_by_record ON outbox(record_id)"),
            QStringLiteral("CREATE TABLE conflicts ("
                           " id TEXT PRIMARY KEY, offline_id TEXT NOT NULL, entity TEXT NOT NULL,"
                           " op TEXT NOT NULL, record_id TEXT NOT NULL, reason TEXT NOT NULL,"
                           " client_version INTEGER NOT NULL, server_version INTEGER NOT NULL,"
                           " fields TEXT NOT NULL, server_state TEXT NOT NULL,"
                           " server_deleted INTEGER NOT NULL, base TEXT NOT NULL, mine TEXT NOT NULL,"
                           " created_at TEXT NOT NULL)"),
            QStringLiteral("CREATE INDEX conflicts_by_record ON conflicts(record_id)"),
            QStringLiteral("CREATE TABLE rejected ("
                           " id TEXT PRIMARY KEY, entity TEXT NOT NULL, op TEXT NOT NULL,"
                           " record_id TEXT NOT NULL, reason TEXT NOT NULL, detail TEXT NOT NULL,"
                           " client_version INTEGER NOT NULL, base TEXT NOT NULL, data TEXT NOT NULL,"
                           " created_at TEXT NOT NULL)"),
            QStringLiteral("CREATE INDEX rejected_by_record ON rejected(record_id)"),
            QStringLiteral("CREATE TABLE sync_log ("
                           " id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, level TEXT NOT NULL,"
                           " message TEXT NOT NULL)"),
        },
        {
            // Attachments: the metadata is a synced record (entity 'attachment'); this table
            // holds what only this device knows, where its bytes are and how far their upload got.
            QStringLiteral("CREATE TABLE attachment_files ("
                           " id TEXT PRIMARY KEY, record_id TEXT NOT NULL, file_name TEXT,"
                           " bytes INTEGER NOT NULL, sha256 TEXT NOT NULL,"
                           " uploaded_bytes INTEGER NOT NULL DEFAULT 0, state TEXT NOT NULL,"
                           " last_error TEXT, created_at TEXT NOT NULL)"),
            QStringLiteral("CREATE INDEX attachment_files_by_record ON attachment_files(record_id)"),
            QStringLiteral("CREATE INDEX attachment_files_by_state ON attachment_files(state)"),
            QStringLiteral("CREATE INDEX records_by_attachment_target"
                           " ON records(json_extract(data, '$.record_id')) WHERE entity = 'attachment'"),
        },
    };
    return steps;
}

Error sqlError(const QString &code, const QSqlError &error)
{
    return makeError(code, error.text());
}

} // namespace

LocalDatabase::~LocalDatabase()
{
    m_statements.clear();
    m_direct.reset();
    m_checkpointer.reset();
    if (m_db.isValid())
        m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

Result<std::unique_ptr<LocalDatabase>> LocalDatabase::open(const QString &path)
{
    std::unique_ptr<LocalDatabase> db(new LocalDatabase);
    db->m_path = path;
    db->m_connectionName =
        QStringLiteral("fieldsync-local-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    db->m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), db->m_connectionName);
    db->m_db.setDatabaseName(path);
    if (!db->m_db.open())
        return makeError(QStringLiteral("store_open"),
                         QStringLiteral("cannot open %1: %2").arg(path, db->m_db.lastError().text()));
    if (Result<void> configured = db->configure(); !configured)
        return configured.error();
    if (Result<void> migrated = db->migrate(); !migrated)
        return migrated.error();
    if (sqlite3 *handle = SqliteStatements::handleOf(db->m_db)) {
        db->m_direct = std::make_unique<SqliteStatements>(handle);
        db->m_checkpointer = WalCheckpointer::attach(handle);
    }
    return db;
}

Result<void> LocalDatabase::configure()
{
    for (const QString &pragma :
         {QStringLiteral("PRAGMA journal_mode=WAL"), QStringLiteral("PRAGMA synchronous=FULL"),
          QStringLiteral("PRAGMA foreign_keys=ON"), QStringLiteral("PRAGMA busy_timeout=5000")}) {
        QSqlQuery query(m_db);
        if (!query.exec(pragma))
            return sqlError(QStringLiteral("store_open"), query.lastError());
    }
    return {};
}

Result<void> LocalDatabase::migrate()
{
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return sqlError(QStringLiteral("store_open"), query.lastError());
    const int current = query.value(0).toInt();
    query.finish();
    if (current > SchemaVersion) {
        return makeError(
            QStringLiteral("store_too_new"),
            QStringLiteral("%1 was written by a newer FieldSync (schema %2, this version reads up to %3); "
                           "update FieldSync to open it")
                .arg(m_path)
                .arg(current)
                .arg(SchemaVersion));
    }
    for (int version = current; version < SchemaVersion; ++version) {
        Transaction transaction(*this);
        if (Result<void> begun = transaction.begin(); !begun)
            return begun.error();
        for (const QString &statement : migrations().at(version)) {
            QSqlQuery step(m_db);
            if (!step.exec(statement))
                return makeError(QStringLiteral("store_migration"), QStringLiteral("schema %1 -> %2: %3")
                                                                        .arg(version)
                                                                        .arg(version + 1)
                                                                        .arg(step.lastError().text()));
        }
        QSqlQuery bump(m_db);
        if (!bump.exec(QStringLiteral("PRAGMA user_version=%1").arg(version + 1)))
            return sqlError(QStringLiteral("store_migration"), bump.lastError());
        if (Result<void> committed = transaction.commit(); !committed)
            return committed.error();
        qCInfo(lcStore) << "migrated local store to schema" << version + 1;
    }
    return {};
}

Result<void> LocalDatabase::injectedFailure()
{
    ++m_operations;
    if (!m_failurePoint || !m_failurePoint(m_operations))
        return {};
    if (m_failureKind == FailureKind::DiskFull)
        return makeError(
            QStringLiteral("store_full"),
            QStringLiteral("database or disk is full (injected at operation %1)").arg(m_operations));
    return makeError(QStringLiteral("store_io"),
                     QStringLiteral("disk I/O error (injected at operation %1)").arg(m_operations));
}

QSqlQuery &LocalDatabase::prepare(const QString &sql)
{
    std::unique_ptr<QSqlQuery> &slot = m_statements[sql];
    if (slot) {
        slot->finish();
        return *slot;
    }
    slot = std::make_unique<QSqlQuery>(m_db);
    // Every store query is read front to back; forward-only keeps 100,000-row reads from being cached.
    slot->setForwardOnly(true);
    if (!slot->prepare(sql))
        qCCritical(lcStore) << "cannot prepare" << sql << slot->lastError().text();
    return *slot;
}

Result<void> LocalDatabase::exec(QSqlQuery &query)
{
    if (Result<void> failure = injectedFailure(); !failure) {
        // A real exec() starts by forgetting the values bound for the previous run; this one never
        // ran, so they must be dropped here, or the cached statement's next user binds past them
        // ("Parameter count mismatch" on every later use).
        query.prepare(query.lastQuery());
        return failure;
    }
    if (!m_inTransaction &&
        !query.lastQuery().trimmed().startsWith(QLatin1String("SELECT"), Qt::CaseInsensitive))
        releaseReads(); // a write on a stale snapshot fails at once, whatever busy_timeout says
    if (!query.exec()) {
        qCWarning(lcStore) << "statement failed:" << query.lastError().text();
        return sqlError(QStringLiteral("store_io"), query.lastError());
    }
    return {};
}

Result<qint64> LocalDatabase::write(const QString &sql, std::initializer_list<SqlValue> values)
{
    if (!m_direct) {
        QSqlQuery &query = prepare(sql);
        for (const SqlValue &value : values)
            query.addBindValue(value.toVariant());
        if (Result<void> done = exec(query); !done)
            return done.error();
        return qint64(query.numRowsAffected());
    }
    if (Result<void> failure = injectedFailure(); !failure)
        return failure.error();
    if (!m_inTransaction)
        releaseReads(); // as exec(): a write on a stale snapshot fails at once
    Result<qint64> written = m_direct->write(sql, values);
    if (!written) {
        qCWarning(lcStore) << "statement failed:" << written.error().message;
        return makeError(QStringLiteral("store_io"), written.error().message);
    }
    return written;
}

Result<void> LocalDatabase::select(const QString &sql, std::initializer_list<SqlValue> values,
                                   const std::function<void(const SqlRow &)> &onRow)
{
    if (!m_direct) {
        QSqlQuery &query = prepare(sql);
        for (const SqlValue &value : values)
            query.addBindValue(value.toVariant());
        if (Result<void> done = exec(query); !done)
            return done;
        const QtSqlRow row(query);
        while (query.next())
            onRow(row);
        query.finish();
        return {};
    }
    if (Result<void> failure = injectedFailure(); !failure)
        return failure;
    if (Result<void> read = m_direct->select(sql, values, onRow); !read) {
        qCWarning(lcStore) << "statement failed:" << read.error().message;
        return makeError(QStringLiteral("store_io"), read.error().message);
    }
    return {};
}

Result<void> LocalDatabase::exec(const QString &sql)
{
    if (Result<void> failure = injectedFailure(); !failure)
        return failure;
    QSqlQuery query(m_db);
    if (!query.exec(sql))
        return sqlError(QStringLiteral("store_io"), query.lastError());
    return {};
}

Result<void> LocalDatabase::execCached(const QString &sql)
{
    // Like exec(sql), from a statement prepared once: every edit begins and commits, and preparing
    // those two each time cost about as much as running them.
    if (Result<void> failure = injectedFailure(); !failure)
        return failure;
    QSqlQuery &query = prepare(sql);
    if (!query.exec())
        return sqlError(QStringLiteral("store_io"), query.lastError());
    return {};
}

void LocalDatabase::releaseReads()
{
    for (auto &[sql, statement] : m_statements) {
        if (statement && statement->isActive())
            statement->finish();
    }
}

Result<void> LocalDatabase::begin()
{
    releaseReads();
    // IMMEDIATE takes the write lock up front, so a second process fails fast instead of mid-edit.
    Result<void> begun = execCached(QStringLiteral("BEGIN IMMEDIATE"));
    m_inTransaction = begun.ok();
    return begun;
}

Result<void> LocalDatabase::commit()
{
    Result<void> committed = execCached(QStringLiteral("COMMIT"));
    if (committed)
        m_inTransaction = false;
    return committed;
}

void LocalDatabase::rollback()
{
    m_inTransaction = false;
    QSqlQuery query(m_db);
    query.exec(QStringLiteral("ROLLBACK"));
}

Transaction::Transaction(LocalDatabase &db)
    : m_db(db)
{}

Transaction::~Transaction()
{
    if (m_open)
        m_db.rollback();
}

Result<void> Transaction::begin()
{
    Result<void> begun = m_db.begin();
    m_open = begun.ok();
    return begun;
}

Result<void> Transaction::commit()
{
    Result<void> committed = m_db.commit();
    if (committed)
        m_open = false;
    return committed;
}

} // namespace fieldsync
