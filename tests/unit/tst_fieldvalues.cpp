// Field values by type: command-line k=v input, canonical form, equality and display.

#include "domain/EntitySchema.h"
#include "domain/FieldValues.h"
#include "domain/IsoTimestamp.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <ctime>

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

const EntitySchema &schemaNamed(const QString &cliName)
{
    const EntitySchema *schema = EntitySchema::byCliName(cliName);
    if (!schema)
        qFatal("no schema %s", qPrintable(cliName));
    return *schema;
}

const FieldSpec &fieldOf(const QString &cliName, const QString &field)
{
    const FieldSpec *spec = schemaNamed(cliName).field(field);
    if (!spec)
        qFatal("no field %s", qPrintable(field));
    return *spec;
}

} // namespace

class TestFieldValues : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void schemasAreFoundByWireAndCliName();

    void assignmentsAreReadByTheFieldsType_data();
    void assignmentsAreReadByTheFieldsType();

    void badAssignmentsAreRefusedAndChangeNothing_data();
    void badAssignmentsAreRefusedAndChangeNothing();

    void aChecklistItemKeepsTheOtherItemsOfTheRecord();
    void checklistItemsAccumulateWithinOneEdit();

    void anUnknownFieldNamesTheFieldsThereAre();

    void timestampsNeedADateATimeAndAZone_data();
    void timestampsNeedADateATimeAndAZone();
    void datesAreExactlyADayOfTheCalendar_data();
    void datesAreExactlyADayOfTheCalendar();
    void timestampInstantsAgreeWithQt_data();
    void timestampInstantsAgreeWithQt();

    void aLocalTimeTypedOnTheCommandLineIsStoredAsUtc_data();
    void aLocalTimeTypedOnTheCommandLineIsStoredAsUtc();

    void checkedSaysWhetherItRewroteTheValue_data();
    void checkedSaysWhetherItRewroteTheValue();

    void equalTreatsAbsentAsNullAndSetsWithoutOrder_data();
    void equalTreatsAbsentAsNullAndSetsWithoutOrder();

    void displayTextShowsValuesForPeople_data();
    void displayTextShowsValuesForPeople();

private:
    QByteArray m_savedTz;
    bool m_hadTz = false;
};

// Local times typed on the command line are read in the machine's zone: the tests pin it to
// central European time (UTC+1, UTC+2 from the last Sunday of March to the last Sunday of October),
// spelled out as a POSIX rule so that no zone database is needed.
void TestFieldValues::initTestCase()
{
    m_hadTz = qEnvironmentVariableIsSet("TZ");
    m_savedTz = qgetenv("TZ");
    qputenv("TZ", "CET-1CEST,M3.5.0,M10.5.0/3");
    tzset();
}

void TestFieldValues::cleanupTestCase()
{
    if (m_hadTz)
        qputenv("TZ", m_savedTz);
    else
        qunsetenv("TZ");
    tzset();
}

void TestFieldValues::schemasAreFoundByWireAndCliName()
{
    QCOMPARE(EntitySchema::byCliName(u"gas-reading"_s), &EntitySchema::of(EntityKind::GasReading));
    QCOMPARE(EntitySchema::byCliName(u"gas_reading"_s), &EntitySchema::of(EntityKind::GasReading));
    QCOMPARE(EntitySchema::byCliName(u"isolation-point"_s), &EntitySchema::of(EntityKind::IsolationPoint));
    QCOMPARE(EntitySchema::byWireName(u"isolation_point"_s), &EntitySchema::of(EntityKind::IsolationPoint));
    QCOMPARE(EntitySchema::byWireName(u"gas-reading"_s), nullptr);
    QCOMPARE(EntitySchema::byWireName(u"permits"_s), nullptr);
    QCOMPARE(EntitySchema::byCliName(u"Permit"_s), nullptr);
    QCOMPARE(EntitySchema::byWireName(u"attachment"_s), &EntitySchema::of(EntityKind::Attachment));
    QCOMPARE(EntitySchema::all().size(), 5);
}

