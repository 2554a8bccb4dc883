#pragma once

#include "common/CanonicalJson.h"

#include "common/Result.h"
#include "domain/ChangeOp.h"
#include "domain/EntitySchema.h"

#include <QJsonObject>
#include <QList>
#include <QMap>

namespace fieldsync::protocol {

// One queued edit as it travels: base holds the changed fields as the device saw them at
// clientVersion, data only the changed fields.
struct Change
{
    QString offlineId;
    EntityKind entity = EntityKind::Permit;
    ChangeOp op = ChangeOp::Update;
    QString id;
    qint64 clientVersion = 0;
    QJsonObject base;
    QJsonObject data;
    // Only from a decoding asked for it (PushRequest::DataOfCreates::TextWhenCanonical): a create's
    // data as the body had it, written exactly as JsonWriter::compact() writes it
    // (CanonicalJson::objectEnd() took it, so JsonReader::parseObjectAt() takes it too); data is then
    // left empty. The server makes the new record's text from it without decoding it at all, or
    // decodes it when its fast create does not take it.
    QByteArray dataText;

    QJsonObject toJson() const;
    static Result<Change> fromJson(const QJsonValue &value, int index);
};

struct PushRequest
{
    QString deviceId;
    QString clientTime;
    QString batchId;
    QList<Change> changes;

    // A change's base and data already encoded as JSON objects (the device's outbox keeps them
    // so); written as they are instead of encoding the change's own base and data.
    struct EncodedObjects
    {
        QByteArray base;
        QByteArray data;
    };

    // encoded: empty, or one entry per change (an empty entry encodes that change's objects).
    QByteArray toJson(const QList<EncodedObjects> &encoded = {}) const;
    // toJson() in two steps, so that a batch encoded ahead of time gets its client_time when it
    // is sent: everything before client_time (which comes after the changes), then the rest.
    QByteArray toJsonUntilClientTime(const QList<EncodedObjects> &encoded = {}) const;
    static void finishJson(QByteArray &json, const QString &clientTime, const QString &deviceId);
    // What a decoding makes of each create's data (see Change::dataText).
    enum class DataOfCreates
    {
        Decoded,
        TextWhenCanonical,
    };
    // A push as devices write it is decoded by decodeCanonicalPushRequest(); any other by
    // fromJsonGeneral(), which decodes them all (and the usual one the same way, data decoded).
    static Result<PushRequest> fromJson(const QByteArray &body,
                                        DataOfCreates dataOfCreates = DataOfCreates::Decoded);
    static Result<PushRequest> fromJsonGeneral(const QByteArray &body);
};

struct AppliedChange
{
    QString offlineId;
    QString id;
    qint64 version = 0;
    QJsonObject data; // the record's whole state after the change
    // data left empty: the record is PushResponse::appliedDataJson's text at this entry's index,
    // written exactly as JsonWriter writes it (see PushResponse::AppliedData::TextWhenCanonical).
    bool dataAsText = false;
    // With dataAsText: the members of that text as its reading found them.
    CanonicalJson::Outline dataOutline{};

    QJsonObject toJson() const;
};

struct ConflictField
{
    QJsonValue base;
    QJsonValue mine;
    QJsonValue server;
    QString hint;
};

struct ConflictedChange
{
    QString offlineId;
    QString id;
    qint64 clientVersion = 0;
    qint64 serverVersion = 0;
    QString reason; // stale, deleted, changed
    QMap<QString, ConflictField> fields;
    QJsonObject serverState;
    bool serverDeleted = false;

    QJsonObject toJson() const;
};

struct RejectedChange
{
    QString offlineId;
    QString reason; // validation, unknown_field, invalid_transition, forbidden, not_found, ...
    QString detail;

    QJsonObject toJson() const;
};

struct PushResponse
{
    QList<AppliedChange> applied;
    QList<ConflictedChange> conflicts;
    QList<RejectedChange> rejected;
    qint64 cursor = 0;
    // Each applied entry's data as the body had it, in the order of applied; empty when fromJson
    // could not take it from the body as is. A device stores the record state it was sent as
    // that text instead of encoding again what it decoded.
    QList<QByteArray> appliedDataJson;

    QByteArray toJson() const;
    // The usual answer, a whole batch applied, is decoded by decodeAppliedOnlyAnswer(); any
    // other by fromJsonGeneral(), which decodes them all (and the usual one the same way).
    static Result<PushResponse> fromJson(const QByteArray &body);
    // How fromJson() gives each applied entry's record: as an object always, or, for the device
    // that keeps the text and reads it as text (ServerRecordText), as text only when the text is
    // exactly what JsonWriter writes (CanonicalJson::objectEnd() takes it); objects otherwise.
    enum class AppliedData
    {
        Objects,
        TextWhenCanonical,
    };
    static Result<PushResponse> fromJson(const QByteArray &body, AppliedData appliedData);
    static Result<PushResponse> fromJsonGeneral(const QByteArray &body);
};

} // namespace fieldsync::protocol
