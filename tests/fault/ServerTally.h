#pragma once

#include "common/Result.h"

#include <QStringList>
#include <QVariantList>

namespace fieldsync::test {

// Reads the real server's SQLite file directly, as an administrator would, to count what was
// really committed (also while the server is dead: a read-write connection, as reading a killed
// writer's WAL may need a recovery). Each call opens and closes its own
// connection, so it always sees the latest commit and never holds a lock.
class ServerTally
{
public:
    explicit ServerTally(QString databasePath);

    // The single number a COUNT(*)-like statement returns.
    Result<qint64> number(const QString &sql, const QVariantList &binds = {}) const;
    // The first column of every row, in order.
    Result<QStringList> column(const QString &sql, const QVariantList &binds = {}) const;

private:
    QString m_path;
};

} // namespace fieldsync::test