void TestFieldValues::assignmentsAreReadByTheFieldsType_data()
{
    QTest::addColumn<QString>("entity");
    QTest::addColumn<QString>("assignment");
    QTest::addColumn<QByteArray>("expectedChanges");

    const QString permit = u"permit"_s;
    const QString gas = u"gas-reading"_s;
    const QString task = u"task"_s;

    // Text as it is, spaces and '=' included.
    QTest::newRow("title") << permit << u"title=Hot work at tank 4"_s
                           << QByteArray(R"({"title":"Hot work at tank 4"})");
    QTest::newRow("value holds '='") << permit << u"description=a=b"_s
                                     << QByteArray(R"({"description":"a=b"})");

    // Numbers.
    QTest::newRow("decimal") << gas << u"value=20.9"_s << QByteArray(R"({"value":20.9})");
    QTest::newRow("integer") << gas << u"value=19"_s << QByteArray(R"({"value":19})");
    QTest::newRow("negative") << gas << u"value=-3.5"_s << QByteArray(R"({"value":-3.5})");
    QTest::newRow("exponent") << gas << u"value=1e3"_s << QByteArray(R"({"value":1000})");
    QTest::newRow("zero") << gas << u"value=0"_s << QByteArray(R"({"value":0})");

    // Sets: comma separated, trimmed, sorted, without duplicates or empty items.
    QTest::newRow("set") << permit << u"ppe_requirements=helmet,gloves"_s
                         << QByteArray(R"({"ppe_requirements":["gloves","helmet"]})");
    QTest::newRow("set with spaces") << permit << u"ppe_requirements=helmet, gloves"_s
                                     << QByteArray(R"({"ppe_requirements":["gloves","helmet"]})");
    QTest::newRow("set with empty items") << permit << u"ppe_requirements=,helmet,,gloves,"_s
                                          << QByteArray(R"({"ppe_requirements":["gloves","helmet"]})");
    QTest::newRow("set with a blank item") << permit << u"ppe_requirements=helmet, ,gloves"_s
                                           << QByteArray(R"({"ppe_requirements":["gloves","helmet"]})");
    QTest::newRow("set of blanks") << permit << u"ppe_requirements= , ,"_s
                                   << QByteArray(R"({"ppe_requirements":[]})");
    QTest::newRow("set with a duplicate")
        << permit << u"ppe_requirements=helmet,helmet"_s << QByteArray(R"({"ppe_requirements":["helmet"]})");
    QTest::newRow("one item set") << permit << u"ppe_requirements=harness"_s
                                  << QByteArray(R"({"ppe_requirements":["harness"]})");
    QTest::newRow("empty set") << permit << u"ppe_requirements="_s
                               << QByteArray(R"({"ppe_requirements":[]})");
    QTest::newRow("lock ids") << u"isolation-point"_s << u"lock_ids=L-7,L-3"_s
                              << QByteArray(R"({"lock_ids":["L-3","L-7"]})");

    // Checklist items, one at a time.
    QTest::newRow("tick") << permit << u"safety_checklist.gas_tested=true"_s
                          << QByteArray(R"({"safety_checklist":{"gas_tested":true}})");
    QTest::newRow("un-tick") << permit << u"safety_checklist.gas_tested=false"_s
                             << QByteArray(R"({"safety_checklist":{"gas_tested":false}})");

    // Choices, dates and times.
    QTest::newRow("choice") << permit << u"work_type=hot_work"_s << QByteArray(R"({"work_type":"hot_work"})");
    QTest::newRow("gas choice") << gas << u"gas=H2S"_s << QByteArray(R"({"gas":"H2S"})");
    QTest::newRow("unit choice") << gas << u"unit=%LEL"_s << QByteArray(R"({"unit":"%LEL"})");
    QTest::newRow("timestamp") << permit << u"valid_from=2026-11-21T10:30:00Z"_s
                               << QByteArray(R"({"valid_from":"2026-11-21T10:30:00Z"})");
    QTest::newRow("timestamp with an offset") << permit << u"valid_to=2026-11-21T10:30:00+05:30"_s
                                              << QByteArray(R"({"valid_to":"2026-11-21T10:30:00+05:30"})");
    QTest::newRow("date") << task << u"due_date=2026-11-30"_s << QByteArray(R"({"due_date":"2026-11-30"})");
    QTest::newRow("uuid") << task << u"permit_id=6f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f"_s
                          << QByteArray(R"({"permit_id":"6f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f"})");
    QTest::newRow("project_id") << task << u"project_id=site-7"_s << QByteArray(R"({"project_id":"site-7"})");

    // An empty value clears a field that is not required.
    QTest::newRow("clear description")
        << permit << u"description="_s << QByteArray(R"({"description":null})");
    QTest::newRow("clear location") << permit << u"location="_s << QByteArray(R"({"location":null})");
    QTest::newRow("clear choice") << permit << u"work_type="_s << QByteArray(R"({"work_type":null})");
    QTest::newRow("clear timestamp") << permit << u"valid_to="_s << QByteArray(R"({"valid_to":null})");
    QTest::newRow("clear date") << task << u"due_date="_s << QByteArray(R"({"due_date":null})");
    QTest::newRow("clear link") << task << u"permit_id="_s << QByteArray(R"({"permit_id":null})");
    QTest::newRow("clear unit") << gas << u"unit="_s << QByteArray(R"({"unit":null})");
}

