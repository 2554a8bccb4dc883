#include "SyncReport.h"

namespace fieldsync {

QString SyncReport::failureReason() const
{
    if (!storeError.isEmpty())
        return storeError;
    // A refused certificate travels as a network error (it may be a captive portal) but is named
    // apart: when it persists, a person must check the address or the pin. So is a transfer cut
    // off for its pace: the server is there, the link (or the server) is too slow, and saying
    // "unreachable" would send a person looking for the wrong problem.
    if (error && (error->code == QLatin1String("tls") || error->code == QLatin1String("too_slow")))
        return error->code + QStringLiteral(": ") + error->describe();
    if (error)
        return error->kindName() + QStringLiteral(": ") + error->describe();
    return {};
}

} // namespace fieldsync
