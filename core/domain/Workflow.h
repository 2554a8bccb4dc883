#pragma once

#include "Role.h"
#include "common/Result.h"

#include <QList>
#include <QStringList>

namespace fieldsync {

// A status workflow: the states in their natural order, the first one new records start in,
// and the moves allowed between them (with the roles that may make each move).
class Workflow
{
public:
    struct Transition
    {
        QString from;
        QString to;
        QList<Role> allowedRoles; // empty: every role
        // The person who moved the record into `from` may not make this move: whoever submits a
        // permit (its receiver) never approves it.
        bool byAnotherPerson = false;
    };

    // One write of a record's history, as far as who moved its status: the first is its creation.
    struct StatusStep
    {
        QString user;
        QString before; // empty for the creation
        QString after;
    };

    Workflow(QStringList states, QList<Transition> transitions);

    const QStringList &states() const { return m_states; }
    QString initialState() const { return m_states.value(0); }
    bool isState(const QString &state) const { return m_states.contains(state); }
    int rank(const QString &state) const { return int(m_states.indexOf(state)); }

    // invalid_transition when the move does not exist, forbidden when the role may not make it.
    Result<void> checkTransition(const QString &from, const QString &to, Role role) const;
    // The moves a person with this role may make from a state, for workflow buttons.
    QStringList nextStates(const QString &from, Role role) const;
    // Whether from -> to must be made by someone other than who moved the record into from.
    bool needsAnotherPerson(const QString &from, const QString &to) const;
    // The states a new record may start in when this role creates it: those its creator could
    // have walked to alone, never past a move that needs another person.
    bool canStartIn(const QString &state, Role role) const;
    // Who may not make a move that needs another person from `status`: whoever created the record
    // and whoever last moved it into `status`, from its history oldest first. The server refuses
    // such a move from them; a device uses it to withhold the button.
    static QStringList whoBroughtItTo(const QList<StatusStep> &history, const QString &status);

    static const Workflow &permit();
    static const Workflow &task();
    static const Workflow &isolationPoint();

private:
    QStringList m_states;
    QList<Transition> m_transitions;
};

} // namespace fieldsync
