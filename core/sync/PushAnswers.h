#pragma once

#include "outbox/OutboxEntry.h"
#include "protocol/PushMessages.h"

#include <QHash>
#include <QStringList>

namespace fieldsync {

// Every answer a push response gives to each change of the batch. The protocol answers each
// change once; the first answer counts when every other one for that change says the same, and a
// change answered in contradicting ways counts as not answered: whichever side it took could be
// the wrong one, so it stays queued and goes again. What the server got wrong lands in problems.
class PushAnswers
{
public:
    enum class Kind
    {
        Applied,
        Conflict,
        Rejected
    };

    PushAnswers(const QList<OutboxEntry> &sent, const protocol::PushResponse &response,
                QStringList &problems);

    // The sent change when the answer at index of kind is the one that counts for it, else none.
    const OutboxEntry *counting(Kind kind, int index, const QString &offlineId) const;
    // Sent changes the response says nothing about at all.
    int unmentioned() const { return int(m_sent.size() - m_answers.size()); }

private:
    struct First
    {
        Kind kind;
        int index;
        int count = 1;
        bool contradicted = false;
    };

    static QJsonObject answerJson(const protocol::PushResponse &response, Kind kind, int index);
    void note(const protocol::PushResponse &response, Kind kind, int index, const QString &offlineId,
              QStringList &problems);

    QHash<QString, const OutboxEntry *> m_sent;
    QHash<QString, First> m_answers;
    QStringList m_order; // answered offline ids, first answer first
};

} // namespace fieldsync
