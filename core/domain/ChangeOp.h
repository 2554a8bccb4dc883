#pragma once

#include <QString>

#include <optional>

namespace fieldsync {

enum class ChangeOp
{
    Create,
    Update,
    Delete,
    Append
};

QString changeOpName(ChangeOp op);
std::optional<ChangeOp> changeOpFromName(const QString &name);

} // namespace fieldsync
