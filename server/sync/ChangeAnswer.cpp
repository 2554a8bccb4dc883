#include "ChangeAnswer.h"

namespace fieldsync::server {

ChangeAnswer ChangeAnswer::makeApplied(protocol::AppliedChange applied, const QString &projectId)
{
    ChangeAnswer answer;
    answer.kind = Kind::Applied;
    answer.applied = std::move(applied);
    answer.projectId = projectId;
    return answer;
}

ChangeAnswer ChangeAnswer::makeConflict(protocol::ConflictedChange conflict, const QString &projectId)
{
    ChangeAnswer answer;
    answer.kind = Kind::Conflict;
    answer.conflict = std::move(conflict);
    answer.projectId = projectId;
    return answer;
}

ChangeAnswer ChangeAnswer::makeRejected(const QString &offlineId, const QString &reason,
                                        const QString &detail, const QString &projectId)
{
    ChangeAnswer answer;
    answer.kind = Kind::Rejected;
    answer.rejected = protocol::RejectedChange{offlineId, reason, detail};
    answer.projectId = projectId;
    return answer;
}

void ChangeAnswer::addTo(protocol::PushResponse &response) const
{
    switch (kind) {
    case Kind::Applied:
        response.applied.append(applied);
        break;
    case Kind::Conflict:
        response.conflicts.append(conflict);
        break;
    case Kind::Rejected:
        response.rejected.append(rejected);
        break;
    }
}

QByteArray ChangeAnswer::toStored() const
{
    protocol::PushResponse single;
    addTo(single);
    return single.toJson();
}

Result<ChangeAnswer> ChangeAnswer::fromStored(const QByteArray &stored, const QString &projectId)
{
    Result<protocol::PushResponse> decoded = protocol::PushResponse::fromJson(stored);
    if (!decoded)
        return makeError(QStringLiteral("database"),
                         QStringLiteral("a stored answer cannot be read: ") + decoded.error().toString());
    protocol::PushResponse &single = decoded.value();
    if (single.applied.size() + single.conflicts.size() + single.rejected.size() != 1)
        return makeError(QStringLiteral("database"), QStringLiteral("a stored answer must hold one entry"));
    if (!single.applied.isEmpty())
        return makeApplied(single.applied.takeFirst(), projectId);
    if (!single.conflicts.isEmpty())
        return makeConflict(single.conflicts.takeFirst(), projectId);
    ChangeAnswer answer = makeRejected(QString(), QString(), QString(), projectId);
    answer.rejected = single.rejected.takeFirst();
    return answer;
}

} // namespace fieldsync::server
