#include "ChangeAnswer.h"

#include "common/JsonWriter.h"
#include "common/PlainJsonString.h"
#include "http/GzipStream.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cstring>

namespace fieldsync::server {

namespace {

char *putBytes(char *cursor, QByteArrayView bytes)
{
    std::memcpy(cursor, bytes.data(), size_t(bytes.size()));
    return cursor + bytes.size();
}

// Puts text between quotes when JSON holds it as it is (the ids a push names, UUIDs, are);
// nullptr, with the bytes at cursor spoilt, when it needs escaping and JsonWriter must write it.
char *putPlainString(char *cursor, QStringView text)
{
    return PlainJsonString::put(cursor, text);
}

constexpr QByteArrayView OfflineIdKey = ",\"offline_id\":";

// The room putIds() takes for applied's ids after idKey, when both are plain.
qsizetype idsSize(QByteArrayView idKey, const protocol::AppliedChange &applied)
{
    return idKey.size() + applied.id.size() + 2 + OfflineIdKey.size() + applied.offlineId.size() + 2;
}

// Puts idKey, applied's id, the offline id's key and the offline id, each id as putPlainString()
// puts it: nullptr, with the bytes at cursor spoilt, when either needs escaping.
char *putIds(char *cursor, QByteArrayView idKey, const protocol::AppliedChange &applied)
{
    cursor = putPlainString(putBytes(cursor, idKey), applied.id);
    if (!cursor)
        return nullptr;
    return putPlainString(putBytes(cursor, OfflineIdKey), applied.offlineId);
}

// An integer as JsonWriter::appendInteger writes it, into digits; returns where it starts.
char *integerText(qint64 value, char (&digits)[24])
{
    char *start = digits + sizeof digits;
    quint64 magnitude = value < 0 ? 0 - quint64(value) : quint64(value);
    do {
        *--start = char('0' + magnitude % 10);
        magnitude /= 10;
    } while (magnitude != 0);
    if (value < 0)
        *--start = '-';
    return start;
}

// Appends the entry as AppliedChange::toJson() and QJsonDocument would write it (keys in order),
// around data already encoded.
void appendAppliedEntry(QByteArray &out, const protocol::AppliedChange &applied,
                        const QByteArray &encodedData)
{
    constexpr QByteArrayView Data = "{\"data\":";
    constexpr QByteArrayView Id = ",\"id\":";
    constexpr QByteArrayView Version = ",\"version\":";
    char digits[24];
    const char *const version = integerText(applied.version, digits);
    const qsizetype versionSize = digits + sizeof digits - version;
    const qsizetype at = out.size();
    out.resize(at + Data.size() + encodedData.size() + idsSize(Id, applied) + Version.size() + versionSize +
               1);
    char *cursor = putBytes(out.data() + at, Data);
    cursor = putIds(putBytes(cursor, encodedData), Id, applied);
    if (cursor) {
        cursor = putBytes(cursor, Version);
        cursor = putBytes(cursor, QByteArrayView(version, versionSize));
        *cursor = '}';
        return;
    }
    out.resize(at);
    // Room for the id and offline id as JsonWriter asks for it (six bytes a character, the worst
    // escape), or each append would move the record's text to a bigger buffer.
    QByteArray entry;
    entry.reserve(encodedData.size() + 128 + 6 * (applied.id.size() + applied.offlineId.size()));
    entry.append(Data);
    entry.append(encodedData);
    entry.append(Id);
    JsonWriter::appendString(entry, applied.id);
    entry.append(OfflineIdKey);
    JsonWriter::appendString(entry, applied.offlineId);
    entry.append(Version);
    JsonWriter::appendInteger(entry, applied.version);
    entry.append('}');
    out.append(entry);
}

// The response's first bytes; the applied entries follow.
constexpr QByteArrayView AppliedOpening = "{\"applied\":[";
// Below this the thread costs more than it saves; past it, each piece keeps the thread busy
// while the next one is written.
constexpr qsizetype GzipPieceBytes = 32 * 1024;

// A compact stored answer is a JSON object with this one key, which no push response has.
constexpr QByteArrayView AuditReferenceOpening = "{\"applied_from_audit\":";

void appendEntry(QByteArray &list, const QByteArray &entry)
{
    if (!list.isEmpty())
        list.append(',');
    list.append(entry);
}

} // namespace

ChangeAnswer ChangeAnswer::makeApplied(protocol::AppliedChange applied, const QString &projectId)
{
    ChangeAnswer answer;
    answer.kind = Kind::Applied;
    answer.applied = std::move(applied);
    answer.projectId = projectId;
    return answer;
}

ChangeAnswer ChangeAnswer::makeApplied(protocol::AppliedChange applied, const QString &projectId,
                                       const QByteArray &encodedData)
{
    ChangeAnswer answer;
    answer.kind = Kind::Applied;
    answer.encodedData = encodedData;
    answer.applied = std::move(applied);
    answer.projectId = projectId;
    return answer;
}

QByteArray ChangeAnswer::entryJson() const
{
    switch (kind) {
    case Kind::Applied:
        if (!encodedData.isNull()) {
            QByteArray entry;
            appendAppliedEntry(entry, applied, encodedData);
            return entry;
        }
        return JsonWriter::compact(applied.toJson());
    case Kind::Conflict:
        return JsonWriter::compact(conflict.toJson());
    case Kind::Rejected:
        break;
    }
    return JsonWriter::compact(rejected.toJson());
}

PushResponseWriter::PushResponseWriter()
{
    m_body.append(AppliedOpening);
}

PushResponseWriter::~PushResponseWriter() = default;

void PushResponseWriter::reserve(qsizetype entryBytes)
{
    // The closing keys and cursor come after the entries; 64 bytes hold them when nothing else
    // than applied changes was answered.
    m_body.reserve(AppliedOpening.size() + entryBytes + 64);
}

void PushResponseWriter::add(const ChangeAnswer &answer)
{
    switch (answer.kind) {
    case ChangeAnswer::Kind::Applied:
        if (m_body.size() > AppliedOpening.size())
            m_body.append(',');
        if (!answer.encodedData.isNull())
            appendAppliedEntry(m_body, answer.applied, answer.encodedData);
        else
            m_body.append(answer.entryJson());
        if (m_gzipWanted && m_body.size() - AppliedOpening.size() - m_appliedGzipped >= GzipPieceBytes) {
            if (!m_gzip)
                m_gzip = std::make_unique<GzipStream>();
            // A copy of its own: the stream reads it on its thread while the body grows.
            m_gzip->append(
                m_body.sliced(m_appliedGzipped == 0 ? 0 : AppliedOpening.size() + m_appliedGzipped));
            m_appliedGzipped = m_body.size() - AppliedOpening.size();
        }
        break;
    case ChangeAnswer::Kind::Conflict:
        appendEntry(m_conflicts, answer.entryJson());
        break;
    case ChangeAnswer::Kind::Rejected:
        appendEntry(m_rejected, answer.entryJson());
        break;
    }
}

QByteArray PushResponseWriter::finish(qint64 cursor, QByteArray *gzipped)
{
    // The keys in the order QJsonDocument writes PushResponse::toJson()'s object. The applied
    // entries, the bulk of it, are already in place and are not copied again.
    QByteArray body = std::move(m_body);
    body.append("],\"conflicts\":[");
    body.append(m_conflicts);
    body.append("],\"cursor\":");
    JsonWriter::appendInteger(body, cursor);
    body.append(",\"rejected\":[");
    body.append(m_rejected);
    body.append("]}");
    if (gzipped && m_gzip) {
        *gzipped = m_gzip->finish(QByteArrayView(body).sliced(AppliedOpening.size() + m_appliedGzipped));
        m_gzip.reset();
    }
    return body;
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
    if (kind == Kind::Applied && auditSeq > 0) {
        constexpr QByteArrayView Id = "{\"id\":";
        constexpr QByteArrayView Seq = ",\"seq\":";
        constexpr QByteArrayView Version = ",\"version\":";
        char seqDigits[24];
        const char *const seq = integerText(auditSeq, seqDigits);
        const qsizetype seqSize = seqDigits + sizeof seqDigits - seq;
        char versionDigits[24];
        const char *const version = integerText(applied.version, versionDigits);
        const qsizetype versionSize = versionDigits + sizeof versionDigits - version;
        QByteArray stored(AuditReferenceOpening.size() + idsSize(Id, applied) + Seq.size() + seqSize +
                              Version.size() + versionSize + 2,
                          Qt::Uninitialized);
        char *cursor = putIds(putBytes(stored.data(), AuditReferenceOpening), Id, applied);
        if (cursor) {
            cursor = putBytes(cursor, Seq);
            cursor = putBytes(cursor, QByteArrayView(seq, seqSize));
            cursor = putBytes(cursor, Version);
            cursor = putBytes(cursor, QByteArrayView(version, versionSize));
            putBytes(cursor, "}}");
            return stored;
        }
        stored.clear();
        stored.reserve(160 + 6 * (applied.id.size() + applied.offlineId.size()));
        stored.append(AuditReferenceOpening);
        stored.append(Id);
        JsonWriter::appendString(stored, applied.id);
        stored.append(OfflineIdKey);
        JsonWriter::appendString(stored, applied.offlineId);
        stored.append(Seq);
        JsonWriter::appendInteger(stored, auditSeq);
        stored.append(Version);
        JsonWriter::appendInteger(stored, applied.version);
        stored.append("}}");
        return stored;
    }
    PushResponseWriter single;
    single.add(*this);
    return single.finish(0);
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

Result<std::optional<ChangeAnswer::AuditReference>> ChangeAnswer::auditReferenceIn(const QByteArray &stored)
{
    if (!stored.startsWith(AuditReferenceOpening))
        return std::optional<AuditReference>();
    const auto broken = [] {
        return makeError(QStringLiteral("database"),
                         QStringLiteral("a stored answer's audit reference is broken"));
    };
    QJsonParseError parsed{};
    const QJsonDocument document = QJsonDocument::fromJson(stored, &parsed);
    if (parsed.error != QJsonParseError::NoError || !document.isObject() || document.object().size() != 1)
        return broken();
    const QJsonValue value = document.object().value(QStringLiteral("applied_from_audit"));
    const QJsonObject object = value.toObject();
    const QJsonValue id = object.value(QStringLiteral("id"));
    const QJsonValue offlineId = object.value(QStringLiteral("offline_id"));
    const QJsonValue seq = object.value(QStringLiteral("seq"));
    const QJsonValue version = object.value(QStringLiteral("version"));
    if (!value.isObject() || object.size() != 4 || !id.isString() || !offlineId.isString() ||
        !seq.isDouble() || !version.isDouble() || seq.toInteger(-1) <= 0 || version.toInteger(-1) <= 0)
        return broken();
    return std::optional<AuditReference>(
        AuditReference{id.toString(), offlineId.toString(), version.toInteger(), seq.toInteger()});
}

QByteArray ChangeAnswer::expandStored(const AuditReference &reference, const QByteArray &afterData)
{
    protocol::AppliedChange applied;
    applied.offlineId = reference.offlineId;
    applied.id = reference.recordId;
    applied.version = reference.version;
    PushResponseWriter single;
    single.add(makeApplied(std::move(applied), QString(), afterData));
    return single.finish(0);
}

} // namespace fieldsync::server
