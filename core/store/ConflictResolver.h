#pragma once

#include "DeviceStore.h"

#include <QMap>

namespace fieldsync {

enum class ConflictSide
{
    Mine,
    Server
};

// A person's answer to one conflict: a value for every conflicting field (stale conflicts), or a
// side for the whole record (an edit against a deleted record, or a delete against a changed one).
// recordSide may be set beside values too, when the person took one side everywhere.
struct ConflictChoice
{
    QMap<QString, QJsonValue> values;
    std::optional<ConflictSide> recordSide;
};

// Settles conflicts and rejected changes. Resolving queues a new change against the server's
// version; nothing is decided without an explicit choice.
class ConflictResolver
{
public:
    explicit ConflictResolver(DeviceStore &store);

    // Builds a choice from sides: all fields one way, or field by field (every conflicting field
    // must be named). Error usage when a field is missing or unknown.
    static Result<ConflictChoice> choiceFromSides(const StoredConflict &conflict,
                                                  std::optional<ConflictSide> all,
                                                  const QMap<QString, ConflictSide> &perField);
    // The record as it would stand after the choice, for the dialog's preview.
    static QJsonObject preview(const StoredConflict &conflict, const ConflictChoice &choice);

    // Settles the conflict; true when the choice queued a change to send (false: the server's
    // record was taken everywhere and nothing is left to send).
    // A conflict on a create or append (a broken answer, stored by older versions) settled with
    // mine sends the change again as it was. On an append-only entity (a gas reading) nothing
    // ever queues an update or changes the recorded values: anything but mine is refused
    // (append_only).
    Result<bool> resolve(const QString &conflictId, const ConflictChoice &choice);
    // Drops a rejected change; the record falls back to what the server has.
    Result<void> discardRejected(const QString &rejectionId);

private:
    // A conflict a broken answer left (see resolve()): dropped, the record's values kept, and the
    // new record sent again or nothing queued.
    Result<bool> settleBrokenConflict(const StoredConflict &conflict, bool sendAgain);
    // In the caller's transaction: the conflict goes, and the record it was about is read.
    Result<std::optional<LocalRecord>> removeAndFindRecord(const StoredConflict &conflict);
    Result<void> restoreServerState(const QString &recordId);

    DeviceStore &m_store;
};

} // namespace fieldsync
