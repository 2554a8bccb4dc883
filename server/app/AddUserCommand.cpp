#include "AddUserCommand.h"

#include "ServerOptions.h"
#include "auth/Tokens.h"
#include "store/ServerDatabase.h"
#include "store/UserRepository.h"

#include <cstdio>

namespace fieldsync::server {

namespace {

void printLine(FILE *stream, const QString &line)
{
    std::fputs((line + QLatin1Char('\n')).toUtf8().constData(), stream);
    std::fflush(stream);
}

} // namespace

int runAddUser(const ServerOptions &options)
{
    ServerDatabase db;
    if (const Result<void> opened = db.open(options.database); !opened) {
        printLine(stderr, QStringLiteral("fieldsync-server add-user: ") + opened.error().toString());
        return 1;
    }
    const QString token = Tokens::generate();
    UserRepository users(db);
    if (const Result<void> added =
            users.addUser(options.userName, options.role, options.projects, Tokens::hash(token));
        !added) {
        printLine(stderr, QStringLiteral("fieldsync-server add-user: ") + added.error().toString());
        return 1;
    }
    printLine(stdout, QStringLiteral("added %1 (%2) to %3; the token below is shown only once:")
                          .arg(options.userName, roleName(options.role),
                               options.projects.join(QStringLiteral(", "))));
    printLine(stdout, token);
    return 0;
}

} // namespace fieldsync::server
