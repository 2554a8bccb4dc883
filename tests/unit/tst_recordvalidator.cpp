// What a change may write and what record it may leave: field names and types, required and
// immutable fields, the validity period, and the status a new record may start in.

#include "domain/ChangeOp.h"
#include "domain/EntitySchema.h"
#include "domain/RecordValidator.h"
#include "domain/Role.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace fieldsync;
using namespace Qt::StringLiterals;

namespace {

const QString PermitUuid = u"6f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f"_s;
const QString OtherPermitUuid = u"0b6c8a52-1a63-4a8e-9d8f-2f6b1c7d9e01"_s;

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

const EntitySchema &schemaNamed(const QString &wireName)
{
    const EntitySchema *schema = EntitySchema::byWireName(wireName);
    if (!schema)
        qFatal("no schema %s", qPrintable(wireName));
    return *schema;
}

QJsonObject validPermit(const QString &status = u"draft"_s)
{
    return QJsonObject{{u"title"_s, u"Hot work at tank 4"_s}, {u"status"_s, status}};
}

QString describe(const Result<void> &result)
{
    return result.ok() ? u"ok"_s : result.error().toString();
}

} // namespace

class TestRecordValidator : public QObject
{
    Q_OBJECT

private slots:
    void anUnknownFieldIsRefused_data();
    void anUnknownFieldIsRefused();

    void aWrongTypeIsAValidationError_data();
    void aWrongTypeIsAValidationError();

    void validDataComesBackCanonical();

    void projectIdIsWrittenOnlyOnCreate();

    void parentLinksCannotChangeAfterCreate_data();
    void parentLinksCannotChangeAfterCreate();

    void requiredFieldsMustHaveAValue_data();
    void requiredFieldsMustHaveAValue();

    void validToMustBeAfterValidFrom_data();
    void validToMustBeAfterValidFrom();

    void aNewRecordStartsOnlyInAStateTheRoleCouldReach_data();
    void aNewRecordStartsOnlyInAStateTheRoleCouldReach();

    void anUpdateMakesAMoveTheRoleMayMake_data();
    void anUpdateMakesAMoveTheRoleMayMake();

    void anUnknownStatusIsAValidationError();
    void anUnknownStatusInAChangeIsRefusedBeforeAnyMerge();
    void gasReadingsHaveNoWorkflow();
    void gasReadingsAreOnesADetectorCanShow_data();
    void gasReadingsAreOnesADetectorCanShow();
    void attachmentRecordsCanBeUploadedAndServed_data();
    void attachmentRecordsCanBeUploadedAndServed();
    void aServerRecordIsOneOfItsEntity_data();
    void aServerRecordIsOneOfItsEntity();

    void withDefaultsPutsTheFirstState_data();
    void withDefaultsPutsTheFirstState();

    void changeOpNamesRoundTrip();
};

void TestRecordValidator::anUnknownFieldIsRefused_data()
{
    QTest::addColumn<QString>("entity");
    QTest::addColumn<int>("op");
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("expectedMessage");

    QTest::newRow("permit colour on create")
        << u"permit"_s << int(ChangeOp::Create) << QByteArray(R"({"title":"A","colour":"red"})")
        << u"permit has no field 'colour'"_s;
    QTest::newRow("permit colour on update")
        << u"permit"_s << int(ChangeOp::Update) << QByteArray(R"({"colour":"red"})")
        << u"permit has no field 'colour'"_s;
    QTest::newRow("meta field updated_by")
        << u"permit"_s << int(ChangeOp::Update) << QByteArray(R"({"updated_by":"me"})")
        << u"permit has no field 'updated_by'"_s;
    QTest::newRow("wrong case") << u"task"_s << int(ChangeOp::Update) << QByteArray(R"({"Title":"A"})")
                                << u"task has no field 'Title'"_s;
    QTest::newRow("checklist item as a field")
        << u"permit"_s << int(ChangeOp::Update) << QByteArray(R"({"safety_checklist.gas_tested":true})")
        << u"permit has no field 'safety_checklist.gas_tested'"_s;
    QTest::newRow("gas reading status")
        << u"gas_reading"_s << int(ChangeOp::Append) << QByteArray(R"({"status":"open"})")
        << u"gas_reading has no field 'status'"_s;
}

