// checkServerRecordInOnePass against RecordValidator::checkServerRecord, the lookups it replaces
// for every record a sync brings: the same verdict and the same error, on random records of every
// entity (fields present or not, of their type or another, unknown keys, server fields of any type).
#include "domain/RecordValidator.h"
#include "sync/ServerRecordCheck.h"

#include "RandomServerRecords.h"

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

} // namespace

class ServerRecordCheckTest : public QObject
{
    Q_OBJECT

private slots:
    void decidesAsTheLookupsDo()
    {
        testing::Records records(20261207);
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
