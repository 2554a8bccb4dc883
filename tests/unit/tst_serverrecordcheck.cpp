// checkServerRecordInOnePass against RecordValidator::checkServerRecord, the lookups it replaces
// for every record a sync brings: the same verdict and the same error, on random records of every
// entity (fields present or not, of their type or another, unknown keys, server fields of any type).
#include "domain/RecordValidator.h"
#include "sync/ServerRecordCheck.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

using namespace fieldsync;

namespace {

QString describe(const Result<void> &result)
{
    return result ? QStringLiteral("ok")
                  : result.error().code + QStringLiteral(": ") + result.error().message;
}

class Records
{
public:
    explicit Records(quint32 seed)
        : m_random(seed)
    {}

    bool chance(int percent) { return int(m_random.bounded(100)) < percent; }

    // A value of any JSON type, some of them of a field's type by chance.
    QJsonValue anyValue()
    {
        switch (m_random.bounded(9)) {
        case 0:
            return QJsonValue();
        case 1:
            return QStringLiteral("text");
        case 2:
            return QString();
        case 3:
            return 2.5;
        case 4:
            return chance(50);
        case 5:
            return QJsonArray{QStringLiteral("a"), QStringLiteral("b")};
        case 6:
            return QJsonArray{QStringLiteral("a"), 1};
        case 7:
            return QJsonObject{{QStringLiteral("a"), true}, {QStringLiteral("b"), false}};
        default:
            return QJsonObject{{QStringLiteral("a"), true}, {QStringLiteral("b"), QStringLiteral("x")}};
        }
    }

    QJsonValue soundValue(const EntitySchema &schema, const FieldSpec &spec)
    {
        switch (spec.type) {
        case FieldType::Number:
            return 3.0;
        case FieldType::StringSet:
            return chance(20) ? QJsonArray() : QJsonArray{QStringLiteral("gloves")};
        case FieldType::BoolMap:
            return chance(20) ? QJsonObject() : QJsonObject{{QStringLiteral("gas"), true}};
        case FieldType::Status:
            return schema.workflow ? schema.workflow->initialState() : QStringLiteral("draft");
        default:
            return spec.choices.isEmpty() ? QStringLiteral("value") : spec.choices.constFirst();
        }
    }

    QJsonObject record(const EntitySchema &schema)
    {
        QJsonObject data;
        const QStringList server{RecordMeta::ProjectId, RecordMeta::UpdatedAt, RecordMeta::UpdatedBy,
                                 RecordMeta::DeviceId};
        for (const QString &name : server) {
            if (chance(90))
                data.insert(name, chance(90) ? QJsonValue(QStringLiteral("p-1")) : anyValue());
        }
        for (const FieldSpec &spec : schema.fields) {
            if (chance(85))
                data.insert(spec.name, chance(92) ? soundValue(schema, spec) : anyValue());
        }
        if (chance(10))
            data.insert(RecordMeta::Status,
                        chance(50) ? QJsonValue(QStringLiteral("no_such_state")) : anyValue());
        if (chance(20))
            data.insert(QStringLiteral("added_later"), anyValue());
        return data;
    }

private:
    QRandomGenerator m_random;
};

} // namespace

class ServerRecordCheckTest : public QObject
{
    Q_OBJECT

private slots:
    void decidesAsTheLookupsDo()
    {
        Records records(20261207);
        QSet<QString> verdicts;
        int sound = 0;
        for (int round = 0; round < 4000; ++round) {
            for (const EntitySchema *schema : EntitySchema::all()) {
                const QJsonObject data = records.record(*schema);
                const QString expected = describe(RecordValidator::checkServerRecord(*schema, data));
                const QString actual = describe(checkServerRecordInOnePass(*schema, data));
                if (actual != expected)
                    QFAIL(qPrintable(
                        QStringLiteral("%1 %2: %3, not %4")
                            .arg(schema->wireName,
                                 QString::fromUtf8(QJsonDocument(data).toJson(QJsonDocument::Compact)),
                                 actual, expected)));
                verdicts.insert(expected);
                sound += expected == QLatin1String("ok") ? 1 : 0;
            }
        }
        // Sound records and records wrong in many ways were both met.
        QVERIFY2(sound > 1000, qPrintable(QString::number(sound)));
        QVERIFY2(verdicts.size() > 30, qPrintable(QString::number(verdicts.size())));
    }

    void emptyAndServerOnlyRecords()
    {
        for (const EntitySchema *schema : EntitySchema::all()) {
            for (const QJsonObject &data :
                 {QJsonObject(), QJsonObject{{RecordMeta::ProjectId, QStringLiteral("p")}},
                  QJsonObject{{RecordMeta::ProjectId, 1}}, QJsonObject{{RecordMeta::DeviceId, true}}}) {
                QCOMPARE(describe(checkServerRecordInOnePass(*schema, data)),
                         describe(RecordValidator::checkServerRecord(*schema, data)));
            }
        }
    }
};

QTEST_GUILESS_MAIN(ServerRecordCheckTest)
#include "tst_serverrecordcheck.moc"
