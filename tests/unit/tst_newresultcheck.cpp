// RecordValidator::checkNewResult (the server's create path: a new record's fields that
// checkChangeData passed are not checked again) decides every new record as checkResult does:
// the same success or the same error, code and message, for valid and invalid records of every
// entity and role.

#include "domain/ChangeOp.h"
#include "domain/EntitySchema.h"
#include "domain/RecordValidator.h"
#include "domain/Role.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QTest>

using namespace fieldsync;
using namespace Qt::StringLiterals;

namespace {

const QString PermitUuid = u"6f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f"_s;
const QString RecordUuid = u"0b6c8a52-1a63-4a8e-9d8f-2f6b1c7d9e01"_s;
const QString Sha256 = u"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"_s;

// A record of the entity that passes every check, each field given.
QJsonObject validRecord(const EntitySchema &schema)
{
    switch (schema.kind) {
    case EntityKind::Permit:
        return QJsonObject{{u"title"_s, u"Hot work permit 1"_s},
                           {u"description"_s, u"Welding near grid C4"_s},
                           {u"location"_s, u"Level 2"_s},
                           {u"work_type"_s, u"hot_work"_s},
                           {u"status"_s, u"draft"_s},
                           {u"valid_from"_s, u"2026-11-21T07:00:00.000Z"_s},
                           {u"valid_to"_s, u"2026-11-21T15:00:00.000Z"_s},
                           {u"assignee"_s, u"foreman1"_s},
                           {u"ppe_requirements"_s, QJsonArray{u"gloves"_s, u"helmet"_s}},
                           {u"safety_checklist"_s, QJsonObject{{u"gas_tested"_s, true}}}};
    case EntityKind::Task:
        return QJsonObject{{u"title"_s, u"Barricade"_s},     {u"description"_s, u"Tape"_s},
                           {u"status"_s, u"open"_s},         {u"priority"_s, u"high"_s},
                           {u"due_date"_s, u"2026-12-10"_s}, {u"assignee"_s, u"foreman1"_s},
                           {u"permit_id"_s, PermitUuid}};
    case EntityKind::GasReading:
        return QJsonObject{{u"permit_id"_s, PermitUuid},
                           {u"gas"_s, u"O2"_s},
                           {u"value"_s, 20.9},
                           {u"unit"_s, u"%"_s},
                           {u"taken_at"_s, u"2026-11-21T08:00:00Z"_s},
                           {u"taken_by"_s, u"foreman1"_s}};
    case EntityKind::IsolationPoint:
        return QJsonObject{{u"permit_id"_s, PermitUuid},
                           {u"description"_s, u"Valve V-12"_s},
                           {u"status"_s, u"planned"_s},
                           {u"lock_ids"_s, QJsonArray{u"L1"_s, u"L2"_s}}};
    case EntityKind::Attachment:
        return QJsonObject{{u"record_id"_s, RecordUuid},
                           {u"record_entity"_s, u"permit"_s},
                           {u"name"_s, u"photo.jpg"_s},
                           {u"mime_type"_s, u"image/jpeg"_s},
                           {u"bytes"_s, 1234},
                           {u"sha256"_s, Sha256},
                           {u"kind"_s, u"signature"_s},
                           {u"signer_name"_s, u"Ann"_s},
                           {u"signer_role"_s, u"issuer"_s},
                           {u"signed_at"_s, u"2026-11-21T08:00:00Z"_s}};
    }
    return {};
}

// Values of every JSON type and of the edges of each field type's checks.
QList<QJsonValue> candidateValues(const EntitySchema &schema, const FieldSpec &spec)
{
    QList<QJsonValue> values{QJsonValue(QJsonValue::Null),
                             QJsonValue(QJsonValue::Undefined), // left out
                             QJsonValue(true),
                             QJsonValue(7),
                             QJsonValue(-1.5),
                             QJsonValue(u""_s),
                             QJsonValue(u"   "_s),
                             QJsonValue(u"plain text"_s),
                             QJsonValue(QString(200, u'x')),
                             QJsonValue(QString(201, u'x')),
                             QJsonValue(QString(20001, u'y')),
                             QJsonValue(QJsonArray{u"b"_s, u"a"_s, u"b"_s}),
                             QJsonValue(QJsonArray{u"a"_s, u""_s}),
                             QJsonValue(QJsonArray{u"a"_s, 1}),
                             QJsonValue(QJsonObject{{u"x"_s, true}}),
                             QJsonValue(QJsonObject{{u"x"_s, 1}}),
                             QJsonValue(u"2026-11-21T07:00:00Z"_s),
                             QJsonValue(u"2026-11-21T16:00:00.000+02:00"_s),
                             QJsonValue(u"2026-11-21T07:00:00"_s),
                             QJsonValue(u"2026-12-10"_s),
                             QJsonValue(u"2026-02-30"_s),
                             QJsonValue(PermitUuid),
                             QJsonValue(PermitUuid.toUpper()),
                             QJsonValue(Sha256),
                             QJsonValue(u"image/png"_s),
                             QJsonValue(u"image/png\r\nX: y"_s),
                             QJsonValue(101),
                             QJsonValue(2000000),
                             QJsonValue(u"%"_s),
                             QJsonValue(u"ppm"_s)};
    QJsonArray many;
    for (int item = 0; item < 101; ++item)
        many.append(u"item %1"_s.arg(item, 3, 10, QLatin1Char('0')));
    values.append(QJsonValue(many));
    for (const QString &choice : spec.choices)
        values.append(QJsonValue(choice));
    if (spec.type == FieldType::Status && schema.workflow) {
        for (const QString &state : schema.workflow->states())
            values.append(QJsonValue(state));
        values.append(QJsonValue(u"no_such_state"_s));
    }
    return values;
}

void setValue(QJsonObject &record, const QString &key, const QJsonValue &value)
{
    if (value.isUndefined())
        record.remove(key);
    else
        record.insert(key, value);
}

struct Tally
{
    int compared = 0;
    int accepted = 0;
    int refused = 0;
};

// Both ways of checking the record the server's create makes from data, when checkChangeData
// passes it: defaults, the gas reading's who and when, nulls for absent fields.
void compareBothWays(const EntitySchema &schema, const QJsonObject &data, Role role, const QString &userName,
                     Tally &tally)
{
    const ChangeOp op = schema.appendOnly ? ChangeOp::Append : ChangeOp::Create;
    RecordValidator::FieldSet passed = 0;
    const Result<QJsonObject> checked = RecordValidator::checkChangeData(schema, op, data, &passed);
    // The same answer as without the set of fields passed.
    const Result<QJsonObject> plain = RecordValidator::checkChangeData(schema, op, data);
    QCOMPARE(checked.ok(), plain.ok());
    if (!checked) {
        QCOMPARE(checked.error().message, plain.error().message);
        return;
    }
    QCOMPARE(checked.value(), plain.value());
    // The server takes a passed field as present in the record too (it does not look for it).
    for (qsizetype index = 0; index < schema.fields.size(); ++index) {
        const QJsonValue value = checked.value().value(schema.fields.at(index).name);
        QCOMPARE(bool(passed & RecordValidator::fieldSetAt(index)), !value.isUndefined() && !value.isNull());
    }
    QJsonObject record = RecordValidator::withDefaults(schema, checked.value());
    if (schema.kind == EntityKind::GasReading) {
        // As ChangeProcessor fills them in, and takes them out of what was passed.
        if (record.value(u"taken_by"_s).toString().isEmpty())
            record.insert(u"taken_by"_s, userName);
        if (record.value(u"taken_at"_s).isNull() || record.value(u"taken_at"_s).isUndefined())
            record.insert(u"taken_at"_s, u"2026-11-21T09:00:00.000Z"_s);
        passed &= ~(RecordValidator::fieldSetOf(schema, u"taken_by"_s) |
                    RecordValidator::fieldSetOf(schema, u"taken_at"_s));
    }
    for (const FieldSpec &spec : schema.fields) {
        if (!record.contains(spec.name))
            record.insert(spec.name, QJsonValue(QJsonValue::Null));
    }
    const Result<void> general = RecordValidator::checkResult(schema, {}, record, role);
    const Result<void> fast = RecordValidator::checkNewResult(schema, passed, record, role);
    QCOMPARE(fast.ok(), general.ok());
    if (!general.ok()) {
        QCOMPARE(fast.error().code, general.error().code);
        QCOMPARE(fast.error().message, general.error().message);
        ++tally.refused;
    } else {
        ++tally.accepted;
    }
    ++tally.compared;
}

} // namespace

