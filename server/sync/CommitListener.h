#pragma once

#include <QString>
#include <QStringList>

namespace fieldsync::server {

// What one push did, told after its transaction committed (never before: a listener that tells
// devices "pull now" must not send them to changes that could still roll back).
struct CommittedPush
{
    QString user;
    QString deviceId;
    qint64 cursor = 0;    // the change sequence after the commit
    bool wrote = false;   // some change was written (not only replays, conflicts, rejections)
    QStringList projects; // projects of the records the applied changes touched
    int changes = 0;
    int applied = 0;
    int conflicts = 0;
    int rejected = 0;
};

// Told about every committed push: the event fan-out (in-process hub, or PostgreSQL NOTIFY so
// that other instances hear it too) and the metrics listen here.
class CommitListener
{
public:
    virtual ~CommitListener() = default;
    virtual void pushCommitted(const CommittedPush &push) = 0;
};

} // namespace fieldsync::server