void TestRecordValidator::anUnknownFieldIsRefused()
{
    QFETCH(QString, entity);
    QFETCH(int, op);
    QFETCH(QByteArray, data);
    QFETCH(QString, expectedMessage);

    const Result<QJsonObject> result =
        RecordValidator::checkChangeData(schemaNamed(entity), ChangeOp(op), json(data));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, u"unknown_field"_s);
    QCOMPARE(result.error().message, expectedMessage);
}

void TestRecordValidator::aWrongTypeIsAValidationError_data()
{
    QTest::addColumn<QString>("entity");
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("expectedMessage");

    const QString permit = u"permit"_s;
    QTest::newRow("title as a number")
        << permit << QByteArray(R"({"title":42})") << u"title: must be a string"_s;
    QTest::newRow("title as true") << permit << QByteArray(R"({"title":true})")
                                   << u"title: must be a string"_s;
    QTest::newRow("description as an array")
        << permit << QByteArray(R"({"description":["a"]})") << u"description: must be a string"_s;
    QTest::newRow("title longer than 200")
        << permit << QByteArray("{\"title\":\"" + QByteArray(201, 'x') + "\"}")
        << u"title: longer than 200 characters"_s;
    QTest::newRow("description longer than 20000")
        << permit << QByteArray("{\"description\":\"" + QByteArray(20001, 'x') + "\"}")
        << u"description: longer than 20000 characters"_s;
    QTest::newRow("work_type not a choice")
        << permit << QByteArray(R"({"work_type":"welding"})")
        << u"work_type: must be one of hot_work, confined_space, work_at_height, excavation, electrical, "
           u"lifting, general"_s;
    QTest::newRow("status as a number")
        << permit << QByteArray(R"({"status":2})") << u"status: must be a string"_s;
    QTest::newRow("valid_from not a time") << permit << QByteArray(R"({"valid_from":"tomorrow"})")
                                           << u"valid_from: must be an ISO 8601 date and time"_s;
    QTest::newRow("valid_to as a number") << permit << QByteArray(R"({"valid_to":1764000000})")
                                          << u"valid_to: must be an ISO 8601 date and time"_s;
    QTest::newRow("ppe as a string") << permit << QByteArray(R"({"ppe_requirements":"helmet"})")
                                     << u"ppe_requirements: must be a list of strings"_s;
    QTest::newRow("ppe with a number") << permit << QByteArray(R"({"ppe_requirements":["helmet",3]})")
                                       << u"ppe_requirements: must be a list of non-empty strings"_s;
    QTest::newRow("ppe with an empty item") << permit << QByteArray(R"({"ppe_requirements":[""]})")
                                            << u"ppe_requirements: must be a list of non-empty strings"_s;
    QTest::newRow("checklist as a list") << permit << QByteArray(R"({"safety_checklist":["gas_tested"]})")
                                         << u"safety_checklist: must be an object of item: true|false"_s;
    QTest::newRow("checklist item as a string")
        << permit << QByteArray(R"({"safety_checklist":{"gas_tested":"yes"}})")
        << u"safety_checklist: item 'gas_tested' must be true or false"_s;
    QTest::newRow("checklist item as 1") << permit << QByteArray(R"({"safety_checklist":{"gas_tested":1}})")
                                         << u"safety_checklist: item 'gas_tested' must be true or false"_s;
    QTest::newRow("project_id as a number")
        << permit << QByteArray(R"({"title":"A","project_id":7})") << u"project_id must be a string"_s;
    QTest::newRow("project_id empty")
        << permit << QByteArray(R"({"title":"A","project_id":""})") << u"project_id must be a string"_s;

    const QString gas = u"gas_reading"_s;
    QTest::newRow("gas value as a string")
        << gas << QByteArray(R"({"value":"20.9"})") << u"value: must be a number"_s;
    QTest::newRow("gas value as a bool")
        << gas << QByteArray(R"({"value":true})") << u"value: must be a number"_s;
    QTest::newRow("gas not a choice")
        << gas << QByteArray(R"({"gas":"o2"})") << u"gas: must be one of O2, LEL, H2S, CO, other"_s;
    QTest::newRow("gas permit_id not a uuid")
        << gas << QByteArray(R"({"permit_id":"permit-1"})") << u"permit_id: must be a UUID"_s;

    const QString task = u"task"_s;
    QTest::newRow("due_date not a date")
        << task << QByteArray(R"({"due_date":"30/11/2026"})") << u"due_date: must be a date (YYYY-MM-DD)"_s;
    QTest::newRow("due_date impossible")
        << task << QByteArray(R"({"due_date":"2026-02-30"})") << u"due_date: must be a date (YYYY-MM-DD)"_s;
    QTest::newRow("priority not a choice") << task << QByteArray(R"({"priority":"asap"})")
                                           << u"priority: must be one of low, normal, high, urgent"_s;
}

