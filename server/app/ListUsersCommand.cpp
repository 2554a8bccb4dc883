#include "ListUsersCommand.h"

#include "ExistingDatabase.h"
#include "ServerOptions.h"
#include "store/ServerDatabase.h"
#include "store/UserRepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace fieldsync::server {

namespace {

void print(FILE *stream, const QString &text)
{
    std::fputs(text.toUtf8().constData(), stream);
    std::fflush(stream);
}

} // namespace

int runListUsers(const ServerOptions &options)
{
    ServerDatabase db;
    if (const Result<void> opened = openExistingDatabase(db, options.database); !opened) {
        print(stderr, QStringLiteral("fieldsync-server list-users: %1\n").arg(opened.error().toString()));
        return 1;
    }
    UserRepository repository(db);
    const Result<QList<UserRepository::Listed>> users = repository.list();
    if (!users) {
        print(stderr, QStringLiteral("fieldsync-server list-users: %1\n").arg(users.error().toString()));
        return 1;
    }
    if (options.json) {
        QJsonArray array;
        for (const UserRepository::Listed &user : users.value()) {
            array.append(QJsonObject{{QStringLiteral("name"), user.name},
                                     {QStringLiteral("role"), roleName(user.role)},
                                     {QStringLiteral("projects"), QJsonArray::fromStringList(user.projects)},
                                     {QStringLiteral("revoked"), user.revoked},
                                     {QStringLiteral("created_at"), user.createdAt}});
        }
        print(stdout, QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented)));
        return 0;
    }
    QString table = QStringLiteral("%1 %2 %3 %4\n")
                        .arg(QStringLiteral("NAME"), -24)
                        .arg(QStringLiteral("ROLE"), -8)
                        .arg(QStringLiteral("TOKEN"), -8)
                        .arg(QStringLiteral("PROJECTS"));
    for (const UserRepository::Listed &user : users.value()) {
        table += QStringLiteral("%1 %2 %3 %4\n")
                     .arg(user.name, -24)
                     .arg(roleName(user.role), -8)
                     .arg(user.revoked ? QStringLiteral("revoked") : QStringLiteral("active"), -8)
                     .arg(user.projects.join(QLatin1Char(',')));
    }
    print(stdout, table);
    return 0;
}

} // namespace fieldsync::server
