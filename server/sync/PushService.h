#pragma once

#include "ChangeProcessor.h"
#include "auth/AuthUser.h"
#include "common/Result.h"
#include "protocol/PushMessages.h"
#include "store/IdempotencyRepository.h"
#include "store/SequenceRepository.h"

namespace fieldsync::server {

class ServerDatabase;

// Processes a push request for an authenticated user: its changes in order, each atomic inside
// its own savepoint, all in one transaction, so that one fsync covers the batch. The answer
// exists only after COMMIT; an Error (database failure) means nothing of the request was kept
// and the device may safely send it again.
class PushService
{
public:
    explicit PushService(ServerDatabase &db);

    Result<protocol::PushResponse> push(const AuthUser &user, const protocol::PushRequest &request);

private:
    Result<ChangeAnswer> answer(const PushContext &context, const protocol::Change &change);

    ServerDatabase &m_db;
    ChangeProcessor m_processor;
    IdempotencyRepository m_idempotency;
    SequenceRepository m_sequence;
};

} // namespace fieldsync::server
