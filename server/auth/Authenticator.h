#pragma once

#include "AuthUser.h"
#include "common/Result.h"
#include "store/UserRepository.h"

#include <QByteArray>

namespace fieldsync::server {

class ServerDatabase;

// Turns an Authorization header into the user it speaks for. Nothing is cached: a token revoked
// or a membership added by `add-user` in another process counts from the next request on.
class Authenticator
{
public:
    explicit Authenticator(ServerDatabase &db);

    // Error unauthorized for a missing, malformed, unknown or revoked token; database when the
    // lookup itself failed.
    Result<AuthUser> authenticate(const QByteArray &authorizationHeader);

private:
    UserRepository m_users;
};

} // namespace fieldsync::server
