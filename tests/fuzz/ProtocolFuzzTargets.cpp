#include "FuzzTargets.h"

#include "common/JsonWriter.h"
#include "protocol/EventMessages.h"
#include "protocol/JsonReader.h"
#include "protocol/PullMessages.h"
#include "protocol/PushMessages.h"

#include <QJsonDocument>

#include <algorithm>

namespace fieldsync::fuzz {

namespace {

// What a decoder accepted must survive being written and read again unchanged: the device
// stores and resends what it decoded, and the server answers with what it wrote.
template<typename Message> std::optional<QString> checkRoundTrip(const QByteArray &input, const QString &what)
{
    const Result<Message> decoded = Message::fromJson(input);
    if (!decoded)
        return std::nullopt;
    const QByteArray written = decoded.value().toJson();
    const Result<Message> again = Message::fromJson(written);
    if (!again)
        return what + QStringLiteral(": its own encoding does not decode: ") + again.error().toString() +
               QStringLiteral(" in ") + QString::fromUtf8(written.left(400));
    const QByteArray rewritten = again.value().toJson();
    if (rewritten != written)
        return what + QStringLiteral(": encoding changes on a round trip: ") +
               QString::fromUtf8(written.left(200)) + QStringLiteral(" became ") +
               QString::fromUtf8(rewritten.left(200));
    return std::nullopt;
}

bool hasKeyOutsideBmp(const QJsonValue &value);

bool hasKeyOutsideBmp(const QJsonObject &object)
{
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        const QString key = it.key();
        if (std::any_of(key.cbegin(), key.cend(), [](QChar c) { return c.isSurrogate(); }) ||
            hasKeyOutsideBmp(it.value()))
            return true;
    }
    return false;
}

bool hasKeyOutsideBmp(const QJsonValue &value)
{
    if (value.isObject())
        return hasKeyOutsideBmp(value.toObject());
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        return std::any_of(array.begin(), array.end(),
                           [](const QJsonValue &item) { return hasKeyOutsideBmp(item); });
    }
    return false;
}

} // namespace

QString describe(const Result<protocol::PushRequest> &decoded)
{
    return decoded ? QString::fromUtf8(decoded.value().toJson()) : decoded.error().toString();
}

// PushRequest::fromJson decodes a push as devices write it its own fast way: it must decide as
// the general decoding does, on the input and on the encoding of what was decoded, which is in
// the form the fast way reads.
std::optional<QString> checkPushDecodings(const QByteArray &body)
{
    const QString fast = describe(protocol::PushRequest::fromJson(body));
    const QString general = describe(protocol::PushRequest::fromJsonGeneral(body));
    if (fast != general)
        return QStringLiteral("push request: fromJson and fromJsonGeneral differ: ") + fast.left(200) +
               QStringLiteral(" against ") + general.left(200);
    return std::nullopt;
}

std::optional<QString> fuzzPushRequest(const QByteArray &input)
{
    if (std::optional<QString> problem = checkPushDecodings(input))
        return problem;
    if (const Result<protocol::PushRequest> decoded = protocol::PushRequest::fromJsonGeneral(input)) {
        if (std::optional<QString> problem = checkPushDecodings(decoded.value().toJson()))
            return problem;
    }
    return checkRoundTrip<protocol::PushRequest>(input, QStringLiteral("push request"));
}

std::optional<QString> fuzzPushResponse(const QByteArray &input)
{
    return checkRoundTrip<protocol::PushResponse>(input, QStringLiteral("push response"));
}

std::optional<QString> fuzzPullResponse(const QByteArray &input)
{
    return checkRoundTrip<protocol::PullResponse>(input, QStringLiteral("pull response"));
}

std::optional<QString> fuzzServerEvent(const QByteArray &input)
{
    const Result<protocol::ServerEvent> decoded = protocol::ServerEvent::fromJson(input);
    if (!decoded)
        return std::nullopt;
    if (decoded.value().type == protocol::ServerEvent::Changes && decoded.value().cursor < 0)
        return QStringLiteral("event: a negative cursor was accepted");
    // Unknown types are ignored by devices, so only the known one must round-trip.
    if (decoded.value().type != protocol::ServerEvent::Changes)
        return std::nullopt;
    const Result<protocol::ServerEvent> again = protocol::ServerEvent::fromJson(decoded.value().toJson());
    if (!again || again.value().cursor != decoded.value().cursor)
        return QStringLiteral("event: its own encoding does not decode to the same cursor");
    return std::nullopt;
}

// The strict reader on any object, reading each key with a type picked from the key, plus the
// promise of JsonWriter: the same bytes as QJsonDocument's compact form.
std::optional<QString> fuzzJsonReader(const QByteArray &input)
{
    const Result<QJsonObject> parsed = protocol::JsonReader::parseObject(input);
    if (!parsed)
        return std::nullopt;
    const QJsonObject &object = parsed.value();

    const QByteArray ours = JsonWriter::compact(object);
    const QByteArray qts = QJsonDocument(object).toJson(QJsonDocument::Compact);
    // Only the order of keys outside the BMP may differ (JsonWriter.h); the content may not.
    const auto sameContentInAnotherOrder = [&] {
        const Result<QJsonObject> fromQt = protocol::JsonReader::parseObject(qts);
        return hasKeyOutsideBmp(object) && fromQt && JsonWriter::compact(fromQt.value()) == ours;
    };
    if (ours != qts && !sameContentInAnotherOrder())
        return QStringLiteral("JsonWriter differs from QJsonDocument: ") + QString::fromUtf8(ours.left(300)) +
               QStringLiteral(" vs ") + QString::fromUtf8(qts.left(300));

    protocol::JsonReader reader(object, QStringLiteral("fuzz"));
    const QStringList keys = object.keys();
    // Every other key is left unread, so that finish() has unknown fields to find.
    bool skippedOne = false;
    for (qsizetype index = 0; index < keys.size(); ++index) {
        const QString &key = keys.at(index);
        if (index % 2 == 1) {
            skippedOne = true;
            continue;
        }
        switch (key.size() % 6) {
        case 0:
            (void)reader.string(key);
            break;
        case 1:
            (void)reader.integer(key);
            break;
        case 2:
            (void)reader.boolean(key, false);
            break;
        case 3:
            (void)reader.object(key);
            break;
        case 4:
            (void)reader.array(key, false);
            break;
        default:
            (void)reader.any(key);
            break;
        }
    }
    // An optional key that is absent reads as nothing and must not count as a failure.
    const QString absent = QStringLiteral("\x01absent");
    if (!object.contains(absent))
        (void)reader.string(absent, false);
    const Result<void> finished = reader.finish();
    if (reader.failed() && finished)
        return QStringLiteral("JsonReader: failed but finish() succeeded");
    if (!reader.failed() && skippedOne && finished)
        return QStringLiteral("JsonReader: an unread key was not reported");
    if (!reader.failed() && !skippedOne && !finished)
        return QStringLiteral("JsonReader: every key was read, yet finish() failed: ") +
               finished.error().toString();
    return std::nullopt;
}

QList<FuzzTarget> protocolTargets()
{
    return {{QStringLiteral("push_request"), &fuzzPushRequest},
            {QStringLiteral("push_response"), &fuzzPushResponse},
            {QStringLiteral("pull_response"), &fuzzPullResponse},
            {QStringLiteral("server_event"), &fuzzServerEvent},
            {QStringLiteral("json_reader"), &fuzzJsonReader}};
}

} // namespace fieldsync::fuzz
