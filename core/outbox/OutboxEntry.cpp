#include "OutboxEntry.h"

#include <QJsonDocument>

namespace fieldsync {

protocol::Change OutboxEntry::fullChange() const
{
    protocol::Change full = change;
    if (!storedBase.isEmpty())
        full.base = QJsonDocument::fromJson(storedBase).object();
    if (!storedData.isEmpty())
        full.data = QJsonDocument::fromJson(storedData).object();
    return full;
}

} // namespace fieldsync
