// The status workflows of permits, tasks and isolation points: which moves exist, who may make
// them, which states are final, and what the workflow buttons offer each role.

#include "domain/Role.h"
#include "domain/Workflow.h"

#include <QTest>

using namespace fieldsync;
using namespace Qt::StringLiterals;

namespace {

const QStringList AllRoles{u"foreman"_s, u"pm"_s, u"admin"_s};

const Workflow &workflowNamed(const QString &name)
{
    if (name == u"task"_s)
        return Workflow::task();
    if (name == u"isolation_point"_s)
        return Workflow::isolationPoint();
    return Workflow::permit();
}

// Adds one row per role: "permit draft->submitted as foreman".
void addForEveryRole(const QString &workflow, const QString &from, const QString &to)
{
    for (const QString &role : AllRoles) {
        QTest::addRow("%s %s->%s as %s", qPrintable(workflow), qPrintable(from), qPrintable(to),
                      qPrintable(role))
            << workflow << from << to << role;
    }
}

} // namespace

class TestWorkflow : public QObject
{
    Q_OBJECT

private slots:
    void statesAreInNaturalOrderAndTheFirstIsInitial();

    void everyAllowedMoveIsAccepted_data();
    void everyAllowedMoveIsAccepted();

    void movesOutsideTheWorkflowAreInvalidTransitions_data();
    void movesOutsideTheWorkflowAreInvalidTransitions();

    void onlyAPmApproves_data();
    void onlyAPmApproves();

    void closedAndCancelledPermitsAreFinal_data();
    void closedAndCancelledPermitsAreFinal();

    void isolationPointsMoveForwardOnlyAndMaySkip_data();
    void isolationPointsMoveForwardOnlyAndMaySkip();

    void anUnknownTargetStateIsAValidationError();
    void stayingInTheSameStateIsNoMove();

    void nextStatesOfferOnlyTheMovesTheRoleMayMake_data();
    void nextStatesOfferOnlyTheMovesTheRoleMayMake();

    void roleNamesRoundTrip_data();
    void roleNamesRoundTrip();

    void rolesInMessagesTakeTheRightArticle_data();
    void rolesInMessagesTakeTheRightArticle();

    void whoBroughtItToIsTheCreatorAndTheLastMover();
};

void TestWorkflow::statesAreInNaturalOrderAndTheFirstIsInitial()
{
    QCOMPARE(Workflow::permit().states(), (QStringList{u"draft"_s, u"submitted"_s, u"approved"_s, u"active"_s,
                                                       u"suspended"_s, u"closed"_s, u"cancelled"_s}));
    QCOMPARE(Workflow::permit().initialState(), u"draft"_s);
    QCOMPARE(Workflow::task().states(), (QStringList{u"open"_s, u"in_progress"_s, u"done"_s}));
    QCOMPARE(Workflow::task().initialState(), u"open"_s);
    QCOMPARE(Workflow::isolationPoint().states(),
             (QStringList{u"assigned"_s, u"isolated"_s, u"verified"_s, u"deisolated"_s}));
    QCOMPARE(Workflow::isolationPoint().initialState(), u"assigned"_s);

    QCOMPARE(Workflow::isolationPoint().rank(u"assigned"_s), 0);
    QCOMPARE(Workflow::isolationPoint().rank(u"deisolated"_s), 3);
    QCOMPARE(Workflow::isolationPoint().rank(u"bogus"_s), -1);
    QVERIFY(Workflow::permit().isState(u"suspended"_s));
    QVERIFY(!Workflow::permit().isState(u"open"_s));
    QVERIFY(!Workflow::permit().isState(QString()));
}

void TestWorkflow::everyAllowedMoveIsAccepted_data()
{
    QTest::addColumn<QString>("workflow");
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("role");

    const QString permit = u"permit"_s;
    addForEveryRole(permit, u"draft"_s, u"submitted"_s);
    QTest::newRow("permit submitted->approved as pm") << permit << u"submitted"_s << u"approved"_s << u"pm"_s;
    addForEveryRole(permit, u"approved"_s, u"active"_s);
    addForEveryRole(permit, u"active"_s, u"suspended"_s);
    addForEveryRole(permit, u"suspended"_s, u"active"_s);
    addForEveryRole(permit, u"active"_s, u"closed"_s);
    addForEveryRole(permit, u"draft"_s, u"cancelled"_s);
    addForEveryRole(permit, u"submitted"_s, u"cancelled"_s);

    const QString task = u"task"_s;
    addForEveryRole(task, u"open"_s, u"in_progress"_s);
    addForEveryRole(task, u"open"_s, u"done"_s);
    addForEveryRole(task, u"in_progress"_s, u"done"_s);
    addForEveryRole(task, u"in_progress"_s, u"open"_s);
    addForEveryRole(task, u"done"_s, u"open"_s);

    const QString isolation = u"isolation_point"_s;
    addForEveryRole(isolation, u"assigned"_s, u"isolated"_s);
    addForEveryRole(isolation, u"isolated"_s, u"verified"_s);
    addForEveryRole(isolation, u"verified"_s, u"deisolated"_s);
    addForEveryRole(isolation, u"assigned"_s, u"verified"_s);
    addForEveryRole(isolation, u"assigned"_s, u"deisolated"_s);
    addForEveryRole(isolation, u"isolated"_s, u"deisolated"_s);
}

