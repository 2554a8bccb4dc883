#include "Role.h"

namespace fieldsync {

QString roleName(Role role)
{
    switch (role) {
    case Role::Foreman:
        return QStringLiteral("foreman");
    case Role::Pm:
        return QStringLiteral("pm");
    case Role::Admin:
        return QStringLiteral("admin");
    }
    return {};
}

QString roleWithArticle(Role role)
{
    // The article goes by sound, not spelling: "pm" is read "P-M", so only admin takes "an".
    return (role == Role::Admin ? QStringLiteral("an ") : QStringLiteral("a ")) + roleName(role);
}

std::optional<Role> roleFromName(const QString &name)
{
    for (Role role : {Role::Foreman, Role::Pm, Role::Admin}) {
        if (roleName(role) == name)
            return role;
    }
    return std::nullopt;
}

} // namespace fieldsync
