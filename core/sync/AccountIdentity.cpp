#include "AccountIdentity.h"

namespace fieldsync {

void adoptIdentity(DeviceAccount &account, const protocol::MeResponse &me)
{
    account.userName = me.user;
    account.role = me.role;
    account.projects = me.projects;
    if (!account.projects.contains(account.currentProject))
        account.currentProject = account.projects.value(0);
}

bool identityKnown(DeviceStore &store)
{
    const Result<QString> role = store.meta().value(MetaStore::Role);
    return role && !role.value().isEmpty();
}

} // namespace fieldsync
