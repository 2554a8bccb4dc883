#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace fieldsync::sim {

// What became of one edit the simulation made. Every edit must end in one of the settled
// outcomes; Pending and Conflicted are only allowed while the simulation still runs.
enum class EditOutcome
{
    Pending,        // queued, no final answer yet
    Applied,        // the server wrote it (as sent or merged)
    Conflicted,     // waiting for a person
    Resolved,       // a person chose; the choice was queued as a new edit (its own ledger entry)
    Rejected,       // refused by the server, still shown to the person
    Discarded,      // refused by the server, seen and discarded by the person
    Superseded,     // refused by the server, then replaced by a later edit of the same record
    RefusedLocally, // the device refused it at once (invalid move, deleted record), shown at once
};

QString outcomeName(EditOutcome outcome);

struct LedgerEntry
{
    int step = 0;
    int device = 0;
    QString kind; // create, edit, append, move, delete, resolution
    QString recordId;
    QString offlineId; // empty when nothing was queued
    QJsonObject detail;
    EditOutcome outcome = EditOutcome::Pending;
    QString note; // the rejection reason, the conflict choice, the local error

    QString describe() const;
};

class SimLedger
{
public:
    LedgerEntry &add(LedgerEntry entry);
    QList<LedgerEntry> &entries() { return m_entries; }
    const QList<LedgerEntry> &entries() const { return m_entries; }
    LedgerEntry *byOfflineId(const QString &offlineId);
    // The last n entries, one per line, for a failure message.
    QString tail(int n) const;
    // Every entry that touched one record, one per line, for a failure message.
    QString forRecord(const QString &recordId) const;

private:
    QList<LedgerEntry> m_entries;
};

} // namespace fieldsync::sim
