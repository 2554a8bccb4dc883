#include "DemoSeeder.h"

#include "DemoData.h"
#include "auth/Tokens.h"
#include "common/Logging.h"
#include "store/UserRepository.h"
#include "sync/PushService.h"

namespace fieldsync::server {

DemoSeeder::DemoSeeder(ServerDatabase &db)
    : m_db(db)
{}

Result<void> DemoSeeder::seed()
{
    PushService push(m_db);
    const QList<DemoData::Batch> batches = DemoData::batches();
    for (const DemoData::Batch &batch : batches) {
        const AuthUser user{batch.user, batch.role, {ProjectId}};
        const Result<protocol::PushResponse> answer = push.push(user, batch.request);
        if (!answer)
            return answer.error();
        if (!answer.value().conflicts.isEmpty())
            return makeError(
                QStringLiteral("demo"),
                QStringLiteral("demo change in conflict: %1").arg(answer.value().conflicts.first().reason));
        if (!answer.value().rejected.isEmpty()) {
            const protocol::RejectedChange &first = answer.value().rejected.first();
            return makeError(QStringLiteral("demo"),
                             QStringLiteral("demo record rejected: %1 %2").arg(first.reason, first.detail));
        }
    }
    qCInfo(lcServer) << "demo project ready";
    return {};
}

Result<DemoSeeder::DemoTokens> DemoSeeder::issueTokens()
{
    UserRepository users(m_db);
    const DemoTokens tokens{Tokens::generate(), Tokens::generate()};
    const Result<void> foreman =
        users.ensureUser(ForemanName, Role::Foreman, {ProjectId}, Tokens::hash(tokens.foreman));
    if (!foreman)
        return foreman.error();
    const Result<void> pm = users.ensureUser(PmName, Role::Pm, {ProjectId}, Tokens::hash(tokens.pm));
    if (!pm)
        return pm.error();
    return tokens;
}

} // namespace fieldsync::server