void TestRecordValidator::aWrongTypeIsAValidationError()
{
    QFETCH(QString, entity);
    QFETCH(QByteArray, data);
    QFETCH(QString, expectedMessage);

    const EntitySchema &schema = schemaNamed(entity);
    const ChangeOp op = schema.appendOnly ? ChangeOp::Append : ChangeOp::Create;
    const Result<QJsonObject> result = RecordValidator::checkChangeData(schema, op, json(data));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, u"validation"_s);
    QCOMPARE(result.error().message, expectedMessage);
}

void TestRecordValidator::validDataComesBackCanonical()
{
    const Result<QJsonObject> result = RecordValidator::checkChangeData(
        schemaNamed(u"permit"_s), ChangeOp::Create,
        json(R"({"title":"Hot work","project_id":"p1","location":null,"valid_from":"2026-11-21T10:30:00Z",
                 "ppe_requirements":["helmet","gloves","helmet"],"safety_checklist":{"gas_tested":true}})"));
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
    QCOMPARE(compact(result.value()), compact(json(R"({"title":"Hot work","project_id":"p1","location":null,
                              "valid_from":"2026-11-21T10:30:00Z","ppe_requirements":["gloves","helmet"],
                              "safety_checklist":{"gas_tested":true}})")));

    const Result<QJsonObject> reading = RecordValidator::checkChangeData(
        schemaNamed(u"gas_reading"_s), ChangeOp::Append,
        json(R"({"permit_id":")" + PermitUuid.toUtf8() + R"(","gas":"O2","value":20.9,"unit":"%"})"));
    QVERIFY(reading.ok());
    QCOMPARE(reading.value().value(u"value"_s).toDouble(), 20.9);
}

void TestRecordValidator::projectIdIsWrittenOnlyOnCreate()
{
    const EntitySchema &permit = schemaNamed(u"permit"_s);
    QVERIFY(RecordValidator::checkChangeData(permit, ChangeOp::Create, json(R"({"project_id":"p1"})")).ok());

    const Result<QJsonObject> update =
        RecordValidator::checkChangeData(permit, ChangeOp::Update, json(R"({"project_id":"p2"})"));
    QVERIFY(!update.ok());
    QCOMPARE(update.error().code, u"validation"_s);
    QCOMPARE(update.error().message, u"project_id cannot change"_s);
}

void TestRecordValidator::parentLinksCannotChangeAfterCreate_data()
{
    QTest::addColumn<QString>("entity");
    QTest::addColumn<int>("op");
    QTest::addColumn<bool>("allowed");

    QTest::newRow("isolation point create") << u"isolation_point"_s << int(ChangeOp::Create) << true;
    QTest::newRow("isolation point update") << u"isolation_point"_s << int(ChangeOp::Update) << false;
    QTest::newRow("gas reading append") << u"gas_reading"_s << int(ChangeOp::Append) << true;
    QTest::newRow("gas reading update") << u"gas_reading"_s << int(ChangeOp::Update) << false;
    // A task's link to its permit is optional and may be set or moved later.
    QTest::newRow("task create") << u"task"_s << int(ChangeOp::Create) << true;
    QTest::newRow("task update") << u"task"_s << int(ChangeOp::Update) << true;
}

void TestRecordValidator::parentLinksCannotChangeAfterCreate()
{
    QFETCH(QString, entity);
    QFETCH(int, op);
    QFETCH(bool, allowed);

    const QJsonObject data{{u"permit_id"_s, OtherPermitUuid}};
    const Result<QJsonObject> result =
        RecordValidator::checkChangeData(schemaNamed(entity), ChangeOp(op), data);
    QCOMPARE(result.ok(), allowed);
    if (!allowed) {
        QCOMPARE(result.error().code, u"validation"_s);
        QCOMPARE(result.error().message, u"permit_id cannot change"_s);
    }
}

void TestRecordValidator::requiredFieldsMustHaveAValue_data()
{
    QTest::addColumn<QString>("entity");
    QTest::addColumn<QJsonObject>("after");
    QTest::addColumn<QString>("expectedMessage");

    QJsonObject permit = validPermit();
    permit.remove(u"title"_s);
    QTest::newRow("permit without title") << u"permit"_s << permit << u"title: is required"_s;
    permit.insert(u"title"_s, QJsonValue::Null);
    QTest::newRow("permit with null title") << u"permit"_s << permit << u"title: is required"_s;
    permit.insert(u"title"_s, u"   "_s);
    QTest::newRow("permit with blank title") << u"permit"_s << permit << u"title: is required"_s;

    const QJsonObject reading{{u"permit_id"_s, PermitUuid}, {u"gas"_s, u"LEL"_s}, {u"value"_s, 4}};
    for (const QString &field : {u"permit_id"_s, u"gas"_s, u"value"_s}) {
        QJsonObject without = reading;
        without.remove(field);
        QTest::addRow("gas reading without %s", qPrintable(field))
            << u"gas_reading"_s << without << QString(field + u": is required"_s);
    }

    QTest::newRow("isolation point without description")
        << u"isolation_point"_s << QJsonObject{{u"permit_id"_s, PermitUuid}, {u"status"_s, u"assigned"_s}}
        << u"description: is required"_s;
    QTest::newRow("isolation point without permit")
        << u"isolation_point"_s
        << QJsonObject{{u"description"_s, u"Valve V-12"_s}, {u"status"_s, u"assigned"_s}}
        << u"permit_id: is required"_s;
    QTest::newRow("task without title")
        << u"task"_s << QJsonObject{{u"status"_s, u"open"_s}} << u"title: is required"_s;
}

void TestRecordValidator::requiredFieldsMustHaveAValue()
{
    QFETCH(QString, entity);
    QFETCH(QJsonObject, after);
    QFETCH(QString, expectedMessage);

    const Result<void> result = RecordValidator::checkResult(schemaNamed(entity), {}, after, Role::Pm);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, u"validation"_s);
    QCOMPARE(result.error().message, expectedMessage);
}