void TestFieldValues::assignmentsAreReadByTheFieldsType()
{
    QFETCH(QString, entity);
    QFETCH(QString, assignment);
    QFETCH(QByteArray, expectedChanges);

    QJsonObject changes;
    const Result<void> result = FieldValues::parseAssignment(schemaNamed(entity), assignment, {}, changes);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
    QCOMPARE(compact(changes), compact(json(expectedChanges)));
}

void TestFieldValues::badAssignmentsAreRefusedAndChangeNothing_data()
{
    QTest::addColumn<QString>("entity");
    QTest::addColumn<QString>("assignment");
    QTest::addColumn<QString>("expectedCode");
    QTest::addColumn<QString>("expectedMessage");

    const QString permit = u"permit"_s;
    const QString gas = u"gas-reading"_s;
    const QString validation = u"validation"_s;

    QTest::newRow("no '='") << permit << u"title"_s << u"usage"_s << u"expected field=value, got 'title'"_s;
    QTest::newRow("no name") << permit << u"=Hot work"_s << u"usage"_s
                             << u"expected field=value, got '=Hot work'"_s;

    QTest::newRow("not a number") << gas << u"value=abc"_s << validation << u"value: 'abc' is not a number"_s;
    QTest::newRow("decimal comma") << gas << u"value=20,9"_s << validation
                                   << u"value: '20,9' is not a number"_s;
    QTest::newRow("number with unit")
        << gas << u"value=20.9%"_s << validation << u"value: '20.9%' is not a number"_s;
    QTest::newRow("empty number") << gas << u"value="_s << validation << u"value: '' is not a number"_s;
    QTest::newRow("nan") << gas << u"value=nan"_s << validation << u"value: must be a number"_s;
    QTest::newRow("inf") << gas << u"value=inf"_s << validation << u"value: must be a number"_s;

    QTest::newRow("checklist yes") << permit << u"safety_checklist.gas_tested=yes"_s << validation
                                   << u"safety_checklist.gas_tested must be true or false"_s;
    QTest::newRow("checklist True") << permit << u"safety_checklist.gas_tested=True"_s << validation
                                    << u"safety_checklist.gas_tested must be true or false"_s;
    QTest::newRow("checklist 1") << permit << u"safety_checklist.gas_tested=1"_s << validation
                                 << u"safety_checklist.gas_tested must be true or false"_s;
    QTest::newRow("whole checklist") << permit << u"safety_checklist=true"_s << u"usage"_s
                                     << u"set checklist items one at a time: safety_checklist.ITEM=true"_s;
    QTest::newRow("checklist without item")
        << permit << u"safety_checklist.=true"_s << u"usage"_s
        << u"set checklist items one at a time: safety_checklist.ITEM=true"_s;
    QTest::newRow("item of a text field")
        << permit << u"title.main=Hot work"_s << validation << u"title has no items"_s;

    QTest::newRow("not a choice") << permit << u"work_type=welding"_s << validation
                                  << u"work_type: must be one of hot_work, confined_space, work_at_height, "
                                     u"excavation, electrical, lifting, general"_s;
    QTest::newRow("choice in the wrong case")
        << gas << u"gas=o2"_s << validation << u"gas: must be one of O2, LEL, H2S, CO, other"_s;
    QTest::newRow("bad timestamp") << permit << u"valid_from=tomorrow"_s << validation
                                   << u"valid_from: must be an ISO 8601 date and time"_s;
    QTest::newRow("date for a timestamp") << permit << u"valid_from=2026-11-21"_s << validation
                                          << u"valid_from: must be an ISO 8601 date and time"_s;
    QTest::newRow("timestamp with a space") << permit << u"valid_from=2026-11-21 06:00"_s << validation
                                            << u"valid_from: must be an ISO 8601 date and time"_s;
    QTest::newRow("local hour 25") << permit << u"valid_from=2026-11-21T25:00"_s << validation
                                   << u"valid_from: must be an ISO 8601 date and time"_s;
    QTest::newRow("local February 30") << permit << u"valid_from=2026-02-30T06:00"_s << validation
                                       << u"valid_from: must be an ISO 8601 date and time"_s;
    QTest::newRow("offset without a colon")
        << permit << u"valid_from=2026-11-21T06:00:00+0200"_s << validation
        << u"valid_from: must be an ISO 8601 date and time"_s;
    // The clocks go from 02:00 to 03:00 on 29 March 2026 in the test's zone.
    QTest::newRow("local time skipped in spring")
        << permit << u"valid_from=2026-03-29T02:30"_s << validation
        << u"valid_from: 2026-03-29T02:30 does not exist in the local time zone"_s;
    QTest::newRow("bad date") << u"task"_s << u"due_date=30/11/2026"_s << validation
                              << u"due_date: must be a date (YYYY-MM-DD)"_s;
    QTest::newRow("bad uuid") << u"task"_s << u"permit_id=PTW-12"_s << validation
                              << u"permit_id: must be a UUID"_s;
    QTest::newRow("clear a required field") << permit << u"title="_s << validation << u"title: is required"_s;
    QTest::newRow("blank required field")
        << permit << u"title=   "_s << validation << u"title: is required"_s;
    QTest::newRow("clear a required choice") << gas << u"gas="_s << validation << u"gas: is required"_s;
    QTest::newRow("too long") << permit << QString(u"title="_s + QString(201, u'x')) << validation
                              << u"title: longer than 200 characters"_s;
}

