#include "SyncReport.h"

namespace fieldsync {

QString SyncReport::failureReason() const
{
    if (!storeError.isEmpty())
        return storeError;
    if (error)
        return error->kindName() + QStringLiteral(": ") + error->describe();
    return {};
}

} // namespace fieldsync
