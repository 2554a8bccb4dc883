#pragma once

#include "auth/AuthUser.h"
#include "common/Result.h"

#include <QStringList>

#include <optional>

namespace fieldsync::server {

class ServerDatabase;

// Users, their role, their projects, and the hash of their current token.
class UserRepository
{
public:
    explicit UserRepository(ServerDatabase &db);

    // Error user_exists when the name is taken. Stores only the token's hash.
    Result<void> addUser(const QString &name, Role role, const QStringList &projects,
                         const QString &tokenHash);
    // Creates the user when missing (with these projects), otherwise adds missing projects;
    // in both cases replaces the token. For the demo users.
    Result<void> ensureUser(const QString &name, Role role, const QStringList &projects,
                            const QString &tokenHash);
    Result<void> setRevoked(const QString &name, bool revoked);
    // Replaces the user's token and lifts a revocation. Error not_found for an unknown name.
    Result<void> replaceToken(const QString &name, const QString &tokenHash);

    struct Listed
    {
        QString name;
        Role role = Role::Foreman;
        QStringList projects;
        bool revoked = false;
        QString createdAt;
    };
    // Every user by name; never the token hashes.
    Result<QList<Listed>> list();
    Result<bool> exists(const QString &name);

    // The active (not revoked) user holding this token hash.
    Result<std::optional<AuthUser>> findByTokenHash(const QString &tokenHash);

private:
    Result<std::optional<QString>> idOf(const QString &name);
    Result<void> addMemberships(const QString &userId, const QStringList &projects);

    ServerDatabase &m_db;
};

} // namespace fieldsync::server