void TestRecordValidator::validToMustBeAfterValidFrom_data()
{
    QTest::addColumn<QString>("validFrom");
    QTest::addColumn<QString>("validTo");
    QTest::addColumn<bool>("valid");

    QTest::newRow("to after from") << u"2026-11-21T06:00:00Z"_s << u"2026-11-21T18:00:00Z"_s << true;
    QTest::newRow("to before from") << u"2026-11-21T18:00:00Z"_s << u"2026-11-21T06:00:00Z"_s << false;
    QTest::newRow("to equals from") << u"2026-11-21T06:00:00Z"_s << u"2026-11-21T06:00:00Z"_s << false;
    QTest::newRow("same instant in another offset")
        << u"2026-11-21T06:00:00Z"_s << u"2026-11-21T08:00:00+02:00"_s << false;
    QTest::newRow("later wall clock but earlier instant")
        << u"2026-11-21T06:00:00Z"_s << u"2026-11-21T07:30:00+02:00"_s << false;
    QTest::newRow("earlier wall clock but later instant")
        << u"2026-11-21T06:00:00Z"_s << u"2026-11-21T05:30:00-01:00"_s << true;
    QTest::newRow("a day later") << u"2026-11-21T23:00:00Z"_s << u"2026-11-22T01:00:00Z"_s << true;
    QTest::newRow("only from") << u"2026-11-21T06:00:00Z"_s << QString() << true;
    QTest::newRow("only to") << QString() << u"2026-11-21T06:00:00Z"_s << true;
}