void TestFieldValues::badAssignmentsAreRefusedAndChangeNothing()
{
    QFETCH(QString, entity);
    QFETCH(QString, assignment);
    QFETCH(QString, expectedCode);
    QFETCH(QString, expectedMessage);

    const QJsonObject before = json(R"({"location":"Gate 3"})");
    QJsonObject changes = before;
    const QJsonObject current = json(R"({"title":"Hot work","safety_checklist":{"barricaded":true}})");
    const Result<void> result =
        FieldValues::parseAssignment(schemaNamed(entity), assignment, current, changes);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, expectedCode);
    QCOMPARE(result.error().message, expectedMessage);
    QCOMPARE(changes, before);
}

void TestFieldValues::aChecklistItemKeepsTheOtherItemsOfTheRecord()
{
    const QJsonObject current = json(
        R"({"title":"Hot work","safety_checklist":{"barricaded":true,"fire_watch":false,"gas_tested":false}})");
    QJsonObject changes;
    QVERIFY(FieldValues::parseAssignment(schemaNamed(u"permit"_s), u"safety_checklist.gas_tested=true"_s,
                                         current, changes)
                .ok());
    QCOMPARE(
        compact(changes),
        compact(json(R"({"safety_checklist":{"barricaded":true,"fire_watch":false,"gas_tested":true}})")));
    // Only the checklist is a change: the record's other fields are not copied into it.
    QVERIFY(!changes.contains(u"title"_s));
}

