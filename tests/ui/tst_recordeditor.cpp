// The permit and task editors: field validation in plain words, saving writes and queues one
// change with only what changed, and the record's sync state is shown.
#include "UiTestSupport.h"

#include "editors/GasReadingsWidget.h"
#include "editors/PermitEditor.h"
#include "editors/RecordForm.h"
#include "editors/SyncStateBadge.h"
#include "editors/TaskEditor.h"
#include "editors/WorkflowButtons.h"

#include <QApplication>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTest>
#include <QTimer>

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
    void aTaskPicksItsPermitFromTheProject();
    void aTaskCanBeDeletedAnIssuedPermitCannot();
    void gasReadingsOutsideTheSafeBandAreAlarms();
    void noStatusMoveFromAStatusTheServerRefused();
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

void TestRecordEditor::aTaskPicksItsPermitFromTheProject()
{
    auto device = makeDevice();
    const QStringList permits = seedPermits(*device->store, 2);
    seedPermits(*device->store, 1, QStringLiteral("other-project"));
    TaskEditor editor(*device->store);
    // Started from a permit: the permit is already picked, and the person may change it.
    editor.startNew(QJsonObject{{QStringLiteral("permit_id"), permits.at(0)}});
    auto *permit = qobject_cast<QComboBox *>(editor.form()->editor(QStringLiteral("permit_id")));
    QVERIFY(permit);
    QCOMPARE(permit->count(), 3); // none, and the two permits of this project only
    QCOMPARE(permit->currentData().toString(), permits.at(0));
    permit->setCurrentIndex(permit->findData(permits.at(1)));
    QTest::keyClicks(qobject_cast<QLineEdit *>(editor.form()->editor(QStringLiteral("title"))),
                     QStringLiteral("Barricade the pit"));
    QVERIFY(editor.save());
    const QString taskId = editor.recordId();
    QCOMPARE(device->store->records().find(taskId).value()->parentId(), permits.at(1));

    // Unlinking is an edit of permit_id alone, queued like any other.
    permit = qobject_cast<QComboBox *>(editor.form()->editor(QStringLiteral("permit_id")));
    QCOMPARE(permit->currentData().toString(), permits.at(1));
    auto *open = findNamed<QPushButton>(&editor, QStringLiteral("openPermitButton"));
    QVERIFY(open->isEnabled());
    permit->setCurrentIndex(0);
    QVERIFY(!open->isEnabled());
    QCOMPARE(editor.form()->changes().keys(), QStringList{QStringLiteral("permit_id")});
    QVERIFY(editor.save());
    QVERIFY(device->store->records().find(taskId).value()->parentId().isEmpty());
    QCOMPARE(device->store->outbox().count().value(), 2);
}

void TestRecordEditor::aTaskCanBeDeletedAnIssuedPermitCannot()
{
    auto device = makeDevice();
    TaskEditor tasks(*device->store);
    tasks.startNew();
    QTest::keyClicks(qobject_cast<QLineEdit *>(tasks.form()->editor(QStringLiteral("title"))),
                     QStringLiteral("Sweep the deck"));
    QVERIFY(tasks.save());
    const QString taskId = tasks.recordId();
    auto *deleteTask = findNamed<QPushButton>(&tasks, QStringLiteral("deleteButton"));
    QVERIFY(!deleteTask->isHidden());
    QCOMPARE(deleteTask->text(), QStringLiteral("Delete task"));
    // The person confirms in the question box that opens.
    QTimer::singleShot(0, [] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        QVERIFY(box);
        box->button(QMessageBox::Yes)->click();
    });
    deleteTask->click();
    QVERIFY(device->store->records().find(taskId).value()->deleted);

    // A draft permit may go; one that has been submitted stays on record.
    PermitEditor permits(*device->store);
    const QStringList seeded = seedPermits(*device->store, 2); // a draft, then a submitted one
    permits.showRecord(seeded.at(0));
    QVERIFY(!findNamed<QPushButton>(&permits, QStringLiteral("deleteButton"))->isHidden());
    QCOMPARE(findNamed<QPushButton>(&permits, QStringLiteral("deleteButton"))->text(),
             QStringLiteral("Delete draft"));
    permits.showRecord(seeded.at(1));
    QCOMPARE(device->store->records().find(seeded.at(1)).value()->status(), QStringLiteral("submitted"));
    QVERIFY(findNamed<QPushButton>(&permits, QStringLiteral("deleteButton"))->isHidden());
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

// A refused move (say submitted -> approved) leaves the local status one the server does not
// have: moving on from it (Activate) would queue a second change built on the refused one.
void TestRecordEditor::noStatusMoveFromAStatusTheServerRefused()
{
    auto device = makeDevice({}, Role::Pm);
    PermitEditor permits(*device->store);
    const QStringList seeded = seedPermits(*device->store, 2); // a draft, then a submitted one
    permits.showRecord(seeded.at(1));
    QVERIFY(permits.workflowButtons()->transitions().contains(QStringLiteral("approved")));

    StoredRejection rejection;
    rejection.id = QStringLiteral("0190a000-0000-7000-8000-00000000abcd");
    rejection.change.offlineId = rejection.id;
    rejection.change.entity = EntityKind::Permit;
    rejection.change.op = ChangeOp::Update;
    rejection.change.id = seeded.at(1);
    rejection.change.data = QJsonObject{{QStringLiteral("status"), QStringLiteral("approved")}};
    rejection.reason = QStringLiteral("forbidden");
    rejection.detail = QStringLiteral("someone else must move it to approved");
    rejection.createdAt = QStringLiteral("2026-12-07T08:00:00.000Z");
    const Result<void> added = device->store->conflicts().addRejection(rejection);
    QVERIFY2(added.ok(), qPrintable(added.ok() ? QString() : added.error().toString()));
    permits.showRecord(seeded.at(1));
    QCOMPARE(permits.workflowButtons()->transitions(), QStringList());

    QVERIFY(device->store->conflicts().removeRejection(rejection.id).ok());
    permits.showRecord(seeded.at(1));
    QVERIFY(permits.workflowButtons()->transitions().contains(QStringLiteral("approved")));
}

QTEST_MAIN(TestRecordEditor)
#include "tst_recordeditor.moc"