void TestRecordValidator::validToMustBeAfterValidFrom()
{
    QFETCH(QString, validFrom);
    QFETCH(QString, validTo);
    QFETCH(bool, valid);

    QJsonObject after = validPermit();
    if (!validFrom.isEmpty())
        after.insert(u"valid_from"_s, validFrom);
    if (!validTo.isEmpty())
        after.insert(u"valid_to"_s, validTo);
    const Result<void> result =
        RecordValidator::checkResult(schemaNamed(u"permit"_s), {}, after, Role::Foreman);
    QVERIFY2(result.ok() == valid, qPrintable(describe(result)));
    if (!valid) {
        QCOMPARE(result.error().code, u"validation"_s);
        QCOMPARE(result.error().message, u"valid_to must be after valid_from"_s);
    }
}

void TestRecordValidator::aNewRecordStartsOnlyInAStateTheRoleCouldReach_data()
{
    QTest::addColumn<QString>("entity");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("role");
    QTest::addColumn<QString>("expectedCode");

    const QString permit = u"permit"_s;
    QTest::newRow("permit draft by foreman") << permit << u"draft"_s << u"foreman"_s << QString();
    QTest::newRow("permit submitted by foreman") << permit << u"submitted"_s << u"foreman"_s << QString();
    QTest::newRow("permit cancelled by foreman") << permit << u"cancelled"_s << u"foreman"_s << QString();
    QTest::newRow("permit approved by foreman")
        << permit << u"approved"_s << u"foreman"_s << u"invalid_transition"_s;
    QTest::newRow("permit active by foreman")
        << permit << u"active"_s << u"foreman"_s << u"invalid_transition"_s;
    QTest::newRow("permit closed by foreman")
        << permit << u"closed"_s << u"foreman"_s << u"invalid_transition"_s;
    QTest::newRow("permit approved by admin")
        << permit << u"approved"_s << u"admin"_s << u"invalid_transition"_s;
    // An approval is always someone else's than the submitter's: nobody creates a permit past it.
    QTest::newRow("permit submitted by pm") << permit << u"submitted"_s << u"pm"_s << QString();
    QTest::newRow("permit approved by pm") << permit << u"approved"_s << u"pm"_s << u"invalid_transition"_s;
    QTest::newRow("permit active by pm") << permit << u"active"_s << u"pm"_s << u"invalid_transition"_s;
    QTest::newRow("task done by foreman") << u"task"_s << u"done"_s << u"foreman"_s << QString();
    QTest::newRow("isolation point verified by foreman")
        << u"isolation_point"_s << u"verified"_s << u"foreman"_s << QString();
}

void TestRecordValidator::aNewRecordStartsOnlyInAStateTheRoleCouldReach()
{
    QFETCH(QString, entity);
    QFETCH(QString, status);
    QFETCH(QString, role);
    QFETCH(QString, expectedCode);

    QJsonObject after{{u"title"_s, u"A"_s}, {u"description"_s, u"B"_s}, {u"status"_s, status}};
    if (entity == u"isolation_point"_s) {
        after.remove(u"title"_s);
        after.insert(u"permit_id"_s, PermitUuid);
    }
    const Result<void> result =
        RecordValidator::checkResult(schemaNamed(entity), {}, after, *roleFromName(role));
    QVERIFY2(result.ok() == expectedCode.isEmpty(), qPrintable(describe(result)));
    if (!result.ok()) {
        QCOMPARE(result.error().code, expectedCode);
        QCOMPARE(result.error().message, QString(u"a new "_s + entity + u" cannot start as "_s + status));
    }
}

void TestRecordValidator::anUpdateMakesAMoveTheRoleMayMake_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("role");
    QTest::addColumn<QString>("expectedCode");

    QTest::newRow("submit as foreman") << u"draft"_s << u"submitted"_s << u"foreman"_s << QString();
    QTest::newRow("approve as pm") << u"submitted"_s << u"approved"_s << u"pm"_s << QString();
    QTest::newRow("approve as foreman") << u"submitted"_s << u"approved"_s << u"foreman"_s << u"forbidden"_s;
    QTest::newRow("approve as admin") << u"submitted"_s << u"approved"_s << u"admin"_s << u"forbidden"_s;
    QTest::newRow("reopen closed") << u"closed"_s << u"active"_s << u"pm"_s << u"invalid_transition"_s;
    QTest::newRow("back to draft") << u"approved"_s << u"draft"_s << u"pm"_s << u"invalid_transition"_s;
    QTest::newRow("no status change") << u"closed"_s << u"closed"_s << u"foreman"_s << QString();
}