void TestFieldValues::checklistItemsAccumulateWithinOneEdit()
{
    const QJsonObject current = json(R"({"safety_checklist":{"barricaded":true}})");
    QJsonObject changes;
    const EntitySchema &permit = schemaNamed(u"permit"_s);
    QVERIFY(
        FieldValues::parseAssignment(permit, u"safety_checklist.gas_tested=true"_s, current, changes).ok());
    QVERIFY(
        FieldValues::parseAssignment(permit, u"safety_checklist.barricaded=false"_s, current, changes).ok());
    QVERIFY(
        FieldValues::parseAssignment(permit, u"safety_checklist.fire_watch=true"_s, current, changes).ok());
    QVERIFY(FieldValues::parseAssignment(permit, u"title=Hot work"_s, current, changes).ok());
    QCOMPARE(compact(changes), compact(json(R"({"title":"Hot work",
                              "safety_checklist":{"barricaded":false,"fire_watch":true,"gas_tested":true}})")));
}

void TestFieldValues::anUnknownFieldNamesTheFieldsThereAre()
{
    QJsonObject changes;
    const Result<void> permit =
        FieldValues::parseAssignment(schemaNamed(u"permit"_s), u"colour=red"_s, {}, changes);
    QVERIFY(!permit.ok());
    QCOMPARE(permit.error().code, u"unknown_field"_s); // as RecordValidator::checkChangeData says
    QCOMPARE(
        permit.error().message,
        u"permit has no field 'colour' (fields: title, description, location, work_type, status, valid_from, "
        u"valid_to, assignee, ppe_requirements, safety_checklist)"_s);

    const Result<void> item = FieldValues::parseAssignment(schemaNamed(u"gas-reading"_s),
                                                           u"checklist.gas_tested=true"_s, {}, changes);
    QVERIFY(!item.ok());
    QCOMPARE(item.error().code, u"unknown_field"_s);
    QCOMPARE(
        item.error().message,
        u"gas-reading has no field 'checklist' (fields: permit_id, gas, value, unit, taken_at, taken_by)"_s);
    QVERIFY(changes.isEmpty());
}

void TestFieldValues::timestampsNeedADateATimeAndAZone_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");

    QTest::newRow("UTC") << u"2026-11-21T10:30:00Z"_s << true;
    QTest::newRow("UTC with milliseconds") << u"2026-11-21T10:30:00.123Z"_s << true;
    QTest::newRow("UTC without seconds") << u"2026-11-21T10:30Z"_s << true;
    QTest::newRow("with an offset") << u"2026-11-21T10:30:00+02:00"_s << true;
    QTest::newRow("with a negative offset") << u"2026-11-21T10:30:00-05:00"_s << true;
    QTest::newRow("hour 25") << u"2026-11-21T25:00:00Z"_s << false;
    QTest::newRow("month 13") << u"2026-13-01T10:00:00Z"_s << false;
    QTest::newRow("February 30") << u"2026-02-30T10:00:00Z"_s << false;
    QTest::newRow("words") << u"next monday"_s << false;
    QTest::newRow("empty") << QString() << false;
    // A time without a zone is read in the local zone of whichever machine reads it: the device
    // and the server would then disagree about when a permit is valid (FieldType::Timestamp is UTC).
    QTest::newRow("no zone") << u"2026-11-21T10:30:00"_s << false;
    QTest::newRow("no zone, no seconds") << u"2026-11-21T10:30"_s << false;
    QTest::newRow("date only") << u"2026-11-21"_s << false;
    QTest::newRow("date only with Z") << u"2026-11-21Z"_s << false;
    QTest::newRow("offset without a colon") << u"2026-11-21T10:30:00+0200"_s << false;
    QTest::newRow("offset hours only") << u"2026-11-21T10:30:00+02"_s << false;
    QTest::newRow("lower-case z") << u"2026-11-21T10:30:00z"_s << false;
    QTest::newRow("space instead of T") << u"2026-11-21 10:30:00Z"_s << false;
    QTest::newRow("zone name") << u"2026-11-21T10:30:00 UTC"_s << false;
    QTest::newRow("leap day") << u"2028-02-29T10:30:00Z"_s << true;
    QTest::newRow("no leap day") << u"2026-02-29T10:30:00Z"_s << false;
    QTest::newRow("many fraction digits") << u"2026-11-21T10:30:00.123456789Z"_s << true;
    QTest::newRow("dot without a fraction") << u"2026-11-21T10:30:00.Z"_s << false;
    QTest::newRow("fraction without seconds") << u"2026-11-21T10:30.5Z"_s << false;
    QTest::newRow("midnight at the end of the day") << u"2026-11-21T24:00:00Z"_s << true;
    QTest::newRow("past the end of the day") << u"2026-11-21T24:00:01Z"_s << false;
    QTest::newRow("hour 24 and minutes") << u"2026-11-21T24:30Z"_s << false;
    QTest::newRow("minute 60") << u"2026-11-21T10:60:00Z"_s << false;
    QTest::newRow("second 60") << u"2026-11-21T10:30:60Z"_s << false;
    QTest::newRow("offset of 24 hours") << u"2026-11-21T10:30:00+24:00"_s << false;
    QTest::newRow("offset minute 60") << u"2026-11-21T10:30:00+02:60"_s << false;
    QTest::newRow("year 0") << u"0000-01-01T10:30:00Z"_s << false;
    QTest::newRow("text after the zone") << u"2026-11-21T10:30:00Zx"_s << false;
    QTest::newRow("short year") << u"26-11-21T10:30:00Z"_s << false;
    QTest::newRow("full-width digits") << u"２０２６-11-21T10:30:00Z"_s << false;
}

void TestFieldValues::timestampInstantsAgreeWithQt_data()
{
    QTest::addColumn<QString>("text");

    QTest::newRow("UTC") << u"2026-11-21T10:30:00Z"_s;
    QTest::newRow("milliseconds") << u"2026-11-21T10:30:00.123Z"_s;
    QTest::newRow("tenths") << u"2026-11-21T10:30:00.5Z"_s;
    QTest::newRow("no seconds") << u"2026-11-21T10:30Z"_s;
    QTest::newRow("ahead of UTC over midnight") << u"2026-01-01T01:30:00+05:30"_s;
    QTest::newRow("behind UTC over a year end") << u"2026-12-31T22:00:00-03:00"_s;
    QTest::newRow("leap day") << u"2028-02-29T23:59:59.999Z"_s;
    QTest::newRow("before 1970") << u"1969-07-20T20:17:40Z"_s;
    QTest::newRow("epoch") << u"1970-01-01T00:00:00Z"_s;
    QTest::newRow("24:00 is the next midnight") << u"2026-12-31T24:00:00Z"_s;
    QTest::newRow("24:00 without seconds") << u"2026-02-28T24:00+01:00"_s;
    QTest::newRow("a fraction rounded up") << u"2026-11-21T10:30:00.0005Z"_s;
    QTest::newRow("a fraction rounded down") << u"2026-11-21T10:30:00.12349Z"_s;
    QTest::newRow("rounded into the next second") << u"2026-11-21T10:30:59.9996Z"_s;
}

