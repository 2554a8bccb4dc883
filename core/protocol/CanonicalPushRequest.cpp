#include "CanonicalPushRequest.h"

#include "JsonReader.h"
#include "PlainJsonCursor.h"
#include "common/CanonicalJson.h"
#include "domain/IsoTimestamp.h"

#include <QByteArrayView>

namespace fieldsync::protocol {

namespace {

// Far below Qt's nesting limit, so that an object parsed on its own (three levels down from
// where it sits in the body) is never one the whole body would be refused for.
constexpr int MaxObjectDepth = 64;
// Far below what QJsonDocument takes in one body (the server takes 8 MiB at most).
constexpr qsizetype MaxBodyBytes = 64 * 1024 * 1024;
// PushRequest::fromJsonGeneral() refuses a device_id or batch_id longer than this.
constexpr qsizetype MaxIdLength = 64;

class Reader : public PlainJsonCursor
{
public:
    using PlainJsonCursor::PlainJsonCursor;

    // A canonical UUID up to its closing quote: 36 characters, lower-case hex, hyphens in their
    // places, not the nil UUID (isCanonicalUuid() read on the bytes, without a scan for the
    // quote first).
    std::optional<QString> canonicalUuid()
    {
        constexpr qsizetype Length = 36;
        if (m_size - m_at <= Length || m_text[m_at + Length] != '"')
            return std::nullopt;
        const char *const text = m_text + m_at;
        bool allZero = true;
        for (qsizetype index = 0; index < Length; ++index) {
            const char c = text[index];
            if (index == 8 || index == 13 || index == 18 || index == 23) {
                if (c != '-')
                    return std::nullopt;
                continue;
            }
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
                return std::nullopt;
            allZero = allZero && c == '0';
        }
        if (allZero)
            return std::nullopt;
        m_at += Length + 1;
        return QString::fromLatin1(text, Length);
    }

    // The object at the cursor, parsed on its own; an empty one as devices write it needs no
    // parser.
    std::optional<QJsonObject> object()
    {
        if (literal("{}"))
            return QJsonObject();
        return JsonReader::parseObjectAt(QByteArrayView(m_text, m_size), m_at, MaxObjectDepth);
    }

    // Where the object at the cursor ends, when CanonicalJson::objectEnd() takes it; the cursor
    // moves past it then.
    std::optional<qsizetype> canonicalObject()
    {
        const std::optional<qsizetype> end = CanonicalJson::objectEnd(QByteArrayView(m_text, m_size), m_at);
        if (end)
            m_at = *end;
        return end;
    }

    qsizetype at() const { return m_at; }
    const char *text() const { return m_text; }
};

// EntitySchema::byWireName() and changeOpFromName() without a QString made for the name.
const EntitySchema *schemaNamed(QLatin1String name)
{
    for (const EntitySchema *schema : EntitySchema::all()) {
        if (schema->wireName == name)
            return schema;
    }
    return nullptr;
}

std::optional<ChangeOp> opNamed(QLatin1String name)
{
    for (const ChangeOp op : {ChangeOp::Create, ChangeOp::Update, ChangeOp::Delete, ChangeOp::Append}) {
        if (changeOpName(op) == name)
            return op;
    }
    return std::nullopt;
}

// One change, up to its closing brace, when it is one Change::fromJson() takes as it is.
std::optional<Change> change(Reader &reader, PushRequest::DataOfCreates dataOfCreates)
{
    Change change;
    if (!reader.literal("{\"base\":"))
        return std::nullopt;
    std::optional<QJsonObject> base = reader.object();
    std::optional<qint64> clientVersion;
    if (!base || !reader.literal(",\"client_version\":") || !(clientVersion = reader.count()) ||
        !reader.literal(",\"data\":"))
        return std::nullopt;
    // Left as text until the op says whether it is kept so; parsed after all otherwise.
    const qsizetype dataAt = reader.at();
    std::optional<qsizetype> dataEnd;
    std::optional<QJsonObject> data;
    if (dataOfCreates == PushRequest::DataOfCreates::TextWhenCanonical)
        dataEnd = reader.canonicalObject();
    if (!dataEnd)
        data = reader.object();
    std::optional<QLatin1String> entityName;
    std::optional<QString> id;
    std::optional<QString> offlineId;
    std::optional<QLatin1String> opName;
    if ((!data && !dataEnd) || !reader.literal(",\"entity\":\"") || !(entityName = reader.plainText()) ||
        !reader.literal(",\"id\":\"") || !(id = reader.canonicalUuid()) ||
        !reader.literal(",\"offline_id\":\"") || !(offlineId = reader.canonicalUuid()) ||
        !reader.literal(",\"op\":\"") || !(opName = reader.plainText()) || !reader.literal("}"))
        return std::nullopt;
    const EntitySchema *schema = schemaNamed(*entityName);
    const std::optional<ChangeOp> op = opNamed(*opName);
    if (!schema || !op)
        return std::nullopt;
    if (makesNewRecord(*op) && (*clientVersion != 0 || !base->isEmpty()))
        return std::nullopt;
    change.offlineId = std::move(*offlineId);
    change.entity = schema->kind;
    change.op = *op;
    change.id = std::move(*id);
    change.clientVersion = *clientVersion;
    change.base = std::move(*base);
    if (data) {
        change.data = std::move(*data);
    } else if (makesNewRecord(*op)) {
        change.dataText = QByteArray(reader.text() + dataAt, *dataEnd - dataAt);
    } else {
        qsizetype at = dataAt;
        data = JsonReader::parseObjectAt(QByteArrayView(reader.text(), *dataEnd), at, MaxObjectDepth);
        if (!data)
            return std::nullopt;
        change.data = std::move(*data);
    }
    return change;
}

} // namespace

std::optional<PushRequest> decodeCanonicalPushRequest(const QByteArray &body,
                                                      PushRequest::DataOfCreates dataOfCreates)
{
    if (body.size() > MaxBodyBytes)
        return std::nullopt;
    Reader reader(body);
    PushRequest request;
    std::optional<QString> batchId;
    if (!reader.literal("{\"batch_id\":\"") || !(batchId = reader.plainString()) ||
        batchId->size() > MaxIdLength || !reader.literal(",\"changes\":["))
        return std::nullopt;
    if (!reader.literal("]")) {
        do {
            std::optional<Change> next = change(reader, dataOfCreates);
            if (!next)
                return std::nullopt;
            request.changes.append(std::move(*next));
        } while (reader.literal(","));
        if (!reader.literal("]"))
            return std::nullopt;
    }
    std::optional<QString> clientTime;
    std::optional<QString> deviceId;
    if (!reader.literal(",\"client_time\":\"") || !(clientTime = reader.plainString()) ||
        !reader.literal(",\"device_id\":\"") || !(deviceId = reader.plainString()) || !reader.literal("}") ||
        !reader.atEnd())
        return std::nullopt;
    if (deviceId->isEmpty() || deviceId->size() > MaxIdLength)
        return std::nullopt;
    if (!clientTime->isEmpty() && !IsoTimestamp::parseZoned(*clientTime))
        return std::nullopt;
    request.batchId = std::move(*batchId);
    request.clientTime = std::move(*clientTime);
    request.deviceId = std::move(*deviceId);
    return request;
}

} // namespace fieldsync::protocol
