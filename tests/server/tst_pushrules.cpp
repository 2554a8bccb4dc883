// PushService on a real SQLite file: what a change may do. Roles and the permit workflow,
// project isolation, parent permits of children, append-only gas readings, validation.

#include "PushServiceFixture.h"

#include <QTest>

using namespace fieldsync;
using namespace fieldsync::server;
using namespace fieldsync::server::testing;

class PushRulesTest : public PushServiceFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { silenceServerLogs(); }
    void init() { openDatabase(); }
    void cleanup() { closeDatabase(); }

    void onlyDraftPermitsCanBeDeleted()
    {
        const protocol::AppliedChange draft = create(foreman(), EntityKind::Permit, permitData());
        QCOMPARE(push(foreman(), {deleteChange(EntityKind::Permit, draft.id, 1)}).applied.size(), 1);
        const protocol::AppliedChange active = permitIn(QStringLiteral("active"));
        const protocol::PushResponse response =
            push(pm(), {deleteChange(EntityKind::Permit, active.id, active.version)});
        QCOMPARE(response.rejected.size(), 1);
        QCOMPARE(rejection(response), QStringLiteral("forbidden"));
        QVERIFY(!stored(active.id).deleted);
    }

    void foremanCannotApprove()
    {
        const protocol::AppliedChange submitted = permitIn(QStringLiteral("submitted"));
        const protocol::PushResponse response =
            push(foreman(), {updateChange(EntityKind::Permit, submitted.id, submitted.version, {},
                                          {{QStringLiteral("status"), QStringLiteral("approved")}})});
        QCOMPARE(response.rejected.size(), 1);
        QCOMPARE(rejection(response), QStringLiteral("forbidden"));
        QCOMPARE(stored(submitted.id).data.value(QStringLiteral("status")).toString(),
                 QStringLiteral("submitted"));
        // Nor can a foreman create a permit that is already approved.
        QJsonObject approved = permitData();
        approved.insert(QStringLiteral("status"), QStringLiteral("approved"));
        const protocol::PushResponse created =
            push(foreman(), {createChange(EntityKind::Permit, newId(), approved)});
        QCOMPARE(created.rejected.size(), 1);
        QCOMPARE(rejection(created), QStringLiteral("invalid_transition"));
    }

    void pmCanApprove()
    {
        const protocol::AppliedChange submitted = permitIn(QStringLiteral("submitted"));
        const protocol::PushResponse response =
            push(pm(), {updateChange(EntityKind::Permit, submitted.id, submitted.version, {},
                                     {{QStringLiteral("status"), QStringLiteral("approved")}})});
        QCOMPARE(response.applied.size(), 1);
        QCOMPARE(response.applied.first().data.value(QStringLiteral("status")).toString(),
                 QStringLiteral("approved"));
    }

    void whoPreparedOrSubmittedAPermitNeverApprovesIt()
    {
        // The pm drafted it and a foreman submitted it: the pm was its receiver.
        const protocol::AppliedChange drafted = create(pm(), EntityKind::Permit, permitData());
        const protocol::PushResponse submitted =
            push(foreman(), {updateChange(EntityKind::Permit, drafted.id, 1,
                                          {{QStringLiteral("status"), QStringLiteral("draft")}},
                                          {{QStringLiteral("status"), QStringLiteral("submitted")}})});
        QCOMPARE(submitted.applied.size(), 1);
        const protocol::PushResponse byCreator =
            push(pm(), {updateChange(EntityKind::Permit, drafted.id, 2,
                                     {{QStringLiteral("status"), QStringLiteral("submitted")}},
                                     {{QStringLiteral("status"), QStringLiteral("approved")}})});
        QCOMPARE(rejection(byCreator), QStringLiteral("forbidden"));
        QVERIFY(byCreator.rejected.first().detail.contains(
            QStringLiteral("someone else must move it to approved")));
        // Another pm may.
        const AuthUser other{QStringLiteral("petra"), Role::Pm, {QStringLiteral("p1")}};
        QCOMPARE(push(other, {updateChange(EntityKind::Permit, drafted.id, 2,
                                           {{QStringLiteral("status"), QStringLiteral("submitted")}},
                                           {{QStringLiteral("status"), QStringLiteral("approved")}})})
                     .applied.size(),
                 1);
    }

    void invalidTransitionIsRejected()
    {
        const protocol::AppliedChange draft = create(foreman(), EntityKind::Permit, permitData());
        const protocol::PushResponse response =
            push(pm(), {updateChange(EntityKind::Permit, draft.id, 1, {},
                                     {{QStringLiteral("status"), QStringLiteral("closed")}})});
        QCOMPARE(response.rejected.size(), 1);
        QCOMPARE(rejection(response), QStringLiteral("invalid_transition"));
        QVERIFY(response.rejected.first().detail.contains(QStringLiteral("draft -> closed")));
    }

    void anUpdateWithEmptyDataIsRejected()
    {
        const protocol::AppliedChange draft = create(foreman(), EntityKind::Permit, permitData());
        const protocol::PushResponse response =
            push(foreman(), {updateChange(EntityKind::Permit, draft.id, 1, {}, {})});
        QCOMPARE(response.rejected.size(), 1);
        QCOMPARE(rejection(response), QStringLiteral("validation"));
        QCOMPARE(response.rejected.first().detail,
                 QStringLiteral("an update must change at least one field"));
        QCOMPARE(stored(draft.id).version, 1);
    }

    void otherProjectsAreInvisible()
    {
        const protocol::AppliedChange theirs =
            create(pm({QStringLiteral("p2")}), EntityKind::Permit, permitData(), QStringLiteral("p2"));
        const protocol::PushResponse update =
            push(foreman(), {updateChange(EntityKind::Permit, theirs.id, 1, {},
                                          {{QStringLiteral("title"), QStringLiteral("Mine now")}})});
        QCOMPARE(update.rejected.size(), 1);
        QCOMPARE(rejection(update), QStringLiteral("not_found"));
        const protocol::PushResponse remove =
            push(foreman(), {deleteChange(EntityKind::Permit, theirs.id, 1)});
        QCOMPARE(rejection(remove), QStringLiteral("not_found"));
        const protocol::PushResponse create =
            push(foreman(), {createChange(EntityKind::Permit, newId(), permitData(), QStringLiteral("p2"))});
        QCOMPARE(rejection(create), QStringLiteral("forbidden"));
        const protocol::PushResponse noProject =
            push(foreman(), {createChange(EntityKind::Permit, newId(), permitData(), QString())});
        QCOMPARE(rejection(noProject), QStringLiteral("validation"));
        QCOMPARE(stored(theirs.id).version, 1);
    }

    void wrongEntityIsNotFound()
    {
        const protocol::AppliedChange task =
            create(foreman(), EntityKind::Task, {{QStringLiteral("title"), QStringLiteral("Sweep")}});
        const protocol::PushResponse response =
            push(foreman(), {updateChange(EntityKind::Permit, task.id, 1, {},
                                          {{QStringLiteral("title"), QStringLiteral("x")}})});
        QCOMPARE(rejection(response), QStringLiteral("not_found"));
    }

    void childrenNeedALivePermitOfTheirProject()
    {
        auto point = [](const QString &permitId) {
            return createChange(EntityKind::IsolationPoint, newId(),
                                {{QStringLiteral("permit_id"), permitId},
                                 {QStringLiteral("description"), QStringLiteral("Breaker 7")}});
        };
        QCOMPARE(rejection(push(foreman(), {point(newId())})), QStringLiteral("validation"));
        const QString foreign =
            create(pm({QStringLiteral("p2")}), EntityKind::Permit, permitData(), QStringLiteral("p2")).id;
        QCOMPARE(rejection(push(foreman({QStringLiteral("p1"), QStringLiteral("p2")}), {point(foreign)})),
                 QStringLiteral("validation"));
        const QString taskId =
            create(foreman(), EntityKind::Task, {{QStringLiteral("title"), QStringLiteral("Sweep")}}).id;
        QCOMPARE(rejection(push(foreman(), {point(taskId)})), QStringLiteral("validation"));
        const QString gone = create(foreman(), EntityKind::Permit, permitData()).id;
        push(foreman(), {deleteChange(EntityKind::Permit, gone, 1)});
        QCOMPARE(rejection(push(foreman(), {point(gone)})), QStringLiteral("validation"));
        const protocol::Change missing = createChange(EntityKind::IsolationPoint, newId(),
                                                      {{QStringLiteral("description"), QStringLiteral("x")}});
        QCOMPARE(rejection(push(foreman(), {missing})), QStringLiteral("validation"));

        const QString permitId = create(foreman(), EntityKind::Permit, permitData()).id;
        QCOMPARE(push(foreman(), {point(permitId)}).applied.size(), 1);
        const protocol::PushResponse task =
            push(foreman(), {createChange(EntityKind::Task, newId(),
                                          {{QStringLiteral("title"), QStringLiteral("Fire watch")},
                                           {QStringLiteral("permit_id"), permitId}})});
        QCOMPARE(task.applied.size(), 1);
        const protocol::PushResponse badTask =
            push(foreman(), {createChange(EntityKind::Task, newId(),
                                          {{QStringLiteral("title"), QStringLiteral("Fire watch")},
                                           {QStringLiteral("permit_id"), foreign}})});
        QCOMPARE(rejection(badTask), QStringLiteral("validation"));
    }

    void aTaskMovedUnderAnotherPermitNeedsALivePermitOfItsProject()
    {
        const QString foreign =
            create(pm({QStringLiteral("p2")}), EntityKind::Permit, permitData(), QStringLiteral("p2")).id;
        const QString ours = create(foreman(), EntityKind::Permit, permitData()).id;
        const protocol::AppliedChange task =
            create(foreman(), EntityKind::Task, {{QStringLiteral("title"), QStringLiteral("Sweep")}});
        auto linkTo = [&](const QString &permitId, qint64 version) {
            return push(foreman({QStringLiteral("p1"), QStringLiteral("p2")}),
                        {updateChange(EntityKind::Task, task.id, version, {},
                                      {{QStringLiteral("permit_id"), permitId}})});
        };
        QCOMPARE(rejection(linkTo(foreign, 1)), QStringLiteral("validation"));
        QCOMPARE(rejection(linkTo(newId(), 1)), QStringLiteral("validation"));
        QCOMPARE(stored(task.id).version, 1);
        QCOMPARE(linkTo(ours, 1).applied.size(), 1);
    }

    void anOfflineIdUsedForTwoChangesAnswersTheSecondAsADuplicate()
    {
        // The device gave one offline id to two creates: the second must not be answered as the
        // first and taken for applied while it was never stored.
        protocol::Change first =
            createChange(EntityKind::Task, newId(), {{QStringLiteral("title"), QStringLiteral("A")}});
        protocol::Change second =
            createChange(EntityKind::Task, newId(), {{QStringLiteral("title"), QStringLiteral("B")}});
        second.offlineId = first.offlineId;
        const protocol::PushResponse together = push(foreman(), {first, second});
        QCOMPARE(together.applied.size(), 1);
        QCOMPARE(together.rejected.size(), 1);
        QCOMPARE(together.rejected.first().reason, QStringLiteral("duplicate_offline_id"));
        // Across pushes too, while a true replay still gets its answer.
        QCOMPARE(rejection(push(foreman(), {second})), QStringLiteral("duplicate_offline_id"));
        const protocol::PushResponse replay = push(foreman(), {first});
        QCOMPARE(replay.applied.size(), 1);
        QCOMPARE(replay.applied.first().id, first.id);
    }

    void gasReadingsAreAppendOnlyWithDefaults()
    {
        const QString permitId = create(foreman(), EntityKind::Permit, permitData()).id;
        const protocol::AppliedChange reading = create(foreman(), EntityKind::GasReading,
                                                       {{QStringLiteral("permit_id"), permitId},
                                                        {QStringLiteral("gas"), QStringLiteral("H2S")},
                                                        {QStringLiteral("value"), 0}});
        QCOMPARE(reading.data.value(QStringLiteral("taken_by")).toString(), QStringLiteral("fiona"));
        QCOMPARE(reading.data.value(QStringLiteral("taken_at")).toString(),
                 QStringLiteral("2026-11-21T10:30:00.000Z"));

        QCOMPARE(rejection(push(foreman(), {updateChange(EntityKind::GasReading, reading.id, 1, {},
                                                         {{QStringLiteral("value"), 3}})})),
                 QStringLiteral("append_only"));
        QCOMPARE(rejection(push(foreman(), {deleteChange(EntityKind::GasReading, reading.id, 1)})),
                 QStringLiteral("append_only"));
        protocol::Change asCreate = createChange(EntityKind::GasReading, newId(),
                                                 {{QStringLiteral("permit_id"), permitId},
                                                  {QStringLiteral("gas"), QStringLiteral("O2")},
                                                  {QStringLiteral("value"), 20.9}});
        asCreate.op = ChangeOp::Create;
        QCOMPARE(rejection(push(foreman(), {asCreate})), QStringLiteral("invalid_op"));
        protocol::Change permitAppend = createChange(EntityKind::Permit, newId(), permitData());
        permitAppend.op = ChangeOp::Append;
        QCOMPARE(rejection(push(foreman(), {permitAppend})), QStringLiteral("invalid_op"));
    }

    void duplicateIdIsRejected()
    {
        const QString id =
            create(foreman(), EntityKind::Task, {{QStringLiteral("title"), QStringLiteral("Sweep")}}).id;
        const protocol::PushResponse response =
            push(foreman(),
                 {createChange(EntityKind::Task, id, {{QStringLiteral("title"), QStringLiteral("Again")}})});
        QCOMPARE(rejection(response), QStringLiteral("duplicate_id"));
    }

    void secondCreateOfAnIdInTheSamePushIsRejected()
    {
        // The push looks up its creates' ids at once: a create earlier in the same push (and only
        // one that was written) takes the id.
        const QString id = newId();
        const protocol::PushResponse response =
            push(foreman(),
                 {createChange(EntityKind::Task, id, {{QStringLiteral("title"), 5}}),
                  createChange(EntityKind::Task, id, {{QStringLiteral("title"), QStringLiteral("Sweep")}}),
                  createChange(EntityKind::Task, id, {{QStringLiteral("title"), QStringLiteral("Again")}})});
        QCOMPARE(response.rejected.size(), 2);
        QCOMPARE(response.rejected.at(0).reason, QStringLiteral("validation"));
        QCOMPARE(response.applied.size(), 1);
        QCOMPARE(response.applied.first().data.value(QStringLiteral("title")).toString(),
                 QStringLiteral("Sweep"));
        QCOMPARE(response.rejected.at(1).reason, QStringLiteral("duplicate_id"));
    }

    void invalidDataIsRejectedWithTheValidatorsCode()
    {
        const QString id = create(foreman(), EntityKind::Permit, permitData()).id;
        QCOMPARE(
            rejection(push(foreman(), {updateChange(EntityKind::Permit, id, 1, {},
                                                    {{QStringLiteral("colour"), QStringLiteral("red")}})})),
            QStringLiteral("unknown_field"));
        QCOMPARE(rejection(
                     push(foreman(), {updateChange(EntityKind::Permit, id, 1, {},
                                                   {{QStringLiteral("project_id"), QStringLiteral("p2")}})})),
                 QStringLiteral("validation"));
        QCOMPARE(rejection(push(foreman(), {updateChange(EntityKind::Permit, id, 1, {},
                                                         {{QStringLiteral("title"), QJsonValue::Null}})})),
                 QStringLiteral("validation"));
        QCOMPARE(stored(id).version, 1);
    }
};

QTEST_GUILESS_MAIN(PushRulesTest)
#include "tst_pushrules.moc"
