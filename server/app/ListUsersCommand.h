#pragma once

namespace fieldsync::server {

class ServerOptions;

// `fieldsync-server list-users [--json]`: name, role, projects, token state and creation time of
// every user, as a table or as a JSON array. Tokens are never shown (only their hashes are
// stored). Returns the exit code.
int runListUsers(const ServerOptions &options);

} // namespace fieldsync::server
