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
// The role with its indefinite article, for messages: "a foreman", "a pm", "an admin".
QString roleWithArticle(Role role);
std::optional<Role> roleFromName(const QString &name);

} // namespace fieldsync