// valid_to must come after valid_from as instants, whatever zones they are written in: the
// hand-written reader must place every timestamp where QDateTime does.
void TestFieldValues::timestampInstantsAgreeWithQt()
{
    QFETCH(QString, text);

    const std::optional<qint64> instant = IsoTimestamp::parseZoned(text);
    QVERIFY(instant);
    const QDateTime qt = QDateTime::fromString(text, Qt::ISODate);
    QVERIFY(qt.isValid());
    QCOMPARE(*instant, qt.toMSecsSinceEpoch());
}

void TestFieldValues::timestampsNeedADateATimeAndAZone()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);

    const Result<QJsonValue> result =
        FieldValues::checked(fieldOf(u"permit"_s, u"valid_from"_s), QJsonValue(text));
    QCOMPARE(result.ok(), valid);
    if (!valid) {
        QCOMPARE(result.error().code, u"validation"_s);
        QCOMPARE(result.error().message, u"valid_from: must be an ISO 8601 date and time"_s);
    } else {
        QCOMPARE(result.value(), QJsonValue(text));
    }
}

void TestFieldValues::datesAreExactlyADayOfTheCalendar_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");

    QTest::newRow("a date") << u"2026-12-10"_s << true;
    QTest::newRow("leap day") << u"2028-02-29"_s << true;
    QTest::newRow("not a leap year") << u"2026-02-29"_s << false;
    QTest::newRow("month 13") << u"2026-13-45"_s << false;
    // Qt's ISO reading stops after the date and lets these through.
    QTest::newRow("text after the date") << u"2026-12-10xyz"_s << false;
    QTest::newRow("a time after the date") << u"2026-12-10T08:00:00Z"_s << false;
    QTest::newRow("a space after the date") << u"2026-12-10 "_s << false;
    QTest::newRow("one-digit month") << u"2026-1-10"_s << false;
    QTest::newRow("words") << u"tomorrow"_s << false;
    QTest::newRow("empty") << QString() << false;
}

void TestFieldValues::datesAreExactlyADayOfTheCalendar()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);

    const Result<QJsonValue> result =
        FieldValues::checked(fieldOf(u"task"_s, u"due_date"_s), QJsonValue(text));
    QCOMPARE(result.ok(), valid);
    if (!valid)
        QCOMPARE(result.error().message, u"due_date: must be a date (YYYY-MM-DD)"_s);
}

void TestFieldValues::aLocalTimeTypedOnTheCommandLineIsStoredAsUtc_data()
{
    QTest::addColumn<QString>("entity");
    QTest::addColumn<QString>("assignment");
    QTest::addColumn<QByteArray>("expectedChanges");

    const QString permit = u"permit"_s;
    // The test's zone is UTC+1 in winter and UTC+2 in summer (see initTestCase).
    QTest::newRow("winter") << permit << u"valid_from=2026-11-21T06:00"_s
                            << QByteArray(R"({"valid_from":"2026-11-21T05:00:00Z"})");
    QTest::newRow("summer") << permit << u"valid_from=2026-07-01T06:00"_s
                            << QByteArray(R"({"valid_from":"2026-07-01T04:00:00Z"})");
    QTest::newRow("with seconds") << permit << u"valid_to=2026-11-21T18:15:30"_s
                                  << QByteArray(R"({"valid_to":"2026-11-21T17:15:30Z"})");
    QTest::newRow("with milliseconds") << permit << u"valid_to=2026-11-21T18:15:30.250"_s
                                       << QByteArray(R"({"valid_to":"2026-11-21T17:15:30.250Z"})");
    QTest::newRow("back into the previous year") << permit << u"valid_from=2026-01-01T00:30"_s
                                                 << QByteArray(R"({"valid_from":"2025-12-31T23:30:00Z"})");
    QTest::newRow("the hour after the clocks go forward")
        << permit << u"valid_from=2026-03-29T03:00"_s
        << QByteArray(R"({"valid_from":"2026-03-29T01:00:00Z"})");
    QTest::newRow("a gas reading") << u"gas-reading"_s << u"taken_at=2026-11-21T09:45"_s
                                   << QByteArray(R"({"taken_at":"2026-11-21T08:45:00Z"})");
    // A zone that is typed is kept as typed.
    QTest::newRow("typed in UTC") << permit << u"valid_from=2026-11-21T06:00:00Z"_s
                                  << QByteArray(R"({"valid_from":"2026-11-21T06:00:00Z"})");
    QTest::newRow("typed with an offset") << permit << u"valid_from=2026-11-21T06:00:00-03:00"_s
                                          << QByteArray(R"({"valid_from":"2026-11-21T06:00:00-03:00"})");
}