void TestWorkflow::everyAllowedMoveIsAccepted()
{
    QFETCH(QString, workflow);
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QString, role);

    const std::optional<Role> who = roleFromName(role);
    QVERIFY(who);
    const Result<void> result = workflowNamed(workflow).checkTransition(from, to, *who);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
    QVERIFY(workflowNamed(workflow).nextStates(from, *who).contains(to));
}

void TestWorkflow::movesOutsideTheWorkflowAreInvalidTransitions_data()
{
    QTest::addColumn<QString>("workflow");
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("role");

    const QString permit = u"permit"_s;
    addForEveryRole(permit, u"draft"_s, u"approved"_s);
    addForEveryRole(permit, u"draft"_s, u"active"_s);
    addForEveryRole(permit, u"draft"_s, u"closed"_s);
    addForEveryRole(permit, u"submitted"_s, u"draft"_s);
    addForEveryRole(permit, u"submitted"_s, u"active"_s);
    addForEveryRole(permit, u"approved"_s, u"draft"_s);
    addForEveryRole(permit, u"approved"_s, u"submitted"_s);
    addForEveryRole(permit, u"approved"_s, u"cancelled"_s);
    addForEveryRole(permit, u"approved"_s, u"closed"_s);
    addForEveryRole(permit, u"active"_s, u"approved"_s);
    addForEveryRole(permit, u"active"_s, u"cancelled"_s);
    addForEveryRole(permit, u"suspended"_s, u"closed"_s);
    addForEveryRole(permit, u"suspended"_s, u"approved"_s);
    addForEveryRole(permit, u"bogus"_s, u"draft"_s);

    const QString task = u"task"_s;
    addForEveryRole(task, u"done"_s, u"in_progress"_s);

    const QString isolation = u"isolation_point"_s;
    addForEveryRole(isolation, u"isolated"_s, u"assigned"_s);
    addForEveryRole(isolation, u"verified"_s, u"isolated"_s);
    addForEveryRole(isolation, u"verified"_s, u"assigned"_s);
    addForEveryRole(isolation, u"deisolated"_s, u"verified"_s);
    addForEveryRole(isolation, u"deisolated"_s, u"assigned"_s);
}

void TestWorkflow::movesOutsideTheWorkflowAreInvalidTransitions()
{
    QFETCH(QString, workflow);
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QString, role);

    const std::optional<Role> who = roleFromName(role);
    QVERIFY(who);
    const Result<void> result = workflowNamed(workflow).checkTransition(from, to, *who);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, u"invalid_transition"_s);
    QCOMPARE(result.error().message, QString(from + u" -> "_s + to));
    QVERIFY(!workflowNamed(workflow).nextStates(from, *who).contains(to));
}

void TestWorkflow::onlyAPmApproves_data()
{
    QTest::addColumn<QString>("role");
    QTest::addColumn<QString>("expectedCode");
    QTest::addColumn<QString>("expectedMessage");

    QTest::newRow("pm") << u"pm"_s << QString() << QString();
    QTest::newRow("foreman") << u"foreman"_s << u"forbidden"_s
                             << u"a foreman may not move submitted -> approved"_s;
    QTest::newRow("admin") << u"admin"_s << u"forbidden"_s
                           << u"an admin may not move submitted -> approved"_s;
}

void TestWorkflow::onlyAPmApproves()
{
    QFETCH(QString, role);
    QFETCH(QString, expectedCode);
    QFETCH(QString, expectedMessage);

    const std::optional<Role> who = roleFromName(role);
    QVERIFY(who);
    const Result<void> result = Workflow::permit().checkTransition(u"submitted"_s, u"approved"_s, *who);
    QCOMPARE(result.ok(), expectedCode.isEmpty());
    if (!result.ok()) {
        QCOMPARE(result.error().code, expectedCode);
        QCOMPARE(result.error().message, expectedMessage);
    }
    QCOMPARE(Workflow::permit().nextStates(u"submitted"_s, *who).contains(u"approved"_s),
             expectedCode.isEmpty());
}

