#pragma once

#include "ChangeProcessor.h"
#include "CommitListener.h"
#include "auth/AuthUser.h"
#include "common/Result.h"
#include "protocol/PushMessages.h"
#include "store/AuditRepository.h"
#include "store/IdempotencyRepository.h"
#include "store/SequenceRepository.h"

namespace fieldsync::server {

class ServerDatabase;

// Processes a push request for an authenticated user: its changes in order, each all or nothing,
// all in one transaction, so that one fsync covers the batch. The answer
// exists only after COMMIT; an Error (database failure) means nothing of the request was kept
// and the device may safely send it again.
class PushService
{
public:
    explicit PushService(ServerDatabase &db);

    // What the returned response's applied entries carry of their records.
    enum class AppliedData
    {
        Decoded,    // the record, as the body has it
        InBodyOnly, // nothing: the caller reads the body (their data is empty, never partial)
    };

    // body, when given, receives the response as JSON (what PushResponse::toJson() writes), made
    // from each answer's entry as it was stored, so that no record is encoded twice. gzippedBody,
    // when given with body, receives its gzip form made while the changes were processed, or
    // nothing when the response stayed too small for that (see PushResponseWriter). With body
    // and InBodyOnly, no applied record is made as a QJsonObject with its meta fields at all.
    Result<protocol::PushResponse> push(const AuthUser &user, const protocol::PushRequest &request,
                                        QByteArray *body = nullptr, QByteArray *gzippedBody = nullptr,
                                        AppliedData appliedData = AppliedData::Decoded);

    // Listeners are told after each commit, in the order added; they must outlive this service.
    void addListener(CommitListener *listener) { m_listeners.append(listener); }

private:
    Result<ChangeAnswer> answer(const PushContext &context, const protocol::Change &change);
    // A stored answer as the protocol's decoder reads it: a compact applied answer gets its data
    // back from the audit entry it names.
    Result<QByteArray> wholeStoredAnswer(const QByteArray &stored);
    void notifyListeners(const AuthUser &user, const protocol::PushRequest &request,
                         const protocol::PushResponse &response, qint64 startCursor);

    ServerDatabase &m_db;
    ChangeProcessor m_processor;
    IdempotencyRepository m_idempotency;
    AuditRepository &m_audit;       // the processor's: it keeps the rows this push batches
    SequenceRepository &m_sequence; // the processor's: it takes the numbers this push holds
    QHash<QString, IdempotencyRepository::StoredAnswer> m_answered; // of the push in progress
    QList<IdempotencyRepository::NewAnswer> m_newAnswers;           // to store before it commits
    QList<CommitListener *> m_listeners;
    QStringList m_lastProjects;           // of the push in progress
    qsizetype m_answerBytesPerChange = 0; // in the last push's answer
};

} // namespace fieldsync::server
