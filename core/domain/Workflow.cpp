#include "Workflow.h"

#include <QQueue>
#include <QSet>

namespace fieldsync {

Workflow::Workflow(QStringList states, QList<Transition> transitions)
    : m_states(std::move(states))
    , m_transitions(std::move(transitions))
{}

Result<void> Workflow::checkTransition(const QString &from, const QString &to, Role role) const
{
    if (!isState(to))
        return makeError(QStringLiteral("validation"), QStringLiteral("unknown status '%1'").arg(to));
    if (from == to)
        return {};
    for (const Transition &transition : m_transitions) {
        if (transition.from != from || transition.to != to)
            continue;
        if (!transition.allowedRoles.isEmpty() && !transition.allowedRoles.contains(role)) {
            return makeError(QStringLiteral("forbidden"),
                             QStringLiteral("%1 may not move %2 -> %3").arg(roleWithArticle(role), from, to));
        }
        return {};
    }
    return makeError(QStringLiteral("invalid_transition"), QStringLiteral("%1 -> %2").arg(from, to));
}

QStringList Workflow::nextStates(const QString &from, Role role) const
{
    QStringList result;
    for (const Transition &transition : m_transitions) {
        if (transition.from == from &&
            (transition.allowedRoles.isEmpty() || transition.allowedRoles.contains(role)))
            result.append(transition.to);
    }
    return result;
}

bool Workflow::needsAnotherPerson(const QString &from, const QString &to) const
{
    for (const Transition &transition : m_transitions) {
        if (transition.from == from && transition.to == to)
            return transition.byAnotherPerson;
    }
    return false;
}

bool Workflow::canStartIn(const QString &state, Role role) const
{
    // Nearly every new record starts where the walk starts; answered before the walk's set and
    // queue are allocated (the server asks this for every created record).
    if (state == initialState())
        return true;
    QSet<QString> seen{initialState()};
    QQueue<QString> queue;
    queue.enqueue(initialState());
    while (!queue.isEmpty()) {
        const QString current = queue.dequeue();
        if (current == state)
            return true;
        for (const Transition &transition : m_transitions) {
            if (transition.from != current || transition.byAnotherPerson || seen.contains(transition.to))
                continue;
            if (!transition.allowedRoles.isEmpty() && !transition.allowedRoles.contains(role))
                continue;
            seen.insert(transition.to);
            queue.enqueue(transition.to);
        }
    }
    return false;
}

QStringList Workflow::whoBroughtItTo(const QList<StatusStep> &history, const QString &status)
{
    QStringList people;
    if (!history.isEmpty())
        people.append(history.first().user);
    for (auto step = history.crbegin(); step != history.crend(); ++step) {
        if (step->after == status && step->before != status) {
            if (!people.contains(step->user))
                people.append(step->user);
            break;
        }
    }
    return people;
}

const Workflow &Workflow::permit()
{
    // Only a PM approves, and never a permit they submitted themselves: the receiver must never
    // authorise their own permit (DOMAIN.md).
    static const Workflow workflow(
        {QStringLiteral("draft"), QStringLiteral("submitted"), QStringLiteral("approved"),
         QStringLiteral("active"), QStringLiteral("suspended"), QStringLiteral("closed"),
         QStringLiteral("cancelled")},
        {{QStringLiteral("draft"), QStringLiteral("submitted"), {}},
         {QStringLiteral("submitted"), QStringLiteral("approved"), {Role::Pm}, true},
         {QStringLiteral("approved"), QStringLiteral("active"), {}},
         {QStringLiteral("active"), QStringLiteral("suspended"), {}},
         {QStringLiteral("suspended"), QStringLiteral("active"), {}},
         {QStringLiteral("active"), QStringLiteral("closed"), {}},
         {QStringLiteral("draft"), QStringLiteral("cancelled"), {}},
         {QStringLiteral("submitted"), QStringLiteral("cancelled"), {}}});
    return workflow;
}

const Workflow &Workflow::task()
{
    static const Workflow workflow(
        {QStringLiteral("open"), QStringLiteral("in_progress"), QStringLiteral("done")},
        {{QStringLiteral("open"), QStringLiteral("in_progress"), {}},
         {QStringLiteral("open"), QStringLiteral("done"), {}},
         {QStringLiteral("in_progress"), QStringLiteral("done"), {}},
         {QStringLiteral("in_progress"), QStringLiteral("open"), {}},
         {QStringLiteral("done"), QStringLiteral("open"), {}}});
    return workflow;
}

const Workflow &Workflow::isolationPoint()
{
    // Forward only; skipping a state is allowed (a verifier may record isolated+verified at once).
    const QStringList states{QStringLiteral("assigned"), QStringLiteral("isolated"),
                             QStringLiteral("verified"), QStringLiteral("deisolated")};
    static const Workflow workflow = [&states] {
        QList<Transition> forward;
        for (int from = 0; from < states.size(); ++from) {
            for (int to = from + 1; to < states.size(); ++to)
                forward.append({states[from], states[to], {}});
        }
        return Workflow(states, forward);
    }();
    return workflow;
}

} // namespace fieldsync
