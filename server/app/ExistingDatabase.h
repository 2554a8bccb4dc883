#pragma once

#include "common/Result.h"

#include <QString>

namespace fieldsync::server {

class ServerDatabase;

// Opens the database of a command that only reads or changes existing users (list-users,
// revoke-token, issue-token). SQLite makes a missing file on open, so a typo in --db (or no --db
// at all, in the wrong folder) would otherwise give a new, empty database: an empty user list and
// exit 0. A SQLite path must therefore name an existing file; a PostgreSQL URL opens as usual (a
// missing database fails to connect there). Error no_database naming the path.
Result<void> openExistingDatabase(ServerDatabase &db, const QString &location);

} // namespace fieldsync::server
