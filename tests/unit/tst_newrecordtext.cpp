// NewRecordText (the server's create of data kept as the device wrote it) against the general
// create's checks and encoding: whatever check() takes, the data parses, checkChangeData() and
// checkNewResult() pass it as the general create calls them, and recordText() writes the very
// bytes JsonWriter::compactWith() writes of the record the general create makes. Checked on
// records of every entity and role with fields of every kind of value, on their texts altered
// byte by byte, and on hand-made edge cases.

#include "common/JsonWriter.h"
#include "domain/ChangeOp.h"
#include "domain/EntitySchema.h"
#include "domain/NewRecordText.h"
#include "domain/RecordValidator.h"
#include "domain/Role.h"
#include "protocol/JsonReader.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QTest>

using namespace fieldsync;
using namespace Qt::StringLiterals;

namespace {

const QString PermitUuid = u"6f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f"_s;

const QList<Role> Roles{Role::Foreman, Role::Pm, Role::Admin};

// Text of every kind a string may hold, of lengths around the limits.
QString randomText(QRandomGenerator &random)
{
    static const QList<char16_t> units{u' ', u'"',  u'\\',  u'/',   u'\n',  u'\t',  0x01,   0x7f, 0xa0,
                                       0xe9, 0x800, 0x2028, 0x3000, 0xfffe, 0xd83d, 0xdc00, u'-', u':'};
    static const QList<int> lengths{0, 1, 5, 30, 199, 200, 201};
    const int length = lengths.at(random.bounded(int(lengths.size())));
    const bool special = random.bounded(3) == 0;
    QString text;
    for (int index = 0; index < length; ++index) {
        if (!special || random.bounded(4) != 0) {
            text.append(QChar(char16_t(u'a' + random.bounded(26))));
            continue;
        }
        const char16_t unit = units.at(random.bounded(int(units.size())));
        if (unit == 0xd83d && random.bounded(3) != 0) {
            text.append(QChar(unit));
            text.append(QChar(char16_t(0xde00 + random.bounded(0x50))));
            continue;
        }
        text.append(QChar(unit));
    }
    if (random.bounded(10) == 0)
        text = QString(text.size(), QChar(random.bounded(2) == 0 ? u' ' : QChar(0xa0)));
    return text;
}

// A value for spec: one its checks pass, often at an edge; when wild, as often one of another type
// or one the checks refuse.
QJsonValue randomValue(QRandomGenerator &random, const EntitySchema &schema, const FieldSpec &spec, bool wild)
{
    const auto odd = [&] { return random.bounded(wild ? 3 : 40) == 0; };
    if (odd()) {
        switch (random.bounded(3)) {
        case 0:
            return QJsonValue(QJsonValue::Null);
        case 1: {
            static const QList<QJsonValue> others{true, 0,     1.5,          -0.0,
                                                  1e2,  u""_s, QJsonArray{}, QJsonObject{}};
            return others.at(random.bounded(int(others.size())));
        }
        default:
            return randomText(random);
        }
    }
    switch (spec.type) {
    case FieldType::String:
    case FieldType::Text:
        return randomText(random);
    case FieldType::Choice:
        return odd() ? u"Hot_work"_s : spec.choices.at(random.bounded(int(spec.choices.size())));
    case FieldType::Status: {
        const QStringList states = schema.workflow ? schema.workflow->states() : QStringList{u"x"_s};
        if (odd())
            return u"unknown"_s;
        return random.bounded(2) == 0 ? states.at(0) : states.at(random.bounded(int(states.size())));
    }
    case FieldType::Timestamp: {
        static const QStringList stamps{u"2026-11-21T07:00:00.000Z"_s, u"2026-11-21T15:00:00.000Z"_s,
                                        u"2026-11-21T07:00:00Z"_s, u"2026-11-21T09:00+02:00"_s,
                                        u"2026-11-22T24:00Z"_s};
        static const QStringList wrong{u"2026-02-30T07:00:00Z"_s, u"2026-11-21 07:00:00Z"_s,
                                       u"2026-11-21T07:00:00"_s, u"caf\u00e9"_s};
        return odd() ? wrong.at(random.bounded(int(wrong.size())))
                     : stamps.at(random.bounded(int(stamps.size())));
    }
    case FieldType::Date: {
        static const QStringList dates{u"2026-12-10"_s, u"2028-02-29"_s};
        static const QStringList wrong{u"2026-02-29"_s, u"2026-12-10x"_s, u"10.12.2026"_s};
        return odd() ? wrong.at(random.bounded(int(wrong.size())))
                     : dates.at(random.bounded(int(dates.size())));
    }
    case FieldType::Number:
        return random.bounded(2) == 0 ? QJsonValue(20.9) : QJsonValue(7);
    case FieldType::Uuid:
        return odd() ? u"6F1C2D3E-4B5A-4C6D-8E7F-0A1B2C3D4E5F"_s : PermitUuid;
    case FieldType::StringSet: {
        static const QStringList items{u"face_shield"_s, u"gloves"_s, u"helmet"_s, QString(200, u'y')};
        static const QStringList wrong{u"Helmet"_s,        u""_s,    u"\u00e9"_s,
                                       QString(201, u'x'), u"a b"_s, u"gloves"_s};
        QJsonArray array;
        const int count = odd() ? 101 : random.bounded(4);
        for (int index = 0; index < count; ++index)
            array.append(count > 4 ? u"item%1"_s.arg(index, 3, 10, QChar(u'0')) : items.at(index));
        if (odd())
            array.insert(random.bounded(int(array.size()) + 1), wrong.at(random.bounded(int(wrong.size()))));
        if (odd())
            array.append(3);
        return array;
    }
    case FieldType::BoolMap: {
        static const QStringList keys{u"area_barricaded"_s, u"gas_tested"_s, u"fire_watch_present"_s, u"A"_s,
                                      QString(200, u'k')};
        static const QStringList wrong{u""_s, u"\u00e9t\u00e9"_s, QString(201, u'k'), u"a\"b"_s};
        QJsonObject map;
        const int count = odd() ? 101 : random.bounded(4);
        for (int index = 0; index < count; ++index) {
            const QString key =
                count > 5 ? u"item%1"_s.arg(index) : keys.at(random.bounded(int(keys.size())));
            map.insert(key, random.bounded(2) == 0);
        }
        if (odd())
            map.insert(wrong.at(random.bounded(int(wrong.size()))), true);
        if (odd())
            map.insert(u"gas_tested"_s, u"yes"_s);
        return map;
    }
    }
    return {};
}

QJsonObject randomData(QRandomGenerator &random, const EntitySchema &schema)
{
    const bool wild = random.bounded(3) == 0;
    QJsonObject data;
    switch (random.bounded(wild ? 10 : 30)) {
    case 0:
        break; // no project
    case 1:
        data.insert(RecordMeta::ProjectId, random.bounded(2) == 0 ? QJsonValue(u""_s) : QJsonValue(3));
        break;
    case 2:
        data.insert(RecordMeta::ProjectId, u"caf\u00e9 \"site\"\n"_s);
        break;
    default:
        data.insert(RecordMeta::ProjectId, u"bench"_s);
    }
    for (const FieldSpec &spec : schema.fields) {
        if (random.bounded(6) != 0)
            data.insert(spec.name, randomValue(random, schema, spec, wild));
    }
    if (random.bounded(wild ? 5 : 50) == 0)
        data.insert(random.bounded(2) == 0 ? u"updated_at"_s : u"zzz"_s, u"x"_s);
    return data;
}

// What the general create decides of data as text: the record text it writes with members, or
// nothing when it refuses the data.
std::optional<QByteArray> generalRecord(const EntitySchema &schema, const QByteArray &text, Role role,
                                        std::initializer_list<JsonWriter::StringMember> members)
{
    qsizetype at = 0;
    const std::optional<QJsonObject> parsed = protocol::JsonReader::parseObjectAt(text, at, 64);
    if (!parsed || at != text.size())
        return std::nullopt;
    const QJsonValue project = parsed->value(RecordMeta::ProjectId);
    if (!project.isString() || project.toString().isEmpty())
        return std::nullopt;
    RecordValidator::FieldSet passed = 0;
    const Result<QJsonObject> checked =
        RecordValidator::checkChangeData(schema, ChangeOp::Create, *parsed, &passed);
    if (!checked)
        return std::nullopt;
    QJsonObject record = RecordValidator::withDefaults(schema, checked.value());
    for (const FieldSpec &spec : schema.fields) {
        if (!record.contains(spec.name))
            record.insert(spec.name, QJsonValue(QJsonValue::Null));
    }
    if (!RecordValidator::checkNewResult(schema, passed, record, role))
        return std::nullopt;
    // What the general check calls fine is also what checking everything again calls fine.
    if (!RecordValidator::checkResult(schema, {}, record, role)) {
        qWarning() << "checkNewResult and checkResult differ on" << text;
        return std::nullopt;
    }
    return JsonWriter::compactWith(record, members);
}

// check() against the general create for data as text; whether check() took it.
bool compareWithGeneral(const EntitySchema &schema, const QByteArray &text, Role role)
{
    const std::optional<NewRecordText::Checked> fast = NewRecordText::check(schema, text, role);
    if (!fast)
        return false;
    // Meta values of every kind of text, picked by the data.
    static const QStringList names{u"device-a"_s,
                                   u"Jos\u00e9"_s,
                                   u"a\"b"_s,
                                   u"back\\slash"_s,
                                   u"tab\there"_s,
                                   u"\U0001F600 x"_s,
                                   u"\u6f22\u5b57"_s,
                                   u""_s,
                                   u"0f3c2a1e-6b0d-4f8e-9a55-0c1d2e3f4a5b"_s,
                                   u"site office tablet \u00e9"_s,
                                   u"site office \"tablet\" 3"_s};
    const size_t pick = qHash(text);
    const QString device = names.at(int(pick % names.size()));
    const QString project = fast->projectId;
    const QString now = u"2026-12-07T20:00:00.000Z"_s;
    const QString user = names.at(int((pick / 8) % names.size()));
    const std::initializer_list<JsonWriter::StringMember> members{{RecordMeta::DeviceId, device},
                                                                  {RecordMeta::ProjectId, project},
                                                                  {RecordMeta::UpdatedAt, now},
                                                                  {RecordMeta::UpdatedBy, user}};
    const std::optional<QByteArray> general = generalRecord(schema, text, role, members);
    if (!general) {
        [&] {
            QFAIL(qPrintable(u"taken, but the general create refuses it: %1 by %2: %3"_s.arg(
                schema.wireName, roleName(role), QString::fromUtf8(text))));
        }();
        return false;
    }
    qsizetype at = 0;
    const QJsonObject parsed = *protocol::JsonReader::parseObjectAt(text, at, 64);
    [&] {
        QCOMPARE(fast->projectId, parsed.value(RecordMeta::ProjectId).toString());
        QCOMPARE(NewRecordText::recordText(*fast, members), *general);
    }();
    return !QTest::currentTestFailed();
}

char randomByte(QRandomGenerator &random)
{
    static const QByteArray bytes("\"\\{}[],:0123456789-.tfnul \t\n/abcAZ_\x01\x7f\x80\xc3\xe0\xed\xf0");
    return bytes.at(random.bounded(int(bytes.size())));
}

} // namespace