void TestWorkflow::closedAndCancelledPermitsAreFinal_data()
{
    QTest::addColumn<QString>("state");
    QTest::addColumn<QString>("role");

    for (const QString &state : {u"closed"_s, u"cancelled"_s}) {
        for (const QString &role : AllRoles)
            QTest::addRow("%s as %s", qPrintable(state), qPrintable(role)) << state << role;
    }
}

void TestWorkflow::closedAndCancelledPermitsAreFinal()
{
    QFETCH(QString, state);
    QFETCH(QString, role);

    const std::optional<Role> who = roleFromName(role);
    QVERIFY(who);
    const Workflow &permit = Workflow::permit();
    QCOMPARE(permit.nextStates(state, *who), QStringList());
    for (const QString &to : permit.states()) {
        if (to == state)
            continue;
        const Result<void> result = permit.checkTransition(state, to, *who);
        QVERIFY2(!result.ok(), qPrintable(QString(state + u" -> "_s + to)));
        QCOMPARE(result.error().code, u"invalid_transition"_s);
    }
}

void TestWorkflow::isolationPointsMoveForwardOnlyAndMaySkip_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<bool>("allowed");

    const QStringList states = Workflow::isolationPoint().states();
    for (int from = 0; from < states.size(); ++from) {
        for (int to = 0; to < states.size(); ++to) {
            if (from == to)
                continue;
            QTest::addRow("%s->%s", qPrintable(states[from]), qPrintable(states[to]))
                << states[from] << states[to] << (to > from);
        }
    }
}

void TestWorkflow::isolationPointsMoveForwardOnlyAndMaySkip()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(bool, allowed);

    for (const QString &role : AllRoles) {
        const Result<void> result = Workflow::isolationPoint().checkTransition(from, to, *roleFromName(role));
        QCOMPARE(result.ok(), allowed);
        if (!allowed)
            QCOMPARE(result.error().code, u"invalid_transition"_s);
    }
}

void TestWorkflow::anUnknownTargetStateIsAValidationError()
{
    const Result<void> result = Workflow::permit().checkTransition(u"draft"_s, u"approvd"_s, Role::Pm);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, u"validation"_s);
    QCOMPARE(result.error().message, u"unknown status 'approvd'"_s);

    // A state of another workflow is no state of this one.
    const Result<void> taskState = Workflow::permit().checkTransition(u"draft"_s, u"done"_s, Role::Pm);
    QVERIFY(!taskState.ok());
    QCOMPARE(taskState.error().code, u"validation"_s);
}

void TestWorkflow::stayingInTheSameStateIsNoMove()
{
    // Saving a record without touching its status must pass, for every state and every role,
    // the final ones included.
    for (const Workflow *workflow : {&Workflow::permit(), &Workflow::task(), &Workflow::isolationPoint()}) {
        for (const QString &state : workflow->states()) {
            for (const QString &role : AllRoles)
                QVERIFY2(workflow->checkTransition(state, state, *roleFromName(role)).ok(),
                         qPrintable(state));
        }
    }
}

