// The per-field three-way rule of protocol v1 (ARCHITECTURE.md §3): what a stale change writes over
// the server's record, and which fields only a person can settle.

#include "domain/EntitySchema.h"
#include "domain/ThreeWayMerge.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace fieldsync;
using namespace Qt::StringLiterals;

namespace {

QJsonObject json(const QByteArray &text)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        qFatal("bad JSON in test data: %s", text.constData());
    return document.object();
}

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

const EntitySchema &permit()
{
    return EntitySchema::of(EntityKind::Permit);
}

} // namespace

class TestThreeWayMerge : public QObject
{
    Q_OBJECT

private slots:
    void mergesEachFieldByTheRule_data();
    void mergesEachFieldByTheRule();

    void aManualConflictCarriesBaseMineAndServer();
    void anAbsentValueInAConflictIsNull();
    void setsInAConflictAreNormalized();
    void anUnchangedFieldNeverConflicts();
    void mergeByHintGivesNothingForManual();
    void mergeHintsHaveTheirWireNames();
    void theSchemaGivesEveryFieldItsHint();
};

void TestThreeWayMerge::mergesEachFieldByTheRule_data()
{
    QTest::addColumn<QString>("entity");
    QTest::addColumn<QByteArray>("base");
    QTest::addColumn<QByteArray>("mine");
    QTest::addColumn<QByteArray>("server");
    QTest::addColumn<QByteArray>("expectedMerged");
    QTest::addColumn<QStringList>("expectedConflicts");

    const QString permit = u"permit"_s;
    const QString isolation = u"isolation_point"_s;
    const QString task = u"task"_s;

    // server == base: the device's value.
    QTest::newRow("server unchanged takes mine")
        << permit << QByteArray(R"({"title":"Old"})") << QByteArray(R"({"title":"New"})")
        << QByteArray(R"({"title":"Old","location":"Gate 3"})") << QByteArray(R"({"title":"New"})")
        << QStringList();
    QTest::newRow("server unchanged takes my clearing")
        << permit << QByteArray(R"({"location":"Gate 3"})") << QByteArray(R"({"location":null})")
        << QByteArray(R"({"location":"Gate 3"})") << QByteArray(R"({"location":null})") << QStringList();
    QTest::newRow("server unchanged takes my set as a sorted set")
        << permit << QByteArray(R"({"ppe_requirements":["helmet"]})")
        << QByteArray(R"({"ppe_requirements":["helmet","gloves","helmet"]})")
        << QByteArray(R"({"ppe_requirements":["helmet"]})")
        << QByteArray(R"({"ppe_requirements":["gloves","helmet"]})") << QStringList();
    QTest::newRow("server unchanged takes my un-tick")
        << permit << QByteArray(R"({"safety_checklist":{"gas_tested":true}})")
        << QByteArray(R"({"safety_checklist":{"gas_tested":false}})")
        << QByteArray(R"({"safety_checklist":{"gas_tested":true}})")
        << QByteArray(R"({"safety_checklist":{"gas_tested":false}})") << QStringList();

    // server == mine: nothing to write.
    QTest::newRow("server already has my value")
        << permit << QByteArray(R"({"title":"Old"})") << QByteArray(R"({"title":"New"})")
        << QByteArray(R"({"title":"New"})") << QByteArray("{}") << QStringList();
    QTest::newRow("server already has my status")
        << permit << QByteArray(R"({"status":"draft"})") << QByteArray(R"({"status":"submitted"})")
        << QByteArray(R"({"status":"submitted"})") << QByteArray("{}") << QStringList();

    // Absent and null are the same: no value.
    QTest::newRow("absent base equals null server")
        << permit << QByteArray("{}") << QByteArray(R"({"location":"Gate 3"})")
        << QByteArray(R"({"location":null})") << QByteArray(R"({"location":"Gate 3"})") << QStringList();
    QTest::newRow("null base equals absent server")
        << permit << QByteArray(R"({"location":null})") << QByteArray(R"({"location":"Gate 3"})")
        << QByteArray("{}") << QByteArray(R"({"location":"Gate 3"})") << QStringList();
    QTest::newRow("my null equals absent server")
        << permit << QByteArray(R"({"location":"Gate 3"})") << QByteArray(R"({"location":null})")
        << QByteArray("{}") << QByteArray("{}") << QStringList();

    // Sets compare without order (and without duplicates).
    QTest::newRow("server's reordered set equals base")
        << permit << QByteArray(R"({"ppe_requirements":["helmet","gloves"]})")
        << QByteArray(R"({"ppe_requirements":["helmet"]})")
        << QByteArray(R"({"ppe_requirements":["gloves","helmet"]})")
        << QByteArray(R"({"ppe_requirements":["helmet"]})") << QStringList();
    QTest::newRow("server's reordered set equals mine")
        << permit << QByteArray(R"({"ppe_requirements":["helmet"]})")
        << QByteArray(R"({"ppe_requirements":["helmet","gloves"]})")
        << QByteArray(R"({"ppe_requirements":["gloves","helmet","gloves"]})") << QByteArray("{}")
        << QStringList();

    // set_union: (server + added) - removed.
    QTest::newRow("set_union removal by my side")
        << permit << QByteArray(R"({"ppe_requirements":["gloves","helmet"]})")
        << QByteArray(R"({"ppe_requirements":["helmet"]})")
        << QByteArray(R"({"ppe_requirements":["gloves","harness","helmet"]})")
        << QByteArray(R"({"ppe_requirements":["harness","helmet"]})") << QStringList();
    QTest::newRow("set_union removal by the server stands")
        << permit << QByteArray(R"({"ppe_requirements":["gloves","helmet"]})")
        << QByteArray(R"({"ppe_requirements":["gloves","helmet","respirator"]})")
        << QByteArray(R"({"ppe_requirements":["helmet"]})")
        << QByteArray(R"({"ppe_requirements":["helmet","respirator"]})") << QStringList();
    QTest::newRow("set_union additions on both sides")
        << permit << QByteArray(R"({"ppe_requirements":["helmet"]})")
        << QByteArray(R"({"ppe_requirements":["gloves","helmet"]})")
        << QByteArray(R"({"ppe_requirements":["harness","helmet"]})")
        << QByteArray(R"({"ppe_requirements":["gloves","harness","helmet"]})") << QStringList();
    QTest::newRow("set_union additions and removals on both sides")
        << permit << QByteArray(R"({"ppe_requirements":["gloves","harness","helmet"]})")
        << QByteArray(R"({"ppe_requirements":["face_shield","gloves","helmet"]})")
        << QByteArray(R"({"ppe_requirements":["gloves","helmet","respirator"]})")
        << QByteArray(R"({"ppe_requirements":["face_shield","gloves","helmet","respirator"]})")
        << QStringList();
    QTest::newRow("set_union same item removed on both sides")
        << permit << QByteArray(R"({"ppe_requirements":["gloves","helmet"]})")
        << QByteArray(R"({"ppe_requirements":["gloves","harness"]})")
        << QByteArray(R"({"ppe_requirements":["gloves"]})")
        << QByteArray(R"({"ppe_requirements":["gloves","harness"]})") << QStringList();
    QTest::newRow("set_union from no base")
        << permit << QByteArray("{}") << QByteArray(R"({"ppe_requirements":["helmet"]})")
        << QByteArray(R"({"ppe_requirements":["gloves"]})")
        << QByteArray(R"({"ppe_requirements":["gloves","helmet"]})") << QStringList();
    QTest::newRow("set_union I cleared the set")
        << permit << QByteArray(R"({"ppe_requirements":["gloves","helmet"]})")
        << QByteArray(R"({"ppe_requirements":null})")
        << QByteArray(R"({"ppe_requirements":["gloves","harness","helmet"]})")
        << QByteArray(R"({"ppe_requirements":["harness"]})") << QStringList();
    QTest::newRow("set_union lock_ids of an isolation point")
        << isolation << QByteArray(R"({"lock_ids":["L1"]})") << QByteArray(R"({"lock_ids":["L1","L2"]})")
        << QByteArray(R"({"lock_ids":["L3","L1"]})") << QByteArray(R"({"lock_ids":["L1","L2","L3"]})")
        << QStringList();

    // true_wins: a tick from either side stands; an un-tick never beats a tick.
    QTest::newRow("true_wins my tick stands")
        << permit << QByteArray(R"({"safety_checklist":{"gas_tested":false}})")
        << QByteArray(R"({"safety_checklist":{"gas_tested":true}})")
        << QByteArray(R"({"safety_checklist":{"fire_watch":true,"gas_tested":false}})")
        << QByteArray(R"({"safety_checklist":{"fire_watch":true,"gas_tested":true}})") << QStringList();
    QTest::newRow("true_wins the server's tick stands against my un-tick")
        << permit << QByteArray(R"({"safety_checklist":{"gas_tested":true}})")
        << QByteArray(R"({"safety_checklist":{"barricaded":true,"gas_tested":false}})")
        << QByteArray(R"({"safety_checklist":{"fire_watch":true,"gas_tested":true}})")
        << QByteArray(R"({"safety_checklist":{"barricaded":true,"fire_watch":true,"gas_tested":true}})")
        << QStringList();
    QTest::newRow("true_wins the server's un-tick does not beat my tick")
        << permit << QByteArray(R"({"safety_checklist":{"gas_tested":true}})")
        << QByteArray(R"({"safety_checklist":{"fire_watch":true,"gas_tested":true}})")
        << QByteArray(R"({"safety_checklist":{"gas_tested":false}})")
        << QByteArray(R"({"safety_checklist":{"fire_watch":true,"gas_tested":true}})") << QStringList();
    QTest::newRow("true_wins un-ticked on both sides stays un-ticked")
        << permit << QByteArray(R"({"safety_checklist":{"gas_tested":true}})")
        << QByteArray(R"({"safety_checklist":{"barricaded":true,"gas_tested":false}})")
        << QByteArray(R"({"safety_checklist":{"fire_watch":true,"gas_tested":false}})")
        << QByteArray(R"({"safety_checklist":{"barricaded":true,"fire_watch":true,"gas_tested":false}})")
        << QStringList();
    QTest::newRow("true_wins keeps server items I never had")
        << permit << QByteArray("{}") << QByteArray(R"({"safety_checklist":{"gas_tested":true}})")
        << QByteArray(R"({"safety_checklist":{"isolation_verified":true}})")
        << QByteArray(R"({"safety_checklist":{"gas_tested":true,"isolation_verified":true}})")
        << QStringList();

    // monotonic: the further isolation state stands, whichever side has it.
    QTest::newRow("monotonic my verified beats the server's isolated")
        << isolation << QByteArray(R"({"status":"assigned"})") << QByteArray(R"({"status":"verified"})")
        << QByteArray(R"({"status":"isolated"})") << QByteArray(R"({"status":"verified"})") << QStringList();
    QTest::newRow("monotonic the server's verified beats my isolated")
        << isolation << QByteArray(R"({"status":"assigned"})") << QByteArray(R"({"status":"isolated"})")
        << QByteArray(R"({"status":"verified"})") << QByteArray(R"({"status":"verified"})") << QStringList();
    QTest::newRow("monotonic deisolated beats verified")
        << isolation << QByteArray(R"({"status":"isolated"})") << QByteArray(R"({"status":"deisolated"})")
        << QByteArray(R"({"status":"verified"})") << QByteArray(R"({"status":"deisolated"})")
        << QStringList();

    // manual: everything else becomes a conflict, and nothing of that field is written.
    QTest::newRow("manual title changed on both sides")
        << permit << QByteArray(R"({"title":"Old"})") << QByteArray(R"({"title":"New"})")
        << QByteArray(R"({"title":"Other"})") << QByteArray("{}") << QStringList{u"title"_s};
    QTest::newRow("manual permit status is not monotonic")
        << permit << QByteArray(R"({"status":"draft"})") << QByteArray(R"({"status":"submitted"})")
        << QByteArray(R"({"status":"cancelled"})") << QByteArray("{}") << QStringList{u"status"_s};
    QTest::newRow("manual task status is not monotonic")
        << task << QByteArray(R"({"status":"open"})") << QByteArray(R"({"status":"done"})")
        << QByteArray(R"({"status":"in_progress"})") << QByteArray("{}") << QStringList{u"status"_s};
    QTest::newRow("manual cleared by me and changed by the server")
        << permit << QByteArray(R"({"location":"Gate 3"})") << QByteArray(R"({"location":null})")
        << QByteArray(R"({"location":"Gate 4"})") << QByteArray("{}") << QStringList{u"location"_s};
    QTest::newRow("manual set by both sides from nothing")
        << permit << QByteArray("{}") << QByteArray(R"({"location":"Gate 3"})")
        << QByteArray(R"({"location":"Gate 4"})") << QByteArray("{}") << QStringList{u"location"_s};

    // Several fields: each on its own.
    QTest::newRow("mergeable fields merge next to a manual conflict")
        << permit << QByteArray(R"({"title":"Old","ppe_requirements":["helmet"],"assignee":"ana"})")
        << QByteArray(R"({"title":"New","ppe_requirements":["gloves","helmet"],"assignee":"ben"})")
        << QByteArray(R"({"title":"Other","ppe_requirements":["harness","helmet"],"assignee":"ana"})")
        << QByteArray(R"({"assignee":"ben","ppe_requirements":["gloves","harness","helmet"]})")
        << QStringList{u"title"_s};
    QTest::newRow("two manual conflicts") << permit << QByteArray(R"({"title":"Old","location":"A"})")
                                          << QByteArray(R"({"title":"New","location":"B"})")
                                          << QByteArray(R"({"title":"Other","location":"C"})")
                                          << QByteArray("{}") << (QStringList{u"location"_s, u"title"_s});

    // Meta fields and unknown fields are never merged; fields I did not change are never written.
    QTest::newRow("project_id never merges")
        << permit << QByteArray(R"({"title":"Old"})") << QByteArray(R"({"title":"New","project_id":"p2"})")
        << QByteArray(R"({"title":"Old","project_id":"p1"})") << QByteArray(R"({"title":"New"})")
        << QStringList();
    QTest::newRow("fields only the server changed are not touched")
        << permit << QByteArray(R"({"title":"Old"})") << QByteArray(R"({"title":"New"})")
        << QByteArray(R"({"title":"Old","location":"Gate 4","status":"approved"})")
        << QByteArray(R"({"title":"New"})") << QStringList();
}

