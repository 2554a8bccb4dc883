#pragma once

#include "common/Result.h"
#include "protocol/PushMessages.h"

#include <memory>
#include <optional>

namespace fieldsync::server {

class GzipStream;

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
    // For an applied answer, the record's data as JSON text, when whoever made the answer had it
    // at hand (null otherwise): the entry is written around it, so that the record is encoded
    // once per change, not once per use.
    QByteArray encodedData;
    // For an applied answer: the seq of the audit entry whose after_data is exactly this answer's
    // data as encoded (0 when there is none, as for a delete, whose entry says deleted). The
    // stored answer then names that entry instead of carrying the record a third time.
    qint64 auditSeq = 0;

    static ChangeAnswer makeApplied(protocol::AppliedChange applied, const QString &projectId);
    static ChangeAnswer makeConflict(protocol::ConflictedChange conflict, const QString &projectId);
    static ChangeAnswer makeRejected(const QString &offlineId, const QString &reason, const QString &detail,
                                     const QString &projectId = {});

    void addTo(protocol::PushResponse &response) const;

    // An applied answer whose entry is written around the record's JSON text as it was stored.
    static ChangeAnswer makeApplied(protocol::AppliedChange applied, const QString &projectId,
                                    const QByteArray &encodedData);
    // This answer's entry as JSON text (around encodedData, or encoded now).
    QByteArray entryJson() const;

    // Stored as a push response holding this one entry, so the protocol's strict decoder reads
    // it back; an applied answer with an auditSeq is stored as an AuditReference instead, and
    // made whole again with expandStored() before fromStored() reads it.
    QByteArray toStored() const;
    static Result<ChangeAnswer> fromStored(const QByteArray &stored, const QString &projectId);

    // What a compact stored applied answer keeps: everything but the data, and where to find it.
    struct AuditReference
    {
        QString recordId;
        QString offlineId;
        qint64 version = 0;
        qint64 seq = 0;
    };
    // The reference in stored, or nothing when stored is a whole answer; an Error when it looks
    // like a reference but is not a sound one.
    static Result<std::optional<AuditReference>> auditReferenceIn(const QByteArray &stored);
    // The whole stored answer (what toStored() wrote before compact answers existed) for a
    // reference and its audit entry's after_data.
    static QByteArray expandStored(const AuditReference &reference, const QByteArray &afterData);
};

// Writes a push response (what protocol::PushResponse::toJson writes) from the answers' JSON entries,
// so that no applied record is encoded again for the answer.
class PushResponseWriter
{
public:
    PushResponseWriter();
    ~PushResponseWriter();

    // Also gzip the response, on a thread of its own while the changes are still processed, once
    // it has grown past a piece worth a thread.
    void gzipAlongTheWay() { m_gzipWanted = true; }

    // Room for this many bytes of entries, so that a big response is not copied as it grows.
    void reserve(qsizetype entryBytes);
    void add(const ChangeAnswer &answer);
    // The response (once: the writer is spent). gzipped, when given, receives its gzip form, or
    // nothing when the response never grew big enough to be compressed along the way (or zlib
    // failed): then it is compressed as it is sent.
    QByteArray finish(qint64 cursor, QByteArray *gzipped = nullptr);

private:
    QByteArray m_body; // the response's opening and its applied entries so far
    QByteArray m_conflicts;
    QByteArray m_rejected;
    bool m_gzipWanted = false;
    std::unique_ptr<GzipStream> m_gzip;
    qsizetype m_appliedGzipped = 0; // how many bytes of applied entries the stream has
};

} // namespace fieldsync::server
