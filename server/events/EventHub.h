#pragma once

#include "protocol/EventMessages.h"
#include "sync/CommitListener.h"

#include <QHash>
#include <QStringList>

#include <functional>

namespace fieldsync::server {

// Who wants to hear that which projects changed: the fan-out behind GET /api/v1/sync/events,
// independent of WebSockets so that it can be tested and fed from anywhere.
//
// Everything enters through publish(): this instance's own pushes (the hub listens to the push
// service as a CommitListener), and later, when several instances share PostgreSQL, a LISTEN
// connection that turns other instances' NOTIFY messages into the same call.
class EventHub : public CommitListener
{
public:
    using Sink = std::function<void(const protocol::ServerEvent &event)>;

    struct Subscriber
    {
        QStringList projects;
        QString deviceId; // not told about its own pushes
        Sink sink;
    };

    // Returns the subscription's id (never 0).
    int subscribe(Subscriber subscriber);
    void unsubscribe(int id);
    // Memberships change while a socket stays open.
    void setProjects(int id, const QStringList &projects);
    int subscriberCount() const { return int(m_subscribers.size()); }

    // Tells every subscriber in one of these projects that changes exist up to cursor, except
    // the device they came from. Returns how many were told.
    int publish(const QStringList &projects, qint64 cursor, const QString &originDeviceId = {});
    // Tells everybody: after the fan-out lost notifications, each device pulls once to be sure.
    int publishAll(qint64 cursor);

    void pushCommitted(const CommittedPush &push) override;

private:
    QHash<int, Subscriber> m_subscribers;
    int m_nextId = 1;
};

} // namespace fieldsync::server