void TestRecordValidator::anUpdateMakesAMoveTheRoleMayMake()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QString, role);
    QFETCH(QString, expectedCode);

    const Result<void> result = RecordValidator::checkResult(schemaNamed(u"permit"_s), validPermit(from),
                                                             validPermit(to), *roleFromName(role));
    QVERIFY2(result.ok() == expectedCode.isEmpty(), qPrintable(describe(result)));
    if (!result.ok())
        QCOMPARE(result.error().code, expectedCode);
}

void TestRecordValidator::anUnknownStatusIsAValidationError()
{
    for (const QJsonObject &before : {QJsonObject(), validPermit()}) {
        const Result<void> result =
            RecordValidator::checkResult(schemaNamed(u"permit"_s), before, validPermit(u"open"_s), Role::Pm);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, u"validation"_s);
        QCOMPARE(result.error().message, u"unknown status 'open'"_s);
    }

    QJsonObject noStatus = validPermit();
    noStatus.remove(u"status"_s);
    const Result<void> missing =
        RecordValidator::checkResult(schemaNamed(u"permit"_s), {}, noStatus, Role::Pm);
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().code, u"validation"_s);
}

void TestRecordValidator::gasReadingsHaveNoWorkflow()
{
    const QJsonObject reading{{u"permit_id"_s, PermitUuid},
                              {u"gas"_s, u"H2S"_s},
                              {u"value"_s, 0.5},
                              {u"unit"_s, u"ppm"_s},
                              {u"taken_at"_s, u"2026-11-21T10:30:00Z"_s}};
    const Result<void> result =
        RecordValidator::checkResult(schemaNamed(u"gas_reading"_s), {}, reading, Role::Foreman);
    QVERIFY2(result.ok(), qPrintable(describe(result)));
    QVERIFY(!RecordValidator::withDefaults(schemaNamed(u"gas_reading"_s), reading).contains(u"status"_s));
}

void TestRecordValidator::anUnknownStatusInAChangeIsRefusedBeforeAnyMerge()
{
    // A stale change is merged before its result is checked; a monotonic merge would drop an
    // unknown state without a word.
    const Result<QJsonObject> checked = RecordValidator::checkChangeData(
        schemaNamed(u"isolation_point"_s), ChangeOp::Update, QJsonObject{{u"status"_s, u"exploded"_s}});
    QVERIFY(!checked.ok());
    QCOMPARE(checked.error().message, u"unknown status 'exploded'"_s);
}

void TestRecordValidator::gasReadingsAreOnesADetectorCanShow_data()
{
    QTest::addColumn<QByteArray>("reading");
    QTest::addColumn<QString>("problem");

    QTest::newRow("O2 in %") << QByteArray(R"({"gas":"O2","value":20.9,"unit":"%"})") << QString();
    QTest::newRow("O2 without a unit") << QByteArray(R"({"gas":"O2","value":20.9})") << QString();
    QTest::newRow("LEL at 0") << QByteArray(R"({"gas":"LEL","value":0,"unit":"%LEL"})") << QString();
    QTest::newRow("H2S in ppm") << QByteArray(R"({"gas":"H2S","value":5,"unit":"ppm"})") << QString();
    QTest::newRow("another gas in any unit")
        << QByteArray(R"({"gas":"other","value":3,"unit":"%"})") << QString();
    QTest::newRow("negative O2") << QByteArray(R"({"gas":"O2","value":-5,"unit":"%"})")
                                 << u"value: a gas reading is never below 0"_s;
    QTest::newRow("O2 over 100 %") << QByteArray(R"({"gas":"O2","value":250,"unit":"%"})")
                                   << u"value: 250 % is over 100"_s;
    QTest::newRow("LEL over 100") << QByteArray(R"({"gas":"LEL","value":101,"unit":"%LEL"})")
                                  << u"value: 101 %LEL is over 100"_s;
    QTest::newRow("LEL shown as %") << QByteArray(R"({"gas":"LEL","value":4,"unit":"%"})") << QString();
    QTest::newRow("H2S at 1e300 ppm") << QByteArray(R"({"gas":"H2S","value":1e300,"unit":"ppm"})")
                                      << u"value: 1e+300 ppm is over a million"_s;
}

