#include "PushAnswers.h"

namespace fieldsync {

PushAnswers::PushAnswers(const QList<OutboxEntry> &sent, const protocol::PushResponse &response,
                         QStringList &problems)
{
    for (const OutboxEntry &entry : sent)
        m_sent.insert(entry.change.offlineId, &entry);
    for (int i = 0; i < response.applied.size(); ++i)
        note(Kind::Applied, i, response.applied[i].offlineId, response.applied[i].toJson(), problems);
    for (int i = 0; i < response.conflicts.size(); ++i)
        note(Kind::Conflict, i, response.conflicts[i].offlineId, response.conflicts[i].toJson(), problems);
    for (int i = 0; i < response.rejected.size(); ++i)
        note(Kind::Rejected, i, response.rejected[i].offlineId, response.rejected[i].toJson(), problems);
    for (const QString &offlineId : std::as_const(m_order)) {
        const First &first = m_answers[offlineId];
        if (first.count == 1)
            continue;
        const QString times =
            first.count == 2 ? QStringLiteral("twice") : QStringLiteral("%1 times").arg(first.count);
        problems.append(
            first.contradicted
                ? QStringLiteral("the server answered change %1 %2, and differently; it stays queued")
                      .arg(offlineId, times)
                : QStringLiteral("the server answered change %1 %2").arg(offlineId, times));
    }
}

const OutboxEntry *PushAnswers::counting(Kind kind, int index, const QString &offlineId) const
{
    const auto it = m_answers.constFind(offlineId);
    if (it == m_answers.cend() || it->contradicted || it->kind != kind || it->index != index)
        return nullptr;
    return m_sent.value(offlineId);
}

void PushAnswers::note(Kind kind, int index, const QString &offlineId, const QJsonObject &json,
                       QStringList &problems)
{
    if (!m_sent.contains(offlineId)) {
        problems.append(
            QStringLiteral("the server answered a change this device never sent (%1)").arg(offlineId));
        return;
    }
    const auto it = m_answers.find(offlineId);
    if (it == m_answers.end()) {
        m_answers.insert(offlineId, First{kind, index, json});
        m_order.append(offlineId);
        return;
    }
    ++it->count;
    // The same answer again still settles the change once; any other answer contradicts it.
    if (it->kind != kind || it->json != json)
        it->contradicted = true;
}

} // namespace fieldsync
