#include "UserRepository.h"

#include "ServerDatabase.h"
#include "protocol/ProtocolInfo.h"

#include <QSqlQuery>
#include <QUuid>

namespace fieldsync::server {

UserRepository::UserRepository(ServerDatabase &db)
    : m_db(db)
{}

Result<std::optional<QString>> UserRepository::idOf(const QString &name)
{
    Result<QSqlQuery *> query = m_db.run(QStringLiteral("SELECT id FROM users WHERE name = ?"), {name});
    if (!query)
        return query.error();
    QSqlQuery *row = query.value();
    std::optional<QString> id;
    if (row->next())
        id = row->value(0).toString();
    row->finish();
    return id;
}

Result<bool> UserRepository::exists(const QString &name)
{
    const Result<std::optional<QString>> id = idOf(name);
    if (!id)
        return id.error();
    return id.value().has_value();
}

Result<void> UserRepository::addMemberships(const QString &userId, const QStringList &projects)
{
    for (const QString &project : projects) {
        const Result<QSqlQuery *> query = m_db.run(
            QStringLiteral(
                "INSERT INTO memberships (user_id, project_id) VALUES (?, ?) ON CONFLICT DO NOTHING"),
            {userId, project});
        if (!query)
            return query.error();
    }
    return {};
}

Result<void> UserRepository::addUser(const QString &name, Role role, const QStringList &projects,
                                     const QString &tokenHash)
{
    const Result<std::optional<QString>> existing = idOf(name);
    if (!existing)
        return existing.error();
    if (existing.value())
        return makeError(QStringLiteral("user_exists"),
                         QStringLiteral("a user named '%1' already exists").arg(name));
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const Result<QSqlQuery *> query =
        m_db.run(QStringLiteral("INSERT INTO users (id, name, role, token_hash, revoked, created_at) "
                                "VALUES (?, ?, ?, ?, 0, ?)"),
                 {id, name, roleName(role), tokenHash, protocol::nowUtcString()});
    if (!query)
        return query.error();
    return addMemberships(id, projects);
}

Result<void> UserRepository::ensureUser(const QString &name, Role role, const QStringList &projects,
                                        const QString &tokenHash)
{
    const Result<std::optional<QString>> existing = idOf(name);
    if (!existing)
        return existing.error();
    if (!existing.value())
        return addUser(name, role, projects, tokenHash);
    const Result<QSqlQuery *> query =
        m_db.run(QStringLiteral("UPDATE users SET token_hash = ?, role = ?, revoked = 0 WHERE id = ?"),
                 {tokenHash, roleName(role), *existing.value()});
    if (!query)
        return query.error();
    return addMemberships(*existing.value(), projects);
}

Result<void> UserRepository::setRevoked(const QString &name, bool revoked)
{
    const Result<QSqlQuery *> query =
        m_db.run(QStringLiteral("UPDATE users SET revoked = ? WHERE name = ?"), {revoked ? 1 : 0, name});
    if (!query)
        return query.error();
    if (query.value()->numRowsAffected() != 1)
        return makeError(QStringLiteral("not_found"), QStringLiteral("no user named '%1'").arg(name));
    return {};
}

Result<void> UserRepository::replaceToken(const QString &name, const QString &tokenHash)
{
    const Result<QSqlQuery *> query = m_db.run(
        QStringLiteral("UPDATE users SET token_hash = ?, revoked = 0 WHERE name = ?"), {tokenHash, name});
    if (!query)
        return query.error();
    if (query.value()->numRowsAffected() != 1)
        return makeError(QStringLiteral("not_found"), QStringLiteral("no user named '%1'").arg(name));
    return {};
}

Result<QList<UserRepository::Listed>> UserRepository::list()
{
    Result<QSqlQuery *> query =
        m_db.run(QStringLiteral("SELECT u.name, u.role, u.revoked, u.created_at, m.project_id FROM users u "
                                "LEFT JOIN memberships m ON m.user_id = u.id ORDER BY u.name, m.project_id"));
    if (!query)
        return query.error();
    QSqlQuery *row = query.value();
    QList<Listed> users;
    while (row->next()) {
        const QString name = row->value(0).toString();
        if (users.isEmpty() || users.constLast().name != name) {
            Listed user;
            user.name = name;
            user.role = roleFromName(row->value(1).toString()).value_or(Role::Foreman);
            user.revoked = row->value(2).toInt() != 0;
            user.createdAt = row->value(3).toString();
            users.append(user);
        }
        if (!row->value(4).isNull())
            users.last().projects.append(row->value(4).toString());
    }
    row->finish();
    return users;
}

Result<std::optional<AuthUser>> UserRepository::findByTokenHash(const QString &tokenHash)
{
    // One statement (every request authenticates: on PostgreSQL each statement is a round trip).
    Result<QSqlQuery *> query = m_db.run(
        QStringLiteral("SELECT u.name, u.role, m.project_id FROM users u LEFT JOIN memberships m "
                       "ON m.user_id = u.id WHERE u.token_hash = ? AND u.revoked = 0 ORDER BY m.project_id"),
        {tokenHash});
    if (!query)
        return query.error();
    QSqlQuery *row = query.value();
    std::optional<AuthUser> user;
    QString roleText;
    while (row->next()) {
        if (!user) {
            user = AuthUser();
            user->name = row->value(0).toString();
            roleText = row->value(1).toString();
        }
        if (!row->value(2).isNull())
            user->projects.append(row->value(2).toString());
    }
    row->finish();
    if (!user)
        return user;
    const std::optional<Role> role = roleFromName(roleText);
    if (!role)
        return makeError(QStringLiteral("database"),
                         QStringLiteral("user '%1' has an unknown role").arg(user->name));
    user->role = *role;
    return user;
}

} // namespace fieldsync::server
