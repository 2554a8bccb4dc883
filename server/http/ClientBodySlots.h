#pragma once

#include <QHash>
#include <QString>

namespace fieldsync::server {

// How many requests of each authenticated client are still sending their body, up to a cap.
// Reading a body is the one phase a client paces itself: without a cap per client, one token could
// hold every connection the server has by trickling bodies, and nobody else would get an answer.
class ClientBodySlots
{
public:
    explicit ClientBodySlots(int maxPerClient)
        : m_maxPerClient(maxPerClient)
    {}

    // True when the client may send one more body now (it is counted until release()).
    [[nodiscard]] bool tryAcquire(const QString &client);
    void release(const QString &client);
    int inUse(const QString &client) const { return m_inUse.value(client); }
    int maxPerClient() const { return m_maxPerClient; }

private:
    int m_maxPerClient;
    QHash<QString, int> m_inUse; // only clients with at least one
};

} // namespace fieldsync::server
