#include "PushService.h"

#include "common/Logging.h"
#include "protocol/ProtocolInfo.h"
#include "store/ServerDatabase.h"
#include "store/WriteTransaction.h"

#include <QElapsedTimer>

#include <memory>

namespace fieldsync::server {

namespace {

// A replay is the same change again; an answer about another record answers another change. A
// stored rejection does not name its record and is given back as it is.
bool answeredAnotherRecord(const ChangeAnswer &stored, const protocol::Change &change)
{
    switch (stored.kind) {
    case ChangeAnswer::Kind::Applied:
        return stored.applied.id != change.id;
    case ChangeAnswer::Kind::Conflict:
        return stored.conflict.id != change.id;
    case ChangeAnswer::Kind::Rejected:
        return false;
    }
    return false;
}

} // namespace

PushService::PushService(ServerDatabase &db)
    : m_db(db)
    , m_processor(db)
    , m_idempotency(db)
    , m_audit(m_processor.audit())
    , m_sequence(m_processor.sequence())
{}

Result<QByteArray> PushService::wholeStoredAnswer(const QByteArray &stored)
{
    const Result<std::optional<ChangeAnswer::AuditReference>> reference =
        ChangeAnswer::auditReferenceIn(stored);
    if (!reference)
        return reference.error();
    if (!reference.value())
        return stored;
    const ChangeAnswer::AuditReference &entry = *reference.value();
    const Result<std::optional<QByteArray>> afterData = m_audit.afterDataAt(entry.recordId, entry.seq);
    if (!afterData)
        return afterData.error();
    if (!afterData.value() || afterData.value()->isEmpty())
        return makeError(QStringLiteral("database"),
                         QStringLiteral("the audit entry %1 of %2 that a stored answer names is missing")
                             .arg(entry.seq)
                             .arg(entry.recordId));
    return ChangeAnswer::expandStored(entry, *afterData.value());
}

Result<ChangeAnswer> PushService::answer(const PushContext &context, const protocol::Change &change)
{
    const auto stored = m_answered.constFind(change.offlineId);
    if (stored != m_answered.cend()) {
        const IdempotencyRepository::StoredAnswer *previous = &stored.value();
        // Answered before: the same answer again, never a second application. A user who has
        // since lost the record's project learns nothing more than not_found.
        if (!previous->projectId.isEmpty() && !context.user.hasProject(previous->projectId)) {
            return ChangeAnswer::makeRejected(
                change.offlineId, QStringLiteral("not_found"),
                QStringLiteral("no %1 %2").arg(EntitySchema::of(change.entity).wireName, change.id));
        }
        const Result<QByteArray> whole = wholeStoredAnswer(previous->answer);
        if (!whole)
            return whole.error();
        Result<ChangeAnswer> replayed = ChangeAnswer::fromStored(whole.value(), previous->projectId);
        if (replayed && answeredAnotherRecord(replayed.value(), change)) {
            // The device used one offline id for two changes: the second would get the first's
            // answer and be taken for applied while nothing of it was.
            return ChangeAnswer::makeRejected(
                change.offlineId, QStringLiteral("duplicate_offline_id"),
                QStringLiteral("offline id %1 was already used for another change").arg(change.offlineId));
        }
        return replayed;
    }

    Result<ChangeAnswer> answer = m_processor.process(context, change);
    if (!answer)
        return answer;
    IdempotencyRepository::StoredAnswer toStore{answer.value().projectId, answer.value().toStored()};
    // Stored with the rest of the push's answers before it commits (see push()).
    m_newAnswers.append({change.offlineId, toStore});
    // The same offline id later in this request gets this answer, as a lookup would find it.
    if (toStore.projectId.isNull())
        toStore.projectId = QStringLiteral("");
    m_answered.insert(change.offlineId, std::move(toStore));
    return answer;
}

Result<protocol::PushResponse> PushService::push(const AuthUser &user, const protocol::PushRequest &request,
                                                 QByteArray *body, QByteArray *gzippedBody,
                                                 AppliedData appliedData)
{
    QElapsedTimer timer;
    timer.start();
    const PushContext context{user, request.deviceId, request.clientTime, protocol::nowUtcString(),
                              !body || appliedData == AppliedData::Decoded};

    WriteTransaction transaction(m_db);
    if (const Result<void> begun = transaction.begin(); !begun)
        return begun.error();
    const Result<qint64> startCursor = m_sequence.lockForWriting();
    if (!startCursor)
        return startCursor.error();
    // Numbers held but not stored (a failed push) go back with the rollback.
    const std::unique_ptr<SequenceRepository, void (*)(SequenceRepository *)> hold(
        &m_sequence, [](SequenceRepository *sequence) { sequence->dropHeld(); });
    // No savepoint per change: every rejection is decided before a change writes anything, and a
    // database error fails (and rolls back) the whole push, so a change is all or nothing as it is.
    QStringList offlineIds;
    offlineIds.reserve(request.changes.size());
    for (const protocol::Change &change : request.changes)
        offlineIds.append(change.offlineId);
    Result<QHash<QString, IdempotencyRepository::StoredAnswer>> answered =
        m_idempotency.findMany(request.deviceId, offlineIds);
    if (!answered)
        return answered.error();
    m_answered = std::move(answered).value();
    m_newAnswers.clear();
    m_newAnswers.reserve(request.changes.size());
    const std::unique_ptr<ChangeProcessor, void (*)(ChangeProcessor *)> freeIds(
        &m_processor, [](ChangeProcessor *processor) { processor->forgetFreeIds(); });
    if (const Result<void> looked = m_processor.lookUpFreeIds(request.changes); !looked)
        return looked.error();
    // Records and audit rows go in many to a statement; those not written when the push fails go
    // with it.
    m_processor.startBatching();
    const std::unique_ptr<ChangeProcessor, void (*)(ChangeProcessor *)> batch(
        &m_processor, [](ChangeProcessor *processor) { processor->dropBatch(); });

    protocol::PushResponse response;
    PushResponseWriter writer;
    if (body && gzippedBody)
        writer.gzipAlongTheWay();
    // Pushes are much alike: room for as many bytes per change as the last one's answer took
    // (within reason: one huge record must not make every later push reserve hundreds of MiB).
    constexpr qsizetype MostReservedBytes = 4 * 1024 * 1024;
    if (body)
        writer.reserve(qMin(MostReservedBytes, request.changes.size() * m_answerBytesPerChange));
    m_lastProjects.clear();
    for (const protocol::Change &change : request.changes) {
        const Result<ChangeAnswer> answer = this->answer(context, change);
        if (!answer) {
            // The transaction guard rolls the whole request back: a database failure is not the
            // device's fault, so no change of it may be answered as final.
            qCWarning(lcServer) << "push failed at change" << change.offlineId << answer.error().toString();
            return answer.error();
        }
        answer.value().addTo(response);
        if (body)
            writer.add(answer.value());
        if (answer.value().kind == ChangeAnswer::Kind::Applied && !answer.value().projectId.isEmpty() &&
            !m_lastProjects.contains(answer.value().projectId))
            m_lastProjects.append(answer.value().projectId);
    }

    if (const Result<void> written = m_processor.flushBatch(); !written) {
        qCWarning(lcServer) << "push failed writing its last records" << written.error().toString();
        return written.error();
    }
    // Nothing in the push reads the table after findMany (a repeated offline id is answered from
    // m_answered), so the answers go in together, in a few statements instead of one per change.
    const Result<void> kept = m_idempotency.storeMany(request.deviceId, m_newAnswers, context.now);
    m_newAnswers.clear();
    if (!kept)
        return kept.error();

    const Result<qint64> cursor = m_sequence.current();
    if (!cursor)
        return cursor.error();
    response.cursor = cursor.value();
    if (const Result<void> stored = m_sequence.storeHeld(); !stored)
        return stored.error();
    m_answered.clear();
    if (const Result<void> committed = transaction.commit(); !committed)
        return committed.error();
    if (body) {
        *body = writer.finish(response.cursor, gzippedBody);
        if (!request.changes.isEmpty())
            m_answerBytesPerChange = body->size() / request.changes.size() + 1;
    }
    notifyListeners(user, request, response, startCursor.value());

    qCInfo(lcServer).nospace() << "push by " << user.name << " from " << request.deviceId << ": "
                               << request.changes.size() << " changes, " << response.applied.size()
                               << " applied, " << response.conflicts.size() << " conflicts, "
                               << response.rejected.size() << " rejected in " << timer.elapsed() << " ms";
    return response;
}

void PushService::notifyListeners(const AuthUser &user, const protocol::PushRequest &request,
                                  const protocol::PushResponse &response, qint64 startCursor)
{
    if (m_listeners.isEmpty())
        return;
    CommittedPush push;
    push.user = user.name;
    push.deviceId = request.deviceId;
    push.cursor = response.cursor;
    push.wrote = response.cursor > startCursor;
    push.projects = m_lastProjects;
    push.changes = int(request.changes.size());
    push.applied = int(response.applied.size());
    push.conflicts = int(response.conflicts.size());
    push.rejected = int(response.rejected.size());
    for (CommitListener *listener : std::as_const(m_listeners))
        listener->pushCommitted(push);
}

} // namespace fieldsync::server
