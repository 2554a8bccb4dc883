#pragma once

#include "ApiError.h"

#include <QStringList>
#include <optional>

namespace fieldsync {

// What one sync run did, for the CLI's counts, the GUI's indicator and the sync log.
struct SyncReport
{
    int pushed = 0;
    int applied = 0;
    int conflicts = 0;
    int rejected = 0;
    int pulled = 0;
    int pending = 0;      // still queued after the run
    int uploaded = 0;     // attachment files the server completed
    int filesWaiting = 0; // attachment files still to upload after the run
    std::optional<ApiError> error;
    QString storeError; // a local database failure, if any
    // For the sync log and the CLI. A server that got its push answer wrong fails the run with
    // an error too; a file refused or a pulled record not stored leaves the run ok.
    QStringList problems;

    bool ok() const { return !error && storeError.isEmpty(); }
    QString failureReason() const;
};

} // namespace fieldsync
