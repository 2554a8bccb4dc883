#pragma once

#include "store/DeviceStore.h"
#include "sync/SyncApiClient.h"

namespace fieldsync::test {

struct SignInOutcome
{
    DeviceAccount account; // at least the URL and token, so a test can sign in while the server is away
    bool verified = false; // the server answered /me and the account carries its user and projects
};

// What the sign-in dialog and `fieldsync-cli login` do before they store an account: point the
// client at the server and ask it who the token belongs to. Blocks in a local event loop.
SignInOutcome askServerForAccount(SyncApiClient &api, const QString &url, const QString &token);

} // namespace fieldsync::test