class TestNewRecordText : public QObject
{
    Q_OBJECT

private slots:
    void randomDataDecidesAsTheGeneralCreate()
    {
        QRandomGenerator random(2026);
        QHash<QString, int> taken;
        int generalTakes = 0;
        for (int round = 0; round < 30000; ++round) {
            // Half of them permits, what the server is sent most.
            const EntitySchema *schema =
                random.bounded(2) == 0
                    ? &EntitySchema::of(EntityKind::Permit)
                    : EntitySchema::all().at(random.bounded(int(EntitySchema::all().size())));
            const QByteArray text = JsonWriter::compact(randomData(random, *schema));
            const Role role = Roles.at(random.bounded(int(Roles.size())));
            if (compareWithGeneral(*schema, text, role))
                ++taken[schema->wireName];
            if (QTest::currentTestFailed())
                return;
            if (generalRecord(*schema, text, role, {}))
                ++generalTakes;
        }
        // Permits, tasks and isolation points are taken often; gas readings and attachments never.
        QVERIFY2(taken.value(u"permit"_s) > 300, qPrintable(QString::number(taken.value(u"permit"_s))));
        QVERIFY(taken.value(u"task"_s) > 100);
        QVERIFY(taken.value(u"isolation_point"_s) > 100);
        QCOMPARE(taken.value(u"gas_reading"_s), 0);
        QCOMPARE(taken.value(u"attachment"_s), 0);
        QVERIFY(generalTakes > 0);
    }

