#include "PushService.h"

#include "common/Logging.h"
#include "protocol/ProtocolInfo.h"
#include "store/ServerDatabase.h"
#include "store/WriteTransaction.h"

#include <QElapsedTimer>

namespace fieldsync::server {

namespace {

const QString ChangeSavepoint = QStringLiteral("push_change");

} // namespace

PushService::PushService(ServerDatabase &db)
    : m_db(db)
    , m_processor(db)
    , m_idempotency(db)
    , m_sequence(db)
{}

Result<ChangeAnswer> PushService::answer(const PushContext &context, const protocol::Change &change)
{
    const Result<std::optional<IdempotencyRepository::StoredAnswer>> stored =
        m_idempotency.find(context.deviceId, change.offlineId);
    if (!stored)
        return stored.error();
    if (const std::optional<IdempotencyRepository::StoredAnswer> &previous = stored.value()) {
        // Answered before: the same answer again, never a second application. A user who has
        // since lost the record's project learns nothing more than not_found.
        if (!previous->projectId.isEmpty() && !context.user.hasProject(previous->projectId)) {
            return ChangeAnswer::makeRejected(
                change.offlineId, QStringLiteral("not_found"),
                QStringLiteral("no %1 %2").arg(EntitySchema::of(change.entity).wireName, change.id));
        }
        return ChangeAnswer::fromStored(previous->answer, previous->projectId);
    }

    Result<ChangeAnswer> answer = m_processor.process(context, change);
    if (!answer)
        return answer;
    const IdempotencyRepository::StoredAnswer toStore{answer.value().projectId, answer.value().toStored()};
    if (const Result<void> kept =
            m_idempotency.store(context.deviceId, change.offlineId, toStore, context.now);
        !kept)
        return kept.error();
    return answer;
}

Result<protocol::PushResponse> PushService::push(const AuthUser &user, const protocol::PushRequest &request)
{
    QElapsedTimer timer;
    timer.start();
    const PushContext context{user, request.deviceId, request.clientTime, protocol::nowUtcString()};

    WriteTransaction transaction(m_db);
    if (const Result<void> begun = transaction.begin(); !begun)
        return begun.error();

    protocol::PushResponse response;
    for (const protocol::Change &change : request.changes) {
        if (const Result<void> opened = m_db.savepoint(ChangeSavepoint); !opened)
            return opened.error();
        const Result<ChangeAnswer> answer = this->answer(context, change);
        if (!answer) {
            // The transaction guard rolls the whole request back: a database failure is not the
            // device's fault, so no change of it may be answered as final.
            qCWarning(lcServer) << "push failed at change" << change.offlineId << answer.error().toString();
            return answer.error();
        }
        if (const Result<void> released = m_db.releaseSavepoint(ChangeSavepoint); !released)
            return released.error();
        answer.value().addTo(response);
    }

    const Result<qint64> cursor = m_sequence.current();
    if (!cursor)
        return cursor.error();
    response.cursor = cursor.value();
    if (const Result<void> committed = transaction.commit(); !committed)
        return committed.error();

    qCInfo(lcServer).nospace() << "push by " << user.name << " from " << request.deviceId << ": "
                               << request.changes.size() << " changes, " << response.applied.size()
                               << " applied, " << response.conflicts.size() << " conflicts, "
                               << response.rejected.size() << " rejected in " << timer.elapsed() << " ms";
    return response;
}

} // namespace fieldsync::server
