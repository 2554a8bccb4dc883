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
// A create or an append: the change brings a record the server has never held.
inline bool makesNewRecord(ChangeOp op)
{
    return op == ChangeOp::Create || op == ChangeOp::Append;
}
std::optional<ChangeOp> changeOpFromName(const QString &name);

} // namespace fieldsync
