#include "PushAnswers.h"

#include <QJsonDocument>

namespace fieldsync {

PushAnswers::PushAnswers(const QList<OutboxEntry> &sent, const protocol::PushResponse &response,
                         QStringList &problems)
{
    for (const OutboxEntry &entry : sent)
        m_sent.insert(entry.change.offlineId, &entry);
    for (int i = 0; i < response.applied.size(); ++i)
        note(response, Kind::Applied, i, response.applied[i].offlineId, problems);
    for (int i = 0; i < response.conflicts.size(); ++i)
        note(response, Kind::Conflict, i, response.conflicts[i].offlineId, problems);
    for (int i = 0; i < response.rejected.size(); ++i)
        note(response, Kind::Rejected, i, response.rejected[i].offlineId, problems);
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

QJsonObject PushAnswers::answerJson(const protocol::PushResponse &response, Kind kind, int index)
{
    switch (kind) {
    case Kind::Applied: {
        QJsonObject applied = response.applied[index].toJson();
        if (response.applied[index].dataAsText) {
            // Canonical text (AppliedChange::dataAsText): it parses.
            applied.insert(QStringLiteral("data"),
                           QJsonDocument::fromJson(response.appliedDataJson.value(index)).object());
        }
        return applied;
    }
    case Kind::Conflict:
        return response.conflicts[index].toJson();
    case Kind::Rejected:
        return response.rejected[index].toJson();
    }
    return {};
}

void PushAnswers::note(const protocol::PushResponse &response, Kind kind, int index, const QString &offlineId,
                       QStringList &problems)
{
    if (!m_sent.contains(offlineId)) {
        problems.append(
            QStringLiteral("the server answered a change this device never sent (%1)").arg(offlineId));
        return;
    }
    const auto it = m_answers.find(offlineId);
    if (it == m_answers.end()) {
        m_answers.insert(offlineId, First{kind, index});
        m_order.append(offlineId);
        return;
    }
    ++it->count;
    // The same answer again still settles the change once; any other answer contradicts it. Only
    // compared when a change is answered again, which a sound server never does: the hot path of
    // a push encodes no answer for this.
    if (it->kind != kind || answerJson(response, it->kind, it->index) != answerJson(response, kind, index))
        it->contradicted = true;
}

} // namespace fieldsync