void TestRecordValidator::gasReadingsAreOnesADetectorCanShow()
{
    QFETCH(QByteArray, reading);
    QFETCH(QString, problem);
    QJsonObject data = json(reading);
    data.insert(u"permit_id"_s, PermitUuid);
    const Result<void> result =
        RecordValidator::checkResult(schemaNamed(u"gas_reading"_s), {}, data, Role::Foreman);
    QCOMPARE(result.ok(), problem.isEmpty());
    if (!problem.isEmpty()) {
        QCOMPARE(result.error().code, u"validation"_s);
        QCOMPARE(result.error().message, problem);
    }
}

void TestRecordValidator::attachmentRecordsCanBeUploadedAndServed_data()
{
    QTest::addColumn<QByteArray>("change");
    QTest::addColumn<QString>("problem");

    const QByteArray sha(64, 'a');
    QTest::newRow("a photo") << QByteArray(R"({"mime_type":"image/jpeg","bytes":3023})") << QString();
    QTest::newRow("an empty file") << QByteArray(R"({"bytes":0})") << QString();
    QTest::newRow("svg") << QByteArray(R"({"mime_type":"image/svg+xml","bytes":10})") << QString();
    QTest::newRow("negative size") << QByteArray(R"({"bytes":-1})")
                                   << u"bytes: must be a whole number of bytes, 0 or more"_s;
    QTest::newRow("half a byte") << QByteArray(R"({"bytes":1.5})")
                                 << u"bytes: must be a whole number of bytes, 0 or more"_s;
    QTest::newRow("1e18 bytes") << QByteArray(R"({"bytes":1e18})")
                                << u"bytes: must be a whole number of bytes, 0 or more"_s;
    QTest::newRow("sha256 not hex") << QByteArray(R"({"bytes":1,"sha256":")" + QByteArray(64, 'z') + R"("})")
                                    << u"sha256: must be 64 lower-case hex digits"_s;
    QTest::newRow("sha256 of 63") << QByteArray(R"({"bytes":1,"sha256":")" + QByteArray(63, 'a') + R"("})")
                                  << u"sha256: must be 64 lower-case hex digits"_s;
    QTest::newRow("sha256 upper case")
        << QByteArray(R"({"bytes":1,"sha256":")" + QByteArray(64, 'A') + R"("})")
        << u"sha256: must be 64 lower-case hex digits"_s;
    QTest::newRow("a header in the type") << QByteArray(R"({"bytes":1,"mime_type":"text/html
Set-Cookie: evil=1"})") << u"mime_type: must be a media type such as image/jpeg"_s;
    QTest::newRow("no subtype") << QByteArray(R"({"bytes":1,"mime_type":"image"})")
                                << u"mime_type: must be a media type such as image/jpeg"_s;
}

void TestRecordValidator::attachmentRecordsCanBeUploadedAndServed()
{
    QFETCH(QByteArray, change);
    QFETCH(QString, problem);
    QJsonObject data{{u"record_id"_s, PermitUuid},
                     {u"record_entity"_s, u"permit"_s},
                     {u"name"_s, u"photo.jpg"_s},
                     {u"sha256"_s, QString(64, u'a')},
                     {u"kind"_s, u"photo"_s}};
    const QJsonObject overrides = json(change);
    for (auto it = overrides.begin(); it != overrides.end(); ++it)
        data.insert(it.key(), it.value());
    const Result<void> result =
        RecordValidator::checkResult(schemaNamed(u"attachment"_s), {}, data, Role::Foreman);
    QCOMPARE(result.ok(), problem.isEmpty());
    if (!problem.isEmpty())
        QCOMPARE(result.error().message, problem);
}

