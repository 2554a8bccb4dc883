#include "ConvergenceSim.h"

#include "FaultProxy.h"
#include "ServerProcess.h"
#include "TestDevice.h"
#include "TestHttpClient.h"

#include "protocol/ProtocolInfo.h"
#include "protocol/PullMessages.h"
#include "store/ConflictResolver.h"
#include "store/LocalEditor.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSet>
#include <QTimer>

#include <memory>
#include <vector>

namespace fieldsync::sim {

namespace {

const QString Project = QStringLiteral("p1");

struct SimDevice
{
    int index = 0;
    std::unique_ptr<test::TestDevice> device;
    std::unique_ptr<test::FaultProxy> proxy;
};

// Thrown nowhere: a failure is kept and every later step stops early.
class Simulation
{
public:
    explicit Simulation(const SimConfig &config)
        : m_config(config)
        , m_random(quint32(config.seed) ^ quint32(config.seed >> 32))
    {}

    SimOutcome run();

private:
    bool fail(const QString &what)
    {
        if (m_failure.isEmpty())
            m_failure = what;
        return false;
    }
    bool failed() const { return !m_failure.isEmpty(); }
    int pick(int bound) { return bound <= 0 ? 0 : int(m_random.bounded(bound)); }
    bool chance(int percent) { return pick(100) < percent; }
    template<typename T> const T &pickFrom(const QList<T> &items)
    {
        return items.at(pick(int(items.size())));
    }

    bool start();
    void step(int number);
    QStringList liveRecordIds(SimDevice &device, EntityKind entity);
    std::optional<LocalRecord> localRecord(SimDevice &device, const QString &id);

    void createRecord(SimDevice &device, int number);
    void editRecord(SimDevice &device, int number);
    void appendReading(SimDevice &device, int number);
    void moveRecord(SimDevice &device, int number);
    void deleteRecord(SimDevice &device, int number);
    void settleOne(SimDevice &device, int number);
    SyncReport syncDevice(SimDevice &device, bool withFaults);

    // Runs one local action and writes its ledger entry from what reached the outbox. False when
    // the device refused the action (or the simulation failed).
    template<typename Action>
    bool recordEdit(SimDevice &device, int number, const QString &kind, const QString &recordId,
                    const QJsonObject &detail, Action action);
    void armFault(SimDevice &device);
    void updateOutcomes(SimDevice &device);
    bool resolveConflict(SimDevice &device, const StoredConflict &conflict, int number);

    bool settle();
    bool checkConvergence();
    bool checkExactlyOnce(const QHash<QString, protocol::PulledRecord> &server);
    int deviceIndex(const QString &deviceId);
    std::optional<QHash<QString, protocol::PulledRecord>> serverRecords();

