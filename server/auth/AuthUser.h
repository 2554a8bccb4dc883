#pragma once

#include "domain/Role.h"

#include <QString>
#include <QStringList>

namespace fieldsync::server {

// Who a request acts for: every read and write is filtered by these projects.
struct AuthUser
{
    QString name;
    Role role = Role::Foreman;
    QStringList projects;

    bool hasProject(const QString &projectId) const
    {
        return !projectId.isEmpty() && projects.contains(projectId);
    }
};

} // namespace fieldsync::server
