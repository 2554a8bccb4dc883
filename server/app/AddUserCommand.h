#pragma once

namespace fieldsync::server {

class ServerOptions;

// `fieldsync-server add-user`: creates the database (and schema) when needed, adds the user with a
// fresh token and prints the token alone on the last line of stdout. Returns the exit code.
int runAddUser(const ServerOptions &options);

} // namespace fieldsync::server