    SimConfig m_config;
    QRandomGenerator m_random;
    std::unique_ptr<test::ServerProcess> m_server;
    QString m_pmToken;
    std::vector<SimDevice> m_devices;
    SimLedger m_ledger;
    SimOutcome m_outcome;
    QString m_failure;
    QStringList m_unsettled; // what each device's sync still moved in the last settling round
};

bool Simulation::start()
{
    m_server = std::make_unique<test::ServerProcess>();
    if (const Result<void> started = m_server->start(); !started)
        return fail(QStringLiteral("server did not start: ") + started.error().toString());
    for (int index = 0; index < m_config.devices; ++index) {
        // One PM (who approves permits), the rest foremen, all on the same project.
        const bool pm = index == 0;
        const Result<QString> token =
            m_server->addUser(QStringLiteral("user%1").arg(index),
                              pm ? QStringLiteral("pm") : QStringLiteral("foreman"), {Project});
        if (!token)
            return fail(QStringLiteral("add-user failed: ") + token.error().toString());
        if (pm)
            m_pmToken = token.value();
        SimDevice device;
        device.index = index;
        device.device = std::make_unique<test::TestDevice>(QStringLiteral("device%1").arg(index));
        device.proxy = std::make_unique<test::FaultProxy>();
        if (const Result<void> listening = device.proxy->start(m_server->url()); !listening)
            return fail(QStringLiteral("proxy did not start: ") + listening.error().toString());
        if (!device.device->signIn(device.proxy->url().toString(), token.value()))
            return fail(QStringLiteral("device %1 could not sign in").arg(index));
        m_devices.push_back(std::move(device));
    }
    return true;
}

QStringList Simulation::liveRecordIds(SimDevice &device, EntityKind entity)
{
    RecordQuery query;
    query.entity = entity;
    query.orderBy = QStringLiteral("title");
    Result<QStringList> ids = device.device->store().records().listIds(query);
    if (!ids) {
        fail(QStringLiteral("listing records failed: ") + ids.error().toString());
        return {};
    }
    QStringList sorted = ids.value();
    sorted.sort(); // the seed, not the store's order, decides
    return sorted;
}

std::optional<LocalRecord> Simulation::localRecord(SimDevice &device, const QString &id)
{
    Result<std::optional<LocalRecord>> found = device.device->store().records().find(id);
    if (!found) {
        fail(QStringLiteral("reading a record failed: ") + found.error().toString());
        return std::nullopt;
    }
    return found.value();
}

template<typename Action>
bool Simulation::recordEdit(SimDevice &device, int number, const QString &kind, const QString &recordId,
                            const QJsonObject &detail, Action action)
{
    Outbox &outbox = device.device->store().outbox();
    const Result<qint64> before = outbox.lastSeq();
    if (!before) {
        return fail(QStringLiteral("outbox lastSeq failed: ") + before.error().toString());
    }
    LedgerEntry entry;
    entry.step = number;
    entry.device = device.index;
    entry.kind = kind;
    entry.recordId = recordId;
    entry.detail = detail;
    const Result<QString> done = action(); // the record id (creates), or empty
    if (!done) {
        entry.outcome = EditOutcome::RefusedLocally;
        entry.note = done.error().toString();
        m_ledger.add(entry);
        return false;
    }
    if (!done.value().isEmpty())
        entry.recordId = done.value();
    Result<QList<OutboxEntry>> queued = outbox.nextBatch(before.value(), 10, 1 << 24);
    if (!queued) {
        return fail(QStringLiteral("outbox read failed: ") + queued.error().toString());
    }
    if (queued.value().isEmpty())
        return true; // nothing differed: nothing to account for
    if (queued.value().size() != 1) {
        return fail(QStringLiteral("one edit queued %1 changes").arg(queued.value().size()));
    }
    entry.offlineId = queued.value().first().change.offlineId;
    m_ledger.add(entry);
    return true;
}

void Simulation::createRecord(SimDevice &device, int number)
{
    const bool permit = chance(70);
    QJsonObject fields{{QStringLiteral("title"), QStringLiteral("Record %1").arg(number)}};
    if (permit)
        fields.insert(QStringLiteral("work_type"),
                      pickFrom(QList<QString>{QStringLiteral("hot_work"), QStringLiteral("confined_space"),
                                              QStringLiteral("general")}));
    const EntityKind entity = permit ? EntityKind::Permit : EntityKind::Task;
    recordEdit(device, number, QStringLiteral("create"), QString(), fields, [&]() -> Result<QString> {
        return LocalEditor(device.device->store()).create(entity, fields);
    });
}

void Simulation::editRecord(SimDevice &device, int number)
{
    const bool permit = chance(65);
    const QStringList ids = liveRecordIds(device, permit ? EntityKind::Permit : EntityKind::Task);
    if (ids.isEmpty())
        return;
    const QString id = pickFrom(ids);
    QJsonObject changes;
    const int fieldCount = 1 + pick(2);
    for (int field = 0; field < fieldCount; ++field) {
        switch (pick(permit ? 6 : 4)) {
        case 0:
            changes.insert(QStringLiteral("title"),
                           QStringLiteral("Title %1.%2").arg(number).arg(device.index));
            break;
        case 1:
            changes.insert(QStringLiteral("description"), QStringLiteral("note %1").arg(pick(5)));
            break;
        case 2:
            changes.insert(QStringLiteral("assignee"),
                           pickFrom(QList<QString>{QStringLiteral("ana"), QStringLiteral("ben"),
                                                   QStringLiteral("carla")}));
            break;
        case 3:
            if (permit)
                changes.insert(QStringLiteral("location"),
                               pickFrom(QList<QString>{QStringLiteral("Block A"), QStringLiteral("Roof"),
                                                       QStringLiteral("Basement")}));
            else
                changes.insert(QStringLiteral("priority"),
                               pickFrom(QList<QString>{QStringLiteral("low"), QStringLiteral("normal"),
                                                       QStringLiteral("high"), QStringLiteral("urgent")}));
            break;
        case 4: {
            QJsonArray ppe;
            for (const QString &item : {QStringLiteral("gloves"), QStringLiteral("harness"),
                                        QStringLiteral("helmet"), QStringLiteral("respirator")}) {
                if (chance(50))
                    ppe.append(item);
            }
            changes.insert(QStringLiteral("ppe_requirements"), ppe);
            break;
        }
        default: {
            const std::optional<LocalRecord> record = localRecord(device, id);
            QJsonObject checklist =
                record ? record->data.value(QStringLiteral("safety_checklist")).toObject() : QJsonObject();
            checklist.insert(
                pickFrom(QList<QString>{QStringLiteral("gas_tested"), QStringLiteral("fire_watch"),
                                        QStringLiteral("barricaded")}),
                chance(70));
            changes.insert(QStringLiteral("safety_checklist"), checklist);
            break;
        }
        }
    }
    recordEdit(device, number, QStringLiteral("edit"), id, changes, [&]() -> Result<QString> {
        const Result<bool> edited = LocalEditor(device.device->store()).edit(id, changes);
        if (!edited)
            return edited.error();
        return QString();
    });
}

void Simulation::appendReading(SimDevice &device, int number)
{
    const QStringList permits = liveRecordIds(device, EntityKind::Permit);
    if (permits.isEmpty())
        return;
    const QString permitId = pickFrom(permits);
    const QJsonObject fields{{QStringLiteral("permit_id"), permitId},
                             {QStringLiteral("gas"), QStringLiteral("O2")},
                             {QStringLiteral("value"), 19.5 + pick(40) / 10.0},
                             {QStringLiteral("unit"), QStringLiteral("%")}};
    recordEdit(device, number, QStringLiteral("append"), QString(), fields, [&]() -> Result<QString> {
        return LocalEditor(device.device->store()).create(EntityKind::GasReading, fields);
    });
}

void Simulation::moveRecord(SimDevice &device, int number)
{
    const bool permit = chance(60);
    const QStringList ids = liveRecordIds(device, permit ? EntityKind::Permit : EntityKind::Task);
    if (ids.isEmpty())
        return;
    const QString id = pickFrom(ids);
    // Any state, so that some moves are invalid here already and others only on the server.
    const QStringList states = permit ? Workflow::permit().states() : Workflow::task().states();
    const QJsonObject changes{{QStringLiteral("status"), pickFrom(states)}};
    recordEdit(device, number, QStringLiteral("move"), id, changes, [&]() -> Result<QString> {
        const Result<bool> edited = LocalEditor(device.device->store()).edit(id, changes);
        if (!edited)
            return edited.error();
        return QString();
    });
}

void Simulation::deleteRecord(SimDevice &device, int number)
{
    const QStringList ids = liveRecordIds(device, chance(50) ? EntityKind::Permit : EntityKind::Task);
    if (ids.isEmpty())
        return;
    const QString id = pickFrom(ids);
    recordEdit(device, number, QStringLiteral("delete"), id, {}, [&]() -> Result<QString> {
        const Result<void> removed = LocalEditor(device.device->store()).remove(id);
        if (!removed)
            return removed.error();
        return QString();
    });
}

void Simulation::armFault(SimDevice &device)
{
    using Action = test::FaultProxy::Action;
    test::FaultProxy::Fault fault;
    fault.pathPrefix = chance(60) ? protocol::Paths::Push : protocol::Paths::Pull;
    // No CorruptBody here: a scrambled byte can leave valid JSON with another value in it, which
    // only TLS (not the protocol) can catch; tst_lyingserver covers answers that break the protocol.
    switch (pick(7)) {
    case 0:
        fault.status = 500;
        break;
    case 1:
        fault.status = 502;
        break;
    case 2:
        fault.status = 503;
        break;
    case 3:
        fault.action = Action::ResetBeforeForward;
        break;
    case 4:
        fault.action = Action::ResetAfterResponse;
        break; // the ambiguous commit
    case 5:
        fault.action = Action::ResetMidResponse;
        break;
    default:
        fault.action = Action::TruncateBody;
        break;
    }
    device.proxy->addFault(fault);
    ++m_outcome.faults;
}

SyncReport Simulation::syncDevice(SimDevice &device, bool withFaults)
{
    if (withFaults && chance(m_config.faultPercent))
        armFault(device);
    const SyncReport report = device.device->sync();
    device.proxy->clearFaults();
    ++m_outcome.syncs;
    if (!report.ok())
        ++m_outcome.failedSyncs;
    updateOutcomes(device);
    return report;
}

void Simulation::updateOutcomes(SimDevice &device)
{
    DeviceStore &store = device.device->store();
    Result<QList<StoredConflict>> conflicts = store.conflicts().all();
    if (!conflicts) {
        fail(QStringLiteral("reading conflicts failed: ") + conflicts.error().toString());
        return;
    }
    QSet<QString> conflicted;
    for (const StoredConflict &conflict : conflicts.value()) {
        conflicted.insert(conflict.change.offlineId);
        if (!m_ledger.byOfflineId(conflict.change.offlineId))
            fail(QStringLiteral("device %1 holds a conflict for a change nobody made: %2")
                     .arg(device.index)
                     .arg(conflict.change.offlineId));
    }
    QList<LedgerEntry> &entries = m_ledger.entries();
    for (qsizetype index = 0; index < entries.size(); ++index) {
        LedgerEntry &entry = entries[index];
        if (entry.device != device.index || entry.offlineId.isEmpty())
            continue;
        if (entry.outcome == EditOutcome::Pending) {
            Result<std::optional<OutboxEntry>> queued = store.outbox().findByOfflineId(entry.offlineId);
            if (!queued) {
                fail(queued.error().toString());
                return;
            }
            if (queued.value())
                continue;
            if (conflicted.contains(entry.offlineId)) {
                entry.outcome = EditOutcome::Conflicted;
                ++m_outcome.conflicts;
                continue;
            }
            Result<std::optional<StoredRejection>> rejection =
                store.conflicts().findRejection(entry.offlineId);
            if (!rejection) {
                fail(rejection.error().toString());
                return;
            }
            if (rejection.value()) {
                entry.outcome = EditOutcome::Rejected;
                entry.note = rejection.value()->reason + QStringLiteral(": ") + rejection.value()->detail;
                ++m_outcome.rejected;
                continue;
            }
            entry.outcome = EditOutcome::Applied;
        } else if (entry.outcome == EditOutcome::Conflicted) {
            if (!conflicted.contains(entry.offlineId))
                fail(QStringLiteral("a conflict vanished without a choice: ") + entry.describe());
        } else if (entry.outcome == EditOutcome::Rejected) {
            Result<std::optional<StoredRejection>> rejection =
                store.conflicts().findRejection(entry.offlineId);
            if (!rejection) {
                fail(rejection.error().toString());
                return;
            }
            if (rejection.value())
                continue;
            // A person who edits the record again replaces the refused edit; anything else
            // that made it vanish lost it.
            bool editedLater = false;
            for (qsizetype later = index + 1; later < entries.size(); ++later) {
                const LedgerEntry &next = entries.at(later);
                if (next.device == entry.device && next.recordId == entry.recordId &&
                    !next.offlineId.isEmpty())
                    editedLater = true;
            }
            if (editedLater)
                entry.outcome = EditOutcome::Superseded;
            else
                fail(QStringLiteral("a rejected edit vanished unseen: ") + entry.describe());
        }
    }
}

bool Simulation::resolveConflict(SimDevice &device, const StoredConflict &conflict, int number)
{
    LedgerEntry *original = m_ledger.byOfflineId(conflict.change.offlineId);
    if (!original)
        return fail(QStringLiteral("conflict for an unknown change ") + conflict.change.offlineId);
    // A random but recorded choice: all mine, all server, or field by field.
    std::optional<ConflictSide> all;
    QMap<QString, ConflictSide> perField;
    QString choiceText;
    const int mode = pick(3);
    const bool wholeRecord = conflict.fields.isEmpty();
    if (mode == 2 && !wholeRecord) {
        QStringList parts;
        for (auto it = conflict.fields.begin(); it != conflict.fields.end(); ++it) {
            const ConflictSide side = chance(50) ? ConflictSide::Mine : ConflictSide::Server;
            perField.insert(it.key(), side);
            parts.append(it.key() +
                         (side == ConflictSide::Mine ? QStringLiteral("=mine") : QStringLiteral("=server")));
        }
        choiceText = parts.join(QLatin1Char(','));
    } else {
        all = mode == 0 ? ConflictSide::Mine : ConflictSide::Server;
        choiceText = mode == 0 ? QStringLiteral("all=mine") : QStringLiteral("all=server");
    }
    Result<ConflictChoice> choice = ConflictResolver::choiceFromSides(conflict, all, perField);
    if (!choice && !all) {
        all = ConflictSide::Server; // a whole-record conflict takes one side
        choiceText = QStringLiteral("all=server");
        choice = ConflictResolver::choiceFromSides(conflict, all, {});
    }
    if (!choice)
        return fail(QStringLiteral("no valid choice for a conflict: ") + choice.error().toString());
    const QString conflictId = conflict.id;
    const QString recordId = conflict.change.id;
    const QString originalId = conflict.change.offlineId;
    // A choice the device's own rules refuse (taking "mine" for a status the server has since
    // moved past) is shown to the person at once; they then take the server's side.
    for (int attempt = 0; attempt < 2; ++attempt) {
        if (attempt == 1) {
            choice = ConflictResolver::choiceFromSides(conflict, ConflictSide::Server, {});
            choiceText = QStringLiteral("all=server (after a refused choice)");
            if (!choice)
                return fail(QStringLiteral("no valid choice for a conflict: ") + choice.error().toString());
        }
        const QJsonObject detail{{QStringLiteral("choice"), choiceText},
                                 {QStringLiteral("resolves"), originalId}};
        // A choice that takes the server's side everywhere queues nothing: it is settled all the same.
        const bool resolved = recordEdit(
            device, number, QStringLiteral("resolution"), recordId, detail, [&]() -> Result<QString> {
                const Result<bool> done =
                    ConflictResolver(device.device->store()).resolve(conflictId, choice.value());
                if (!done)
                    return done.error();
                return QString();
            });
        if (failed())
            return false;
        if (!resolved)
            continue;
        // Looked up again: recordEdit may have moved the ledger's entries.
        LedgerEntry *resolvedEntry = m_ledger.byOfflineId(originalId);
        resolvedEntry->outcome = EditOutcome::Resolved;
        resolvedEntry->note = conflict.reason + QLatin1Char(' ') + choiceText;
        return true;
    }
    return fail(QStringLiteral("resolving failed: ") + m_ledger.entries().last().note);
}

void Simulation::settleOne(SimDevice &device, int number)
{
    Result<QList<StoredConflict>> conflicts = device.device->store().conflicts().all();
    if (conflicts && !conflicts.value().isEmpty()) {
        resolveConflict(device, pickFrom(conflicts.value()), number);
        return;
    }
    Result<QList<StoredRejection>> rejections = device.device->store().conflicts().rejections();
    if (rejections && !rejections.value().isEmpty() && chance(50)) {
        const StoredRejection rejection = pickFrom(rejections.value());
        if (const Result<void> discarded =
                ConflictResolver(device.device->store()).discardRejected(rejection.id);
            !discarded) {
            fail(QStringLiteral("discarding failed: ") + discarded.error().toString());
            return;
        }
        if (LedgerEntry *entry = m_ledger.byOfflineId(rejection.id)) {
            entry->outcome = EditOutcome::Discarded;
            entry->note += QStringLiteral(" (discarded)");
        } else {
            fail(QStringLiteral("a rejection for a change nobody made: ") + rejection.id);
        }
    }
}

void Simulation::step(int number)
{
    SimDevice &device = m_devices[pick(int(m_devices.size()))];
    const int roll = pick(100);
    if (roll < 12)
        createRecord(device, number);
    else if (roll < 40)
        editRecord(device, number);
    else if (roll < 47)
        appendReading(device, number);
    else if (roll < 58)
        moveRecord(device, number);
    else if (roll < 62)
        deleteRecord(device, number);
    else if (roll < 70)
        settleOne(device, number);
    else
        syncDevice(device, true);
}

bool Simulation::settle()
{
    for (SimDevice &device : m_devices)
        device.proxy->clearFaults();
    for (int round = 1; round <= 30 && !failed(); ++round) {
        m_outcome.settleRounds = round;
        int moved = 0;
        bool open = false;
        m_unsettled.clear();
        for (SimDevice &device : m_devices) {
            const SyncReport report = syncDevice(device, false);
            if (!report.ok())
                return fail(QStringLiteral("a sync without faults failed: ") + report.failureReason());
            moved += report.pushed + report.pulled + report.conflicts;
            if (report.pushed + report.pulled + report.conflicts > 0) {
                m_unsettled.append(
                    QStringLiteral("device %1: %2 pushed, %3 applied, %4 conflicts, %5 pulled, "
                                   "%6 pending; problems: %7")
                        .arg(device.index)
                        .arg(report.pushed)
                        .arg(report.applied)
                        .arg(report.conflicts)
                        .arg(report.pulled)
                        .arg(report.pending)
                        .arg(report.problems.join(QStringLiteral("; "))));
            }
            Result<QList<StoredConflict>> conflicts = device.device->store().conflicts().all();
            if (!conflicts)
                return fail(conflicts.error().toString());
            for (const StoredConflict &conflict : conflicts.value()) {
                if (!resolveConflict(device, conflict, m_config.steps + round))
                    return false;
                open = true;
            }
            if (device.device->counts().pending != 0)
                open = true;
        }
        if (moved == 0 && !open)
            return true;
    }
    return failed() ? false
                    : fail(QStringLiteral("the devices did not settle in 30 rounds; the last round:\n") +
                           m_unsettled.join(QLatin1Char('\n')));
}

std::optional<QHash<QString, protocol::PulledRecord>> Simulation::serverRecords()
{
    test::TestHttpClient http(m_server->url(), m_pmToken);
    QHash<QString, protocol::PulledRecord> records;
    qint64 cursor = 0;
    for (int page = 0; page < 1000; ++page) {
        const test::TestHttpResponse response =
            http.get(protocol::Paths::Pull + QStringLiteral("?cursor=%1&limit=1000").arg(cursor));
        if (response.status != 200) {
            fail(QStringLiteral("server pull answered %1").arg(response.status));
            return std::nullopt;
        }
        const Result<protocol::PullResponse> pulled = protocol::PullResponse::fromJson(response.body);
        if (!pulled) {
            fail(pulled.error().toString());
            return std::nullopt;
        }
        for (const protocol::PulledRecord &record : pulled.value().changes)
            records.insert(record.id, record);
        cursor = pulled.value().cursor;
        if (!pulled.value().hasMore)
            return records;
    }
    fail(QStringLiteral("the server's pull never ended"));
    return std::nullopt;
}

bool Simulation::checkConvergence()
{
    const std::optional<QHash<QString, protocol::PulledRecord>> server = serverRecords();
    if (!server)
        return false;
    m_outcome.records = int(server->size());
    for (SimDevice &device : m_devices) {
        QSet<QString> seen;
        for (const EntitySchema *schema : EntitySchema::all()) {
            RecordQuery query;
            query.entity = schema->kind;
            query.includeDeleted = true;
            Result<QList<LocalRecord>> local = device.device->store().records().list(query);
            if (!local)
                return fail(local.error().toString());
            for (const LocalRecord &record : local.value()) {
                seen.insert(record.id);
                const QString where =
                    QStringLiteral("device %1, %2 %3: ").arg(device.index).arg(schema->wireName, record.id);
                const QString history = QStringLiteral("\nthe ledger's entries for that record:\n") +
                                        m_ledger.forRecord(record.id);
                const auto found = server->constFind(record.id);
                if (found == server->constEnd()) {
                    if (!record.deleted)
                        return fail(where + QStringLiteral("on the device, not on the server") + history);
                    continue;
                }
                if (record.deleted != found->deleted)
                    return fail(where +
                                QStringLiteral("deleted %1 on the device, %2 on the server")
                                    .arg(record.deleted)
                                    .arg(found->deleted) +
                                history);
                if (record.deleted)
                    continue;
                if (record.version != found->version)
                    return fail(where +
                                QStringLiteral("version %1 on the device, %2 on the server")
                                    .arg(record.version)
                                    .arg(found->version) +
                                history);
                for (const QString &key : found->data.keys() + record.data.keys()) {
                    if (record.data.value(key) != found->data.value(key))
                        return fail(
                            where +
                            QStringLiteral("field %1 is %2 on the device, %3 on the server")
                                .arg(key,
                                     QString::fromUtf8(QJsonDocument(QJsonArray{record.data.value(key)})
                                                           .toJson(QJsonDocument::Compact)),
                                     QString::fromUtf8(QJsonDocument(QJsonArray{found->data.value(key)})
                                                           .toJson(QJsonDocument::Compact))) +
                            history);
                }
            }
        }
        for (auto it = server->constBegin(); it != server->constEnd(); ++it) {
            if (!it->deleted && !seen.contains(it.key()))
                return fail(QStringLiteral("device %1 lacks %2, which the server has")
                                .arg(device.index)
                                .arg(it.key()));
        }
        const QueueCounts counts = device.device->counts();
        if (counts.pending != 0 || counts.conflicts != 0)
            return fail(QStringLiteral("device %1 still has %2 pending, %3 conflicts")
                            .arg(device.index)
                            .arg(counts.pending)
                            .arg(counts.conflicts));
    }
    return checkExactlyOnce(*server);
}

// One audit entry per applied edit of each device, on every record: nothing applied twice
// (a retried push after a lost answer), nothing counted as applied that the server never wrote.
int Simulation::deviceIndex(const QString &deviceId)
{
    for (const SimDevice &device : m_devices) {
        if (device.device->store().deviceId() == deviceId)
            return device.index;
    }
    return -1;
}

bool Simulation::checkExactlyOnce(const QHash<QString, protocol::PulledRecord> &server)
{
    QHash<QString, int> appliedByRecordAndDevice;
    for (const LedgerEntry &entry : m_ledger.entries()) {
        if (entry.outcome == EditOutcome::Applied) {
            const QString deviceId = m_devices.at(entry.device).device->store().deviceId();
            appliedByRecordAndDevice[entry.recordId + QLatin1Char('/') + deviceId] += 1;
        }
    }
    test::TestHttpClient http(m_server->url(), m_pmToken);
    QHash<QString, int> audited;
    for (auto it = server.constBegin(); it != server.constEnd(); ++it) {
        const test::TestHttpResponse response = http.get(QStringLiteral("/api/v1/audit?record=") + it.key());
        if (response.status != 200)
            return fail(QStringLiteral("audit of %1 answered %2").arg(it.key()).arg(response.status));
        for (const QJsonValue &value : response.json().value(QStringLiteral("entries")).toArray())
            audited[it.key() + QLatin1Char('/') +
                    value.toObject().value(QStringLiteral("device_id")).toString()] += 1;
    }
    QSet<QString> keys;
    for (auto it = audited.constBegin(); it != audited.constEnd(); ++it)
        keys.insert(it.key());
    for (auto it = appliedByRecordAndDevice.constBegin(); it != appliedByRecordAndDevice.constEnd(); ++it)
        keys.insert(it.key());
    for (const QString &key : std::as_const(keys)) {
        if (audited.value(key) == appliedByRecordAndDevice.value(key))
            continue;
        const QString recordId = key.section(QLatin1Char('/'), 0, 0);
        const QString deviceId = key.section(QLatin1Char('/'), 1);
        return fail(QStringLiteral("record %1, device %2 (%3): %4 audit entries on the server, %5 applied "
                                   "edits in the ledger\nthe ledger's entries for that record:\n%6")
                        .arg(recordId)
                        .arg(deviceIndex(deviceId))
                        .arg(deviceId)
                        .arg(audited.value(key))
                        .arg(appliedByRecordAndDevice.value(key))
                        .arg(m_ledger.forRecord(recordId)));
    }
    return true;
}

SimOutcome Simulation::run()
{
    QElapsedTimer timer;
    timer.start();
    if (start()) {
        for (int number = 1; number <= m_config.steps && !failed(); ++number)
            step(number);
        if (!failed() && settle()) {
            // Every rejected edit is still on show; then the people discard them, so that the
            // devices can be compared with the server record for record.
            for (SimDevice &device : m_devices) {
                Result<QList<StoredRejection>> rejections = device.device->store().conflicts().rejections();
                if (!rejections) {
                    fail(rejections.error().toString());
                    break;
                }
                for (const StoredRejection &rejection : rejections.value()) {
                    LedgerEntry *entry = m_ledger.byOfflineId(rejection.id);
                    if (!entry) {
                        fail(QStringLiteral("a rejection for a change nobody made: ") + rejection.id);
                        break;
                    }
                    if (const Result<void> discarded =
                            ConflictResolver(device.device->store()).discardRejected(rejection.id);
                        !discarded) {
                        fail(discarded.error().toString());
                        break;
                    }
                    entry->outcome = EditOutcome::Discarded;
                    entry->note += QStringLiteral(" (seen, discarded at the end)");
                }
            }
            for (const LedgerEntry &entry : m_ledger.entries()) {
                if (entry.outcome == EditOutcome::Pending || entry.outcome == EditOutcome::Conflicted ||
                    entry.outcome == EditOutcome::Rejected) {
                    fail(QStringLiteral("an edit was not settled: ") + entry.describe());
                    break;
                }
            }
            if (!failed() && settle())
                checkConvergence();
        }
    }
    for (const LedgerEntry &entry : m_ledger.entries()) {
        if (entry.outcome == EditOutcome::Applied)
            ++m_outcome.applied;
        else if (entry.outcome == EditOutcome::RefusedLocally)
            ++m_outcome.refusedLocally;
    }
    m_outcome.edits = int(m_ledger.entries().size());
    m_outcome.elapsedMs = timer.elapsed();
    m_outcome.converged = !failed();
    if (failed()) {
        m_outcome.failure =
            QStringLiteral("seed %1 (replay with FIELDSYNC_SIM_SEED=%1): %2\nlast ledger entries:\n%3")
                .arg(m_config.seed)
                .arg(m_failure, m_ledger.tail(25));
    }
    return m_outcome;
}

} // namespace

SimOutcome runConvergenceSim(const SimConfig &config)
{
    Simulation simulation(config);
    return simulation.run();
}

} // namespace fieldsync::sim
