#include "SyncReport.h"

namespace fieldsync {

QString SyncReport::failureReason() const
{
    if (!storeError.isEmpty())
        return storeError;
    // A refused certificate travels as a network error (it may be a captive portal) but is named
    // apart: when it persists, a person must check the address or the pin.
    if (error && error->code == QLatin1String("tls"))
        return error->code + QStringLiteral(": ") + error->describe();
    if (error)
        return error->kindName() + QStringLiteral(": ") + error->describe();
    return {};
}

} // namespace fieldsync
