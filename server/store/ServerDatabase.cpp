#include "ServerDatabase.h"

#include "DatabaseUrl.h"
#include "Migrations.h"
#include "common/Logging.h"
#include "store/QtSqlRow.h"
#include "store/SqliteStatements.h"
#include "store/WalCheckpointer.h"

#include <QAtomicInt>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>

namespace fieldsync::server {

namespace {

QAtomicInt connectionCounter;

constexpr int BusyTimeoutMs = 10000;
constexpr int PageCacheKib = 64 * 1024;

Result<void> succeeded(const Result<QSqlQuery *> &query)
{
    if (!query)
        return query.error();
    return {};
}

} // namespace

ServerDatabase::ServerDatabase()
    : m_connectionName(QStringLiteral("fieldsync-server-%1").arg(connectionCounter.fetchAndAddRelaxed(1)))
{}

ServerDatabase::~ServerDatabase()
{
    close();
}

Error ServerDatabase::databaseError(const QString &what, const QSqlError &error)
{
    return makeError(QStringLiteral("database"), QStringLiteral("%1: %2").arg(what, error.text()));
}

Result<void> ServerDatabase::open(const QString &location)
{
    close();
    const Result<DatabaseUrl> url = DatabaseUrl::parse(location);
    if (!url)
        return url.error();
    m_location = url.value().redacted();
    m_url = url.value();
    m_dialect = url.value().postgres ? Dialect::Postgres : Dialect::Sqlite;
    Result<void> connected =
        m_dialect == Dialect::Postgres ? connectPostgres(url.value()) : connectSqlite(url.value().path);
    if (!connected)
        return connected;
    Result<void> ready = m_dialect == Dialect::Sqlite ? configureSqlite() : Result<void>();
    if (ready)
        ready = migrate();
    if (!ready) {
        close();
        return ready.error();
    }
    if (m_dialect == Dialect::Sqlite) {
        if (sqlite3 *handle = SqliteStatements::handleOf(QSqlDatabase::database(m_connectionName, false))) {
            m_direct = std::make_unique<SqliteStatements>(handle);
            m_checkpointer = WalCheckpointer::attach(handle);
        } else
            qCDebug(lcServerStore) << "the QtSql SQLite driver does not share this build's SQLite library;"
                                   << "every statement goes through QtSql";
    }
    qCDebug(lcServerStore) << "database" << m_location << "at schema version" << m_schemaVersion;
    return {};
}

Result<void> ServerDatabase::connectSqlite(const QString &path)
{
    const QFileInfo info(path);
    if (!info.absoluteDir().exists()) {
        return makeError(QStringLiteral("database"),
                         QStringLiteral("the folder of %1 does not exist").arg(info.absoluteFilePath()));
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(BusyTimeoutMs));
    return openConnection(db);
}

Result<void> ServerDatabase::connectPostgres(const DatabaseUrl &url)
{
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL"))) {
        return makeError(QStringLiteral("database"),
                         QStringLiteral("Qt's PostgreSQL driver (QPSQL) is not installed; on Debian: "
                                        "apt-get install libqt6sql6-psql"));
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_connectionName);
    db.setHostName(url.host);
    db.setPort(url.port);
    db.setDatabaseName(url.database);
    if (!url.user.isEmpty())
        db.setUserName(url.user);
    if (!url.password.isEmpty())
        db.setPassword(url.password);
    db.setConnectOptions(url.connectOptions);
    if (const Result<void> opened = openConnection(db); !opened)
        return opened;
    // libpq prints NOTICEs (such as "relation already exists, skipping") straight to stderr,
    // where they would break JSON log lines.
    return execute(QStringLiteral("SET client_min_messages TO warning"));
}

Result<void> ServerDatabase::openConnection(QSqlDatabase &db)
{
    if (db.open())
        return {};
    const Error error = databaseError(QStringLiteral("cannot open %1").arg(m_location), db.lastError());
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
    return error;
}

void ServerDatabase::close()
{
    // Prepared statements must go before the connection, or Qt warns and leaks them (and SQLite
    // refuses to close a connection with statements of its own left).
    m_statements.clear();
    m_direct.reset();
    m_checkpointer.reset();
    if (QSqlDatabase::contains(m_connectionName)) {
        {
            QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
            if (m_inTransaction)
                QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
            db.close();
        }
        QSqlDatabase::removeDatabase(m_connectionName);
    }
    m_inTransaction = false;
    m_schemaVersion = 0;
}

bool ServerDatabase::isOpen() const
{
    return QSqlDatabase::contains(m_connectionName) &&
           QSqlDatabase::database(m_connectionName, false).isOpen();
}

