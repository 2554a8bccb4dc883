// The permit and task editors: field validation in plain words, saving writes and queues one
// change with only what changed, and the record's sync state is shown.
#include "UiTestSupport.h"

#include "editors/GasReadingsWidget.h"
#include "editors/PermitEditor.h"
#include "editors/RecordForm.h"
#include "editors/SyncStateBadge.h"
#include "editors/TaskEditor.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QLineEdit>
#include <QTest>

using namespace fieldsync;
using namespace fieldsync::ui;
using namespace fieldsync::uitest;

class TestRecordEditor : public QObject
{
    Q_OBJECT

private slots:
    void aNewPermitNeedsATitle();
    void savingANewPermitQueuesItAndShowsPending();
    void anEditQueuesOnlyTheChangedFields();
    void validToMustBeAfterValidFrom();
    void aTaskIsCreatedOpenWithItsPriority();
    void gasReadingsOutsideTheSafeBandAreAlarms();
};

void TestRecordEditor::aNewPermitNeedsATitle()
{
    auto device = makeDevice();
    PermitEditor editor(*device->store);
    editor.startNew();
    QVERIFY(!editor.save());
    QCOMPARE(editor.errorText(), QStringLiteral("Title is required."));
    QCOMPARE(device->store->outbox().count().value(), 0);
}

void TestRecordEditor::savingANewPermitQueuesItAndShowsPending()
{
    auto device = makeDevice();
    PermitEditor editor(*device->store);
    editor.startNew();
    auto *title = qobject_cast<QLineEdit *>(editor.form()->editor(QStringLiteral("title")));
    QTest::keyClicks(title, QStringLiteral("Hot work on tank 3"));
    auto *workType = qobject_cast<QComboBox *>(editor.form()->editor(QStringLiteral("work_type")));
    workType->setCurrentIndex(workType->findData(QStringLiteral("hot_work")));
    QVERIFY(editor.save());
    QVERIFY(!editor.isNew());
    const LocalRecord record = *device->store->records().find(editor.recordId()).value();
    QCOMPARE(record.title(), QStringLiteral("Hot work on tank 3"));
    QCOMPARE(record.status(), QStringLiteral("draft"));
    QCOMPARE(record.data.value(QStringLiteral("work_type")).toString(), QStringLiteral("hot_work"));
    QCOMPARE(record.projectId, QStringLiteral("demo"));
    QCOMPARE(device->store->outbox().count().value(), 1);
    QCOMPARE(editor.badge()->state(), std::optional<RecordSyncState>(RecordSyncState::Pending));
    QVERIFY(editor.badge()->text().startsWith(QStringLiteral("Pending")));
}

void TestRecordEditor::anEditQueuesOnlyTheChangedFields()
{
    auto device = makeDevice();
    const QStringList ids = seedPermits(*device->store, 1);
    PermitEditor editor(*device->store);
    editor.showRecord(ids.first());
    QCOMPARE(editor.badge()->state(), std::optional<RecordSyncState>(RecordSyncState::Synced));
    QVERIFY(!editor.form()->isDirty());
    auto *location = qobject_cast<QLineEdit *>(editor.form()->editor(QStringLiteral("location")));
    location->clear();
    QTest::keyClicks(location, QStringLiteral("Roof, east side"));
    QCOMPARE(editor.form()->changes().keys(), QStringList{QStringLiteral("location")});
    QVERIFY(editor.save());
    const QList<OutboxEntry> entries = device->store->outbox().all().value();
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.first().change.data,
             (QJsonObject{{QStringLiteral("location"), QStringLiteral("Roof, east side")}}));
    QCOMPARE(entries.first().change.base,
             (QJsonObject{{QStringLiteral("location"), QStringLiteral("Level 0")}}));
    QVERIFY(!editor.form()->isDirty());
}

void TestRecordEditor::validToMustBeAfterValidFrom()
{
    auto device = makeDevice();
    const QStringList ids = seedPermits(*device->store, 1);
    PermitEditor editor(*device->store);
    editor.showRecord(ids.first());
    auto *from = qobject_cast<QDateTimeEdit *>(editor.form()->editor(QStringLiteral("valid_from")));
    auto *to = qobject_cast<QDateTimeEdit *>(editor.form()->editor(QStringLiteral("valid_to")));
    from->setDateTime(QDateTime(QDate(2026, 11, 21), QTime(14, 0)));
    to->setDateTime(QDateTime(QDate(2026, 11, 21), QTime(8, 0)));
    QVERIFY(!editor.save());
    QCOMPARE(editor.errorText(), QStringLiteral("“Valid to” must be after “Valid from”."));
    to->setDateTime(QDateTime(QDate(2026, 11, 21), QTime(18, 0)));
    QVERIFY(editor.save());
    const LocalRecord record = *device->store->records().find(ids.first()).value();
    QCOMPARE(QDateTime::fromString(record.data.value(QStringLiteral("valid_to")).toString(), Qt::ISODate),
             QDateTime(QDate(2026, 11, 21), QTime(18, 0)));
}

void TestRecordEditor::aTaskIsCreatedOpenWithItsPriority()
{
    auto device = makeDevice();
    TaskEditor editor(*device->store);
    editor.startNew();
    QTest::keyClicks(qobject_cast<QLineEdit *>(editor.form()->editor(QStringLiteral("title"))),
                     QStringLiteral("Clear the scaffold"));
    auto *priority = qobject_cast<QComboBox *>(editor.form()->editor(QStringLiteral("priority")));
    priority->setCurrentIndex(priority->findData(QStringLiteral("urgent")));
    QVERIFY(editor.save());
    const LocalRecord record = *device->store->records().find(editor.recordId()).value();
    QCOMPARE(record.status(), QStringLiteral("open"));
    QCOMPARE(record.data.value(QStringLiteral("priority")).toString(), QStringLiteral("urgent"));
}

void TestRecordEditor::gasReadingsOutsideTheSafeBandAreAlarms()
{
    QVERIFY(!GasReadingsWidget::isAlarm(QStringLiteral("O2"), 20.9));
    QVERIFY(GasReadingsWidget::isAlarm(QStringLiteral("O2"), 19.0));
    QVERIFY(GasReadingsWidget::isAlarm(QStringLiteral("O2"), 24.0));
    QVERIFY(GasReadingsWidget::isAlarm(QStringLiteral("LEL"), 12));
    QVERIFY(!GasReadingsWidget::isAlarm(QStringLiteral("CO"), 20));
    QVERIFY(GasReadingsWidget::isAlarm(QStringLiteral("H2S"), 15));
}

QTEST_MAIN(TestRecordEditor)
#include "tst_recordeditor.moc"
