// End to end: the real fieldsync-server process on loopback and two or three devices running the
// real core, proving the promises of the sync loop.
#include "ServerProcess.h"
#include "TestDevice.h"

#include "TestHttpClient.h"

#include "store/JsonText.h"
#include "sync/SyncResultApplier.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>
#include <QUuid>

#include <functional>

using namespace fieldsync;
using namespace fieldsync::test;

class SyncLoopTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ServerProcess> m_server;
    QString m_foremanToken;
    QString m_foreman2Token;
    QString m_pmToken;
    QString m_otherProjectToken;

    QString createSyncedPermit(TestDevice &device, const QString &title)
    {
        const QString id = device.create(
            EntityKind::Permit, QJsonObject{{QStringLiteral("title"), title},
                                            {QStringLiteral("location"), QStringLiteral("Level 2")}});
        const SyncReport report = device.sync();
        if (!report.ok() || report.applied != 1)
            qWarning() << "initial sync failed" << report.failureReason();
        return id;
    }

    // Only the pull half of a sync, as when a pull lands while edits are still queued (their push
    // failed, or was answered late): the pulled state goes under the queued edits.
    static bool pullOnly(TestDevice &device, const QUrl &server, const QString &token)
    {
        SyncApiClient api;
        api.setServer(server, token);
        const Result<QString> cursor = device.store().meta().value(MetaStore::Cursor, QStringLiteral("0"));
        if (!cursor)
            return false;
        QEventLoop loop;
        bool applied = false;
        api.pull(cursor.value().toLongLong(), 500, [&](const ApiResult<protocol::PullResponse> &answer) {
            applied = answer.ok() && SyncResultApplier(device.store()).applyPull(answer.value()).ok();
            loop.quit();
        });
        loop.exec();
        return applied;
    }

    // Pushes a device's queued edits as a sync would, but the answer never reaches the device.
    static bool pushAndLoseTheAnswer(TestDevice &device, const QUrl &server, const QString &token)
    {
        Result<QList<OutboxEntry>> batch = device.store().outbox().nextBatch(0, 500, 1 << 20);
        if (!batch || batch.value().isEmpty())
            return false;
        protocol::PushRequest request;
        request.deviceId = device.store().deviceId();
        request.clientTime = protocol::nowUtcString();
        request.batchId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        for (const OutboxEntry &entry : batch.value())
            request.changes.append(entry.change);
        SyncApiClient api;
        api.setServer(server, token);
        QEventLoop loop;
        bool delivered = false;
        api.push(request, [&](const ApiResult<protocol::PushResponse> &answer) {
            delivered = answer.ok() && answer.value().applied.size() == batch.value().size();
            loop.quit();
        });
        loop.exec();
        return delivered;
    }

    // What an older version stored when a server answered a change with a conflict it cannot
    // have: the change taken out of the outbox, the conflict, and its server side on the record.
    static StoredConflict plantConflict(TestDevice &device, const protocol::Change &change,
                                        const QString &field, const QJsonValue &serverValue)
    {
        StoredConflict conflict;
        conflict.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        conflict.change = change;
        conflict.reason = QStringLiteral("stale");
        conflict.serverVersion = 7;
        conflict.serverState = device.record(change.id).data;
        conflict.fields.insert(field,
                               protocol::ConflictField{change.base.value(field), change.data.value(field),
                                                       serverValue, QStringLiteral("manual")});
        conflict.serverState.insert(field, serverValue);
        conflict.createdAt = protocol::nowUtcString();
        Transaction transaction(device.store().database());
        const bool planted = transaction.begin() && device.store().outbox().remove(change.offlineId) &&
                             device.store().conflicts().add(conflict) &&
                             device.store().records().saveServerSide(change.id, conflict.serverVersion, false,
                                                                     conflict.serverState) &&
                             transaction.commit();
        if (!planted)
            qFatal("cannot plant the conflict");
        return conflict;
    }

    // The server's audit trail of a record: the device id of each write, oldest first.
    QStringList auditedDevices(const QString &recordId)
    {
        TestHttpClient http(m_server->url(), m_pmToken);
        const TestHttpResponse response = http.get(QStringLiteral("/api/v1/audit?record=") + recordId);
        QStringList devices;
        for (const QJsonValue &entry : response.json().value(QStringLiteral("entries")).toArray())
            devices.append(entry.toObject().value(QStringLiteral("device_id")).toString());
        return devices;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_server = std::make_unique<ServerProcess>();
        const Result<void> started = m_server->start();
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().toString()));
        const auto addUser = [this](const QString &name, const QString &role, const QString &project) {
            const Result<QString> token = m_server->addUser(name, role, {project});
            return token ? token.value() : QString();
        };
        m_foremanToken = addUser(QStringLiteral("ana"), QStringLiteral("foreman"), QStringLiteral("p1"));
        m_foreman2Token = addUser(QStringLiteral("ben"), QStringLiteral("foreman"), QStringLiteral("p1"));
        m_pmToken = addUser(QStringLiteral("pat"), QStringLiteral("pm"), QStringLiteral("p1"));
        m_otherProjectToken =
            addUser(QStringLiteral("olga"), QStringLiteral("foreman"), QStringLiteral("p2"));
        QVERIFY(!m_foremanToken.isEmpty() && !m_foreman2Token.isEmpty() && !m_pmToken.isEmpty() &&
                !m_otherProjectToken.isEmpty());
    }

    void offlineEditsOfDifferentFieldsMerge()
    {
        TestDevice a(QStringLiteral("a"));
        TestDevice b(QStringLiteral("b"));
        QVERIFY(a.signIn(m_server->url().toString(), m_foremanToken));
        QVERIFY(b.signIn(m_server->url().toString(), m_foreman2Token));
        const QString id = createSyncedPermit(a, QStringLiteral("Hot work, boiler room"));
        QVERIFY(b.sync().ok());
        QCOMPARE(b.record(id).version, 1);

        QVERIFY(a.edit(id, {{QStringLiteral("title"), QStringLiteral("Hot work, boiler room B")}}));
        QVERIFY(b.edit(id, {{QStringLiteral("location"), QStringLiteral("Basement")},
                            {QStringLiteral("ppe_requirements"), QJsonArray{QStringLiteral("helmet")}}}));
        const SyncReport first = a.sync();
        QVERIFY2(first.ok(), qPrintable(first.failureReason()));
        QCOMPARE(first.applied, 1);
        const SyncReport second = b.sync();
        QVERIFY2(second.ok(), qPrintable(second.failureReason()));
        QCOMPARE(second.applied, 1);
        QCOMPARE(second.conflicts, 0);
        QVERIFY(a.sync().ok());

        for (TestDevice *device : {&a, &b}) {
            const LocalRecord record = device->record(id);
            QCOMPARE(record.version, 3);
            QCOMPARE(record.data.value(QStringLiteral("title")).toString(),
                     QStringLiteral("Hot work, boiler room B"));
            QCOMPARE(record.data.value(QStringLiteral("location")).toString(), QStringLiteral("Basement"));
            QCOMPARE(record.data.value(QStringLiteral("ppe_requirements")).toArray(),
                     QJsonArray{QStringLiteral("helmet")});
            QCOMPARE(device->counts().pending, 0);
        }
    }

    void mergeHintsSettleConcurrentSetAndChecklistEdits()
    {
        TestDevice a(QStringLiteral("a"));
        TestDevice b(QStringLiteral("b"));
        QVERIFY(a.signIn(m_server->url().toString(), m_foremanToken));
        QVERIFY(b.signIn(m_server->url().toString(), m_foreman2Token));
        const QString id = a.create(
            EntityKind::Permit,
            {{QStringLiteral("title"), QStringLiteral("Confined space, tank 3")},
             {QStringLiteral("ppe_requirements"),
              QJsonArray{QStringLiteral("helmet"), QStringLiteral("gloves")}},
             {QStringLiteral("safety_checklist"), QJsonObject{{QStringLiteral("gas_tested"), false}}}});
        QVERIFY(a.sync().ok());
        QVERIFY(b.sync().ok());
        QVERIFY(a.edit(
            id, {{QStringLiteral("ppe_requirements"),
                  QJsonArray{QStringLiteral("helmet"), QStringLiteral("respirator")}},
                 {QStringLiteral("safety_checklist"), QJsonObject{{QStringLiteral("gas_tested"), true}}}}));
        QVERIFY(b.edit(
            id, {{QStringLiteral("ppe_requirements"),
                  QJsonArray{QStringLiteral("gloves"), QStringLiteral("helmet"), QStringLiteral("harness")}},
                 {QStringLiteral("safety_checklist"), QJsonObject{{QStringLiteral("gas_tested"), false},
                                                                  {QStringLiteral("fire_watch"), true}}}}));
        QVERIFY(a.sync().ok());
        const SyncReport report = b.sync();
        QVERIFY2(report.ok(), qPrintable(report.failureReason()));
        QCOMPARE(report.conflicts, 0);
        QVERIFY(a.sync().ok());
        const QJsonArray expectedPpe{QStringLiteral("harness"), QStringLiteral("helmet"),
                                     QStringLiteral("respirator")};
        const QJsonObject expectedChecklist{{QStringLiteral("fire_watch"), true},
                                            {QStringLiteral("gas_tested"), true}};
        for (TestDevice *device : {&a, &b}) {
            QCOMPARE(device->record(id).data.value(QStringLiteral("ppe_requirements")).toArray(),
                     expectedPpe);
            QCOMPARE(device->record(id).data.value(QStringLiteral("safety_checklist")).toObject(),
                     expectedChecklist);
        }
    }

    void sameFieldConflictsAndTheResolutionReachesEveryDevice()
    {
        TestDevice a(QStringLiteral("a"));
        TestDevice b(QStringLiteral("b"));
        TestDevice c(QStringLiteral("c"));
        QVERIFY(a.signIn(m_server->url().toString(), m_foremanToken));
        QVERIFY(b.signIn(m_server->url().toString(), m_foreman2Token));
        QVERIFY(c.signIn(m_server->url().toString(), m_pmToken));
        const QString id = createSyncedPermit(a, QStringLiteral("Excavation, north trench"));
        QVERIFY(b.sync().ok());

        QVERIFY(a.edit(id, {{QStringLiteral("title"), QStringLiteral("Excavation, north trench (2 m)")}}));
        QVERIFY(b.edit(id, {{QStringLiteral("title"), QStringLiteral("Excavation, north trench (3 m)")},
                            {QStringLiteral("location"), QStringLiteral("Grid N4")}}));
        QVERIFY(a.sync().ok());
        const SyncReport report = b.sync();
        QVERIFY2(report.ok(), qPrintable(report.failureReason()));
        QCOMPARE(report.conflicts, 1);
        QCOMPARE(report.applied, 0);

        const QList<StoredConflict> conflicts = b.conflicts();
        QCOMPARE(conflicts.size(), 1);
        const StoredConflict conflict = conflicts.first();
        QCOMPARE(conflict.reason, QStringLiteral("stale"));
        QCOMPARE(conflict.fields.keys(), QStringList{QStringLiteral("title")});
        QCOMPARE(conflict.fields.value(QStringLiteral("title")).base.toString(),
                 QStringLiteral("Excavation, north trench"));
        QCOMPARE(conflict.fields.value(QStringLiteral("title")).mine.toString(),
                 QStringLiteral("Excavation, north trench (3 m)"));
        QCOMPARE(conflict.fields.value(QStringLiteral("title")).server.toString(),
                 QStringLiteral("Excavation, north trench (2 m)"));
        // Nothing of a conflicting change is applied, not even its mergeable field.
        QVERIFY(a.sync().ok());
        QCOMPARE(a.record(id).data.value(QStringLiteral("location")).toString(), QStringLiteral("Level 2"));

        Result<ConflictChoice> choice = ConflictResolver::choiceFromSides(
            conflict, std::nullopt, {{QStringLiteral("title"), ConflictSide::Mine}});
        QVERIFY(choice);
        QVERIFY(ConflictResolver(b.store()).resolve(conflict.id, choice.value()));
        QCOMPARE(b.conflicts().size(), 0);
        QCOMPARE(b.counts().pending, 1);
        const SyncReport resolved = b.sync();
        QVERIFY2(resolved.ok(), qPrintable(resolved.failureReason()));
        QCOMPARE(resolved.applied, 1);

        QVERIFY(a.sync().ok());
        QVERIFY(c.sync().ok());
        for (TestDevice *device : {&a, &b, &c}) {
            const LocalRecord record = device->record(id);
            QCOMPARE(record.data.value(QStringLiteral("title")).toString(),
                     QStringLiteral("Excavation, north trench (3 m)"));
            QCOMPARE(record.data.value(QStringLiteral("location")).toString(), QStringLiteral("Grid N4"));
            QCOMPARE(record.version, 3);
        }
    }

    void replayedBatchAfterLostResponseAppliesOnce()
    {
        TestDevice a(QStringLiteral("a"));
        TestDevice observer(QStringLiteral("observer"));
        QVERIFY(a.signIn(m_server->url().toString(), m_foremanToken));
        QVERIFY(observer.signIn(m_server->url().toString(), m_pmToken));
        const QString permit = createSyncedPermit(a, QStringLiteral("Confined space, sump"));
        QVERIFY(observer.sync().ok());
        const int readingsBefore = observer.recordCount(EntityKind::GasReading);
        QVERIFY(!a.create(EntityKind::GasReading, {{QStringLiteral("permit_id"), permit},
                                                   {QStringLiteral("gas"), QStringLiteral("O2")},
                                                   {QStringLiteral("value"), 20.9},
                                                   {QStringLiteral("unit"), QStringLiteral("%")}})
                     .isEmpty());
        QVERIFY(a.edit(permit, {{QStringLiteral("description"), QStringLiteral("Sump pump replacement")}}));

        // The batch reaches the server, but the answer is lost on the way back.
        Result<QList<OutboxEntry>> batch = a.store().outbox().nextBatch(0, 500, 1 << 20);
        QVERIFY(batch);
        QCOMPARE(batch.value().size(), 2);
        protocol::PushRequest request;
        request.deviceId = a.store().deviceId();
        request.clientTime = protocol::nowUtcString();
        request.batchId = QStringLiteral("lost-answer");
        for (const OutboxEntry &entry : batch.value())
            request.changes.append(entry.change);
        SyncApiClient api;
        api.setServer(m_server->url(), m_foremanToken);
        QEventLoop loop;
        bool delivered = false;
        api.push(request, [&](const ApiResult<protocol::PushResponse> &answer) {
            delivered = answer.ok() && answer.value().applied.size() == 2;
            loop.quit();
        });
        loop.exec();
        QVERIFY(delivered);
        QCOMPARE(a.counts().pending, 2);

        // The device retries the same changes: the server answers from its idempotency record.
        const SyncReport retry = a.sync();
        QVERIFY2(retry.ok(), qPrintable(retry.failureReason()));
        QCOMPARE(retry.applied, 2);
        QCOMPARE(a.counts().pending, 0);
        QCOMPARE(a.record(permit).version, 2);

        QVERIFY(observer.sync().ok());
        QCOMPARE(observer.recordCount(EntityKind::GasReading), readingsBefore + 1);
        QCOMPARE(observer.record(permit).version, 2);
        QCOMPARE(observer.record(permit).data.value(QStringLiteral("description")).toString(),
                 QStringLiteral("Sump pump replacement"));
    }

    // A retried push answered from the server's idempotency record after a pull already brought a
    // newer state: settling the last queued edit must leave the newer state, which no later pull
    // brings again (the sim's "version 2 on the device, 3 on the server").
    void lateAnswerAfterANewerPullLeavesTheNewerState()
    {
        TestDevice a(QStringLiteral("a"));
        TestDevice b(QStringLiteral("b"));
        QVERIFY(a.signIn(m_server->url().toString(), m_foremanToken));
        QVERIFY(b.signIn(m_server->url().toString(), m_foreman2Token));
        const QString id = createSyncedPermit(a, QStringLiteral("Hot work, bay 3"));
        QVERIFY(b.sync().ok());

        QVERIFY(a.edit(id, {{QStringLiteral("description"), QStringLiteral("Grinding rail brackets")}}));
        QVERIFY(pushAndLoseTheAnswer(a, m_server->url(), m_foremanToken));
        QVERIFY(b.sync().ok()); // b now knows version 2
        QVERIFY(b.edit(id, {{QStringLiteral("location"), QStringLiteral("Bay 3, east wall")}}));
        QVERIFY(b.sync().ok()); // version 3
        QVERIFY(pullOnly(a, m_server->url(), m_foremanToken));
        QCOMPARE(a.counts().pending, 1);

        const SyncReport retry = a.sync(); // answered "applied as version 2" from the stored answer
        QVERIFY2(retry.ok(), qPrintable(retry.failureReason()));
        QCOMPARE(a.counts().pending, 0);
        const LocalRecord record = a.record(id);
        QCOMPARE(record.version, 3);
        QCOMPARE(record.data.value(QStringLiteral("location")).toString(),
                 QStringLiteral("Bay 3, east wall"));
        QCOMPARE(record.data.value(QStringLiteral("description")).toString(),
                 QStringLiteral("Grinding rail brackets"));
        QCOMPARE(record.data, b.record(id).data);
    }

    // Settling a conflict builds on the newest server state the device knows and keeps the
    // person's later edits, instead of going back to the state the conflict was answered with.
    void resolvingAfterNewerStatesKeepsThemAndLaterEdits()
    {
        TestDevice a(QStringLiteral("a"));
        TestDevice b(QStringLiteral("b"));
        QVERIFY(a.signIn(m_server->url().toString(), m_foremanToken));
        QVERIFY(b.signIn(m_server->url().toString(), m_foreman2Token));
        const QString id =
            a.create(EntityKind::Task, {{QStringLiteral("title"), QStringLiteral("Sweep level 1")}});
        QVERIFY(a.sync().ok());
        QVERIFY(b.sync().ok());

        QVERIFY(b.edit(id, {{QStringLiteral("title"), QStringLiteral("Sweep level 1 and stairs")}}));
        QVERIFY(b.sync().ok()); // version 2
        QVERIFY(a.edit(id, {{QStringLiteral("title"), QStringLiteral("Sweep level 1, north")}}));
        QCOMPARE(a.sync().conflicts, 1); // answered with version 2
        QVERIFY(b.edit(id, {{QStringLiteral("priority"), QStringLiteral("high")}}));
        QVERIFY(b.sync().ok()); // version 3
        QVERIFY(a.edit(id, {{QStringLiteral("assignee"), QStringLiteral("carla")}}));
        const SyncReport later = a.sync(); // the later edit applied as version 4, on top of b's
        QVERIFY2(later.ok(), qPrintable(later.failureReason()));
        QCOMPARE(later.applied, 1);
        QVERIFY(a.edit(id, {{QStringLiteral("description"), QStringLiteral("Bring the big broom")}}));

        const StoredConflict conflict = a.conflicts().first();
        QCOMPARE(conflict.serverVersion, 2);
        const Result<ConflictChoice> takeServer =
            ConflictResolver::choiceFromSides(conflict, ConflictSide::Server, {});
        QVERIFY(takeServer);
        QVERIFY(ConflictResolver(a.store()).resolve(conflict.id, takeServer.value()));
        LocalRecord record = a.record(id);
        QCOMPARE(record.version, 4);
        QCOMPARE(record.data.value(QStringLiteral("title")).toString(),
                 QStringLiteral("Sweep level 1 and stairs"));
        QCOMPARE(record.data.value(QStringLiteral("priority")).toString(), QStringLiteral("high"));
        QCOMPARE(record.data.value(QStringLiteral("assignee")).toString(), QStringLiteral("carla"));
        QCOMPARE(record.data.value(QStringLiteral("description")).toString(),
                 QStringLiteral("Bring the big broom"));

        QVERIFY(a.sync().ok());
        QVERIFY(b.sync().ok());
        record = a.record(id);
        QCOMPARE(record.version, 5);
        QCOMPARE(record.data, b.record(id).data);
        QCOMPARE(record.data.value(QStringLiteral("description")).toString(),
                 QStringLiteral("Bring the big broom"));
    }

    // Two devices make the same edit. The second one changes no field, yet it is applied as a new
    // version with its own audit entry: the answer is always newer than the version the edit was
    // made on, so the device settles it (before, an edit made on the server's own version was
    // answered with that version and stayed queued forever).
    void theSameEditFromTwoDevicesIsAppliedAndAuditedTwice()
    {
        TestDevice a(QStringLiteral("a"));
        TestDevice b(QStringLiteral("b"));
        QVERIFY(a.signIn(m_server->url().toString(), m_foremanToken));
        QVERIFY(b.signIn(m_server->url().toString(), m_foreman2Token));
        const QString id = createSyncedPermit(a, QStringLiteral("Scaffold, west face"));
        QVERIFY(b.sync().ok());

        // b's first edit waits in its queue while b learns of a's title (version 2); b then types
        // a's title itself, on version 2.
        QVERIFY(b.edit(id, {{QStringLiteral("title"), QStringLiteral("Scaffold, west face, lift 2")}}));
        QVERIFY(a.edit(id, {{QStringLiteral("title"), QStringLiteral("Scaffold, west face, lift 3")}}));
        QVERIFY(a.sync().ok());
        QVERIFY(pullOnly(b, m_server->url(), m_foreman2Token));
        QCOMPARE(b.record(id).version, 2);
        QVERIFY(b.edit(id, {{QStringLiteral("title"), QStringLiteral("Scaffold, west face, lift 3")}}));

        const SyncReport report = b.sync();
        QVERIFY2(report.ok(), qPrintable(report.failureReason()));
        QVERIFY2(report.problems.isEmpty(), qPrintable(report.problems.join(QLatin1Char('\n'))));
        QCOMPARE(report.conflicts, 1); // the first edit: lift 2 against lift 3
        QCOMPARE(report.applied, 1);   // the second: the same title the server has
        QCOMPARE(b.counts().pending, 0);
        QCOMPARE(b.record(id).version, 3);
        QCOMPARE(auditedDevices(id),
                 (QStringList{a.store().deviceId(), a.store().deviceId(), b.store().deviceId()}));

        // A delete of a record someone else deleted first is applied too, as one more version.
        const QString task =
            a.create(EntityKind::Task, {{QStringLiteral("title"), QStringLiteral("Remove debris")}});
        QVERIFY(a.sync().ok());
        QVERIFY(b.sync().ok());
        QVERIFY(LocalEditor(a.store()).remove(task));
        QVERIFY(LocalEditor(b.store()).remove(task));
        QVERIFY(a.sync().ok());
        const SyncReport removed = b.sync();
        QVERIFY2(removed.ok(), qPrintable(removed.failureReason()));
        QCOMPARE(removed.applied, 1);
        QCOMPARE(b.counts().pending, 0);
        QVERIFY(b.record(task).deleted);
        QCOMPARE(auditedDevices(task),
                 (QStringList{a.store().deviceId(), a.store().deviceId(), b.store().deviceId()}));
    }

    // Keeping "mine" for a status the server has since moved past would be a move the workflow
    // forbids (done -> in_progress): the device refuses that choice at once, with the reason, and
    // the conflict stays open until the person makes a choice that can stand.
    void aChoiceTheWorkflowForbidsIsRefusedAndTheConflictStays()
    {
        TestDevice a(QStringLiteral("a"));
        TestDevice b(QStringLiteral("b"));
        QVERIFY(a.signIn(m_server->url().toString(), m_foremanToken));
        QVERIFY(b.signIn(m_server->url().toString(), m_foreman2Token));
        const QString id =
            a.create(EntityKind::Task, {{QStringLiteral("title"), QStringLiteral("Patch the hoarding")}});
        QVERIFY(a.sync().ok());
        QVERIFY(b.sync().ok());
        QVERIFY(b.edit(id, {{QStringLiteral("status"), QStringLiteral("done")}}));
        QVERIFY(b.sync().ok());
        QVERIFY(a.edit(id, {{QStringLiteral("status"), QStringLiteral("in_progress")}}));
        QCOMPARE(a.sync().conflicts, 1);
        const StoredConflict conflict = a.conflicts().first();

        const Result<ConflictChoice> mine =
            ConflictResolver::choiceFromSides(conflict, ConflictSide::Mine, {});
        QVERIFY(mine);
        const Result<bool> refused = ConflictResolver(a.store()).resolve(conflict.id, mine.value());
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, QStringLiteral("invalid_transition"));
        QCOMPARE(a.conflicts().size(), 1);
        QCOMPARE(a.counts().pending, 0);

        const Result<ConflictChoice> server =
            ConflictResolver::choiceFromSides(conflict, ConflictSide::Server, {});
        QVERIFY(server);
        QVERIFY(ConflictResolver(a.store()).resolve(conflict.id, server.value()));
        QCOMPARE(a.conflicts().size(), 0);
        QCOMPARE(a.counts().pending, 0);
        QCOMPARE(a.record(id).status(), QStringLiteral("done"));
        QCOMPARE(a.record(id).version, 2);
    }

    // A conflict on a gas reading's append, as older versions stored from a lying server's answer
    // (the applier refuses those now). The reading is a fact this device recorded: taking the
    // server's value, for the record or the field, is refused and changes nothing (before, it
    // queued an update and LEL 1 became 2); keeping mine sends the append again as it was, never
    // an update. With the same offline id: a server that did take it answers from its idempotency
    // record, and the reading is not recorded twice.
    void aConflictOnAGasReadingsAppendNeverChangesTheReading_data()
    {
        QTest::addColumn<bool>("reachedServer");
        QTest::newRow("append never reached the server") << false;
        QTest::newRow("append reached the server") << true;
    }

    void aConflictOnAGasReadingsAppendNeverChangesTheReading()
    {
        QFETCH(bool, reachedServer);
        TestDevice a(QStringLiteral("a"));
        TestDevice observer(QStringLiteral("observer"));
        QVERIFY(a.signIn(m_server->url().toString(), m_foremanToken));
        QVERIFY(observer.signIn(m_server->url().toString(), m_pmToken));
        const QString permit = createSyncedPermit(a, QStringLiteral("Confined space, tank 2"));
        const QString reading =
            a.create(EntityKind::GasReading, {{QStringLiteral("permit_id"), permit},
                                              {QStringLiteral("gas"), QStringLiteral("LEL")},
                                              {QStringLiteral("value"), 1},
                                              {QStringLiteral("unit"), QStringLiteral("%LEL")}});
        QVERIFY(!reading.isEmpty());
        if (reachedServer)
            QVERIFY(pushAndLoseTheAnswer(a, m_server->url(), m_foremanToken));
        const QList<OutboxEntry> sent = a.store().outbox().all().value();
        QCOMPARE(sent.size(), 1);
        const QJsonObject recorded = a.record(reading).data;
        const StoredConflict conflict = plantConflict(a, sent.first().change, QStringLiteral("value"), 2);

        ConflictResolver resolver(a.store());
        const QList<ConflictChoice> takingServer{
            ConflictResolver::choiceFromSides(conflict, ConflictSide::Server, {}).value(),
            ConflictResolver::choiceFromSides(conflict, std::nullopt,
                                              {{QStringLiteral("value"), ConflictSide::Server}})
                .value(),
            ConflictChoice{{{QStringLiteral("value"), 2}}, std::nullopt}, // as the dialog builds it
            ConflictChoice{{}, ConflictSide::Server}};
        for (const ConflictChoice &choice : takingServer) {
            const Result<bool> refused = resolver.resolve(conflict.id, choice);
            QVERIFY(!refused);
            QCOMPARE(refused.error().code, QStringLiteral("append_only"));
            QCOMPARE(a.conflicts().size(), 1);
            QCOMPARE(a.counts().pending, 0);
            QCOMPARE(a.record(reading).data, recorded);
        }

        const Result<bool> kept = resolver.resolve(
            conflict.id, ConflictResolver::choiceFromSides(conflict, ConflictSide::Mine, {}).value());
        QVERIFY2(kept, qPrintable(kept ? QString() : kept.error().toString()));
        QVERIFY(kept.value());
        QCOMPARE(a.conflicts().size(), 0);
        QCOMPARE(a.record(reading).data, recorded);
        const QList<OutboxEntry> again = a.store().outbox().all().value();
        QCOMPARE(again.size(), 1);
        QCOMPARE(again.first().change.op, ChangeOp::Append);
        QCOMPARE(again.first().change.offlineId, sent.first().change.offlineId);
        QCOMPARE(again.first().change.data, sent.first().change.data);

        const SyncReport report = a.sync();
        QVERIFY2(report.ok(), qPrintable(report.failureReason()));
        QCOMPARE(report.applied, 1);
        QCOMPARE(a.counts().pending, 0);
        QCOMPARE(a.record(reading).version, 1);
        QCOMPARE(a.record(reading).data.value(QStringLiteral("value")).toDouble(), 1.0);
        QVERIFY(observer.sync().ok());
        QCOMPARE(observer.record(reading).data, a.record(reading).data);
        QCOMPARE(auditedDevices(reading), QStringList{a.store().deviceId()});
    }

    // A conflict on an update of a gas reading, which no editor of ours makes (older versions
    // queued one when a person took the server's side of a broken append conflict): it can only
    // be dropped. Nothing is queued and the reading keeps the value the device has.
    void aConflictOnAGasReadingUpdateIsOnlyDropped()
    {
        TestDevice a(QStringLiteral("a"));
        QVERIFY(a.signIn(m_server->url().toString(), m_foremanToken));
        const QString permit = createSyncedPermit(a, QStringLiteral("Confined space, tank 4"));
        const QString reading =
            a.create(EntityKind::GasReading, {{QStringLiteral("permit_id"), permit},
                                              {QStringLiteral("gas"), QStringLiteral("O2")},
                                              {QStringLiteral("value"), 20.9},
                                              {QStringLiteral("unit"), QStringLiteral("%")}});
        QVERIFY(a.sync().ok());
        const QJsonObject recorded = a.record(reading).data;
        protocol::Change update =
            makeChange(EntityKind::GasReading, ChangeOp::Update, reading, 1,
                       {{QStringLiteral("value"), 20.9}}, {{QStringLiteral("value"), 19.0}});
        {
            Transaction transaction(a.store().database());
            QVERIFY(transaction.begin());
            QVERIFY(a.store().outbox().enqueue(update));
            QVERIFY(transaction.commit());
        }
        const StoredConflict conflict = plantConflict(a, update, QStringLiteral("value"), 18.5);

        ConflictResolver resolver(a.store());
        const Result<bool> refused = resolver.resolve(
            conflict.id, ConflictResolver::choiceFromSides(conflict, ConflictSide::Server, {}).value());
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, QStringLiteral("append_only"));
        QCOMPARE(a.record(reading).data, recorded);

        const Result<bool> dropped = resolver.resolve(
            conflict.id, ConflictResolver::choiceFromSides(conflict, ConflictSide::Mine, {}).value());
        QVERIFY(dropped);
        QVERIFY(!dropped.value());
        QCOMPARE(a.conflicts().size(), 0);
        QCOMPARE(a.counts().pending, 0);
        QCOMPARE(a.record(reading).data, recorded);
        // The broken answer's server side is not kept for a later answer to fall back to.
        QCOMPARE(a.record(reading).serverVersion, 1);
        QCOMPARE(a.record(reading).serverData, recorded);
        QVERIFY(a.sync().ok());
        QCOMPARE(a.record(reading).data, recorded);
    }

    void aPmCannotApproveAPermitTheySubmitted()
    {
        // DOMAIN.md: the receiver who submits a permit never approves it, whatever their role.
        TestDevice pm(QStringLiteral("pm-self"));
        QVERIFY(pm.signIn(m_server->url().toString(), m_pmToken));
        const QString id = createSyncedPermit(pm, QStringLiteral("Hot work, roof plant"));
        QVERIFY(pm.edit(id, {{QStringLiteral("status"), QStringLiteral("submitted")}}));
        QVERIFY(pm.edit(id, {{QStringLiteral("status"), QStringLiteral("approved")}}));
        const SyncReport report = pm.sync();
        QVERIFY2(report.ok(), qPrintable(report.failureReason()));
        QCOMPARE(report.applied, 1);
        QCOMPARE(report.rejected, 1);
        const QList<StoredRejection> rejections = pm.rejections();
        QCOMPARE(rejections.size(), 1);
        QCOMPARE(rejections.first().reason, QStringLiteral("forbidden"));
        QVERIFY2(rejections.first().detail.contains(QStringLiteral("someone else must move it to approved")),
                 qPrintable(rejections.first().detail));
        QVERIFY(ConflictResolver(pm.store()).discardRejected(rejections.first().id));
        QCOMPARE(pm.record(id).status(), QStringLiteral("submitted"));
    }

    void invalidTransitionIsRejectedAndStaysVisible()
    {
        TestDevice foreman(QStringLiteral("foreman-submits"));
        QVERIFY(foreman.signIn(m_server->url().toString(), m_foremanToken));
        const QString id = createSyncedPermit(foreman, QStringLiteral("Lifting, tower crane"));
        QVERIFY(foreman.edit(id, {{QStringLiteral("status"), QStringLiteral("submitted")}}));
        QVERIFY(foreman.sync().ok());
        TestDevice pm(QStringLiteral("pm"));
        QVERIFY(pm.signIn(m_server->url().toString(), m_pmToken));
        QVERIFY(pm.sync().ok());
        QVERIFY(pm.edit(id, {{QStringLiteral("status"), QStringLiteral("approved")}}));
        QVERIFY(pm.sync().ok());
        QCOMPARE(pm.record(id).status(), QStringLiteral("approved"));

        // An older client (or a tampered one) queues approved -> draft; the server must refuse it.
        {
            Transaction transaction(pm.store().database());
            QVERIFY(transaction.begin());
            QVERIFY(pm.store().outbox().enqueue(
                makeChange(EntityKind::Permit, ChangeOp::Update, id, 3,
                           {{QStringLiteral("status"), QStringLiteral("approved")}},
                           {{QStringLiteral("status"), QStringLiteral("draft")}})));
            QVERIFY(transaction.commit());
        }
        const SyncReport report = pm.sync();
        QVERIFY2(report.ok(), qPrintable(report.failureReason()));
        QCOMPARE(report.rejected, 1);
        pm.reopen(); // still there after a restart
        const QList<StoredRejection> rejections = pm.rejections();
        QCOMPARE(rejections.size(), 1);
        QCOMPARE(rejections.first().reason, QStringLiteral("invalid_transition"));
        QVERIFY2(rejections.first().detail.contains(QStringLiteral("approved -> draft")),
                 qPrintable(rejections.first().detail));
        QCOMPARE(pm.counts().rejected, 1);
        QCOMPARE(pm.counts().pending, 0);

        QVERIFY(ConflictResolver(pm.store()).discardRejected(rejections.first().id));
        QCOMPARE(pm.counts().rejected, 0);
        QCOMPARE(pm.record(id).status(), QStringLiteral("approved"));
    }

    void foremanCannotApprove()
    {
        TestDevice foreman(QStringLiteral("foreman"));
        QVERIFY(foreman.signIn(m_server->url().toString(), m_foremanToken));
        const QString id = createSyncedPermit(foreman, QStringLiteral("Electrical, panel 4"));
        QVERIFY(foreman.edit(id, {{QStringLiteral("status"), QStringLiteral("submitted")}}));
        // The device itself refuses the approval for a foreman ...
        Result<bool> local =
            LocalEditor(foreman.store()).edit(id, {{QStringLiteral("status"), QStringLiteral("approved")}});
        QVERIFY(!local);
        QCOMPARE(local.error().code, QStringLiteral("forbidden"));
        QVERIFY(foreman.sync().ok());

        // ... and so does the server when a device believes it may (a stale or forged role).
        Result<DeviceAccount> account = foreman.store().account();
        QVERIFY(account);
        DeviceAccount forged = account.value();
        forged.role = Role::Pm;
        QVERIFY(foreman.store().saveAccount(forged));
        QVERIFY(foreman.edit(id, {{QStringLiteral("status"), QStringLiteral("approved")}}));
        const SyncReport report = foreman.sync();
        QVERIFY2(report.ok(), qPrintable(report.failureReason()));
        QCOMPARE(report.rejected, 1);
        QCOMPARE(foreman.rejections().first().reason, QStringLiteral("forbidden"));

        TestDevice pm(QStringLiteral("pm"));
        QVERIFY(pm.signIn(m_server->url().toString(), m_pmToken));
        QVERIFY(pm.sync().ok());
        QCOMPARE(pm.record(id).status(), QStringLiteral("submitted"));
        QVERIFY(pm.edit(id, {{QStringLiteral("status"), QStringLiteral("approved")}}));
        const SyncReport approved = pm.sync();
        QVERIFY(approved.ok());
        QCOMPARE(approved.applied, 1);
    }

    void smallBatchesReachTheServerInQueueOrderAndLateEditsFollow()
    {
        TestDevice a(QStringLiteral("batches"));
        QVERIFY(a.signIn(m_server->url().toString(), m_foremanToken));
        SyncEngine::Limits limits;
        limits.maxChanges = 2;
        a.engine().setLimits(limits);
        // Five creates, then an edit of each: with two changes a batch, every edit goes out
        // batches after its create, each batch sent while the device applies the one before.
        QStringList ids;
        for (int index = 0; index < 5; ++index) {
            ids.append(a.create(EntityKind::Task,
                                {{QStringLiteral("title"), QStringLiteral("Task %1").arg(index)}}));
            QVERIFY(!ids.last().isEmpty());
        }
        for (const QString &id : std::as_const(ids))
            QVERIFY(a.edit(id, {{QStringLiteral("priority"), QStringLiteral("high")}}));
        // An edit made while the push runs is not lost: it goes in a later batch of the same run.
        bool edited = false;
        const QMetaObject::Connection late =
            QObject::connect(&a.engine(), &SyncEngine::progress, &a.engine(), [&](int done, int) {
                if (done >= 4 && !edited)
                    edited = a.edit(ids.first(), {{QStringLiteral("title"), QStringLiteral("Renamed late")}});
            });
        const SyncReport report = a.sync();
        QObject::disconnect(late);
        QVERIFY2(report.ok(), qPrintable(report.failureReason()));
        QVERIFY(edited);
        QCOMPARE(report.pushed, 11);
        QCOMPARE(report.applied, 11);
        QCOMPARE(report.rejected, 0);
        QCOMPARE(report.conflicts, 0);
        QCOMPARE(a.counts().pending, 0);
        for (const QString &id : std::as_const(ids))
            QCOMPARE(a.record(id).data.value(QStringLiteral("priority")).toString(), QStringLiteral("high"));
        QCOMPARE(a.record(ids.first()).data.value(QStringLiteral("title")).toString(),
                 QStringLiteral("Renamed late"));
        QCOMPARE(a.record(ids.first()).version, 3);
    }

    // The engine sends its next batch from accepted(), before the answer it follows is decoded:
    // SyncApiClient may hold that answer until the next request is on its way, but every answer
    // still reaches its caller once, in the order the requests were made.
    void pushAnswersKeepTheirOrderWhenTheNextRequestLeavesEarly()
    {
        TestDevice device(QStringLiteral("early"));
        QVERIFY(device.signIn(m_server->url().toString(), m_foremanToken));
        for (int index = 0; index < 3; ++index)
            QVERIFY(!device
                         .create(EntityKind::Task,
                                 {{QStringLiteral("title"), QStringLiteral("Early %1").arg(index)}})
                         .isEmpty());
        Result<QList<OutboxEntry>> queued = device.store().outbox().nextBatch(0, 500, 1 << 20);
        QVERIFY(queued && queued.value().size() == 3);
        QList<QByteArray> bodies;
        for (const OutboxEntry &entry : queued.value()) {
            protocol::PushRequest request;
            request.deviceId = device.store().deviceId();
            request.clientTime = protocol::nowUtcString();
            request.batchId = QUuid::createUuid().toString(QUuid::WithoutBraces);
            request.changes.append(entry.change);
            bodies.append(request.toJson());
        }

        SyncApiClient api;
        api.setServer(m_server->url(), m_foremanToken);
        QEventLoop loop;
        QList<int> uploaded;
        QList<int> accepted;
        QList<int> answered;
        QList<QString> appliedIds;
        std::function<void(int)> send = [&](int index) {
            api.push(bodies.at(index), {[&, index] { uploaded.append(index); },
                                        [&, index] {
                                            // A request's answer cannot come before its body has left.
                                            QVERIFY(uploaded.contains(index));
                                            accepted.append(index);
                                            if (index + 1 < bodies.size())
                                                send(index + 1);
                                        },
                                        [&, index](const ApiResult<protocol::PushResponse> &answer) {
                                            answered.append(index);
                                            if (answer.ok() && answer.value().applied.size() == 1)
                                                appliedIds.append(answer.value().applied.first().id);
                                            if (answered.size() == bodies.size())
                                                loop.quit();
                                        }});
        };
        send(0);
        QTimer::singleShot(20000, &loop, &QEventLoop::quit);
        loop.exec();
        QCOMPARE(uploaded, QList<int>({0, 1, 2}));
        QCOMPARE(accepted, QList<int>({0, 1, 2}));
        QCOMPARE(answered, QList<int>({0, 1, 2}));
        QCOMPARE(appliedIds, QList<QString>({queued.value().at(0).change.id, queued.value().at(1).change.id,
                                             queued.value().at(2).change.id}));
    }

    void createAndDeleteQueuedTogetherApplyWithoutConflict()
    {
        TestDevice a(QStringLiteral("a"));
        QVERIFY(a.signIn(m_server->url().toString(), m_foremanToken));
        const QString id =
            a.create(EntityKind::Task, {{QStringLiteral("title"), QStringLiteral("Typo task")}});
        QVERIFY(a.edit(id, {{QStringLiteral("priority"), QStringLiteral("high")}}));
        QVERIFY(LocalEditor(a.store()).remove(id));
        const SyncReport report = a.sync();
        QVERIFY2(report.ok(), qPrintable(report.failureReason()));
        QCOMPARE(report.applied, 3);
        QCOMPARE(report.conflicts, 0);
        QVERIFY(a.record(id).deleted);
    }

    void deleteAgainstAnotherDevicesChangeAsksAPerson()
    {
        TestDevice a(QStringLiteral("a"));
        TestDevice b(QStringLiteral("b"));
        QVERIFY(a.signIn(m_server->url().toString(), m_foremanToken));
        QVERIFY(b.signIn(m_server->url().toString(), m_foreman2Token));
        const QString id =
            a.create(EntityKind::Task, {{QStringLiteral("title"), QStringLiteral("Check hoarding")}});
        QVERIFY(a.sync().ok());
        QVERIFY(b.sync().ok());
        QVERIFY(b.edit(id, {{QStringLiteral("status"), QStringLiteral("in_progress")}}));
        QVERIFY(b.sync().ok());
        QVERIFY(LocalEditor(a.store()).remove(id));
        const SyncReport report = a.sync();
        QCOMPARE(report.conflicts, 1);
        const StoredConflict conflict = a.conflicts().first();
        QCOMPARE(conflict.reason, QStringLiteral("changed"));
        // Taking the server's side brings the record back on the device, as the server has it.
        QVERIFY(ConflictResolver(a.store()).resolve(conflict.id, ConflictChoice{{}, ConflictSide::Server}));
        QVERIFY(!a.record(id).deleted);
        QCOMPARE(a.record(id).status(), QStringLiteral("in_progress"));
        QCOMPARE(a.counts().pending, 0);
    }

    void deviceOfAnotherProjectSeesNothing()
    {
        TestDevice p1(QStringLiteral("p1"));
        TestDevice p2(QStringLiteral("p2"));
        QVERIFY(p1.signIn(m_server->url().toString(), m_foremanToken));
        QVERIFY(p2.signIn(m_server->url().toString(), m_otherProjectToken));
        const QString secret = createSyncedPermit(p1, QStringLiteral("P1 only: roof work"));
        QVERIFY(p1.sync().ok());
        const SyncReport pulled = p2.sync();
        QVERIFY(pulled.ok());
        QCOMPARE(p2.recordCount(EntityKind::Permit), 0);
        QCOMPARE(p2.recordCount(EntityKind::Task), 0);
        QCOMPARE(p2.record(secret).id, QString());

        // Knowing an id from P1 gives P2 nothing: the server answers as if it did not exist.
        {
            Transaction transaction(p2.store().database());
            QVERIFY(transaction.begin());
            QVERIFY(p2.store().outbox().enqueue(
                makeChange(EntityKind::Permit, ChangeOp::Update, secret, 1,
                           {{QStringLiteral("title"), QStringLiteral("P1 only: roof work")}},
                           {{QStringLiteral("title"), QStringLiteral("hijacked")}})));
            QVERIFY(transaction.commit());
        }
        const SyncReport report = p2.sync();
        QVERIFY(report.ok());
        QCOMPARE(report.rejected, 1);
        QCOMPARE(p2.rejections().first().reason, QStringLiteral("not_found"));
        QVERIFY(p1.sync().ok());
        QCOMPARE(p1.record(secret).data.value(QStringLiteral("title")).toString(),
                 QStringLiteral("P1 only: roof work"));

        // Creating into a project one is not a member of is refused too.
        const QString sneaky =
            p2.create(EntityKind::Task, {{QStringLiteral("title"), QStringLiteral("sneaky")},
                                         {QStringLiteral("project_id"), QStringLiteral("p1")}});
        QVERIFY(!sneaky.isEmpty());
        const SyncReport createReport = p2.sync();
        QCOMPARE(createReport.rejected, 1);
        QVERIFY(p1.sync().ok());
        QCOMPARE(p1.record(sneaky).id, QString());
    }
};

QTEST_GUILESS_MAIN(SyncLoopTest)
#include "tst_syncloop.moc"