void TestThreeWayMerge::mergesEachFieldByTheRule()
{
    QFETCH(QString, entity);
    QFETCH(QByteArray, base);
    QFETCH(QByteArray, mine);
    QFETCH(QByteArray, server);
    QFETCH(QByteArray, expectedMerged);
    QFETCH(QStringList, expectedConflicts);

    const EntitySchema *schema = EntitySchema::byWireName(entity);
    QVERIFY(schema);
    const MergeOutcome outcome = threeWayMerge(*schema, json(base), json(mine), json(server));
    QCOMPARE(compact(outcome.merged), compact(json(expectedMerged)));
    QCOMPARE(outcome.conflicts.keys(), expectedConflicts);
    QCOMPARE(outcome.hasConflicts(), !expectedConflicts.isEmpty());
}

void TestThreeWayMerge::aManualConflictCarriesBaseMineAndServer()
{
    const MergeOutcome outcome =
        threeWayMerge(permit(), json(R"({"title":"Old"})"), json(R"({"title":"New"})"),
                      json(R"({"title":"Other","location":"Gate 4"})"));
    QCOMPARE(outcome.conflicts.size(), 1);
    const FieldConflict conflict = outcome.conflicts.value(u"title"_s);
    QCOMPARE(conflict.base, QJsonValue(u"Old"_s));
    QCOMPARE(conflict.mine, QJsonValue(u"New"_s));
    QCOMPARE(conflict.server, QJsonValue(u"Other"_s));
    QCOMPARE(conflict.hint, MergeHint::Manual);
    QVERIFY(outcome.merged.isEmpty());
}

