#include "DeviceStore.h"

#include "JsonText.h"
#include "RepeatedText.h"
#include "common/Logging.h"

#include <QDir>
#include <QFile>
#include <QUuid>

#include <limits>
#include <optional>

namespace fieldsync {

namespace {

// Stands in the meta table for a token kept in the TokenVault; no token looks like it.
const QString TokenInVault = QStringLiteral("@token-vault");

// What standingOf() reads for each of its ids (?1): the row's place in ?1 and the id as read,
// whether the record is there, its head and its rowid, and whether it is unsettled: a queued change
// whose seq is not one of those being settled (the range ?3..?4 for a run, else the list ?3) nor its
// offline id one of theirs (?2), a conflict or a rejection. The conflicts and rejections of each
// record are only looked for when there are any at all.
const QString &standingSql(bool seqRun)
{
    static const auto make = [](const QString &seqTest) -> QString {
        return QStringLiteral(
                   "SELECT ids.key, ids.value, records.id IS NOT NULL, records.entity, records.project_id,"
                   " records.version, records.server_version, records.rowid,"
                   " EXISTS(SELECT 1 FROM outbox WHERE outbox.record_id = ids.value AND outbox.seq ") +
               seqTest +
               QStringLiteral(
                   " AND outbox.offline_id NOT IN (SELECT value FROM json_each(?2)))"
                   " OR CASE WHEN (SELECT EXISTS(SELECT 1 FROM conflicts) OR EXISTS(SELECT 1 FROM rejected))"
                   "   THEN EXISTS(SELECT 1 FROM conflicts WHERE conflicts.record_id = ids.value)"
                   "     OR EXISTS(SELECT 1 FROM rejected WHERE rejected.record_id = ids.value) ELSE 0 END"
                   " FROM json_each(?1) AS ids LEFT JOIN records ON records.id = ids.value");
    };
    static const QString forRun = make(QStringLiteral("NOT BETWEEN ?3 AND ?4"));
    static const QString forList = make(QStringLiteral("NOT IN (SELECT value FROM json_each(?3))"));
    return seqRun ? forRun : forList;
}

// The seqs as the first and last of a run without gaps (in order, each one more than the one
// before), which stand for the same set; none as the empty run 1..0; nullopt for any other list.
std::optional<std::pair<qint64, qint64>> seqRun(const QList<qint64> &seqs)
{
    if (seqs.isEmpty())
        return std::make_pair(qint64(1), qint64(0));
    for (qsizetype index = 1; index < seqs.size(); ++index) {
        if (seqs.at(index - 1) == std::numeric_limits<qint64>::max() ||
            seqs.at(index) != seqs.at(index - 1) + 1)
            return std::nullopt;
    }
    return std::make_pair(seqs.constFirst(), seqs.constLast());
}

QByteArray jsonSeqArray(const QList<qint64> &seqs)
{
    QByteArray json("[");
    for (qsizetype index = 0; index < seqs.size(); ++index) {
        if (index > 0)
            json.append(',');
        json.append(QByteArray::number(seqs.at(index)));
    }
    json.append(']');
    return json;
}

// Whether the id json_each read at place index (its UTF-8) is ids[index] as it stands, so that
// the key can share it instead of being converted: only ASCII is compared, which reads as itself.
bool sameId(const QStringList &ids, qint64 index, QByteArrayView utf8)
{
    if (index < 0 || index >= ids.size() || utf8.isEmpty())
        return false;
    const QString &id = ids.at(index);
    if (id.size() != utf8.size())
        return false;
    const QChar *units = id.constData();
    for (qsizetype at = 0; at < utf8.size(); ++at) {
        if (uchar(utf8[at]) >= 0x80 || units[at].unicode() != uchar(utf8[at]))
            return false;
    }
    return true;
}

} // namespace

DeviceStore::DeviceStore(std::unique_ptr<LocalDatabase> db, QString dataDir)
    : m_db(std::move(db))
    , m_dataDir(std::move(dataDir))
    , m_records(*m_db)
    , m_outbox(*m_db)
    , m_conflicts(*m_db)
    , m_meta(*m_db)
    , m_syncLog(*m_db)
    , m_vault(m_dataDir)
{}

DeviceStore::~DeviceStore() = default;

Result<std::unique_ptr<DeviceStore>> DeviceStore::open(const QString &dataDir)
{
    QDir dir(dataDir);
    if (!dir.exists() && !QDir().mkpath(dataDir))
        return makeError(QStringLiteral("store_open"),
                         QStringLiteral("cannot create data directory %1").arg(dataDir));
    // Permits and the sign-in token live here: only the device's user may read them.
    QFile::setPermissions(dataDir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);

    Result<std::unique_ptr<LocalDatabase>> db =
        LocalDatabase::open(dir.filePath(QStringLiteral("fieldsync.db")));
    if (!db)
        return db.error();
    std::unique_ptr<DeviceStore> store(new DeviceStore(std::move(db).value(), dir.absolutePath()));
    if (Result<void> identity = store->loadIdentity(); !identity)
        return identity.error();
    return store;
}

Result<void> DeviceStore::loadIdentity()
{
    Result<QString> existing = m_meta.value(MetaStore::DeviceId);
    if (!existing)
        return existing.error();
    if (!existing.value().isEmpty()) {
        m_deviceId = existing.value();
        return {};
    }
    m_deviceId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    qCInfo(lcStore) << "new device id" << m_deviceId;
    return m_meta.setValue(MetaStore::DeviceId, m_deviceId);
}

Result<DeviceAccount> DeviceStore::account()
{
    DeviceAccount account;
    const std::pair<const QString *, QString *> fields[] = {
        {&MetaStore::ServerUrl, &account.serverUrl},
        {&MetaStore::Token, &account.token},
        {&MetaStore::UserName, &account.userName},
        {&MetaStore::CurrentProject, &account.currentProject},
        {&MetaStore::CertificatePin, &account.certificatePin},
    };
    for (const auto &[key, target] : fields) {
        Result<QString> value = m_meta.value(*key);
        if (!value)
            return value.error();
        *target = value.value();
    }
    Result<QString> role = m_meta.value(MetaStore::Role);
    if (!role)
        return role.error();
    account.role = roleFromName(role.value());
    // The meta table says where the token is: nowhere (empty: signed out), in the vault (the
    // marker), or, written by an older build or straight into the table, right there: then it
    // moves to the vault.
    if (account.token == TokenInVault) {
        // Read each time, not cached: another process (the CLI next to the GUI) may sign in.
        Result<QString> stored = m_vault.load();
        if (!stored)
            return stored.error();
        account.token = stored.value();
    } else if (!account.token.isEmpty()) {
        if (Result<void> moved = storeToken(account.token); !moved)
            return moved.error();
    }
    Result<QString> projects = m_meta.value(MetaStore::Projects);
    if (!projects)
        return projects.error();
    account.projects = projects.value().split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (account.currentProject.isEmpty() && !account.projects.isEmpty())
        account.currentProject = account.projects.first();
    return account;
}

Result<void> DeviceStore::saveAccount(const DeviceAccount &account)
{
    Transaction transaction(*m_db);
    if (Result<void> begun = transaction.begin(); !begun)
        return begun;
    const std::pair<QString, QString> values[] = {
        {MetaStore::ServerUrl, account.serverUrl},
        {MetaStore::UserName, account.userName},
        {MetaStore::Role, account.role ? roleName(*account.role) : QString()},
        {MetaStore::Projects, account.projects.join(QLatin1Char(','))},
        {MetaStore::CurrentProject, account.currentProject},
        {MetaStore::CertificatePin, account.certificatePin},
    };
    for (const auto &[key, value] : values) {
        // "No value" is stored as an empty string: a null QString would bind as SQL NULL.
        if (Result<void> saved = m_meta.setValue(key, value.isNull() ? QStringLiteral("") : value); !saved)
            return saved;
    }
    if (Result<void> committed = transaction.commit(); !committed)
        return committed;
    return storeToken(account.token);
}

Result<void> DeviceStore::storeToken(const QString &token)
{
    if (Result<void> stored = m_vault.store(token); !stored)
        return stored;
    // Not a byte of it stays in the database, only where it is.
    return m_meta.setValue(MetaStore::Token, token.isEmpty() ? QStringLiteral("") : TokenInVault);
}

Role DeviceStore::effectiveRole()
{
    Result<QString> role = m_meta.value(MetaStore::Role);
    if (!role)
        return Role::Foreman;
    return roleFromName(role.value()).value_or(Role::Foreman);
}

Result<QueueCounts> DeviceStore::counts()
{
    QueueCounts counts;
    Result<int> pending = m_outbox.count();
    if (!pending)
        return pending.error();
    Result<int> conflicts = m_conflicts.count();
    if (!conflicts)
        return conflicts.error();
    Result<int> rejected = m_conflicts.rejectionCount();
    if (!rejected)
        return rejected.error();
    // A record is not synced while a file of it is missing on the server.
    Result<int> files = countPendingFiles({});
    if (!files)
        return files.error();
    counts.pendingFiles = files.value();
    counts.pending = pending.value() + files.value();
    counts.conflicts = conflicts.value();
    counts.rejected = rejected.value();
    return counts;
}

Result<RecordSyncState> DeviceStore::syncState(const QString &recordId)
{
    Result<int> conflicts = m_conflicts.countForRecord(recordId);
    if (!conflicts)
        return conflicts.error();
    if (conflicts.value() > 0)
        return RecordSyncState::Conflict;
    Result<int> rejected = m_conflicts.rejectionCountForRecord(recordId);
    if (!rejected)
        return rejected.error();
    if (rejected.value() > 0)
        return RecordSyncState::Rejected;
    Result<int> pending = m_outbox.countForRecord(recordId);
    if (!pending)
        return pending.error();
    if (pending.value() > 0)
        return RecordSyncState::Pending;
    Result<int> files = countPendingFiles(recordId);
    if (!files)
        return files.error();
    return files.value() > 0 ? RecordSyncState::Pending : RecordSyncState::Synced;
}

Result<int> DeviceStore::countPendingFiles(const QString &recordId)
{
    // An attachment's own record and the record it belongs to both wait for its file.
    QSqlQuery &query =
        recordId.isEmpty()
            ? m_db->prepare(QStringLiteral("SELECT COUNT(*) FROM attachment_files WHERE state = 'pending'"))
            : m_db->prepare(QStringLiteral("SELECT COUNT(*) FROM attachment_files"
                                           " WHERE state = 'pending' AND (record_id = ? OR id = ?)"));
    if (!recordId.isEmpty()) {
        query.addBindValue(recordId);
        query.addBindValue(recordId);
    }
    if (Result<void> done = m_db->exec(query); !done)
        return done.error();
    const int count = query.next() ? query.value(0).toInt() : 0;
    query.finish();
    return count;
}

Result<bool> DeviceStore::hasUnsettledEdits(const QString &recordId)
{
    // syncState() != Synced in one statement: applying a pull page asks this for every record,
    // and three COUNTs each would be most of that work.
    QSqlQuery &query =
        m_db->prepare(QStringLiteral("SELECT EXISTS(SELECT 1 FROM outbox WHERE record_id = ?)"
                                     " OR EXISTS(SELECT 1 FROM conflicts WHERE record_id = ?)"
                                     " OR EXISTS(SELECT 1 FROM rejected WHERE record_id = ?)"));
    query.addBindValue(recordId);
    query.addBindValue(recordId);
    query.addBindValue(recordId);
    if (Result<void> done = m_db->exec(query); !done)
        return done.error();
    const bool unsettled = query.next() && query.value(0).toInt() != 0;
    query.finish();
    return unsettled;
}

Result<QHash<QString, DeviceStore::RecordStanding>>
DeviceStore::standingOf(const QStringList &recordIds, const QStringList &exceptOfflineIds,
                        const QList<qint64> &exceptSeqs)
{
    QHash<QString, RecordStanding> standings;
    standings.reserve(recordIds.size());
    RepeatedText entity;
    RepeatedText projectId;
    EntityKind kind = EntityKind::Permit;
    const auto onRow = [&](const SqlRow &row) {
        RecordStanding standing;
        if (row.integer(2) != 0) {
            bool entityChanged = false;
            const QString &wireName = entity.read(row, 3, &entityChanged);
            if (entityChanged) {
                const EntitySchema *schema = EntitySchema::byWireName(wireName);
                kind = schema ? schema->kind : EntityKind::Permit;
            }
            standing.head = RecordStore::Head{kind, projectId.read(row, 4), row.integer(5), row.integer(6),
                                              row.integer(7)};
        }
        standing.unsettled = row.integer(8) != 0;
        standings.insert(sameId(recordIds, row.integer(0), row.utf8View(1)) ? recordIds.at(row.integer(0))
                                                                            : row.text(1),
                         standing);
    };
    // The seq test is read from the outbox's index, the offline id only from the row itself: rows
    // of the changes being settled, the usual ones, are passed over without reading them. A run of
    // seqs (a batch read in queue order, the usual case) is tested as a range: no list is built
    // and searched per row.
    const std::optional<std::pair<qint64, qint64>> run = seqRun(exceptSeqs);
    const QByteArray ids = jsonUtf8Array(recordIds);
    const QByteArray offlineIds = jsonUtf8Array(exceptOfflineIds);
    const Result<void> read =
        run ? m_db->select(standingSql(true), {ids, offlineIds, run->first, run->second}, onRow)
            : m_db->select(standingSql(false), {ids, offlineIds, jsonSeqArray(exceptSeqs)}, onRow);
    if (!read)
        return read.error();
    return standings;
}

void DeviceStore::notifyChanged(const QStringList &recordIds)
{
    emit recordsChanged(recordIds);
    emit queueChanged();
}

} // namespace fieldsync
