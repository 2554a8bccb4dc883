#pragma once

#include "CommitListener.h"
#include "common/Result.h"

#include <QObject>
#include <QStringList>

#include <memory>

namespace fieldsync::server {

class PgNotificationChannel;
class ServerDatabase;

// The fan-out between instances that share one PostgreSQL database: each committed push that
// wrote something is announced with NOTIFY on the channel fieldsync_changes, and every other
// instance emits changesCommitted() when the notification arrives, for its event hub to tell
// its devices (EventHub::publish). This instance's own pushes reach its hub directly (the hub
// is a CommitListener too), so notifications this instance sent are skipped here.
//
// Unused on SQLite: one database file has one serving instance.
class ChangeFanout : public QObject, public CommitListener
{
    Q_OBJECT

public:
    static const QString Channel;

    explicit ChangeFanout(QObject *parent = nullptr);
    ~ChangeFanout() override;

    // NOTIFY through db (the server's connection), LISTEN on a connection of its own opened
    // from location (the postgresql:// URL).
    Result<void> start(ServerDatabase &db, const QString &location);

    void pushCommitted(const CommittedPush &push) override;

    // {"cursor":N,"projects":[...],"device":"…","instance":"…"}; exposed for tests.
    QString encode(const CommittedPush &push) const;

Q_SIGNALS:
    // A push through another instance committed changes in these projects, up to cursor.
    void changesCommitted(const QStringList &projects, qint64 cursor, const QString &originDeviceId);
    // The LISTEN connection was lost and is back: notifications may have been missed, so every
    // watching device should pull.
    void resyncNeeded();

private:
    void onNotified(const QString &payload);

    QString m_instanceId;
    ServerDatabase *m_db = nullptr;
    std::unique_ptr<PgNotificationChannel> m_channel;
};

} // namespace fieldsync::server
