// "The system must never let a receiver approve their own permit" (DOMAIN.md): the server refuses
// it, and the permit editor of the PM who prepared or submitted a permit does not offer Approve
// once the server's audit trail has said so, while another PM of the project still gets it.
// Through a real fieldsync-server.
#include "ServerProcess.h"
#include "UiTestSupport.h"
#include "editors/PermitEditor.h"
#include "editors/WorkflowButtons.h"
#include "store/LocalEditor.h"
#include "sync/SyncController.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace fieldsync;
using namespace fieldsync::ui;
using namespace fieldsync::uitest;

namespace {

void signIn(DeviceStore &store, const QUrl &url, const QString &name, const QString &token)
{
    DeviceAccount account = store.account().value();
    account.serverUrl = url.toString();
    account.token = token;
    account.userName = name;
    if (!store.saveAccount(account))
        qFatal("cannot save the account");
}

bool syncOnce(SyncController &sync)
{
    QSignalSpy finished(&sync, &SyncController::syncFinished);
    return sync.syncNow() && finished.wait(30000);
}

} // namespace

class TestApprovalByAnother : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void thePmWhoSubmittedIsNotOfferedApproveAnotherPmIs();

private:
    test::ServerProcess m_server;
    QString m_paulaToken;
    QString m_peterToken;
};

void TestApprovalByAnother::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    const Result<void> started = m_server.start();
    QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().toString()));
    const Result<QString> paula =
        m_server.addUser(QStringLiteral("paula"), QStringLiteral("pm"), {QStringLiteral("demo")});
    const Result<QString> peter =
        m_server.addUser(QStringLiteral("peter"), QStringLiteral("pm"), {QStringLiteral("demo")});
    QVERIFY(paula.ok() && peter.ok());
    m_paulaToken = paula.value();
    m_peterToken = peter.value();
}

void TestApprovalByAnother::thePmWhoSubmittedIsNotOfferedApproveAnotherPmIs()
{
    auto paulaDevice = makeDevice(m_server.url().toString(), Role::Pm);
    signIn(*paulaDevice->store, m_server.url(), QStringLiteral("paula"), m_paulaToken);
    LocalEditor paulaEdits(*paulaDevice->store);
    const QString permitId =
        paulaEdits
            .create(EntityKind::Permit, {{QStringLiteral("title"), QStringLiteral("Hot work, boiler room")}})
            .value();
    QVERIFY(paulaEdits.edit(permitId, {{QStringLiteral("status"), QStringLiteral("submitted")}}).ok());
    SyncController paulaSync(*paulaDevice->store);
    QVERIFY(syncOnce(paulaSync));
    QCOMPARE(paulaDevice->store->records().find(permitId).value()->serverVersion, 2);

    PermitEditor paulaEditor(*paulaDevice->store);
    paulaEditor.setSyncController(&paulaSync);
    paulaEditor.showRecord(permitId);
    // Until the trail has answered the move is offered; the server would refuse it anyway.
    QTRY_VERIFY_WITH_TIMEOUT(
        !paulaEditor.workflowButtons()->transitions().contains(QStringLiteral("approved")), 10000);
    QVERIFY(paulaEditor.workflowButtons()->transitions().contains(QStringLiteral("cancelled")));
    QVERIFY(paulaEditor.workflowButtons()->withheldNote().contains(QStringLiteral("another PM")));

    auto peterDevice = makeDevice(m_server.url().toString(), Role::Pm);
    signIn(*peterDevice->store, m_server.url(), QStringLiteral("peter"), m_peterToken);
    SyncController peterSync(*peterDevice->store);
    QVERIFY(syncOnce(peterSync));
    PermitEditor peterEditor(*peterDevice->store);
    peterEditor.setSyncController(&peterSync);
    peterEditor.showRecord(permitId);
    // Give the trail time to answer, then Approve must still be there for Peter.
    QTest::qWait(1500);
    QVERIFY(peterEditor.workflowButtons()->transitions().contains(QStringLiteral("approved")));
    QVERIFY(peterEditor.workflowButtons()->withheldNote().isEmpty());
}

QTEST_MAIN(TestApprovalByAnother)
#include "tst_approvalbyanother.moc"
