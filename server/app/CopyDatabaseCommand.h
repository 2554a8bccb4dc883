#pragma once

namespace fieldsync::server {

class ServerOptions;

// `fieldsync-server copy-db --from FILE --db postgresql://...`: moves a stopped server's SQLite
// database into a new, empty PostgreSQL database (see DatabaseCopier). Prints each table's row
// count. Returns the exit code: 0 copied, 1 failed (the target is left as it was).
int runCopyDatabase(const ServerOptions &options);

} // namespace fieldsync::server