void TestFieldValues::aLocalTimeTypedOnTheCommandLineIsStoredAsUtc()
{
    QFETCH(QString, entity);
    QFETCH(QString, assignment);
    QFETCH(QByteArray, expectedChanges);

    QJsonObject changes;
    const Result<void> result = FieldValues::parseAssignment(schemaNamed(entity), assignment, {}, changes);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
    QCOMPARE(compact(changes), compact(json(expectedChanges)));
    // What the command line stores is what checked() takes from anyone else.
    const QString field = changes.keys().constFirst();
    const Result<QJsonValue> stored =
        FieldValues::checked(*schemaNamed(entity).field(field), changes.value(field));
    QVERIFY(stored.ok());
}

void TestFieldValues::equalTreatsAbsentAsNullAndSetsWithoutOrder_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("a");
    QTest::addColumn<QJsonValue>("b");
    QTest::addColumn<bool>("equal");

    const QJsonValue absent(QJsonValue::Undefined);
    const QJsonValue null(QJsonValue::Null);
    QTest::newRow("absent and null") << u"location"_s << absent << null << true;
    QTest::newRow("null and empty text") << u"location"_s << null << QJsonValue(QString()) << false;
    QTest::newRow("same text") << u"location"_s << QJsonValue(u"A"_s) << QJsonValue(u"A"_s) << true;
    QTest::newRow("text differs in case")
        << u"location"_s << QJsonValue(u"A"_s) << QJsonValue(u"a"_s) << false;
    QTest::newRow("set in another order")
        << u"ppe_requirements"_s << QJsonValue(QJsonArray{u"helmet"_s, u"gloves"_s})
        << QJsonValue(QJsonArray{u"gloves"_s, u"helmet"_s}) << true;
    QTest::newRow("set with a duplicate")
        << u"ppe_requirements"_s << QJsonValue(QJsonArray{u"helmet"_s, u"helmet"_s})
        << QJsonValue(QJsonArray{u"helmet"_s}) << true;
    QTest::newRow("sorted set with a duplicate")
        << u"ppe_requirements"_s << QJsonValue(QJsonArray{u"gloves"_s, u"helmet"_s, u"helmet"_s})
        << QJsonValue(QJsonArray{u"gloves"_s, u"helmet"_s}) << true;
    // A non-string item reads as empty text whatever order the list is in.
    QTest::newRow("sorted list with a non-string item")
        << u"ppe_requirements"_s << QJsonValue(QJsonArray{1, u"helmet"_s})
        << QJsonValue(QJsonArray{u""_s, u"helmet"_s}) << true;
    QTest::newRow("different sets") << u"ppe_requirements"_s << QJsonValue(QJsonArray{u"helmet"_s})
                                    << QJsonValue(QJsonArray{u"gloves"_s}) << false;
    QTest::newRow("absent set and null") << u"ppe_requirements"_s << absent << null << true;
    QTest::newRow("checklists") << u"safety_checklist"_s
                                << QJsonValue(QJsonObject{{u"a"_s, true}, {u"b"_s, false}})
                                << QJsonValue(QJsonObject{{u"b"_s, false}, {u"a"_s, true}}) << true;
    QTest::newRow("checklist with a missing item")
        << u"safety_checklist"_s << QJsonValue(QJsonObject{{u"a"_s, true}})
        << QJsonValue(QJsonObject{{u"a"_s, true}, {u"b"_s, false}}) << false;
}

void TestFieldValues::equalTreatsAbsentAsNullAndSetsWithoutOrder()
{
    QFETCH(QString, field);
    QFETCH(QJsonValue, a);
    QFETCH(QJsonValue, b);
    QFETCH(bool, equal);

    const FieldSpec &spec = fieldOf(u"permit"_s, field);
    QCOMPARE(FieldValues::equal(spec, a, b), equal);
    QCOMPARE(FieldValues::equal(spec, b, a), equal);
}

