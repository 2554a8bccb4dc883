#pragma once

#include "common/Result.h"
#include "protocol/PushMessages.h"

namespace fieldsync::server {

// The server's answer to one change: exactly one of applied, conflict or rejected. It is also
// what the idempotency table keeps, so that a replay gets the very same answer back.
struct ChangeAnswer
{
    enum class Kind
    {
        Applied,
        Conflict,
        Rejected
    };

    Kind kind = Kind::Rejected;
    protocol::AppliedChange applied;
    protocol::ConflictedChange conflict;
    protocol::RejectedChange rejected;
    // The project of the record the change touched, when the user could see it; a replay to a
    // user no longer in that project must not reveal the stored answer.
    QString projectId;

    static ChangeAnswer makeApplied(protocol::AppliedChange applied, const QString &projectId);
    static ChangeAnswer makeConflict(protocol::ConflictedChange conflict, const QString &projectId);
    static ChangeAnswer makeRejected(const QString &offlineId, const QString &reason, const QString &detail,
                                     const QString &projectId = {});

    void addTo(protocol::PushResponse &response) const;

    // Stored as a push response holding this one entry, so the protocol's strict decoder reads
    // it back and no second format exists.
    QByteArray toStored() const;
    static Result<ChangeAnswer> fromStored(const QByteArray &stored, const QString &projectId);
};

} // namespace fieldsync::server