class TestNewResultCheck : public QObject
{
    Q_OBJECT

private slots:
    void decidesAsCheckResult_data()
    {
        QTest::addColumn<int>("kind");
        for (const EntitySchema *schema : EntitySchema::all())
            QTest::newRow(qPrintable(schema->wireName)) << int(schema->kind);
    }

    void decidesAsCheckResult()
    {
        QFETCH(int, kind);
        const EntitySchema &schema = EntitySchema::of(EntityKind(kind));
        const QList<Role> roles{Role::Foreman, Role::Pm, Role::Admin};
        const QString longName = QString(201, u'n');
        Tally tally;

        // Each field on its own through every candidate value, for every role.
        for (const FieldSpec &spec : schema.fields) {
            for (const QJsonValue &value : candidateValues(schema, spec)) {
                QJsonObject data = validRecord(schema);
                setValue(data, spec.name, value);
                for (Role role : roles) {
                    compareBothWays(schema, data, role, u"foreman1"_s, tally);
                    if (QTest::currentTestFailed())
                        return;
                }
                compareBothWays(schema, data, Role::Foreman, longName, tally);
                if (QTest::currentTestFailed())
                    return;
            }
        }

        // Several fields at once, drawn from a fixed seed so that a failure repeats.
        QRandomGenerator random(20261207 + kind);
        for (int round = 0; round < 3000; ++round) {
            QJsonObject data = random.bounded(4) == 0 ? QJsonObject() : validRecord(schema);
            const int changes = 1 + random.bounded(4);
            for (int change = 0; change < changes; ++change) {
                const FieldSpec &spec = schema.fields.at(random.bounded(int(schema.fields.size())));
                const QList<QJsonValue> values = candidateValues(schema, spec);
                setValue(data, spec.name, values.at(random.bounded(int(values.size()))));
            }
            const Role role = roles.at(random.bounded(int(roles.size())));
            compareBothWays(schema, data, role, random.bounded(8) == 0 ? longName : u"foreman1"_s, tally);
            if (QTest::currentTestFailed())
                return;
        }

        // Both outcomes were reached, or the comparison proved little.
        QVERIFY2(tally.accepted > 20, qPrintable(u"only %1 accepted"_s.arg(tally.accepted)));
        QVERIFY2(tally.refused > 20, qPrintable(u"only %1 refused"_s.arg(tally.refused)));
    }
};

QTEST_GUILESS_MAIN(TestNewResultCheck)
#include "tst_newresultcheck.moc"
