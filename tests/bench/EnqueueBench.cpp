// enqueue: durable edits through the real core API (one transaction each, as the UI makes them),
// against raw SQLite doing the same two-row durable transaction on the same disk.
#include "BenchRegistry.h"

#include "store/DeviceStore.h"
#include "store/LocalEditor.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace fieldsync::bench {

namespace {

// The same two-row durable transaction the outbox makes (the same tables, indexes and row sizes),
// written with plain prepared QtSql statements and nothing else: what the core adds is the gap.
// It upserts the whole row as the obvious code would; the core's RecordStore::save leaves the
// index entries of unchanged columns alone (an edit of the location rewrites no index), so it
// syncs fewer pages per transaction than this baseline (about 11 page writes against 17).
class RawSqliteWriter
{
public:
    explicit RawSqliteWriter(const QString &path)
    {
        // The schema comes from the real store so that both sides write the same pages.
        if (Result<std::unique_ptr<LocalDatabase>> created = LocalDatabase::open(path); !created)
            return;
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw-bench"));
        m_db.setDatabaseName(path);
        m_ok = m_db.open();
        QSqlQuery setup(m_db);
        m_ok = setup.exec(QStringLiteral("PRAGMA journal_mode=WAL")) && m_ok;
        m_ok = setup.exec(QStringLiteral("PRAGMA synchronous=FULL")) && m_ok;
        m_upsert = QSqlQuery(m_db);
        m_ok = m_upsert.prepare(QStringLiteral(
                   "INSERT INTO records(id, entity, project_id, version, deleted, data, server_version, "
                   "server_deleted,"
                   " server_data, title, status, parent_id, updated_at) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?)"
                   " ON CONFLICT(id) DO UPDATE SET version = excluded.version, deleted = excluded.deleted,"
                   " data = excluded.data, server_version = excluded.server_version,"
                   " server_deleted = excluded.server_deleted, server_data = excluded.server_data,"
                   " title = excluded.title, status = excluded.status, parent_id = excluded.parent_id,"
                   " updated_at = excluded.updated_at")) &&
               m_ok;
        m_enqueue = QSqlQuery(m_db);
        m_ok = m_enqueue.prepare(
                   QStringLiteral("INSERT INTO outbox(offline_id, entity, op, record_id, client_version,"
                                  " base, data, created_at) VALUES(?,?,?,?,?,?,?,?)")) &&
               m_ok;
    }
    ~RawSqliteWriter()
    {
        m_upsert = QSqlQuery();
        m_enqueue = QSqlQuery();
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("raw-bench"));
    }
    bool ok() const { return m_ok; }

    bool write(int i)
    {
        const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
        const QString data =
            QStringLiteral("{\"device_id\":\"%1\",\"location\":\"Level %2\",\"project_id\":\"demo\","
                           "\"status\":\"draft\",\"title\":\"Hot work permit\",\"updated_at\":\"%3\"}")
                .arg(m_id)
                .arg(i)
                .arg(now);
        bool ok = m_db.transaction();
        const QVariantList row{m_id,
                               QStringLiteral("permit"),
                               QStringLiteral("demo"),
                               0,
                               0,
                               data,
                               0,
                               0,
                               QVariant(),
                               QStringLiteral("Hot work permit"),
                               QStringLiteral("draft"),
                               QVariant(),
                               now};
        for (const QVariant &value : row)
            m_upsert.addBindValue(value);
        ok = m_upsert.exec() && ok;
        const QVariantList change{QUuid::createUuid().toString(QUuid::WithoutBraces),
                                  QStringLiteral("permit"),
                                  QStringLiteral("update"),
                                  m_id,
                                  0,
                                  QStringLiteral("{\"location\":\"Level %1\"}").arg(i - 1),
                                  QStringLiteral("{\"location\":\"Level %1\"}").arg(i),
                                  now};
        for (const QVariant &value : change)
            m_enqueue.addBindValue(value);
        ok = m_enqueue.exec() && ok;
        return m_db.commit() && ok;
    }

private:
    QSqlDatabase m_db;
    QSqlQuery m_upsert;
    QSqlQuery m_enqueue;
    QString m_id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    bool m_ok = false;
};

bool runEnqueue(const BenchOptions &options)
{
    const int n = options.n > 0 ? options.n : 3000;
    Result<std::unique_ptr<DeviceStore>> opened =
        DeviceStore::open(QDir(options.workDir).filePath(QStringLiteral("device")));
    if (!opened) {
        reportError(QStringLiteral("enqueue"), opened.error().toString());
        return false;
    }
    DeviceStore &store = *opened.value();
    LocalEditor editor(store);
    Result<QString> id =
        editor.create(EntityKind::Permit, {{QStringLiteral("title"), QStringLiteral("Hot work permit")},
                                           {QStringLiteral("project_id"), QStringLiteral("demo")}});
    RawSqliteWriter raw(QDir(options.workDir).filePath(QStringLiteral("raw.db")));
    if (!id || !raw.ok()) {
        reportError(QStringLiteral("enqueue"),
                    id ? QStringLiteral("raw SQLite set-up failed") : id.error().toString());
        return false;
    }
    // Interleaved rounds, so that both sides see the same disk weather; who goes first alternates,
    // so that neither always runs right after the other's writes (a checkpoint, a warm cache).
    constexpr int Rounds = 20;
    qint64 coreNanos = 0;
    qint64 rawNanos = 0;
    QElapsedTimer timer;
    auto runCore = [&](int first, int last) {
        timer.start();
        for (int i = first; i < last; ++i) {
            Result<bool> edited =
                editor.edit(id.value(), {{QStringLiteral("location"), QStringLiteral("Level %1").arg(i)}});
            if (!edited) {
                reportError(QStringLiteral("enqueue"), edited.error().toString());
                return false;
            }
        }
        coreNanos += timer.nsecsElapsed();
        return true;
    };
    auto runRaw = [&](int first, int last) {
        timer.start();
        for (int i = first; i < last; ++i) {
            if (!raw.write(i)) {
                reportError(QStringLiteral("enqueue"), QStringLiteral("raw SQLite write failed"));
                return false;
            }
        }
        rawNanos += timer.nsecsElapsed();
        return true;
    };
    for (int round = 0; round < Rounds; ++round) {
        const int first = round * n / Rounds;
        const int last = (round + 1) * n / Rounds;
        const bool ok = round % 2 == 0 ? runCore(first, last) && runRaw(first, last)
                                       : runRaw(first, last) && runCore(first, last);
        if (!ok)
            return false;
    }
    const double corePerSecond = n / (coreNanos / 1e9);
    const double rawPerSecond = n / (rawNanos / 1e9);
    emitResult(QJsonObject{{QStringLiteral("bench"), QStringLiteral("enqueue")},
                           {QStringLiteral("n"), n},
                           {QStringLiteral("seconds"), coreNanos / 1e9},
                           {QStringLiteral("per_s"), corePerSecond},
                           {QStringLiteral("raw_sqlite_per_s"), rawPerSecond},
                           {QStringLiteral("ratio"), corePerSecond / rawPerSecond},
                           {QStringLiteral("target_ratio"), 0.8},
                           {QStringLiteral("met"), corePerSecond / rawPerSecond >= 0.8}});
    return true;
}

} // namespace

FIELDSYNC_BENCH("enqueue", 10, runEnqueue);

} // namespace fieldsync::bench
