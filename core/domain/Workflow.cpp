#include "Workflow.h"

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

const Workflow &Workflow::permit()
{
    // Only a PM approves: the receiver (foreman) must never authorise their own permit.
    static const Workflow workflow({QStringLiteral("draft"), QStringLiteral("submitted"),
                                    QStringLiteral("approved"), QStringLiteral("active"),
                                    QStringLiteral("suspended"), QStringLiteral("closed"),
                                    QStringLiteral("cancelled")},
                                   {{QStringLiteral("draft"), QStringLiteral("submitted"), {}},
                                    {QStringLiteral("submitted"), QStringLiteral("approved"), {Role::Pm}},
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