    void alteredTextsDecideAsTheGeneralCreate()
    {
        QRandomGenerator random(11);
        const EntitySchema &schema = EntitySchema::of(EntityKind::Permit);
        int taken = 0;
        for (int round = 0; round < 30000; ++round) {
            QByteArray text = JsonWriter::compact(randomData(random, schema));
            const int edits = 1 + random.bounded(2);
            for (int edit = 0; edit < edits && !text.isEmpty(); ++edit) {
                const int at = random.bounded(int(text.size()));
                switch (random.bounded(3)) {
                case 0:
                    text[at] = randomByte(random);
                    break;
                case 1:
                    text.insert(at, randomByte(random));
                    break;
                default:
                    text.remove(at, 1);
                }
            }
            if (compareWithGeneral(schema, text, Roles.at(random.bounded(int(Roles.size())))))
                ++taken;
            if (QTest::currentTestFailed())
                return;
        }
        QVERIFY2(taken > 100, qPrintable(QString::number(taken)));
    }

    void handMadeData()
    {
        const EntitySchema &schema = EntitySchema::of(EntityKind::Permit);
        const QByteArray good =
            "{\"assignee\":\"foreman1\",\"description\":\"Weld\",\"location\":\"L2\","
            "\"ppe_requirements\":[\"gloves\",\"helmet\"],\"project_id\":\"bench\","
            "\"safety_checklist\":{\"area_barricaded\":true,\"gas_tested\":false},"
            "\"status\":\"draft\",\"title\":\"Hot work\","
            "\"valid_from\":\"2026-11-21T07:00:00.000Z\",\"valid_to\":\"2026-11-21T15:00:00.000Z\","
            "\"work_type\":\"hot_work\"}";
        const auto with = [&](const QByteArray &from, const QByteArray &to) {
            QByteArray text = good;
            text.replace(from, to);
            return text;
        };
        const QList<QByteArray> taken{
            good,
            "{\"project_id\":\"p\",\"title\":\"T\"}",
            "{\"project_id\":\"caf\xc3\xa9\\n\",\"status\":null,\"title\":\" \\t x\"}",
            with("\"status\":\"draft\"", "\"status\":null"),
            with("\"Hot work\"", "\"\xc2\xa0x\xe3\x80\x80\""),
            with("\"Weld\"", "\"\\u0001\\\"\\\\ \xf0\x9f\x98\x80\""),
            with("[\"gloves\",\"helmet\"]", "[]"),
            with("{\"area_barricaded\":true,\"gas_tested\":false}", "{}"),
            with("\"valid_to\":\"2026-11-21T15:00:00.000Z\"", "\"valid_to\":null"),
            with("\"Hot work\"", QByteArray("\"" + QByteArray(200, 'x') + "\"")),
            with("\"Hot work\"", QByteArray("\"" + QByteArray(198, 'x') + "\xf0\x9f\x98\x80\"")),
        };
        const QList<QByteArray> refused{
            "{}",
            "{\"title\":\"T\"}",
            "{\"project_id\":\"\",\"title\":\"T\"}",
            "{\"project_id\":\"p\",\"title\":null}",
            "{\"project_id\":\"p\",\"title\":\"   \"}",
            "{\"project_id\":\"p\",\"title\":\"\xc2\xa0\"}",
            "{\"project_id\":\"p\",\"title\":\"\\t\"}",
            "{\"project_id\":\"p\",\"title\":\"T\",\"updated_at\":\"x\"}",
            "{\"title\":\"T\",\"project_id\":\"p\"}",
            "{\"project_id\":\"p\",\"title\":\"T\",\"title\":\"U\"}",
            "{\"project_id\":\"p\",\"title\":1}",
            "{\"project_id\":\"p\", \"title\":\"T\"}",
            with("\"Hot work\"", QByteArray("\"" + QByteArray(201, 'x') + "\"")),
            with("\"Hot work\"", QByteArray("\"" + QByteArray(199, 'x') + "\xf0\x9f\x98\x80\"")),
            with("\"status\":\"draft\"", "\"status\":\"approved\""),
            with("\"status\":\"draft\"", "\"status\":\"Draft\""),
            with("\"hot_work\"", "\"cold_work\""),
            with("\"hot_work\"", "\"hot\\u005fwork\""),
            with("2026-11-21T15:00:00.000Z", "2026-11-21T07:00:00.000Z"),
            with("2026-11-21T15:00:00.000Z", "2026-02-30T07:00:00.000Z"),
            with("[\"gloves\",\"helmet\"]", "[\"helmet\",\"gloves\"]"),
            with("[\"gloves\",\"helmet\"]", "[\"gloves\",\"gloves\"]"),
            with("[\"gloves\",\"helmet\"]", "[\"\",\"helmet\"]"),
            with("[\"gloves\",\"helmet\"]", "[\"gloves\",1]"),
            with("\"gas_tested\":false", "\"gas_tested\":0"),
            with("\"area_barricaded\":true,\"gas_tested\":false",
                 "\"gas_tested\":false,\"area_barricaded\":true"),
            with("\"area_barricaded\"", "\"\""),
            with("\"Weld\"", "1e2"),
            with("\"Weld\"", "\"\\/\""),
            with("\"Weld\"", "\"\\u0041\""),
            QByteArray(good + " "),
        };
        for (const Role role : Roles) {
            for (const QByteArray &text : taken) {
                QVERIFY2(role != Role::Foreman || NewRecordText::check(schema, text, role).has_value(),
                         text.constData());
                compareWithGeneral(schema, text, role);
                if (QTest::currentTestFailed())
                    return;
            }
            for (const QByteArray &text : refused) {
                const bool fast = NewRecordText::check(schema, text, role).has_value();
                QVERIFY2(!fast || generalRecord(schema, text, role, {}).has_value(), text.constData());
                if (role == Role::Foreman)
                    QVERIFY2(!fast, text.constData());
            }
        }
    }
};

QTEST_APPLESS_MAIN(TestNewRecordText)
#include "tst_newrecordtext.moc"
