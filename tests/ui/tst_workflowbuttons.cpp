// Workflow buttons show exactly the moves the role may make: Approve for a PM only, nothing after
// a permit is closed or cancelled; and pressing one moves the record (queued for sync).
#include "UiTestSupport.h"

#include "common/TouchStyle.h"
#include "editors/PermitEditor.h"
#include "editors/WorkflowButtons.h"

#include <QApplication>
#include <QPushButton>
#include <QTest>

using namespace fieldsync;
using namespace fieldsync::ui;
using namespace fieldsync::uitest;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(fieldsync::Role)

class TestWorkflowButtons : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QApplication::setStyle(new TouchStyle); }
    void permitButtonsPerRole_data();
    void permitButtonsPerRole();
    void taskAndIsolationPointButtons();
    void buttonsAreTouchSized();
    void pressingAButtonMovesTheRecordAndQueuesIt();
    void aForemanEditorNeverOffersApprove();
};

void TestWorkflowButtons::permitButtonsPerRole_data()
{
    QTest::addColumn<QString>("status");
    QTest::addColumn<Role>("role");
    QTest::addColumn<QStringList>("buttons");
    QTest::newRow("draft foreman") << u"draft"_s << Role::Foreman
                                   << QStringList{u"Submit"_s, u"Cancel permit"_s};
    QTest::newRow("draft pm") << u"draft"_s << Role::Pm << QStringList{u"Submit"_s, u"Cancel permit"_s};
    QTest::newRow("submitted foreman") << u"submitted"_s << Role::Foreman << QStringList{u"Cancel permit"_s};
    QTest::newRow("submitted pm") << u"submitted"_s << Role::Pm
                                  << QStringList{u"Approve"_s, u"Cancel permit"_s};
    QTest::newRow("submitted admin") << u"submitted"_s << Role::Admin << QStringList{u"Cancel permit"_s};
    QTest::newRow("approved foreman") << u"approved"_s << Role::Foreman << QStringList{u"Activate"_s};
    QTest::newRow("active foreman") << u"active"_s << Role::Foreman
                                    << QStringList{u"Close permit"_s, u"Suspend"_s};
    QTest::newRow("suspended pm") << u"suspended"_s << Role::Pm << QStringList{u"Resume"_s};
    QTest::newRow("closed pm") << u"closed"_s << Role::Pm << QStringList{};
    QTest::newRow("cancelled foreman") << u"cancelled"_s << Role::Foreman << QStringList{};
}

void TestWorkflowButtons::permitButtonsPerRole()
{
    QFETCH(QString, status);
    QFETCH(Role, role);
    QFETCH(QStringList, buttons);
    WorkflowButtons widget;
    widget.setState(EntityKind::Permit, status, role);
    QCOMPARE(widget.buttonTexts(), buttons);
    QCOMPARE(widget.findChildren<QPushButton *>().size(), buttons.size());
}

void TestWorkflowButtons::taskAndIsolationPointButtons()
{
    WorkflowButtons widget;
    widget.setState(EntityKind::Task, QStringLiteral("open"), Role::Foreman);
    QCOMPARE(widget.buttonTexts(), (QStringList{QStringLiteral("Start"), QStringLiteral("Mark done")}));
    widget.setState(EntityKind::Task, QStringLiteral("done"), Role::Foreman);
    QCOMPARE(widget.buttonTexts(), QStringList{QStringLiteral("Reopen")});
    widget.setState(EntityKind::IsolationPoint, QStringLiteral("isolated"), Role::Foreman);
    QCOMPARE(widget.buttonTexts(),
             (QStringList{QStringLiteral("Mark verified"), QStringLiteral("Mark de-isolated")}));
    widget.setState(EntityKind::IsolationPoint, QStringLiteral("deisolated"), Role::Foreman);
    QVERIFY(widget.buttonTexts().isEmpty());
}

void TestWorkflowButtons::buttonsAreTouchSized()
{
    WorkflowButtons widget;
    widget.setState(EntityKind::Permit, QStringLiteral("active"), Role::Foreman);
    widget.show();
    for (QPushButton *button : widget.findChildren<QPushButton *>())
        QVERIFY2(button->sizeHint().height() >= 44, qPrintable(button->text()));
}

void TestWorkflowButtons::pressingAButtonMovesTheRecordAndQueuesIt()
{
    auto device = makeDevice();
    const QStringList ids = seedPermits(*device->store, 1); // a draft
    PermitEditor editor(*device->store);
    editor.showRecord(ids.first());
    QCOMPARE(editor.workflowButtons()->transitions(),
             (QStringList{QStringLiteral("submitted"), QStringLiteral("cancelled")}));
    QTest::mouseClick(
        editor.workflowButtons()->findChild<QPushButton *>(QStringLiteral("transition_submitted")),
        Qt::LeftButton);
    const LocalRecord record = *device->store->records().find(ids.first()).value();
    QCOMPARE(record.status(), QStringLiteral("submitted"));
    QCOMPARE(device->store->outbox().count().value(), 1);
    QCOMPARE(device->store->syncState(ids.first()).value(), RecordSyncState::Pending);
    // A foreman may not approve: after submitting only Cancel is left.
    QCOMPARE(editor.workflowButtons()->transitions(), QStringList{QStringLiteral("cancelled")});
}

void TestWorkflowButtons::aForemanEditorNeverOffersApprove()
{
    auto foreman = makeDevice({}, Role::Foreman);
    auto pm = makeDevice({}, Role::Pm);
    for (TestDevice *device : {foreman.get(), pm.get()}) {
        const QStringList ids = seedPermits(*device->store, 2); // draft, submitted
        PermitEditor editor(*device->store);
        editor.showRecord(ids.at(1));
        const bool offersApprove =
            editor.workflowButtons()->transitions().contains(QStringLiteral("approved"));
        QCOMPARE(offersApprove, device == pm.get());
    }
}

QTEST_MAIN(TestWorkflowButtons)
#include "tst_workflowbuttons.moc"
