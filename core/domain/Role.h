#pragma once

#include <QString>

#include <optional>

namespace fieldsync {

enum class Role
{
    Foreman,
    Pm,
    Admin
};

QString roleName(Role role);
std::optional<Role> roleFromName(const QString &name);

} // namespace fieldsync
