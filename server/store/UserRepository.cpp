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

Result<std::optional<AuthUser>> UserRepository::findByTokenHash(const QString &tokenHash)
{
    Result<QSqlQuery *> query = m_db.run(
        QStringLiteral("SELECT id, name, role FROM users WHERE token_hash = ? AND revoked = 0"), {tokenHash});
    if (!query)
        return query.error();
    QSqlQuery *row = query.value();
    if (!row->next()) {
        row->finish();
        return std::optional<AuthUser>();
    }
    const QString id = row->value(0).toString();
    AuthUser user;
    user.name = row->value(1).toString();
    const std::optional<Role> role = roleFromName(row->value(2).toString());
    row->finish();
    if (!role)
        return makeError(QStringLiteral("database"),
                         QStringLiteral("user '%1' has an unknown role").arg(user.name));
    user.role = *role;

    Result<QSqlQuery *> projects = m_db.run(
        QStringLiteral("SELECT project_id FROM memberships WHERE user_id = ? ORDER BY project_id"), {id});
    if (!projects)
        return projects.error();
    QSqlQuery *projectRow = projects.value();
    while (projectRow->next())
        user.projects.append(projectRow->value(0).toString());
    projectRow->finish();
    return std::optional<AuthUser>(std::move(user));
}

} // namespace fieldsync::server