Result<void> ServerDatabase::configureSqlite()
{
    // An acknowledged push is the only promise a device gets before it forgets its outbox entry:
    // synchronous=FULL makes the COMMIT survive power loss, not just a process crash.
    // Every change inserts at a random place in three indexes keyed by UUIDs (records, audit,
    // idempotency); past a few tens of thousands of records they outgrow SQLite's default 2 MiB
    // page cache and every insert reads its pages back from the file. 64 MiB (filled only as
    // used) keeps them cached up to a few hundred thousand records.
    const QStringList pragmas{
        QStringLiteral("PRAGMA journal_mode=WAL"), QStringLiteral("PRAGMA synchronous=FULL"),
        QStringLiteral("PRAGMA foreign_keys=ON"), QStringLiteral("PRAGMA busy_timeout=%1").arg(BusyTimeoutMs),
        QStringLiteral("PRAGMA cache_size=-%1").arg(PageCacheKib)};
    for (const QString &pragma : pragmas) {
        if (const Result<void> done = execute(pragma); !done)
            return done;
    }
    return {};
}

Result<QSqlQuery *> ServerDatabase::run(const QString &sql, const QVariantList &values)
{
    // A cached statement implies an open connection: close() and reconnecting empty the cache.
    std::shared_ptr<QSqlQuery> &query = m_statements[sql];
    if (!query) {
        if (!isOpen()) {
            m_statements.remove(sql);
            return makeError(QStringLiteral("database"), QStringLiteral("the database is not open"));
        }
        query = std::make_shared<QSqlQuery>(QSqlDatabase::database(m_connectionName, false));
        query->setForwardOnly(true);
        if (!query->prepare(sql)) {
            const Error error =
                databaseError(QStringLiteral("cannot prepare [%1]").arg(sql), query->lastError());
            m_statements.remove(sql);
            return error;
        }
    }
    query->finish();
    for (int index = 0; index < values.size(); ++index)
        query->bindValue(index, values.at(index));
    if (!query->exec()) {
        const Error error = databaseError(QStringLiteral("[%1] failed").arg(sql), query->lastError());
        // Outside a transaction a statement can simply run again on a fresh connection (a
        // restarted or failed-over PostgreSQL); inside one, the caller's rollback decides.
        if (!m_inTransaction && !m_retrying && reconnectIfBroken()) {
            m_retrying = true;
            Result<QSqlQuery *> again = run(sql, values);
            m_retrying = false;
            return again;
        }
        return error;
    }
    return query.get();
}

Result<void> ServerDatabase::write(const QString &sql, std::initializer_list<SqlValue> values)
{
    if (m_direct) {
        if (const Result<qint64> written = m_direct->write(sql, values); !written)
            return written.error();
        return {};
    }
    return select(sql, values, {});
}

Result<void> ServerDatabase::select(const QString &sql, std::initializer_list<SqlValue> values,
                                    const std::function<void(const SqlRow &)> &onRow)
{
    if (m_direct)
        return m_direct->select(sql, values, onRow);
    return selectThroughQtSql(sql, values.begin(), qsizetype(values.size()), onRow);
}

Result<void> ServerDatabase::select(const QString &sql, const QList<SqlValue> &values,
                                    const std::function<void(const SqlRow &)> &onRow)
{
    if (m_direct)
        return m_direct->select(sql, values, onRow);
    return selectThroughQtSql(sql, values.constData(), values.size(), onRow);
}

Result<void> ServerDatabase::select(const QString &sql, const SqlValue *values, qsizetype count,
                                    const std::function<void(const SqlRow &)> &onRow)
{
    if (m_direct)
        return m_direct->select(sql, values, count, onRow);
    return selectThroughQtSql(sql, values, count, onRow);
}

Result<void> ServerDatabase::selectThroughQtSql(const QString &sql, const SqlValue *values, qsizetype count,
                                                const std::function<void(const SqlRow &)> &onRow)
{
    QVariantList bound;
    bound.reserve(count);
    for (qsizetype index = 0; index < count; ++index)
        bound.append(values[index].toVariant());
    const Result<QSqlQuery *> query = run(sql, bound);
    if (!query)
        return query.error();
    QSqlQuery *rows = query.value();
    if (onRow) {
        const QtSqlRow row(*rows);
        while (rows->next())
            onRow(row);
    }
    rows->finish();
    return {};
}

