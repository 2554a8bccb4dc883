#include "RevokeTokenCommand.h"

#include "ExistingDatabase.h"
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

int fail(const QString &command, const Error &error)
{
    printLine(stderr, QStringLiteral("fieldsync-server %1: %2").arg(command, error.toString()));
    return error.code == QLatin1String("not_found") ? 3 : 1;
}

} // namespace

int runRevokeToken(const ServerOptions &options)
{
    const QString command = QStringLiteral("revoke-token");
    ServerDatabase db;
    if (const Result<void> opened = openExistingDatabase(db, options.database); !opened)
        return fail(command, opened.error());
    UserRepository users(db);
    if (const Result<void> revoked = users.setRevoked(options.userName, true); !revoked)
        return fail(command, revoked.error());
    printLine(stdout, QStringLiteral("revoked the token of %1").arg(options.userName));
    return 0;
}

int runIssueToken(const ServerOptions &options)
{
    const QString command = QStringLiteral("issue-token");
    ServerDatabase db;
    if (const Result<void> opened = openExistingDatabase(db, options.database); !opened)
        return fail(command, opened.error());
    const QString token = Tokens::generate();
    UserRepository users(db);
    if (const Result<void> replaced = users.replaceToken(options.userName, Tokens::hash(token)); !replaced)
        return fail(command, replaced.error());
    printLine(stdout, QStringLiteral("new token for %1; the old one no longer works. Shown only once:")
                          .arg(options.userName));
    printLine(stdout, token);
    return 0;
}

} // namespace fieldsync::server
