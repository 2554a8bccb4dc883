#include "ChangeProcessor.h"

#include "common/CanonicalJson.h"
#include "common/JsonWriter.h"
#include "domain/NewRecordText.h"
#include "domain/RecordValidator.h"
#include "domain/ThreeWayMerge.h"
#include "protocol/JsonReader.h"

#include <QDateTime>

namespace fieldsync::server {

namespace {

const QString PermitIdField = QStringLiteral("permit_id");
const QString AttachmentRecordIdField = QStringLiteral("record_id");
const QString AttachmentRecordEntityField = QStringLiteral("record_entity");
const QString GasReadingTakenBy = QStringLiteral("taken_by");
const QString GasReadingTakenAt = QStringLiteral("taken_at");

ChangeAnswer rejected(const protocol::Change &change, const QString &reason, const QString &detail,
                      const QString &projectId = {})
{
    return ChangeAnswer::makeRejected(change.offlineId, reason, detail, projectId);
}

ChangeAnswer rejected(const protocol::Change &change, const Error &error, const QString &projectId = {})
{
    return rejected(change, error.code, error.message, projectId);
}

ChangeAnswer conflict(const protocol::Change &change, const StoredRecord &server, const QString &reason,
                      const QMap<QString, FieldConflict> &fields = {})
{
    protocol::ConflictedChange entry;
    entry.offlineId = change.offlineId;
    entry.id = change.id;
    entry.clientVersion = change.clientVersion;
    entry.serverVersion = server.version;
    entry.reason = reason;
    entry.serverState = server.data;
    entry.serverDeleted = server.deleted;
    for (auto it = fields.begin(); it != fields.end(); ++it)
        entry.fields.insert(it.key(), {it->base, it->mine, it->server, mergeHintName(it->hint)});
    return ChangeAnswer::makeConflict(std::move(entry), server.projectId);
}

// Every field present (null when unset), so a pulled record is complete. The fields in present
// are known to be in data already and are not looked for (a lookup compares keys as strings).
QJsonObject completed(const EntitySchema &schema, QJsonObject data, RecordValidator::FieldSet present = 0)
{
    for (qsizetype index = 0; index < schema.fields.size(); ++index) {
        if (present & RecordValidator::fieldSetAt(index))
            continue;
        const FieldSpec &spec = schema.fields.at(index);
        if (!data.contains(spec.name))
            data.insert(spec.name, QJsonValue(QJsonValue::Null));
    }
    return data;
}

QJsonObject auditState(const StoredRecord &record)
{
    QJsonObject state = record.data;
    if (record.deleted)
        state.insert(QStringLiteral("deleted"), true);
    return state;
}

// Gas readings are facts of a time and a person: when the device did not say, the server fills
// in who (the token's user) and when (the device's clock at push, else the server's).
QJsonObject withGasReadingDefaults(QJsonObject data, const PushContext &context)
{
    if (data.value(GasReadingTakenBy).toString().isEmpty())
        data.insert(GasReadingTakenBy, context.user.name);
    if (data.value(GasReadingTakenAt).isNull() || data.value(GasReadingTakenAt).isUndefined()) {
        const QDateTime clientTime = QDateTime::fromString(context.clientTime, Qt::ISODate);
        data.insert(GasReadingTakenAt,
                    clientTime.isValid() ? clientTime.toUTC().toString(Qt::ISODateWithMs) : context.now);
    }
    return data;
}

// The change with its data decoded from the text the push kept (protocol::Change::dataText),
// which JsonReader::parseObjectAt() takes (the decoding kept only such text).
Result<protocol::Change> withDataDecoded(const protocol::Change &change)
{
    qsizetype end = 0;
    std::optional<QJsonObject> data =
        protocol::JsonReader::parseObjectAt(change.dataText, end, CanonicalJson::MaxDepth);
    if (!data || end != change.dataText.size())
        return makeError(QStringLiteral("internal"),
                         QStringLiteral("the data of change %1 was kept as text that does not parse")
                             .arg(change.offlineId));
    protocol::Change decoded = change;
    decoded.dataText.clear();
    decoded.data = std::move(*data);
    return decoded;
}

// Whether a create of this entity is nothing but checks of its data (NewRecordText::check()) and
// the write: no parent to look up, no defaults besides the status.
bool createsFromTextAlone(const EntitySchema &schema)
{
    return schema.kind != EntityKind::GasReading && schema.kind != EntityKind::Attachment &&
           !schema.field(PermitIdField);
}

} // namespace

ChangeProcessor::ChangeProcessor(ServerDatabase &db)
    : m_records(db)
    , m_sequence(db)
    , m_audit(db)
{}

Result<ChangeAnswer> ChangeProcessor::process(const PushContext &context, const protocol::Change &change)
{
    const EntitySchema &schema = EntitySchema::of(change.entity);
    switch (change.op) {
    case ChangeOp::Create:
    case ChangeOp::Append:
        return create(context, schema, change);
    case ChangeOp::Update:
        return update(context, schema, change);
    case ChangeOp::Delete:
        return remove(context, schema, change);
    }
    return rejected(change, QStringLiteral("invalid_op"), QStringLiteral("unknown op"));
}

void ChangeProcessor::startBatching()
{
    m_records.startBatching();
    m_audit.startBatching();
}

Result<void> ChangeProcessor::flushBatch()
{
    // Both, even when the first fails: neither keeps rows for a later push.
    const Result<void> records = m_records.flush();
    const Result<void> audit = m_audit.flush();
    return records ? audit : records;
}

void ChangeProcessor::dropBatch()
{
    m_records.dropBatch();
    m_audit.dropBatch();
}

Result<std::optional<StoredRecord>> ChangeProcessor::visibleRecord(const PushContext &context,
                                                                   const protocol::Change &change)
{
    Result<std::optional<StoredRecord>> found = m_records.find(change.id);
    if (!found)
        return found.error();
    const std::optional<StoredRecord> &record = found.value();
    if (!record || record->entity != change.entity || !context.user.hasProject(record->projectId))
        return std::optional<StoredRecord>();
    return found;
}

Result<QString> ChangeProcessor::checkParent(const EntitySchema &schema, const QJsonObject &data,
                                             const QString &projectId)
{
    if (schema.kind == EntityKind::Attachment)
        return checkAttachmentTarget(data, projectId);
    if (!schema.field(PermitIdField) || !data.value(PermitIdField).isString())
        return QString(); // a required permit_id that is missing is checkResult's to report
    const QString permitId = data.value(PermitIdField).toString();
    const Result<std::optional<StoredRecord>> permit = m_records.find(permitId);
    if (!permit)
        return permit.error();
    const std::optional<StoredRecord> &found = permit.value();
    if (!found || found->entity != EntityKind::Permit || found->projectId != projectId)
        return QStringLiteral("permit_id: no permit %1 in project %2").arg(permitId, projectId);
    if (found->deleted)
        return QStringLiteral("permit_id: permit %1 was deleted").arg(permitId);
    return QString();
}

Result<QString> ChangeProcessor::checkMover(const PushContext &context, const EntitySchema &schema,
                                            const StoredRecord &server, const QJsonObject &result)
{
    if (!schema.workflow)
        return QString();
    const QString from = server.data.value(RecordMeta::Status).toString();
    const QString to = result.value(RecordMeta::Status).toString();
    if (from == to || !schema.workflow->needsAnotherPerson(from, to))
        return QString();
    // The receiver who prepared or submitted a permit never approves it, whatever their role
    // (DOMAIN.md); when the trail cannot say who they were, nobody can be shown to be someone else.
    const Result<QStringList> people = m_audit.whoBroughtItTo(server.id, from);
    if (!people)
        return people.error();
    if (people.value().isEmpty())
        return QStringLiteral("the audit trail does not say who made this %1 %2, so nobody can move it to %3")
            .arg(schema.wireName, from, to);
    if (!people.value().contains(context.user.name))
        return QString();
    return QStringLiteral("%1 created this %2 or moved it to %3: someone else must move it to %4")
        .arg(context.user.name, schema.wireName, from, to);
}

Result<QString> ChangeProcessor::checkAttachmentTarget(const QJsonObject &data, const QString &projectId)
{
    // A photo or signature belongs to a record of its project, or it would be kept for nothing
    // and never shown. A deleted record keeps its attachments: they are evidence, and the record
    // may be restored.
    const QString recordId = data.value(AttachmentRecordIdField).toString();
    const QString entityName = data.value(AttachmentRecordEntityField).toString();
    if (recordId.isEmpty() || entityName.isEmpty())
        return QString(); // missing fields are checkResult's to report
    const Result<std::optional<StoredRecord>> target = m_records.find(recordId);
    if (!target)
        return target.error();
    const std::optional<StoredRecord> &found = target.value();
    if (!found || EntitySchema::of(found->entity).wireName != entityName || found->projectId != projectId)
        return QStringLiteral("record_id: no %1 %2 in project %3").arg(entityName, recordId, projectId);
    return QString();
}

Result<void> ChangeProcessor::lookUpFreeIds(const QList<protocol::Change> &changes)
{
    m_freeIds.clear();
    QStringList ids;
    for (const protocol::Change &change : changes) {
        if (makesNewRecord(change.op))
            ids.append(change.id);
    }
    if (ids.isEmpty())
        return {};
    const Result<QSet<QString>> taken = m_records.existing(ids);
    if (!taken)
        return taken.error();
    for (const QString &id : std::as_const(ids)) {
        if (!taken.value().contains(id))
            m_freeIds.insert(id);
    }
    return {};
}

Result<bool> ChangeProcessor::isFreeId(const QString &id)
{
    if (m_freeIds.remove(id))
        return true;
    const Result<std::optional<StoredRecord>> existing = m_records.find(id);
    if (!existing)
        return existing.error();
    return !existing.value().has_value();
}

Result<ChangeAnswer> ChangeProcessor::create(const PushContext &context, const EntitySchema &schema,
                                             const protocol::Change &change)
{
    if (schema.appendOnly && change.op == ChangeOp::Create) {
        return rejected(change, QStringLiteral("invalid_op"),
                        QStringLiteral("%1 is append-only: use op append").arg(schema.wireName));
    }
    if (!schema.appendOnly && change.op == ChangeOp::Append) {
        return rejected(change, QStringLiteral("invalid_op"),
                        QStringLiteral("append is only for append-only entities; use create for %1")
                            .arg(schema.wireName));
    }
    if (!change.dataText.isEmpty()) {
        // The usual create, its data kept as the device wrote it: checked and written as text.
        // Anything else is decoded and goes the general way below, which says what is wrong.
        if (!context.recordsDecoded && createsFromTextAlone(schema)) {
            if (const std::optional<NewRecordText::Checked> checked =
                    NewRecordText::check(schema, change.dataText, context.user.role);
                checked && context.user.hasProject(checked->projectId))
                return createFromText(context, schema, change, *checked);
        }
        const Result<protocol::Change> decoded = withDataDecoded(change);
        if (!decoded)
            return decoded.error();
        return create(context, schema, decoded.value());
    }
    const QJsonValue project = change.data.value(RecordMeta::ProjectId);
    if (!project.isString() || project.toString().isEmpty())
        return rejected(change, QStringLiteral("validation"), QStringLiteral("project_id is required"));
    const QString projectId = project.toString();
    if (!context.user.hasProject(projectId)) {
        return rejected(change, QStringLiteral("forbidden"),
                        QStringLiteral("%1 is not a member of project %2").arg(context.user.name, projectId));
    }
    RecordValidator::FieldSet passed = 0;
    const Result<QJsonObject> checked =
        RecordValidator::checkChangeData(schema, change.op, change.data, &passed);
    if (!checked)
        return rejected(change, checked.error(), projectId);

    const Result<bool> free = isFreeId(change.id);
    if (!free)
        return free.error();
    if (!free.value())
        return rejected(change, QStringLiteral("duplicate_id"),
                        QStringLiteral("id %1 already exists").arg(change.id), projectId);

    QJsonObject data = RecordValidator::withDefaults(schema, checked.value());
    if (schema.kind == EntityKind::GasReading)
        data = withGasReadingDefaults(std::move(data), context);
    const Result<QString> parentProblem = checkParent(schema, data, projectId);
    if (!parentProblem)
        return parentProblem.error();
    if (!parentProblem.value().isEmpty())
        return rejected(change, QStringLiteral("validation"), parentProblem.value(), projectId);
    // What checkChangeData passed with a value is in data still (nothing is taken out of it).
    data = completed(schema, std::move(data), passed);
    // What checkChangeData passed is not checked again, but for what the gas reading defaults
    // may have replaced (withDefaults and completed() only fill in what had no value).
    if (schema.kind == EntityKind::GasReading)
        passed &= ~(RecordValidator::fieldSetOf(schema, GasReadingTakenBy) |
                    RecordValidator::fieldSetOf(schema, GasReadingTakenAt));
    if (const Result<void> valid = RecordValidator::checkNewResult(schema, passed, data, context.user.role);
        !valid)
        return rejected(change, valid.error(), projectId);

    StoredRecord record;
    record.id = change.id;
    record.entity = schema.kind;
    record.projectId = projectId;
    record.data = std::move(data);
    return write(context, change, std::move(record), {});
}

Result<ChangeAnswer> ChangeProcessor::createFromText(const PushContext &context, const EntitySchema &schema,
                                                     const protocol::Change &change,
                                                     const NewRecordText::Checked &checked)
{
    const Result<bool> free = isFreeId(change.id);
    if (!free)
        return free.error();
    if (!free.value())
        return rejected(change, QStringLiteral("duplicate_id"),
                        QStringLiteral("id %1 already exists").arg(change.id), checked.projectId);
    StoredRecord record;
    record.id = change.id;
    record.entity = schema.kind;
    record.projectId = checked.projectId;
    if (const Result<void> stamped = stamp(context, record); !stamped)
        return stamped.error();
    const QByteArray data = NewRecordText::recordText(checked, {{RecordMeta::DeviceId, record.deviceId},
                                                                {RecordMeta::ProjectId, record.projectId},
                                                                {RecordMeta::UpdatedAt, record.updatedAt},
                                                                {RecordMeta::UpdatedBy, record.updatedBy}});
    if (data.isEmpty())
        return makeError(QStringLiteral("internal"), QStringLiteral("the meta fields are not in key order"));
    // Only the text holds the record; the audit takes it for a record whose data is not empty. A
    // push's creates are nearly always of one project: its object is made once.
    if (m_projectOnly.isEmpty() || m_projectOnlyId != record.projectId) {
        m_projectOnly = QJsonObject{{RecordMeta::ProjectId, record.projectId}};
        m_projectOnlyId = record.projectId;
    }
    record.data = m_projectOnly;
    return keepText(change, record, {}, context.clientTime, data);
}

Result<ChangeAnswer> ChangeProcessor::update(const PushContext &context, const EntitySchema &schema,
                                             const protocol::Change &change)
{
    if (schema.appendOnly) {
        return rejected(change, QStringLiteral("append_only"),
                        QStringLiteral("%1 records are never edited; append a new one").arg(schema.wireName));
    }
    const Result<std::optional<StoredRecord>> found = visibleRecord(context, change);
    if (!found)
        return found.error();
    if (!found.value())
        return rejected(change, QStringLiteral("not_found"),
                        QStringLiteral("no %1 %2").arg(schema.wireName, change.id));
    const StoredRecord &server = *found.value();
    // It would be a new version and an audit entry that say someone changed what nobody changed.
    if (change.data.isEmpty())
        return rejected(change, QStringLiteral("validation"),
                        QStringLiteral("an update must change at least one field"), server.projectId);

    const Result<QJsonObject> checked =
        RecordValidator::checkChangeData(schema, ChangeOp::Update, change.data);
    if (!checked)
        return rejected(change, checked.error(), server.projectId);

    QJsonObject changes;
    if (server.deleted) {
        // Restoring is a deliberate act on the version the person saw deleted; anything older
        // means they never saw the delete, and they decide.
        if (change.clientVersion != server.version)
            return conflict(change, server, QStringLiteral("deleted"));
        changes = checked.value();
    } else if (change.clientVersion == server.version) {
        changes = checked.value();
    } else {
        const MergeOutcome merge = threeWayMerge(schema, change.base, checked.value(), server.data);
        if (merge.hasConflicts())
            return conflict(change, server, QStringLiteral("stale"), merge.conflicts);
        changes = merge.merged;
    }

    QJsonObject result = server.data;
    for (auto it = changes.begin(); it != changes.end(); ++it)
        result.insert(it.key(), it.value());
    if (const Result<void> valid =
            RecordValidator::checkResult(schema, server.data, result, context.user.role);
        !valid)
        return rejected(change, valid.error(), server.projectId);
    if (const Result<QString> problem = checkMover(context, schema, server, result); !problem)
        return problem.error();
    else if (!problem.value().isEmpty())
        return rejected(change, QStringLiteral("forbidden"), problem.value(), server.projectId);
    if (result.value(PermitIdField) != server.data.value(PermitIdField)) {
        // Moved under another permit: the same checks as a create's, or a task would point at a
        // permit of another project, or at none.
        const Result<QString> parentProblem = checkParent(schema, result, server.projectId);
        if (!parentProblem)
            return parentProblem.error();
        if (!parentProblem.value().isEmpty())
            return rejected(change, QStringLiteral("validation"), parentProblem.value(), server.projectId);
    }
    // Written even when it changes no field (another device made the same edit first): every
    // applied change is one new version and one audit entry, so the device's answer is always
    // newer than the version it edited and the audit trail shows everyone who made the edit.
    StoredRecord record = server;
    record.deleted = false;
    record.data = completed(schema, std::move(result));
    return write(context, change, std::move(record), auditState(server));
}

Result<ChangeAnswer> ChangeProcessor::remove(const PushContext &context, const EntitySchema &schema,
                                             const protocol::Change &change)
{
    if (schema.appendOnly) {
        return rejected(change, QStringLiteral("append_only"),
                        QStringLiteral("%1 records are never deleted").arg(schema.wireName));
    }
    const Result<std::optional<StoredRecord>> found = visibleRecord(context, change);
    if (!found)
        return found.error();
    if (!found.value())
        return rejected(change, QStringLiteral("not_found"),
                        QStringLiteral("no %1 %2").arg(schema.wireName, change.id));
    const StoredRecord &server = *found.value();

    // A delete of a record someone else deleted first is nobody's question: it is written as
    // another tombstone version (see update()).
    if (!server.deleted && change.clientVersion != server.version) {
        // The device's own later writes (a create and a delete queued together) are not news to
        // it; only another device's change makes the delete a question for a person.
        const Result<bool> changedByOthers =
            m_audit.changedByOthersSince(change.id, change.clientVersion, context.deviceId);
        if (!changedByOthers)
            return changedByOthers.error();
        if (changedByOthers.value())
            return conflict(change, server, QStringLiteral("changed"));
    }
    if (schema.kind == EntityKind::Permit && !server.deleted) {
        const QString status = server.data.value(RecordMeta::Status).toString();
        if (status != Workflow::permit().initialState()) {
            return rejected(
                change, QStringLiteral("forbidden"),
                QStringLiteral("a %1 permit stays on record; cancel or close it instead").arg(status),
                server.projectId);
        }
    }
    StoredRecord record = server;
    record.deleted = true;
    return write(context, change, std::move(record), auditState(server));
}

Result<void> ChangeProcessor::stamp(const PushContext &context, StoredRecord &record)
{
    const Result<qint64> seq = m_sequence.next();
    if (!seq)
        return seq.error();
    record.version += 1;
    record.seq = seq.value();
    record.updatedAt = context.now;
    record.updatedBy = context.user.name;
    record.deviceId = context.deviceId;
    return {};
}

Result<ChangeAnswer> ChangeProcessor::write(const PushContext &context, const protocol::Change &change,
                                            StoredRecord record, const QJsonObject &before)
{
    if (const Result<void> stamped = stamp(context, record); !stamped)
        return stamped.error();
    // The text is what inserting the meta fields and encoding would write (an empty data goes
    // the general way, as AuditRepository::record encodes an empty state otherwise).
    if (!context.recordsDecoded && !record.deleted && !record.data.isEmpty())
        return writeAsText(change, std::move(record), before, context.clientTime);
    // Nearly always there already (a create's data names it, a stored record keeps it): an insert
    // of the same value would still convert and replace it.
    if (const QJsonValue stored = record.data.value(RecordMeta::ProjectId);
        !stored.isString() || stored.toString() != record.projectId)
        record.data.insert(RecordMeta::ProjectId, record.projectId);
    record.data.insert(RecordMeta::UpdatedAt, record.updatedAt);
    record.data.insert(RecordMeta::UpdatedBy, record.updatedBy);
    record.data.insert(RecordMeta::DeviceId, record.deviceId);
    // Encoded once: the row, the audit trail, the stored answer and the response all carry it.
    const QByteArray data = JsonWriter::compact(record.data);
    if (const Result<void> saved = m_records.save(record, data); !saved)
        return saved.error();
    if (const Result<void> audited = m_audit.record(record, before, context.clientTime, data); !audited)
        return audited.error();
    ChangeAnswer answer = ChangeAnswer::makeApplied(
        {change.offlineId, record.id, record.version, record.data}, record.projectId, data);
    // A live record's audit entry holds data as it is (see AuditRepository::record); a deleted
    // one's says deleted besides, so its answer is stored whole.
    if (!record.deleted)
        answer.auditSeq = record.seq;
    return answer;
}

Result<ChangeAnswer> ChangeProcessor::writeAsText(const protocol::Change &change, StoredRecord record,
                                                  const QJsonObject &before, const QString &clientTime)
{
    // The project_id write() inserts when data's differs: the same text when it does not.
    const QByteArray data = JsonWriter::compactWith(record.data, {{RecordMeta::DeviceId, record.deviceId},
                                                                  {RecordMeta::ProjectId, record.projectId},
                                                                  {RecordMeta::UpdatedAt, record.updatedAt},
                                                                  {RecordMeta::UpdatedBy, record.updatedBy}});
    return keepText(change, record, before, clientTime, data);
}

Result<ChangeAnswer> ChangeProcessor::keepText(const protocol::Change &change, const StoredRecord &record,
                                               const QJsonObject &before, const QString &clientTime,
                                               const QByteArray &data)
{
    if (const Result<void> saved = m_records.save(record, data); !saved)
        return saved.error();
    if (const Result<void> audited = m_audit.record(record, before, clientTime, data); !audited)
        return audited.error();
    ChangeAnswer answer =
        ChangeAnswer::makeApplied({change.offlineId, record.id, record.version, {}}, record.projectId, data);
    answer.auditSeq = record.seq;
    return answer;
}

} // namespace fieldsync::server
