#include "SimLedger.h"

#include <QJsonDocument>

namespace fieldsync::sim {

QString outcomeName(EditOutcome outcome)
{
    switch (outcome) {
    case EditOutcome::Pending:
        return QStringLiteral("pending");
    case EditOutcome::Applied:
        return QStringLiteral("applied");
    case EditOutcome::Conflicted:
        return QStringLiteral("conflicted");
    case EditOutcome::Resolved:
        return QStringLiteral("resolved");
    case EditOutcome::Rejected:
        return QStringLiteral("rejected");
    case EditOutcome::Discarded:
        return QStringLiteral("discarded");
    case EditOutcome::Superseded:
        return QStringLiteral("superseded");
    case EditOutcome::RefusedLocally:
        return QStringLiteral("refused_locally");
    }
    return {};
}

QString LedgerEntry::describe() const
{
    return QStringLiteral("#%1 device %2 %3 %4 offline=%5 -> %6 %7 %8")
        .arg(step)
        .arg(device)
        .arg(kind, recordId, offlineId.isEmpty() ? QStringLiteral("-") : offlineId, outcomeName(outcome),
             note, QString::fromUtf8(QJsonDocument(detail).toJson(QJsonDocument::Compact)));
}

LedgerEntry &SimLedger::add(LedgerEntry entry)
{
    m_entries.append(std::move(entry));
    return m_entries.last();
}

LedgerEntry *SimLedger::byOfflineId(const QString &offlineId)
{
    for (LedgerEntry &entry : m_entries) {
        if (entry.offlineId == offlineId)
            return &entry;
    }
    return nullptr;
}

QString SimLedger::tail(int n) const
{
    QStringList lines;
    for (qsizetype index = qMax<qsizetype>(0, m_entries.size() - n); index < m_entries.size(); ++index)
        lines.append(m_entries.at(index).describe());
    return lines.join(QLatin1Char('\n'));
}

QString SimLedger::forRecord(const QString &recordId) const
{
    QStringList lines;
    for (const LedgerEntry &entry : m_entries) {
        if (entry.recordId == recordId)
            lines.append(entry.describe());
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace fieldsync::sim
