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

Result<protocol::PushResponse> PushService::push(const AuthUser &user, const protocol::PushRequest &request,
                                                 QByteArray *body)
{
    QElapsedTimer timer;
    timer.start();
    const PushContext context{user, request.deviceId, request.clientTime, protocol::nowUtcString()};

    WriteTransaction transaction(m_db);
    if (const Result<void> begun = transaction.begin(); !begun)
        return begun.error();
    const Result<qint64> startCursor = m_sequence.lockForWriting();
    if (!startCursor)
        return startCursor.error();
    // PostgreSQL aborts the whole transaction at any error, and a database error fails the whole
    // push anyway, so there a savepoint per change would only cost two round trips each.
    const bool savepoints = m_db.dialect() == ServerDatabase::Dialect::Sqlite;

    protocol::PushResponse response;
    PushResponseWriter writer;
    m_lastProjects.clear();
    for (const protocol::Change &change : request.changes) {
        if (const Result<void> opened = savepoints ? m_db.savepoint(ChangeSavepoint) : Result<void>();
            !opened)
            return opened.error();
        const Result<ChangeAnswer> answer = this->answer(context, change);
        if (!answer) {
            // The transaction guard rolls the whole request back: a database failure is not the
            // device's fault, so no change of it may be answered as final.
            qCWarning(lcServer) << "push failed at change" << change.offlineId << answer.error().toString();
            return answer.error();
        }
        if (const Result<void> released =
                savepoints ? m_db.releaseSavepoint(ChangeSavepoint) : Result<void>();
            !released)
            return released.error();
        answer.value().addTo(response);
        if (body)
            writer.add(answer.value());
        if (answer.value().kind == ChangeAnswer::Kind::Applied && !answer.value().projectId.isEmpty() &&
            !m_lastProjects.contains(answer.value().projectId))
            m_lastProjects.append(answer.value().projectId);
    }

    const Result<qint64> cursor = m_sequence.current();
    if (!cursor)
        return cursor.error();
    response.cursor = cursor.value();
    if (const Result<void> committed = transaction.commit(); !committed)
        return committed.error();
    if (body)
        *body = writer.finish(response.cursor);
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
