// ServerRecordText::check against what the device did before it: parse the record, check it with
// checkServerRecordInOnePass and read its columns as LocalRecord does. Whatever the text check
// takes, the general way takes with the same columns; what it leaves, the general way decides.
// Checked on random records of every entity written by JsonWriter, and on each altered at bytes.
#include "common/CanonicalJson.h"
#include "common/JsonWriter.h"
#include "store/LocalRecord.h"
#include "sync/ServerRecordCheck.h"
#include "sync/ServerRecordText.h"

#include "AlteredText.h"
#include "RandomServerRecords.h"

#include <QJsonDocument>
#include <QTest>

using namespace fieldsync;

namespace {

// The columns the general way reads, when its check passes.
std::optional<ServerRecordText::Columns> generalColumns(const EntitySchema &schema, const QByteArray &text)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    if (!checkServerRecordInOnePass(schema, document.object()))
        return std::nullopt;
    LocalRecord record;
    record.entity = schema.kind;
    record.data = document.object();
    return ServerRecordText::Columns{record.data.value(RecordMeta::ProjectId).toString(), record.title(),
                                     record.status(), record.parentId(),
                                     record.data.value(RecordMeta::UpdatedAt).toString()};
}

QString describe(const std::optional<ServerRecordText::Columns> &columns)
{
    if (!columns)
        return QStringLiteral("none");
    return QStringList{columns->projectId, columns->title, columns->status, columns->parentId,
                       columns->updatedAt}
        .join(QLatin1Char('|'));
}

// Strings of every kind JsonWriter writes: escapes, control characters, text past ASCII.
QString oddText(int which)
{
    switch (which % 4) {
    case 0:
        return QStringLiteral("Schwei\u00dfen \"Ebene 3\"\n\\ \u0001 \U0001F6A7");
    case 1:
        return QStringLiteral("tab\there");
    case 2:
        return QString();
    default:
        return QStringLiteral("plain");
    }
}

// Fails the test when the text check takes text and reads it otherwise than the general way.
// Returns whether it took it.
bool checkAgreement(const EntitySchema &schema, const QByteArray &text)
{
    const std::optional<ServerRecordText::Columns> fast = ServerRecordText::check(schema, text);
    if (!fast)
        return false;
    // The same from the outline of its members as CanonicalJson::objectEnd() took it.
    CanonicalJson::Outline outline;
    if (CanonicalJson::objectEnd(text, 0, outline) != text.size() ||
        describe(ServerRecordText::check(schema, text, outline)) != describe(fast)) {
        qWarning("%s %s: read from its outline otherwise", qPrintable(schema.wireName), text.constData());
        return false;
    }
    const std::optional<ServerRecordText::Columns> general = generalColumns(schema, text);
    if (describe(fast) != describe(general)) {
        qWarning("%s %s: %s, not %s", qPrintable(schema.wireName), text.constData(),
                 qPrintable(describe(fast)), qPrintable(describe(general)));
        return false;
    }
    return true;
}

} // namespace

