#pragma once

#include "common/Result.h"

#include <QStringList>
#include <QVariantList>

namespace fieldsync::test {

// Reads the real server's database directly, as an administrator would, to count what was
// really committed: its SQLite file (also while the server is dead: a read-write connection, as
// reading a killed writer's WAL may need a recovery), or its PostgreSQL database when the
// location is a postgresql:// URL (ServerProcess::databasePath() of a _postgresql variant). Each
// call opens and closes its own connection, so it always sees the latest commit and never holds
// a lock.
class ServerTally
{
public:
    explicit ServerTally(QString databaseLocation);

    // The single number a COUNT(*)-like statement returns.
    Result<qint64> number(const QString &sql, const QVariantList &binds = {}) const;
    // The first column of every row, in order.
    Result<QStringList> column(const QString &sql, const QVariantList &binds = {}) const;

    // The SQL for a top-level field of a JSON text column, as text ("P1", "3.5"), in this
    // store's dialect.
    QString jsonField(const QString &column, const QString &field) const;

    // A killed server's PostgreSQL sessions still carry out what it had sent (a COMMIT
    // included) until they notice it is gone; this waits until the database has no client
    // session but the tally's own, so that counts read afterwards stay as the kill left them.
    // Nothing to wait for on SQLite.
    Result<void> waitUntilAlone(int timeoutMs = 10000) const;

private:
    bool isPostgres() const;

    QString m_location;
};

} // namespace fieldsync::test