void TestRecordValidator::aServerRecordIsOneOfItsEntity_data()
{
    QTest::addColumn<QByteArray>("record");
    QTest::addColumn<QString>("problem");

    QTest::newRow("a permit as the server keeps it")
        << QByteArray(R"({"project_id":"p1","title":"Hot work","status":"draft","description":null,)"
                      R"("updated_at":"2026-11-21T10:30:00Z","updated_by":"ana","device_id":"tab-1"})")
        << QString();
    QTest::newRow("empty") << QByteArray("{}") << u"project_id: is required"_s;
    QTest::newRow("another entity's fields instead")
        << QByteArray(R"({"project_id":"p1","status":"draft","gas":"O2","value":1})")
        << u"title: is required"_s;
    // Read leniently: what older or newer rules let a server store stays readable.
    QTest::newRow("a field this device does not know yet")
        << QByteArray(R"({"project_id":"p1","title":"x","status":"draft","weather":"rain"})") << QString();
    QTest::newRow("a date and an id in older forms")
        << QByteArray(R"({"project_id":"p1","title":"x","status":"draft","valid_from":"2026-12-10T17:00"})")
        << QString();
    QTest::newRow("a list of numbers for PPE")
        << QByteArray(R"({"project_id":"p1","title":"x","status":"draft","ppe_requirements":[1]})")
        << u"ppe_requirements: is not a list of strings value"_s;
    QTest::newRow("no title") << QByteArray(R"({"project_id":"p1","status":"draft"})")
                              << u"title: is required"_s;
    QTest::newRow("a title that is a number")
        << QByteArray(R"({"project_id":"p1","title":42,"status":"draft"})")
        << u"title: is not a string value"_s;
    QTest::newRow("an unknown status") << QByteArray(R"({"project_id":"p1","title":"x","status":"exploded"})")
                                       << u"unknown status 'exploded'"_s;
    QTest::newRow("updated_by a number")
        << QByteArray(R"({"project_id":"p1","title":"x","status":"draft","updated_by":7})")
        << u"updated_by: must be a string"_s;
}

void TestRecordValidator::aServerRecordIsOneOfItsEntity()
{
    QFETCH(QByteArray, record);
    QFETCH(QString, problem);
    const Result<void> result = RecordValidator::checkServerRecord(schemaNamed(u"permit"_s), json(record));
    QCOMPARE(result.ok(), problem.isEmpty());
    if (!problem.isEmpty())
        QCOMPARE(result.error().message, problem);
}

void TestRecordValidator::withDefaultsPutsTheFirstState_data()
{
    QTest::addColumn<QString>("entity");
    QTest::addColumn<QJsonObject>("data");
    QTest::addColumn<QString>("expectedStatus");

    QTest::newRow("permit") << u"permit"_s << QJsonObject{{u"title"_s, u"A"_s}} << u"draft"_s;
    QTest::newRow("task") << u"task"_s << QJsonObject{{u"title"_s, u"A"_s}} << u"open"_s;
    QTest::newRow("isolation point") << u"isolation_point"_s << QJsonObject() << u"assigned"_s;
    QTest::newRow("permit with null status")
        << u"permit"_s << QJsonObject{{u"status"_s, QJsonValue::Null}} << u"draft"_s;
    QTest::newRow("permit that names its state")
        << u"permit"_s << QJsonObject{{u"status"_s, u"submitted"_s}} << u"submitted"_s;
    QTest::newRow("task that names its state")
        << u"task"_s << QJsonObject{{u"status"_s, u"in_progress"_s}} << u"in_progress"_s;
}

void TestRecordValidator::withDefaultsPutsTheFirstState()
{
    QFETCH(QString, entity);
    QFETCH(QJsonObject, data);
    QFETCH(QString, expectedStatus);

    const QJsonObject result = RecordValidator::withDefaults(schemaNamed(entity), data);
    QCOMPARE(result.value(u"status"_s), QJsonValue(expectedStatus));
    for (auto it = data.begin(); it != data.end(); ++it) {
        if (it.key() != u"status"_s)
            QCOMPARE(result.value(it.key()), it.value());
    }
    QCOMPARE(result.size(), data.contains(u"status"_s) ? data.size() : data.size() + 1);
}

void TestRecordValidator::changeOpNamesRoundTrip()
{
    for (ChangeOp op : {ChangeOp::Create, ChangeOp::Update, ChangeOp::Delete, ChangeOp::Append}) {
        const std::optional<ChangeOp> back = changeOpFromName(changeOpName(op));
        QVERIFY(back);
        QCOMPARE(*back, op);
    }
    QCOMPARE(changeOpName(ChangeOp::Append), u"append"_s);
    QVERIFY(!changeOpFromName(u"Update"_s));
    QVERIFY(!changeOpFromName(u"upsert"_s));
    QVERIFY(!changeOpFromName(QString()));
}

QTEST_GUILESS_MAIN(TestRecordValidator)
#include "tst_recordvalidator.moc"
