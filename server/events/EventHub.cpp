#include "EventHub.h"

#include "common/Logging.h"

namespace fieldsync::server {

int EventHub::subscribe(Subscriber subscriber)
{
    const int id = m_nextId++;
    m_subscribers.insert(id, std::move(subscriber));
    return id;
}

void EventHub::unsubscribe(int id)
{
    m_subscribers.remove(id);
}

void EventHub::setProjects(int id, const QStringList &projects)
{
    auto it = m_subscribers.find(id);
    if (it != m_subscribers.end())
        it->projects = projects;
}

int EventHub::publish(const QStringList &projects, qint64 cursor, const QString &originDeviceId)
{
    if (projects.isEmpty())
        return 0;
    const protocol::ServerEvent event = protocol::ServerEvent::changes(cursor);
    // A sink may close its socket and unsubscribe while we go: walk a copy of the ids.
    const QList<int> ids = m_subscribers.keys();
    int told = 0;
    for (int id : ids) {
        const auto it = m_subscribers.constFind(id);
        if (it == m_subscribers.cend())
            continue;
        if (!originDeviceId.isEmpty() && it->deviceId == originDeviceId)
            continue;
        const bool concerned = std::any_of(projects.cbegin(), projects.cend(), [&](const QString &project) {
            return it->projects.contains(project);
        });
        if (!concerned)
            continue;
        const Sink sink = it->sink; // the call may erase the entry
        sink(event);
        ++told;
    }
    qCDebug(lcServer) << "changes up to" << cursor << "in" << projects << "told to" << told << "devices";
    return told;
}

int EventHub::publishAll(qint64 cursor)
{
    const protocol::ServerEvent event = protocol::ServerEvent::changes(cursor);
    const QList<int> ids = m_subscribers.keys();
    int told = 0;
    for (int id : ids) {
        const auto it = m_subscribers.constFind(id);
        if (it == m_subscribers.cend())
            continue;
        const Sink sink = it->sink;
        sink(event);
        ++told;
    }
    return told;
}

void EventHub::pushCommitted(const CommittedPush &push)
{
    // Replays, conflicts and rejections change nothing anybody could pull.
    if (!push.wrote)
        return;
    publish(push.projects, push.cursor, push.deviceId);
}

} // namespace fieldsync::server
