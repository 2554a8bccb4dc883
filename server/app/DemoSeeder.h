#pragma once

#include "common/Result.h"

#include <QString>

namespace fieldsync::server {

class ServerDatabase;

// The demo project: a handful of realistic permits (hot work, confined space with isolation
// points and gas readings, work at height, ...) in different states, tasks, and the users
// demo-foreman and demo-pm.
//
// The records go in through PushService, as pushes from a "demo-seed" device with fixed ids, so
// they are validated, versioned and audited like any other write, and the idempotency table makes
// seeding a second time a no-op (even after someone edited or deleted the demo records).
class DemoSeeder
{
public:
    struct DemoTokens
    {
        QString foreman;
        QString pm;
    };

    static inline const QString ProjectId = QStringLiteral("demo");
    static inline const QString ForemanName = QStringLiteral("demo-foreman");
    static inline const QString PmName = QStringLiteral("demo-pm");

    explicit DemoSeeder(ServerDatabase &db);

    Result<void> seed();
    // Fresh tokens for both demo users, every time (only their hashes are stored, so the old
    // ones cannot be shown again).
    Result<DemoTokens> issueTokens();

private:
    ServerDatabase &m_db;
};

} // namespace fieldsync::server
