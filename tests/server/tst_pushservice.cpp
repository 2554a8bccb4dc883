// PushService on a real SQLite file: applying changes, idempotent replay, the three-way merge by
// hint, conflicts, tombstones, the audit trail, durability and batch speed.

#include "PushServiceFixture.h"
#include "http/Gzip.h"
#include "store/AuditRepository.h"
#include "store/RecordRepository.h"
#include "store/SequenceRepository.h"

#include <QElapsedTimer>
#include <QTest>

using namespace fieldsync;
using namespace fieldsync::server;
using namespace fieldsync::server::testing;

class PushServiceTest : public PushServiceFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { silenceServerLogs(); }
    void init() { openDatabase(); }
    void cleanup() { closeDatabase(); }

    void createAppliesWithDefaultsAndMeta()
    {
        const QString id = newId();
        const protocol::PushResponse response =
            push(foreman(), {createChange(EntityKind::Permit, id, permitData())});
        QCOMPARE(response.applied.size(), 1);
        QVERIFY(response.conflicts.isEmpty() && response.rejected.isEmpty());
        const protocol::AppliedChange &applied = response.applied.first();
        QCOMPARE(applied.id, id);
        QCOMPARE(applied.version, 1);
        QCOMPARE(applied.data.value(QStringLiteral("status")).toString(), QStringLiteral("draft"));
        QCOMPARE(applied.data.value(QStringLiteral("project_id")).toString(), QStringLiteral("p1"));
        QCOMPARE(applied.data.value(QStringLiteral("updated_by")).toString(), QStringLiteral("fiona"));
        QCOMPARE(applied.data.value(QStringLiteral("device_id")).toString(), QStringLiteral("device-a"));
        QVERIFY(!applied.data.value(QStringLiteral("updated_at")).toString().isEmpty());
        // Every schema field is present, so a device's copy is complete.
        QVERIFY(applied.data.contains(QStringLiteral("valid_to")));
        QVERIFY(applied.data.value(QStringLiteral("valid_to")).isNull());
        QCOMPARE(response.cursor, 1);

        const StoredRecord record = stored(id);
        QCOMPARE(record.version, 1);
        QCOMPARE(record.seq, 1);
        QCOMPARE(record.data, applied.data);
    }

    void replayedChangeGetsTheSameAnswerAndIsNotAppliedTwice()
    {
        const QString id = newId();
        const protocol::PushRequest request = pushRequest(
            {createChange(EntityKind::Permit, id, permitData()),
             updateChange(EntityKind::Permit, id, 1, {}, {{QStringLiteral("title"), QStringLiteral("B")}})});
        const Result<protocol::PushResponse> first = m_push->push(foreman(), request);
        QVERIFY(first.ok());
        QCOMPARE(first.value().applied.size(), 2);
        QCOMPARE(first.value().applied.at(1).version, 2);
        const Result<protocol::PushResponse> second = m_push->push(foreman(), request);
        QVERIFY(second.ok());
        QCOMPARE(second.value().toJson(), first.value().toJson());
        QCOMPARE(stored(id).version, 2);
        QCOMPARE(stored(id).seq, 2);
    }

    void replayAfterRestartGivesTheSameBytesFromACompactStoredAnswer()
    {
        const QString id = newId();
        const protocol::PushRequest request = pushRequest(
            {createChange(EntityKind::Permit, id, permitData()),
             updateChange(EntityKind::Permit, id, 1, {}, {{QStringLiteral("title"), QStringLiteral("B")}}),
             deleteChange(EntityKind::Permit, id, 2)});
        QByteArray firstBody;
        QVERIFY(m_push->push(foreman(), request, &firstBody).ok());
        // The live versions' answers name their audit entries instead of carrying the record again;
        // the delete's (whose entry says deleted) is stored whole.
        int compact = 0;
        QVERIFY(m_temp->db()
                    .select(QStringLiteral("SELECT answer FROM idempotency"), {},
                            [&compact](const SqlRow &row) {
                                if (!row.utf8(0).contains("\"data\""))
                                    ++compact;
                            })
                    .ok());
        QCOMPARE(compact, 2);

        // A new service on a new connection, as after a restart, answers with the same bytes.
        m_push.reset();
        ServerDatabase reopened;
        QVERIFY(reopened.open(m_temp->path()).ok());
        PushService again(reopened);
        QByteArray secondBody;
        const Result<protocol::PushResponse> second = again.push(foreman(), request, &secondBody);
        QVERIFY(second.ok());
        QCOMPARE(secondBody, firstBody);
        QCOMPARE(second.value().toJson(), firstBody);
        QCOMPARE(RecordRepository(reopened).find(id).value()->version, 3);
    }

    void compactStoredAnswerExpandsToTheWholeOne()
    {
        protocol::AppliedChange applied{QStringLiteral("o-1"), QStringLiteral("r-1"), 4, {}};
        const QByteArray data = "{\"project_id\":\"p1\",\"title\":\"caf\\u00e9 \\\"x\\\"\"}";
        const ChangeAnswer whole = ChangeAnswer::makeApplied(applied, QStringLiteral("p1"), data);
        ChangeAnswer compact = whole;
        compact.auditSeq = 17;
        const Result<std::optional<ChangeAnswer::AuditReference>> reference =
            ChangeAnswer::auditReferenceIn(compact.toStored());
        QVERIFY(reference.ok() && reference.value().has_value());
        QCOMPARE(reference.value()->seq, 17);
        QCOMPARE(ChangeAnswer::expandStored(*reference.value(), data), whole.toStored());
        // A whole answer is no reference, and a broken reference is an error, not a guess.
        QVERIFY(ChangeAnswer::auditReferenceIn(whole.toStored()).ok());
        QVERIFY(!ChangeAnswer::auditReferenceIn(whole.toStored()).value().has_value());
        QVERIFY(!ChangeAnswer::auditReferenceIn("{\"applied_from_audit\":{\"id\":\"r-1\"}}").ok());
    }

    void replayedAppendIsNotAppendedTwice()
    {
        const QString permitId = create(foreman(), EntityKind::Permit, permitData()).id;
        const protocol::Change reading = createChange(EntityKind::GasReading, newId(),
                                                      {{QStringLiteral("permit_id"), permitId},
                                                       {QStringLiteral("gas"), QStringLiteral("O2")},
                                                       {QStringLiteral("value"), 20.9},
                                                       {QStringLiteral("unit"), QStringLiteral("%")}});
        const protocol::PushResponse first = push(foreman(), {reading});
        QCOMPARE(first.applied.size(), 1);
        const protocol::PushResponse again = push(foreman(), {reading});
        QCOMPARE(again.toJson(), first.toJson());
        QCOMPARE(again.cursor, 2); // permit + one reading: nothing new was written
    }

    void replayedRejectionStaysRejected()
    {
        const protocol::Change bad =
            createChange(EntityKind::Permit, newId(), {{QStringLiteral("title"), 5}});
        const protocol::PushResponse first = push(foreman(), {bad});
        QCOMPARE(first.rejected.size(), 1);
        QCOMPARE(rejection(first), QStringLiteral("validation"));
        const protocol::PushResponse again = push(foreman(), {bad});
        QCOMPARE(again.toJson(), first.toJson());
    }

    void sameOfflineIdTwiceInOneRequestIsAppliedOnce()
    {
        const protocol::Change change = createChange(EntityKind::Permit, newId(), permitData());
        const protocol::PushResponse response = push(foreman(), {change, change});
        QCOMPARE(response.applied.size(), 2);
        QCOMPARE(response.applied.at(1).toJson(), response.applied.at(0).toJson());
        QCOMPARE(response.applied.at(1).version, 1);
        QCOMPARE(response.cursor, 1);
        QCOMPARE(stored(change.id).version, 1);
    }

    void sequenceNumbersContinueAcrossPushes()
    {
        // A push takes its numbers in memory and stores the last one at the end: the next push,
        // and a pull's cursor, must continue from exactly there.
        push(foreman(), {createChange(EntityKind::Permit, newId(), permitData()),
                         createChange(EntityKind::Permit, newId(), permitData())});
        SequenceRepository sequence(m_temp->db());
        QCOMPARE(sequence.current().value(), 2);
        // Nothing written: the stored number stays.
        push(foreman(), {createChange(EntityKind::Permit, newId(), {{QStringLiteral("title"), 5}})});
        QCOMPARE(sequence.current().value(), 2);
        const QString id = newId();
        const protocol::PushResponse third =
            push(foreman(), {createChange(EntityKind::Permit, id, permitData())});
        QCOMPARE(third.cursor, 3);
        QCOMPARE(stored(id).seq, 3);
        QCOMPARE(sequence.current().value(), 3);
    }

    void sameOfflineIdFromAnotherDeviceIsANewChange()
    {
        protocol::Change change = createChange(EntityKind::Permit, newId(), permitData());
        QCOMPARE(push(foreman(), {change}, QStringLiteral("device-a")).applied.size(), 1);
        const protocol::PushResponse other = push(foreman(), {change}, QStringLiteral("device-b"));
        QCOMPARE(other.rejected.size(), 1);
        QCOMPARE(rejection(other), QStringLiteral("duplicate_id"));
    }

    void updateAtCurrentVersionApplies()
    {
        const protocol::AppliedChange created = create(foreman(), EntityKind::Permit, permitData());
        const protocol::PushResponse response =
            push(foreman(), {updateChange(EntityKind::Permit, created.id, 1,
                                          {{QStringLiteral("title"), QStringLiteral("Hot work, level 3")}},
                                          {{QStringLiteral("title"), QStringLiteral("Hot work, level 4")}})});
        QCOMPARE(response.applied.size(), 1);
        QCOMPARE(response.applied.first().version, 2);
        QCOMPARE(response.applied.first().data.value(QStringLiteral("title")).toString(),
                 QStringLiteral("Hot work, level 4"));
        QCOMPARE(response.applied.first().data.value(QStringLiteral("location")).toString(),
                 QStringLiteral("Block A"));
        QCOMPARE(stored(created.id).version, 2);
    }

    void staleUpdateTakesMineWhereTheServerStillHasBase()
    {
        const protocol::AppliedChange created = create(foreman(), EntityKind::Permit, permitData());
        // Someone else changed the location (v2); this device edits the title from v1.
        push(pm(), {updateChange(EntityKind::Permit, created.id, 1, {},
                                 {{QStringLiteral("location"), QStringLiteral("Block B")}})});
        const protocol::PushResponse response =
            push(foreman(), {updateChange(EntityKind::Permit, created.id, 1,
                                          {{QStringLiteral("title"), QStringLiteral("Hot work, level 3")}},
                                          {{QStringLiteral("title"), QStringLiteral("New title")}})});
        QCOMPARE(response.applied.size(), 1);
        QCOMPARE(response.applied.first().version, 3);
        QCOMPARE(response.applied.first().data.value(QStringLiteral("title")).toString(),
                 QStringLiteral("New title"));
        QCOMPARE(response.applied.first().data.value(QStringLiteral("location")).toString(),
                 QStringLiteral("Block B"));
    }

    void staleSetUnionMerges()
    {
        QJsonObject data = permitData();
        data.insert(QStringLiteral("ppe_requirements"),
                    strings({QStringLiteral("helmet"), QStringLiteral("gloves")}));
        const protocol::AppliedChange created = create(foreman(), EntityKind::Permit, data);
        push(pm(), {updateChange(EntityKind::Permit, created.id, 1, {},
                                 {{QStringLiteral("ppe_requirements"),
                                   strings({QStringLiteral("helmet"), QStringLiteral("gloves"),
                                            QStringLiteral("harness")})}})});
        // Device (at v1) adds a respirator and removes gloves.
        const protocol::PushResponse response = push(
            foreman(), {updateChange(EntityKind::Permit, created.id, 1,
                                     {{QStringLiteral("ppe_requirements"),
                                       strings({QStringLiteral("helmet"), QStringLiteral("gloves")})}},
                                     {{QStringLiteral("ppe_requirements"),
                                       strings({QStringLiteral("helmet"), QStringLiteral("respirator")})}})});
        QCOMPARE(response.applied.size(), 1);
        QCOMPARE(response.applied.first().data.value(QStringLiteral("ppe_requirements")),
                 QJsonValue(strings(
                     {QStringLiteral("harness"), QStringLiteral("helmet"), QStringLiteral("respirator")})));
    }

    void staleTrueWinsKeepsEveryTick()
    {
        QJsonObject data = permitData();
        data.insert(QStringLiteral("safety_checklist"), QJsonObject{{QStringLiteral("gas_tested"), false},
                                                                    {QStringLiteral("fire_watch"), false}});
        const protocol::AppliedChange created = create(foreman(), EntityKind::Permit, data);
        push(pm(), {updateChange(EntityKind::Permit, created.id, 1, {},
                                 {{QStringLiteral("safety_checklist"),
                                   QJsonObject{{QStringLiteral("gas_tested"), true},
                                               {QStringLiteral("fire_watch"), false}}}})});
        const protocol::PushResponse response = push(
            foreman(),
            {updateChange(
                EntityKind::Permit, created.id, 1,
                {{QStringLiteral("safety_checklist"),
                  QJsonObject{{QStringLiteral("gas_tested"), false}, {QStringLiteral("fire_watch"), false}}}},
                {{QStringLiteral("safety_checklist"), QJsonObject{{QStringLiteral("gas_tested"), false},
                                                                  {QStringLiteral("fire_watch"), true}}}})});
        QCOMPARE(response.applied.size(), 1);
        const QJsonObject checklist =
            response.applied.first().data.value(QStringLiteral("safety_checklist")).toObject();
        QCOMPARE(checklist.value(QStringLiteral("gas_tested")).toBool(), true);
        QCOMPARE(checklist.value(QStringLiteral("fire_watch")).toBool(), true);
    }

    void staleMonotonicKeepsTheFurtherState()
    {
        const QString permitId = create(foreman(), EntityKind::Permit, permitData()).id;
        const protocol::AppliedChange point =
            create(foreman(), EntityKind::IsolationPoint,
                   {{QStringLiteral("permit_id"), permitId},
                    {QStringLiteral("description"), QStringLiteral("Valve V-12")}});
        QCOMPARE(point.data.value(QStringLiteral("status")).toString(), QStringLiteral("assigned"));
        push(pm(), {updateChange(EntityKind::IsolationPoint, point.id, 1, {},
                                 {{QStringLiteral("status"), QStringLiteral("verified")}})});
        // A device that only saw "assigned" records "isolated": verified stands.
        const protocol::PushResponse behind =
            push(foreman(), {updateChange(EntityKind::IsolationPoint, point.id, 1,
                                          {{QStringLiteral("status"), QStringLiteral("assigned")}},
                                          {{QStringLiteral("status"), QStringLiteral("isolated")}})});
        QCOMPARE(behind.applied.size(), 1);
        QCOMPARE(behind.applied.first().data.value(QStringLiteral("status")).toString(),
                 QStringLiteral("verified"));
        // Nothing changed, yet the edit is a version of its own (one version and one audit entry
        // per applied change), so the answer is newer than the version the device edited.
        QCOMPARE(behind.applied.first().version, 3);
        // A device that moves further than the server wins.
        const protocol::PushResponse ahead =
            push(foreman(), {updateChange(EntityKind::IsolationPoint, point.id, 1,
                                          {{QStringLiteral("status"), QStringLiteral("assigned")}},
                                          {{QStringLiteral("status"), QStringLiteral("deisolated")}})});
        QCOMPARE(ahead.applied.size(), 1);
        QCOMPARE(ahead.applied.first().data.value(QStringLiteral("status")).toString(),
                 QStringLiteral("deisolated"));
        QCOMPARE(ahead.applied.first().version, 4);
    }

    void staleManualFieldIsAConflictAndNothingIsApplied()
    {
        const protocol::AppliedChange created = create(foreman(), EntityKind::Permit, permitData());
        push(pm(), {updateChange(EntityKind::Permit, created.id, 1, {},
                                 {{QStringLiteral("title"), QStringLiteral("Office title")}})});
        const protocol::PushResponse response =
            push(foreman(),
                 {updateChange(EntityKind::Permit, created.id, 1,
                               {{QStringLiteral("title"), QStringLiteral("Hot work, level 3")}},
                               {{QStringLiteral("title"), QStringLiteral("Site title")},
                                {QStringLiteral("ppe_requirements"), strings({QStringLiteral("helmet")})}})});
        QCOMPARE(response.conflicts.size(), 1);
        QVERIFY(response.applied.isEmpty());
        const protocol::ConflictedChange &conflict = response.conflicts.first();
        QCOMPARE(conflict.reason, QStringLiteral("stale"));
        QCOMPARE(conflict.clientVersion, 1);
        QCOMPARE(conflict.serverVersion, 2);
        QCOMPARE(conflict.fields.size(), 1);
        const protocol::ConflictField title = conflict.fields.value(QStringLiteral("title"));
        QCOMPARE(title.base.toString(), QStringLiteral("Hot work, level 3"));
        QCOMPARE(title.mine.toString(), QStringLiteral("Site title"));
        QCOMPARE(title.server.toString(), QStringLiteral("Office title"));
        QCOMPARE(title.hint, QStringLiteral("manual"));
        QCOMPARE(conflict.serverState.value(QStringLiteral("title")).toString(),
                 QStringLiteral("Office title"));
        QVERIFY(!conflict.serverDeleted);
        // The mergeable part (ppe) was not applied either: a conflict applies nothing.
        QCOMPARE(stored(created.id).version, 2);
        QVERIFY(stored(created.id).data.value(QStringLiteral("ppe_requirements")).isNull());
    }

    void staleUpdateWithTheServersValueIsStillANewVersion()
    {
        const protocol::AppliedChange created = create(foreman(), EntityKind::Permit, permitData());
        push(pm(), {updateChange(EntityKind::Permit, created.id, 1, {},
                                 {{QStringLiteral("title"), QStringLiteral("Same")}})});
        const protocol::PushResponse response =
            push(foreman(), {updateChange(EntityKind::Permit, created.id, 1,
                                          {{QStringLiteral("title"), QStringLiteral("Hot work, level 3")}},
                                          {{QStringLiteral("title"), QStringLiteral("Same")}})});
        QCOMPARE(response.applied.size(), 1);
        QCOMPARE(response.applied.first().version, 3);
        QCOMPARE(response.applied.first().data.value(QStringLiteral("title")).toString(),
                 QStringLiteral("Same"));
        QCOMPARE(response.cursor, 3);
    }

    void deleteOfAChangedRecordConflicts()
    {
        const protocol::AppliedChange created =
            create(foreman(), EntityKind::Task, {{QStringLiteral("title"), QStringLiteral("Sweep")}});
        // Another device's change: the deleting device's own later writes would not conflict.
        push(pm(),
             {updateChange(EntityKind::Task, created.id, 1, {},
                           {{QStringLiteral("priority"), QStringLiteral("high")}})},
             QStringLiteral("device-b"));
        const protocol::PushResponse response =
            push(foreman(), {deleteChange(EntityKind::Task, created.id, 1)});
        QCOMPARE(response.conflicts.size(), 1);
        QCOMPARE(response.conflicts.first().reason, QStringLiteral("changed"));
        QCOMPARE(response.conflicts.first().serverVersion, 2);
        QCOMPARE(response.conflicts.first().serverState.value(QStringLiteral("priority")).toString(),
                 QStringLiteral("high"));
        QVERIFY(!stored(created.id).deleted);
    }

    void deleteTombstonesAndRepeatsAreHarmless()
    {
        const protocol::AppliedChange created =
            create(foreman(), EntityKind::Task, {{QStringLiteral("title"), QStringLiteral("Sweep")}});
        const protocol::PushResponse deleted =
            push(foreman(), {deleteChange(EntityKind::Task, created.id, 1)});
        QCOMPARE(deleted.applied.size(), 1);
        QCOMPARE(deleted.applied.first().version, 2);
        QVERIFY(stored(created.id).deleted);
        // Another device's delete of the deleted record: applied, as one more tombstone version.
        const protocol::PushResponse again = push(pm(), {deleteChange(EntityKind::Task, created.id, 1)});
        QCOMPARE(again.applied.size(), 1);
        QCOMPARE(again.applied.first().version, 3);
        QVERIFY(again.cursor > deleted.cursor);
        QVERIFY(stored(created.id).deleted);
    }

    void updateOfADeletedRecordConflicts()
    {
        const protocol::AppliedChange created =
            create(foreman(), EntityKind::Task, {{QStringLiteral("title"), QStringLiteral("Sweep")}});
        push(pm(), {deleteChange(EntityKind::Task, created.id, 1)});
        const protocol::PushResponse response =
            push(foreman(), {updateChange(EntityKind::Task, created.id, 1, {},
                                          {{QStringLiteral("title"), QStringLiteral("Sweep well")}})});
        QCOMPARE(response.conflicts.size(), 1);
        QCOMPARE(response.conflicts.first().reason, QStringLiteral("deleted"));
        QVERIFY(response.conflicts.first().serverDeleted);
        QCOMPARE(response.conflicts.first().serverVersion, 2);
        QVERIFY(stored(created.id).deleted);
    }

    void updateAtTheTombstoneVersionRestores()
    {
        const protocol::AppliedChange created =
            create(foreman(), EntityKind::Task, {{QStringLiteral("title"), QStringLiteral("Sweep")}});
        push(pm(), {deleteChange(EntityKind::Task, created.id, 1)});
        const protocol::PushResponse response =
            push(foreman(), {updateChange(EntityKind::Task, created.id, 2, {},
                                          {{QStringLiteral("title"), QStringLiteral("Sweep again")}})});
        QCOMPARE(response.applied.size(), 1);
        QCOMPARE(response.applied.first().version, 3);
        const StoredRecord record = stored(created.id);
        QVERIFY(!record.deleted);
        QCOMPARE(record.data.value(QStringLiteral("title")).toString(), QStringLiteral("Sweep again"));
    }

    void changesOfOneBatchApplyInOrderAndAreAudited()
    {
        const QString id = newId();
        const protocol::PushResponse response =
            push(foreman(), {createChange(EntityKind::Permit, id, permitData()),
                             updateChange(EntityKind::Permit, id, 1, {},
                                          {{QStringLiteral("status"), QStringLiteral("submitted")}}),
                             updateChange(EntityKind::Permit, id, 2, {},
                                          {{QStringLiteral("status"), QStringLiteral("approved")}}),
                             updateChange(EntityKind::Permit, id, 2, {},
                                          {{QStringLiteral("title"), QStringLiteral("Renamed")}})});
        QCOMPARE(response.applied.size(), 3);
        QCOMPARE(response.rejected.size(), 1); // the foreman's approval
        QCOMPARE(response.applied.last().version, 3);
        QCOMPARE(response.cursor, 3);

        AuditRepository audit(m_temp->db());
        const Result<QList<AuditRepository::Entry>> entries = audit.entriesFor(id);
        QVERIFY(entries.ok());
        QCOMPARE(entries.value().size(), 3);
        QVERIFY(entries.value().first().before.isEmpty());
        QCOMPARE(entries.value().at(2).before.value(QStringLiteral("title")).toString(),
                 QStringLiteral("Hot work, level 3"));
        QCOMPARE(entries.value().at(2).after.value(QStringLiteral("title")).toString(),
                 QStringLiteral("Renamed"));
        QCOMPARE(entries.value().at(2).user, QStringLiteral("fiona"));
        QCOMPARE(entries.value().at(2).clientTime, QStringLiteral("2026-11-21T10:30:00Z"));
    }

    void committedPushSurvivesReopening()
    {
        const QString id = create(foreman(), EntityKind::Permit, permitData()).id;
        ServerDatabase second;
        QVERIFY(second.open(m_temp->path()).ok());
        RecordRepository records(second);
        const Result<std::optional<StoredRecord>> found = records.find(id);
        QVERIFY(found.ok() && found.value().has_value());
        QCOMPARE(found.value()->version, 1);
    }

    void largeAnswerIsGzippedWhileTheChangesAreProcessed()
    {
        QList<protocol::Change> changes;
        for (int index = 0; index < 300; ++index)
            changes.append(createChange(EntityKind::Permit, newId(),
                                        permitData(QStringLiteral("Permit %1").arg(index))));
        changes.append(updateChange(EntityKind::Permit, newId(), 1, {},
                                    {{QStringLiteral("title"), QStringLiteral("x")}}));
        QByteArray body;
        QByteArray gzipped;
        const Result<protocol::PushResponse> response =
            m_push->push(foreman(), pushRequest(changes), &body, &gzipped);
        QVERIFY(response.ok());
        QCOMPARE(response.value().applied.size(), 300);
        QCOMPARE(response.value().rejected.size(), 1);
        QCOMPARE(body, response.value().toJson());
        QVERIFY(!gzipped.isEmpty());
        const Result<QByteArray> inflated = Gzip::decompress(gzipped, body.size());
        QVERIFY(inflated.ok());
        QCOMPARE(inflated.value(), body);

        // A small answer is not worth a thread: it is compressed as it is sent, if at all.
        QByteArray smallBody;
        QByteArray smallGzipped;
        QVERIFY(m_push
                    ->push(foreman(), pushRequest({createChange(EntityKind::Permit, newId(), permitData())}),
                           &smallBody, &smallGzipped)
                    .ok());
        QVERIFY(!smallBody.isEmpty());
        QVERIFY(smallGzipped.isEmpty());
    }

    void tenThousandChangesInOnePushAreFast()
    {
        QList<protocol::Change> changes;
        for (int index = 0; index < 10000; ++index)
            changes.append(createChange(EntityKind::Task, newId(),
                                        {{QStringLiteral("title"), QStringLiteral("Task %1").arg(index)}}));
        QElapsedTimer timer;
        timer.start();
        const protocol::PushResponse response = push(foreman(), changes);
        const qint64 elapsed = timer.elapsed();
        qInfo("10000 changes pushed in %lld ms", elapsed);
        QCOMPARE(response.applied.size(), 10000);
        QCOMPARE(response.cursor, 10000);
        QVERIFY2(elapsed < 30000, "one transaction per batch should keep this well under 30 s");
    }
};

QTEST_GUILESS_MAIN(PushServiceTest)
#include "tst_pushservice.moc"
