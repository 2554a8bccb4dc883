#pragma once

namespace fieldsync::server {

class ServerOptions;

// `fieldsync-server revoke-token NAME`: the user's token stops working from the next request on
// (nothing caches tokens), on every instance sharing the database. Returns the exit code.
int runRevokeToken(const ServerOptions &options);
// `fieldsync-server issue-token NAME`: a new token for an existing user, printed alone on the last
// line of stdout; the old one stops working and a revocation is lifted. Returns the exit code.
int runIssueToken(const ServerOptions &options);

} // namespace fieldsync::server