class ServerRecordTextTest : public QObject
{
    Q_OBJECT

private slots:
    // Every record written as JsonWriter writes it, numbers aside, is read as text when the
    // general way passes it, with the same columns; every one it refuses, the text check leaves.
    void decidesAndReadsAsTheGeneralWay()
    {
        testing::Records records(20261208);
        int taken = 0;
        int refused = 0;
        for (int round = 0; round < 3000; ++round) {
            for (const EntitySchema *schema : EntitySchema::all()) {
                QJsonObject data = records.record(*schema);
                for (const QString &column :
                     {QStringLiteral("title"), QStringLiteral("description"), QStringLiteral("permit_id"),
                      RecordMeta::UpdatedAt, RecordMeta::ProjectId}) {
                    if (data.value(column).isString() && records.chance(30))
                        data.insert(column, QString(oddText(round) + data.value(column).toString()));
                }
                // Lists with items that are not strings, as JsonWriter writes them (no numbers).
                for (const FieldSpec &spec : schema->fields) {
                    if (spec.type == FieldType::StringSet && records.chance(10))
                        data.insert(spec.name,
                                    QJsonArray{QStringLiteral("a"),
                                               records.chance(50) ? QJsonValue(true) : QJsonValue()});
                }
                const QByteArray text = JsonWriter::compact(data);
                const std::optional<ServerRecordText::Columns> fast = ServerRecordText::check(*schema, text);
                const std::optional<ServerRecordText::Columns> general = generalColumns(*schema, text);
                CanonicalJson::Outline outline;
                const bool canonical = CanonicalJson::objectEnd(text, 0, outline) == text.size();
                if (canonical && describe(ServerRecordText::check(*schema, text, outline)) != describe(fast))
                    QFAIL(qPrintable(QStringLiteral("%1 %2: read from its outline otherwise")
                                         .arg(schema->wireName, QString::fromUtf8(text))));
                if (fast || (general && canonical && schema->kind != EntityKind::GasReading)) {
                    if (describe(fast) != describe(general))
                        QFAIL(qPrintable(QStringLiteral("%1 %2: %3, not %4")
                                             .arg(schema->wireName, QString::fromUtf8(text), describe(fast),
                                                  describe(general))));
                }
                taken += fast ? 1 : 0;
                refused += general ? 0 : 1;
            }
        }
        // Records read as text and records the check refuses were both met.
        QVERIFY2(taken > 2000, qPrintable(QString::number(taken)));
        QVERIFY2(refused > 1000, qPrintable(QString::number(refused)));
    }

    // Each byte of sound records dropped, doubled or replaced with one that means something to
    // JSON: whatever the text check still takes, the general way takes with the same columns.
    void everyAlteredRecordAgreesWithTheGeneralWay()
    {
        const QByteArray replacements("\"\\{}[],:0 1-x.e\x01\xc3tfn");
        int taken = 0;
        for (const EntitySchema *schema : EntitySchema::all()) {
            testing::Records records(7);
            QByteArray sound;
            for (int attempt = 0; attempt < 200 && !ServerRecordText::check(*schema, sound); ++attempt)
                sound = JsonWriter::compact(records.record(*schema));
            // Gas readings and attachments hold numbers, which only the general way reads.
            if (schema->kind == EntityKind::GasReading || schema->kind == EntityKind::Attachment)
                continue;
            QVERIFY2(ServerRecordText::check(*schema, sound).has_value(), qPrintable(schema->wireName));
            for (qsizetype at = 0; at < sound.size(); ++at) {
                const QList<QByteArray> altered = test::alterationsAt(sound, at, replacements);
                for (const QByteArray &text : std::as_const(altered)) {
                    const bool fast = ServerRecordText::check(*schema, text).has_value();
                    QVERIFY2(!fast || checkAgreement(*schema, text), text.constData());
                    taken += fast ? 1 : 0;
                }
            }
        }
        qInfo("%d altered records still read as text", taken);
        QVERIFY(taken > 0);
    }

    void textNotWrittenAsJsonWriterWritesItIsLeft()
    {
        const EntitySchema &permit = EntitySchema::of(EntityKind::Permit);
        testing::Records records(11);
        QByteArray sound;
        while (!ServerRecordText::check(permit, sound))
            sound = JsonWriter::compact(records.record(permit));
        const QByteArray spaced = QByteArray(sound).replace(",\"", ", \"");
        QVERIFY(!ServerRecordText::check(permit, spaced));
        QVERIFY(generalColumns(permit, spaced).has_value());
        QVERIFY(!ServerRecordText::check(permit, QByteArray(sound + " ")));
        QVERIFY(!ServerRecordText::check(permit, QByteArray("{}")));
        QVERIFY(!ServerRecordText::check(EntitySchema::of(EntityKind::GasReading), sound));
    }
};

QTEST_GUILESS_MAIN(ServerRecordTextTest)
#include "tst_serverrecordtext.moc"
