#include "ChangeOp.h"

namespace fieldsync {

QString changeOpName(ChangeOp op)
{
    switch (op) {
    case ChangeOp::Create:
        return QStringLiteral("create");
    case ChangeOp::Update:
        return QStringLiteral("update");
    case ChangeOp::Delete:
        return QStringLiteral("delete");
    case ChangeOp::Append:
        return QStringLiteral("append");
    }
    return {};
}

std::optional<ChangeOp> changeOpFromName(const QString &name)
{
    for (ChangeOp op : {ChangeOp::Create, ChangeOp::Update, ChangeOp::Delete, ChangeOp::Append}) {
        if (changeOpName(op) == name)
            return op;
    }
    return std::nullopt;
}

} // namespace fieldsync
