#include "ExistingDatabase.h"

#include "store/DatabaseUrl.h"
#include "store/ServerDatabase.h"

#include <QFileInfo>

namespace fieldsync::server {

Result<void> openExistingDatabase(ServerDatabase &db, const QString &location)
{
    if (!DatabaseUrl::isPostgres(location)) {
        const QFileInfo file(location);
        if (!file.isFile()) {
            return makeError(QStringLiteral("no_database"),
                             QStringLiteral("no FieldSync database at %1 (name it with --db PATH; "
                                            "add-user or the server makes a new one)")
                                 .arg(file.absoluteFilePath()));
        }
    }
    return db.open(location);
}

} // namespace fieldsync::server
