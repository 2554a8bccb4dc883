#pragma once

#include "protocol/ProtocolInfo.h"
#include "store/DeviceStore.h"

namespace fieldsync {

// Who the server says the token belongs to, taken into the device's account: its user, role and
// projects, and a current project the user still has.
void adoptIdentity(DeviceAccount &account, const protocol::MeResponse &me);

// Whether the server has said who this device signs in as: not yet after a sign-in made with no
// signal, and until then the device must not guess a role for its user.
bool identityKnown(DeviceStore &store);

} // namespace fieldsync