void TestThreeWayMerge::anAbsentValueInAConflictIsNull()
{
    const MergeOutcome noBase = threeWayMerge(permit(), json("{}"), json(R"({"location":"Gate 3"})"),
                                              json(R"({"location":"Gate 4"})"));
    QVERIFY(noBase.conflicts.contains(u"location"_s));
    QVERIFY(noBase.conflicts.value(u"location"_s).base.isNull());
    QCOMPARE(noBase.conflicts.value(u"location"_s).mine, QJsonValue(u"Gate 3"_s));

    const MergeOutcome noServer = threeWayMerge(permit(), json(R"({"location":"Gate 3"})"),
                                                json(R"({"location":"Gate 4"})"), json("{}"));
    QVERIFY(noServer.conflicts.contains(u"location"_s));
    QVERIFY(noServer.conflicts.value(u"location"_s).server.isNull());
    QCOMPARE(noServer.conflicts.value(u"location"_s).base, QJsonValue(u"Gate 3"_s));
}

void TestThreeWayMerge::setsInAConflictAreNormalized()
{
    // Sets never conflict (set_union), but the values a conflict carries are canonical, so use a
    // schema field without a hint to see it: normalization follows the type, not the hint.
    FieldSpec tags;
    tags.name = u"tags"_s;
    tags.type = FieldType::StringSet;
    EntitySchema schema;
    schema.kind = EntityKind::Task;
    schema.wireName = u"test"_s;
    schema.fields = {tags};
    const MergeOutcome outcome = threeWayMerge(schema, json(R"({"tags":["b","a"]})"),
                                               json(R"({"tags":["c","a","c"]})"), json(R"({"tags":["d"]})"));
    QVERIFY(outcome.conflicts.contains(u"tags"_s));
    const FieldConflict conflict = outcome.conflicts.value(u"tags"_s);
    QCOMPARE(conflict.base, QJsonValue(QJsonArray{u"a"_s, u"b"_s}));
    QCOMPARE(conflict.mine, QJsonValue(QJsonArray{u"a"_s, u"c"_s}));
    QCOMPARE(conflict.server, QJsonValue(QJsonArray{u"d"_s}));
}

