#pragma once

#include "ChangeAnswer.h"
#include "auth/AuthUser.h"
#include "domain/NewRecordText.h"
#include "store/AuditRepository.h"
#include "store/RecordRepository.h"
#include "store/SequenceRepository.h"

namespace fieldsync::server {

class ServerDatabase;

// What one push request shares between its changes.
struct PushContext
{
    AuthUser user;
    QString deviceId;
    QString clientTime; // as the device sent it; for the audit trail and gas reading times
    QString now;        // server time of the request, UTC ISO 8601
    // Whether an applied answer carries its record decoded (AppliedChange::data), as PushService
    // returns it, or as JSON text only, which is all that the HTTP answer and the stored answer
    // hold: the record is then written with its meta fields merged into the text, never inserted
    // into the object.
    bool recordsDecoded = true;
};

// The rules of protocol v1 for one change: permissions and project filtering, validation,
// the three-way merge, conflicts, tombstones, and the write itself (version, sequence, audit).
// It runs inside the caller's transaction and savepoint; an Error means the database failed,
// while everything the device did wrong is a rejected answer.
class ChangeProcessor
{
public:
    explicit ChangeProcessor(ServerDatabase &db);

    Result<ChangeAnswer> process(const PushContext &context, const protocol::Change &change);

    // Looks up at once which ids the creates among changes name are free, so that each create
    // need not ask on its own. Valid for the transaction it runs in, until forgetFreeIds().
    Result<void> lookUpFreeIds(const QList<protocol::Change> &changes);
    void forgetFreeIds() { m_freeIds.clear(); }
    // The sequence every write takes its number from (a push holds it; see SequenceRepository).
    SequenceRepository &sequence() { return m_sequence; }
    // The audit trail every write adds to.
    AuditRepository &audit() { return m_audit; }
    // A push's records and audit rows go in many to a statement (see RecordRepository and
    // AuditRepository), until flushBatch() writes what is left or dropBatch() forgets it.
    void startBatching();
    Result<void> flushBatch();
    void dropBatch();

private:
    Result<ChangeAnswer> create(const PushContext &context, const EntitySchema &schema,
                                const protocol::Change &change);
    // create() of data kept as text that NewRecordText::check() took as checked, by this user.
    Result<ChangeAnswer> createFromText(const PushContext &context, const EntitySchema &schema,
                                        const protocol::Change &change,
                                        const NewRecordText::Checked &checked);
    Result<ChangeAnswer> update(const PushContext &context, const EntitySchema &schema,
                                const protocol::Change &change);
    Result<ChangeAnswer> remove(const PushContext &context, const EntitySchema &schema,
                                const protocol::Change &change);

    // The record as the user may see it: absent when missing, in another project, or of another
    // entity (all answered not_found, so other projects stay invisible).
    Result<std::optional<StoredRecord>> visibleRecord(const PushContext &context,
                                                      const protocol::Change &change);
    // A rejection detail when a child's permit_id does not name a live permit of its project.
    Result<QString> checkParent(const EntitySchema &schema, const QJsonObject &data,
                                const QString &projectId);
    Result<QString> checkAttachmentTarget(const QJsonObject &data, const QString &projectId);
    // A rejection detail when this user may not make the record's status move because they
    // created the record or made the move before it (a permit's receiver approving it).
    Result<QString> checkMover(const PushContext &context, const EntitySchema &schema,
                               const StoredRecord &server, const QJsonObject &result);
    // Bumps the version, takes the next sequence number and sets the meta fields.
    Result<void> stamp(const PushContext &context, StoredRecord &record);
    // Bumps the version, takes the next sequence number, stamps the meta fields, saves, audits.
    Result<ChangeAnswer> write(const PushContext &context, const protocol::Change &change,
                               StoredRecord record, const QJsonObject &before);

    // write() for an answer without the record decoded (see PushContext::recordsDecoded), of a
    // live record with data: record.data stays without the meta fields, which only its text has.
    Result<ChangeAnswer> writeAsText(const protocol::Change &change, StoredRecord record,
                                     const QJsonObject &before, const QString &clientTime);
    // Saves and audits a stamped live record whose data is the text given, and answers it applied.
    Result<ChangeAnswer> keepText(const protocol::Change &change, const StoredRecord &record,
                                  const QJsonObject &before, const QString &clientTime,
                                  const QByteArray &data);

    // Whether no record has this id; from the free ids looked up, else asked now.
    Result<bool> isFreeId(const QString &id);

    RecordRepository m_records;
    SequenceRepository m_sequence;
    AuditRepository m_audit;
    // Ids no record had when looked up; each is taken out as a create uses it, so that a second
    // create of the same id asks the database, which then has the first.
    QSet<QString> m_freeIds;
    // The data of the last record createFromText() wrote: its project_id alone, kept beside it
    // too (reading it out of the object costs more than comparing it).
    QJsonObject m_projectOnly;
    QString m_projectOnlyId;
};

} // namespace fieldsync::server
