#include "ClientBodySlots.h"

namespace fieldsync::server {

bool ClientBodySlots::tryAcquire(const QString &client)
{
    int &count = m_inUse[client];
    if (count >= m_maxPerClient) {
        if (count == 0)
            m_inUse.remove(client);
        return false;
    }
    ++count;
    return true;
}

void ClientBodySlots::release(const QString &client)
{
    const auto it = m_inUse.find(client);
    if (it == m_inUse.end())
        return;
    if (--it.value() <= 0)
        m_inUse.erase(it);
}

} // namespace fieldsync::server