void TestWorkflow::nextStatesOfferOnlyTheMovesTheRoleMayMake_data()
{
    QTest::addColumn<QString>("workflow");
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("role");
    QTest::addColumn<QStringList>("expected");

    const QString permit = u"permit"_s;
    const QStringList submittedOrCancelled{u"submitted"_s, u"cancelled"_s};
    for (const QString &role : AllRoles)
        QTest::addRow("permit draft as %s", qPrintable(role))
            << permit << u"draft"_s << role << submittedOrCancelled;
    QTest::newRow("permit submitted as foreman")
        << permit << u"submitted"_s << u"foreman"_s << QStringList{u"cancelled"_s};
    QTest::newRow("permit submitted as pm")
        << permit << u"submitted"_s << u"pm"_s << QStringList{u"approved"_s, u"cancelled"_s};
    QTest::newRow("permit submitted as admin")
        << permit << u"submitted"_s << u"admin"_s << QStringList{u"cancelled"_s};
    QTest::newRow("permit approved as foreman")
        << permit << u"approved"_s << u"foreman"_s << QStringList{u"active"_s};
    QTest::newRow("permit active as foreman")
        << permit << u"active"_s << u"foreman"_s << QStringList{u"suspended"_s, u"closed"_s};
    QTest::newRow("permit suspended as pm")
        << permit << u"suspended"_s << u"pm"_s << QStringList{u"active"_s};
    QTest::newRow("permit closed as pm") << permit << u"closed"_s << u"pm"_s << QStringList();
    QTest::newRow("permit cancelled as admin") << permit << u"cancelled"_s << u"admin"_s << QStringList();
    QTest::newRow("permit unknown state") << permit << u"bogus"_s << u"pm"_s << QStringList();

    const QString task = u"task"_s;
    QTest::newRow("task open") << task << u"open"_s << u"foreman"_s
                               << QStringList{u"in_progress"_s, u"done"_s};
    QTest::newRow("task in_progress")
        << task << u"in_progress"_s << u"foreman"_s << QStringList{u"done"_s, u"open"_s};
    QTest::newRow("task done reopens") << task << u"done"_s << u"foreman"_s << QStringList{u"open"_s};

    const QString isolation = u"isolation_point"_s;
    QTest::newRow("isolation assigned") << isolation << u"assigned"_s << u"foreman"_s
                                        << QStringList{u"isolated"_s, u"verified"_s, u"deisolated"_s};
    QTest::newRow("isolation isolated")
        << isolation << u"isolated"_s << u"foreman"_s << QStringList{u"verified"_s, u"deisolated"_s};
    QTest::newRow("isolation verified")
        << isolation << u"verified"_s << u"foreman"_s << QStringList{u"deisolated"_s};
    QTest::newRow("isolation deisolated") << isolation << u"deisolated"_s << u"pm"_s << QStringList();
}

void TestWorkflow::nextStatesOfferOnlyTheMovesTheRoleMayMake()
{
    QFETCH(QString, workflow);
    QFETCH(QString, from);
    QFETCH(QString, role);
    QFETCH(QStringList, expected);

    const std::optional<Role> who = roleFromName(role);
    QVERIFY(who);
    QCOMPARE(workflowNamed(workflow).nextStates(from, *who), expected);
}

void TestWorkflow::roleNamesRoundTrip_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("known");

    QTest::newRow("foreman") << u"foreman"_s << true;
    QTest::newRow("pm") << u"pm"_s << true;
    QTest::newRow("admin") << u"admin"_s << true;
    QTest::newRow("upper case") << u"PM"_s << false;
    QTest::newRow("padded") << u" pm"_s << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("unknown") << u"owner"_s << false;
}

void TestWorkflow::roleNamesRoundTrip()
{
    QFETCH(QString, name);
    QFETCH(bool, known);

    const std::optional<Role> role = roleFromName(name);
    QCOMPARE(role.has_value(), known);
    if (role)
        QCOMPARE(roleName(*role), name);
}

void TestWorkflow::rolesInMessagesTakeTheRightArticle_data()
{
    QTest::addColumn<QString>("role");
    QTest::addColumn<QString>("expected");

    QTest::newRow("foreman") << u"foreman"_s << u"a foreman"_s;
    QTest::newRow("pm") << u"pm"_s << u"a pm"_s;
    QTest::newRow("admin") << u"admin"_s << u"an admin"_s;
}

void TestWorkflow::rolesInMessagesTakeTheRightArticle()
{
    QFETCH(QString, role);
    QFETCH(QString, expected);

    const std::optional<Role> who = roleFromName(role);
    QVERIFY(who);
    QCOMPARE(roleWithArticle(*who), expected);
}

// The creator, and whoever made the latest move into the status (not an earlier one, nor an edit
// of other fields while it stayed there).
void TestWorkflow::whoBroughtItToIsTheCreatorAndTheLastMover()
{
    const QList<Workflow::StatusStep> history{{u"fred"_s, QString(), u"draft"_s},
                                              {u"fred"_s, u"draft"_s, u"submitted"_s},
                                              {u"paula"_s, u"submitted"_s, u"draft"_s},
                                              {u"sam"_s, u"draft"_s, u"submitted"_s},
                                              {u"peter"_s, u"submitted"_s, u"submitted"_s}};
    QCOMPARE(Workflow::whoBroughtItTo(history, u"submitted"_s), (QStringList{u"fred"_s, u"sam"_s}));
    QCOMPARE(Workflow::whoBroughtItTo(history, u"approved"_s), QStringList{u"fred"_s});
    QCOMPARE(Workflow::whoBroughtItTo({}, u"submitted"_s), QStringList());
    // Created straight into submitted: the creator is the submitter, named once.
    QCOMPARE(Workflow::whoBroughtItTo({{u"paula"_s, QString(), u"submitted"_s}}, u"submitted"_s),
             QStringList{u"paula"_s});
}

QTEST_GUILESS_MAIN(TestWorkflow)
#include "tst_workflow.moc"