bool ServerDatabase::reconnectIfBroken()
{
    if (m_dialect != Dialect::Postgres || m_inTransaction)
        return false;
    {
        QSqlQuery probe(QSqlDatabase::database(m_connectionName, false));
        if (probe.exec(QStringLiteral("SELECT 1")))
            return false; // the connection is fine: the statement itself failed
    }
    qCWarning(lcServerStore) << "the connection to" << m_location << "is broken; reconnecting";
    m_statements.clear();
    if (QSqlDatabase::contains(m_connectionName)) {
        QSqlDatabase::database(m_connectionName, false).close();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
    if (const Result<void> connected = connectPostgres(m_url); !connected) {
        qCWarning(lcServerStore) << connected.error().toString();
        return false;
    }
    return true;
}

Result<void> ServerDatabase::execute(const QString &sql)
{
    if (!isOpen())
        return makeError(QStringLiteral("database"), QStringLiteral("the database is not open"));
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    if (!query.exec(sql))
        return databaseError(QStringLiteral("[%1] failed").arg(sql), query.lastError());
    return {};
}

Result<void> ServerDatabase::withPlansForTheirValues(const std::function<Result<void>()> &work)
{
    if (m_dialect != Dialect::Postgres)
        return work();
    // A SET inside a transaction that then fails is undone with it.
    if (const Result<void> set = execute(QStringLiteral("SET plan_cache_mode TO force_custom_plan")); !set)
        return set;
    const Result<void> done = work();
    if (!done)
        return done;
    return execute(QStringLiteral("RESET plan_cache_mode"));
}

Result<void> ServerDatabase::beginWrite()
{
    if (m_inTransaction)
        return makeError(QStringLiteral("database"), QStringLiteral("a transaction is already open"));
    const QString begin =
        m_dialect == Dialect::Sqlite ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("BEGIN");
    Result<void> begun = execute(begin);
    if (!begun && reconnectIfBroken())
        begun = execute(begin);
    if (begun)
        m_inTransaction = true;
    return begun;
}

Result<void> ServerDatabase::commit()
{
    const Result<void> done = execute(QStringLiteral("COMMIT"));
    if (done)
        m_inTransaction = false;
    return done;
}

Result<void> ServerDatabase::rollback()
{
    m_inTransaction = false;
    return execute(QStringLiteral("ROLLBACK"));
}

// PostgreSQL cannot PREPARE transaction control, so there they run as plain statements.
Result<void> ServerDatabase::savepoint(const QString &name)
{
    const QString sql = QStringLiteral("SAVEPOINT ") + name;
    return m_dialect == Dialect::Postgres ? execute(sql) : succeeded(run(sql));
}

Result<void> ServerDatabase::releaseSavepoint(const QString &name)
{
    const QString sql = QStringLiteral("RELEASE SAVEPOINT ") + name;
    return m_dialect == Dialect::Postgres ? execute(sql) : succeeded(run(sql));
}

Result<void> ServerDatabase::rollbackToSavepoint(const QString &name)
{
    const QString sql = QStringLiteral("ROLLBACK TO SAVEPOINT ") + name;
    return m_dialect == Dialect::Postgres ? execute(sql) : succeeded(run(sql));
}

Result<int> ServerDatabase::readSchemaVersion()
{
    Result<QSqlQuery *> query = run(QStringLiteral("SELECT version FROM schema_version"));
    if (!query)
        return query.error();
    QSqlQuery *rows = query.value();
    const int version = rows->next() ? rows->value(0).toInt() : 0;
    rows->finish();
    return version;
}

Result<void> ServerDatabase::migrate()
{
    // The whole check-and-upgrade runs under the write lock, so two processes opening a fresh
    // file at once (the server and add-user) cannot both create the schema.
    if (const Result<void> begun = beginWrite(); !begun)
        return begun;
    // PostgreSQL has no database-wide write lock to take up front: a transaction-scoped advisory
    // lock plays its part, so that two instances starting on an empty database create the
    // schema once.
    if (m_dialect == Dialect::Postgres) {
        if (const Result<void> locked = execute(QStringLiteral("SELECT pg_advisory_xact_lock(4707001)"));
            !locked) {
            (void)rollback();
            return locked;
        }
    }
    auto fail = [this](const Error &error) -> Result<void> {
        (void)rollback();
        m_statements.clear();
        return error;
    };
    if (const Result<void> created =
            execute(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"));
        !created)
        return fail(created.error());
    const Result<int> current = readSchemaVersion();
    if (!current)
        return fail(current.error());
    int version = current.value();
    const int latest = Migrations::latestVersion();
    if (version > latest) {
        return fail(makeError(QStringLiteral("schema_too_new"),
                              QStringLiteral("the database %1 has schema version %2, newer than the %3 this "
                                             "fieldsync-server (%4) knows; run a newer fieldsync-server")
                                  .arg(m_location)
                                  .arg(version)
                                  .arg(latest)
                                  .arg(QStringLiteral(FIELDSYNC_VERSION))));
    }
    const bool fresh = version == 0;
    for (const Migration &migration : Migrations::all()) {
        if (migration.version <= version)
            continue;
        for (const QString &statement : migration.statements) {
            if (const Result<void> done = execute(statement); !done)
                return fail(done.error());
        }
        qCInfo(lcServerStore) << "migrated schema from" << version << "to" << migration.version;
        version = migration.version;
    }
    const QString store = fresh ? QStringLiteral("INSERT INTO schema_version (version) VALUES (%1)")
                                : QStringLiteral("UPDATE schema_version SET version = %1");
    if (version != current.value() || fresh) {
        if (const Result<void> done = execute(store.arg(version)); !done)
            return fail(done.error());
    }
    if (const Result<void> done = commit(); !done)
        return fail(done.error());
    m_schemaVersion = version;
    return {};
}

} // namespace fieldsync::server