void TestFieldValues::displayTextShowsValuesForPeople_data()
{
    QTest::addColumn<QString>("entity");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("expected");

    QTest::newRow("text") << u"permit"_s << u"title"_s << QJsonValue(u"Hot work"_s) << u"Hot work"_s;
    QTest::newRow("null") << u"permit"_s << u"location"_s << QJsonValue(QJsonValue::Null) << QString();
    QTest::newRow("number") << u"gas-reading"_s << u"value"_s << QJsonValue(20.9) << u"20.9"_s;
    QTest::newRow("set sorted") << u"permit"_s << u"ppe_requirements"_s
                                << QJsonValue(QJsonArray{u"helmet"_s, u"gloves"_s}) << u"gloves, helmet"_s;
    QTest::newRow("checklist") << u"permit"_s << u"safety_checklist"_s
                               << QJsonValue(QJsonObject{{u"gas_tested"_s, true}, {u"barricaded"_s, false}})
                               << u"[ ] barricaded, [x] gas_tested"_s;
}

void TestFieldValues::displayTextShowsValuesForPeople()
{
    QFETCH(QString, entity);
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    QFETCH(QString, expected);

    QCOMPARE(FieldValues::displayText(fieldOf(entity, field), value), expected);
}

void TestFieldValues::checkedSaysWhetherItRewroteTheValue_data()
{
    QTest::addColumn<QString>("entity");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<bool>("rewritten");

    QTest::newRow("string") << u"permit"_s << u"title"_s << QJsonValue(u"Hot work "_s) << false;
    QTest::newRow("text") << u"permit"_s << u"description"_s << QJsonValue(u"Line\nline"_s) << false;
    QTest::newRow("choice") << u"permit"_s << u"work_type"_s << QJsonValue(u"hot_work"_s) << false;
    QTest::newRow("status") << u"permit"_s << u"status"_s << QJsonValue(u"draft"_s) << false;
    QTest::newRow("timestamp with offset")
        << u"permit"_s << u"valid_from"_s << QJsonValue(u"2026-12-07T08:00:00+01:00"_s) << false;
    QTest::newRow("date") << u"task"_s << u"due_date"_s << QJsonValue(u"2026-12-24"_s) << false;
    QTest::newRow("number") << u"gas-reading"_s << u"value"_s << QJsonValue(20.9) << false;
    QTest::newRow("uuid") << u"gas-reading"_s << u"permit_id"_s
                          << QJsonValue(u"0193a5f2-7c1e-7b3a-9c4d-5e6f7a8b9c0d"_s) << false;
    QTest::newRow("checklist") << u"permit"_s << u"safety_checklist"_s
                               << QJsonValue(QJsonObject{{u"b"_s, true}, {u"a"_s, false}}) << false;
    QTest::newRow("null") << u"permit"_s << u"location"_s << QJsonValue(QJsonValue::Null) << false;
    QTest::newRow("absent") << u"permit"_s << u"location"_s << QJsonValue(QJsonValue::Undefined) << true;
    QTest::newRow("set already sorted")
        << u"permit"_s << u"ppe_requirements"_s << QJsonValue(QJsonArray{u"gloves"_s, u"helmet"_s}) << false;
    QTest::newRow("set out of order")
        << u"permit"_s << u"ppe_requirements"_s << QJsonValue(QJsonArray{u"helmet"_s, u"gloves"_s}) << true;
    QTest::newRow("set with a repeat")
        << u"permit"_s << u"ppe_requirements"_s << QJsonValue(QJsonArray{u"gloves"_s, u"gloves"_s}) << true;
    QTest::newRow("empty set") << u"permit"_s << u"ppe_requirements"_s << QJsonValue(QJsonArray{}) << false;
}

void TestFieldValues::checkedSaysWhetherItRewroteTheValue()
{
    QFETCH(QString, entity);
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    QFETCH(bool, rewritten);

    bool saidRewritten = !rewritten;
    const Result<QJsonValue> canonical = FieldValues::checked(fieldOf(entity, field), value, &saidRewritten);
    QVERIFY2(canonical.ok(), qPrintable(canonical.ok() ? QString() : canonical.error().toString()));
    QCOMPARE(saidRewritten, rewritten);
    // What callers rely on instead of comparing: unchanged means the very same value.
    QCOMPARE(canonical.value() != value, rewritten);
}

QTEST_GUILESS_MAIN(TestFieldValues)
#include "tst_fieldvalues.moc"