void TestThreeWayMerge::anUnchangedFieldNeverConflicts()
{
    // §3 applies the rule "for each changed field": a field the device sends back at its base value
    // (for example edited and then edited back before the outbox was pushed) is no change of the
    // device's, so the server's newer value stands and nothing conflicts.
    const MergeOutcome manual =
        threeWayMerge(permit(), json(R"({"title":"Old","location":"A"})"),
                      json(R"({"title":"Old","location":"B"})"), json(R"({"title":"Other","location":"A"})"));
    QVERIFY2(!manual.hasConflicts(), qPrintable(manual.conflicts.keys().join(u',')));
    QCOMPARE(compact(manual.merged), compact(json(R"({"location":"B"})")));

    // A server un-tick of an item the device did not touch stands too.
    const MergeOutcome checklist =
        threeWayMerge(permit(), json(R"({"safety_checklist":{"gas_tested":true}})"),
                      json(R"({"safety_checklist":{"gas_tested":true}})"),
                      json(R"({"safety_checklist":{"gas_tested":false}})"));
    QVERIFY(!checklist.hasConflicts());
    QCOMPARE(compact(checklist.merged), u"{}"_s);
}

void TestThreeWayMerge::mergeByHintGivesNothingForManual()
{
    const FieldSpec *title = permit().field(u"title"_s);
    QVERIFY(title);
    const QJsonValue value =
        mergeByHint(*title, permit().workflow, QJsonValue(u"a"_s), QJsonValue(u"b"_s), QJsonValue(u"c"_s));
    QVERIFY(value.isUndefined());
}

void TestThreeWayMerge::mergeHintsHaveTheirWireNames()
{
    QCOMPARE(mergeHintName(MergeHint::Manual), u"manual"_s);
    QCOMPARE(mergeHintName(MergeHint::SetUnion), u"set_union"_s);
    QCOMPARE(mergeHintName(MergeHint::TrueWins), u"true_wins"_s);
    QCOMPARE(mergeHintName(MergeHint::Monotonic), u"monotonic"_s);
}

void TestThreeWayMerge::theSchemaGivesEveryFieldItsHint()
{
    QStringList hinted;
    for (const EntitySchema *schema : EntitySchema::all()) {
        for (const FieldSpec &spec : schema->fields) {
            if (spec.hint != MergeHint::Manual)
                hinted.append(QString(schema->wireName + u'.' + spec.name + u'=' + mergeHintName(spec.hint)));
        }
    }
    QCOMPARE(hinted,
             (QStringList{u"permit.ppe_requirements=set_union"_s, u"permit.safety_checklist=true_wins"_s,
                          u"isolation_point.status=monotonic"_s, u"isolation_point.lock_ids=set_union"_s}));
}

QTEST_GUILESS_MAIN(TestThreeWayMerge)
#include "tst_threewaymerge.moc"
