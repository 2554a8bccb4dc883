// The conflict dialog: each choice gives the right merged record and queues the right change
// against the server's version; nothing is resolved without the Resolve button.
#include "UiTestSupport.h"

#include "sync/ConflictDialog.h"

#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QTest>

using namespace fieldsync;
using namespace fieldsync::ui;
using namespace fieldsync::uitest;

namespace {

const QString PermitId = QStringLiteral("11111111-1111-4111-8111-111111111111");

QJsonArray set(std::initializer_list<const char *> items)
{
    QJsonArray array;
    for (const char *item : items)
        array.append(QString::fromLatin1(item));
    return array;
}

QList<OutboxEntry> queued(DeviceStore &store)
{
    Result<QList<OutboxEntry>> all = store.outbox().all();
    return all ? all.value() : QList<OutboxEntry>();
}

} // namespace

class TestConflictDialog : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void showsBaseMineAndServerForEachConflictingField();
    void resolveWaitsUntilEveryFieldHasAChoice();
    void keepAllMineQueuesMyValuesAgainstTheServerVersion();
    void takeAllServerQueuesNothingAndKeepsTheServerRecord();
    void perFieldChoicesMergeFieldByField();
    void setFieldsOfferTheUnion();
    void closingWithoutResolvingLeavesTheConflictOpen();
    void aDeletedRecordIsRestoredOrLeftDeletedAsAWhole();
    void aGasReadingKeepsTheValueItWasRecordedWith();

private:
    std::unique_ptr<TestDevice> m_device;
    StoredConflict m_conflict;
};

void TestConflictDialog::init()
{
    m_device = makeDevice();
    m_conflict = addThreeFieldConflict(*m_device->store);
}

void TestConflictDialog::showsBaseMineAndServerForEachConflictingField()
{
    ConflictDialog dialog(*m_device->store, m_conflict);
    QCOMPARE(dialog.rows().size(), 3);
    QVERIFY(dialog.row(QStringLiteral("title")) && dialog.row(QStringLiteral("location")));
    QVERIFY(dialog.row(QStringLiteral("ppe_requirements"))->offersBoth());
    QVERIFY(!dialog.row(QStringLiteral("title"))->offersBoth());
    // The form's order (as in the preview), not the alphabet's.
    QStringList order;
    for (const ConflictFieldRow *fieldRow : dialog.rows())
        order.append(fieldRow->fieldName());
    QCOMPARE(order, (QStringList{QStringLiteral("title"), QStringLiteral("location"),
                                 QStringLiteral("ppe_requirements")}));
    QStringList texts;
    for (QLabel *label : dialog.findChildren<QLabel *>())
        texts.append(label->text());
    for (const QString &expected :
         {QStringLiteral("Hot work on tank 3"), QStringLiteral("Hot work on tank 3, inlet side"),
          QStringLiteral("Hot work on tank 3 (office)"), QStringLiteral("Tank farm, bay 2")})
        QVERIFY2(texts.contains(expected), qPrintable(expected));
}

void TestConflictDialog::resolveWaitsUntilEveryFieldHasAChoice()
{
    ConflictDialog dialog(*m_device->store, m_conflict);
    auto *resolve = dialog.findChild<QPushButton *>(QStringLiteral("resolveButton"));
    QVERIFY(!resolve->isEnabled());
    dialog.row(QStringLiteral("title"))->setChoice(ConflictFieldRow::Choice::Mine);
    dialog.row(QStringLiteral("location"))->setChoice(ConflictFieldRow::Choice::Mine);
    QVERIFY(!resolve->isEnabled());
    QVERIFY(!dialog.resolve());
    QCOMPARE(m_device->store->conflicts().count().value(), 1);
    dialog.row(QStringLiteral("ppe_requirements"))->setChoice(ConflictFieldRow::Choice::Server);
    QVERIFY(resolve->isEnabled());
}

void TestConflictDialog::keepAllMineQueuesMyValuesAgainstTheServerVersion()
{
    ConflictDialog dialog(*m_device->store, m_conflict);
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("keepAllMine")), Qt::LeftButton);
    const QJsonObject preview = dialog.previewRecord();
    QCOMPARE(preview.value(QStringLiteral("title")).toString(),
             QStringLiteral("Hot work on tank 3, inlet side"));
    QCOMPARE(preview.value(QStringLiteral("location")).toString(), QStringLiteral("Tank farm, bay 2"));
    QCOMPARE(preview.value(QStringLiteral("ppe_requirements")).toArray(), set({"gloves", "helmet"}));
    QCOMPARE(preview.value(QStringLiteral("description")).toString(),
             QStringLiteral("Weld the inlet flange"));

    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("resolveButton")), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(m_device->store->conflicts().count().value(), 0);
    const QList<OutboxEntry> entries = queued(*m_device->store);
    QCOMPARE(entries.size(), 1);
    const protocol::Change &change = entries.first().change;
    QCOMPARE(change.op, ChangeOp::Update);
    QCOMPARE(change.id, PermitId);
    QCOMPARE(change.clientVersion, 3); // the server's version, not the stale one
    QCOMPARE(change.data.value(QStringLiteral("title")).toString(),
             QStringLiteral("Hot work on tank 3, inlet side"));
    QCOMPARE(change.data.value(QStringLiteral("location")).toString(), QStringLiteral("Tank farm, bay 2"));
    QCOMPARE(change.data.value(QStringLiteral("ppe_requirements")).toArray(), set({"gloves", "helmet"}));
    QCOMPARE(change.base.value(QStringLiteral("title")).toString(),
             QStringLiteral("Hot work on tank 3 (office)"));
    QCOMPARE(change.base.value(QStringLiteral("ppe_requirements")).toArray(), set({"harness", "helmet"}));
    const LocalRecord record = *m_device->store->records().find(PermitId).value();
    QCOMPARE(record.version, 3);
    QCOMPARE(record.data.value(QStringLiteral("location")).toString(), QStringLiteral("Tank farm, bay 2"));
}

void TestConflictDialog::takeAllServerQueuesNothingAndKeepsTheServerRecord()
{
    ConflictDialog dialog(*m_device->store, m_conflict);
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("takeAllServer")), Qt::LeftButton);
    QCOMPARE(dialog.previewRecord(), m_conflict.serverState);
    QVERIFY(dialog.resolve());
    QCOMPARE(m_device->store->conflicts().count().value(), 0);
    QVERIFY(queued(*m_device->store).isEmpty());
    const LocalRecord record = *m_device->store->records().find(PermitId).value();
    QCOMPARE(record.data.value(QStringLiteral("title")).toString(),
             QStringLiteral("Hot work on tank 3 (office)"));
    QCOMPARE(record.data.value(QStringLiteral("ppe_requirements")).toArray(), set({"harness", "helmet"}));
}

void TestConflictDialog::perFieldChoicesMergeFieldByField()
{
    ConflictDialog dialog(*m_device->store, m_conflict);
    dialog.findChild<QRadioButton *>(QStringLiteral("mine_title"))->click();
    dialog.findChild<QRadioButton *>(QStringLiteral("server_location"))->click();
    dialog.findChild<QRadioButton *>(QStringLiteral("server_ppe_requirements"))->click();
    QVERIFY(dialog.isComplete());
    const QJsonObject preview = dialog.previewRecord();
    QCOMPARE(preview.value(QStringLiteral("title")).toString(),
             QStringLiteral("Hot work on tank 3, inlet side"));
    QCOMPARE(preview.value(QStringLiteral("location")).toString(), QStringLiteral("Tank farm, north"));
    QVERIFY(dialog.resolve());
    const QList<OutboxEntry> entries = queued(*m_device->store);
    QCOMPARE(entries.size(), 1);
    // Only the field that differs from the server goes out.
    QCOMPARE(entries.first().change.data.keys(), QStringList{QStringLiteral("title")});
    QCOMPARE(entries.first().change.base.value(QStringLiteral("title")).toString(),
             QStringLiteral("Hot work on tank 3 (office)"));
}

void TestConflictDialog::setFieldsOfferTheUnion()
{
    ConflictDialog dialog(*m_device->store, m_conflict);
    dialog.chooseAll(ConflictSide::Server);
    dialog.row(QStringLiteral("ppe_requirements"))->setChoice(ConflictFieldRow::Choice::Both);
    QCOMPARE(dialog.previewRecord().value(QStringLiteral("ppe_requirements")).toArray(),
             set({"gloves", "harness", "helmet"}));
    QVERIFY(dialog.resolve());
    const QList<OutboxEntry> entries = queued(*m_device->store);
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.first().change.data.value(QStringLiteral("ppe_requirements")).toArray(),
             set({"gloves", "harness", "helmet"}));
    QVERIFY(!entries.first().change.data.contains(QStringLiteral("title")));
}

void TestConflictDialog::closingWithoutResolvingLeavesTheConflictOpen()
{
    {
        ConflictDialog dialog(*m_device->store, m_conflict);
        dialog.show();
        QTest::keyClick(&dialog, Qt::Key_Escape);
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
    }
    {
        // Even with every field chosen, "Decide later" and Enter do not resolve.
        ConflictDialog dialog(*m_device->store, m_conflict);
        dialog.show();
        dialog.chooseAll(ConflictSide::Mine);
        QTest::keyClick(&dialog, Qt::Key_Return);
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("decideLater")), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
    }
    {
        ConflictDialog dialog(*m_device->store, m_conflict);
        dialog.show();
        dialog.chooseAll(ConflictSide::Server);
        dialog.close();
    }
    QCOMPARE(m_device->store->conflicts().count().value(), 1);
    QVERIFY(queued(*m_device->store).isEmpty());
}

void TestConflictDialog::aDeletedRecordIsRestoredOrLeftDeletedAsAWhole()
{
    StoredConflict deleted = m_conflict;
    deleted.id = QStringLiteral("conflict-deleted");
    deleted.reason = QStringLiteral("deleted");
    deleted.serverDeleted = true;
    deleted.fields.clear();
    QVERIFY(m_device->store->conflicts().remove(m_conflict.id).ok());
    QVERIFY(m_device->store->conflicts().add(deleted).ok());
    ConflictDialog dialog(*m_device->store, deleted);
    QVERIFY(dialog.isWholeRecord());
    QVERIFY(!dialog.isComplete());
    dialog.findChild<QRadioButton *>(QStringLiteral("recordMine"))->click();
    QCOMPARE(dialog.previewRecord().value(QStringLiteral("title")).toString(),
             QStringLiteral("Hot work on tank 3, inlet side"));
    QVERIFY(dialog.resolve());
    const QList<OutboxEntry> entries = queued(*m_device->store);
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.first().change.op, ChangeOp::Update);
    QCOMPARE(entries.first().change.clientVersion, 3);
}

// A conflict on a gas reading's append, as older versions stored from a broken answer: the
// dialog cannot put the server's value in the reading (the reason is shown), and keeping mine
// sends the append again, never an update.
void TestConflictDialog::aGasReadingKeepsTheValueItWasRecordedWith()
{
    const QString readingId = QStringLiteral("33333333-3333-4333-8333-333333333333");
    const QJsonObject recorded{{QStringLiteral("project_id"), QStringLiteral("demo")},
                               {QStringLiteral("permit_id"), PermitId},
                               {QStringLiteral("gas"), QStringLiteral("LEL")},
                               {QStringLiteral("value"), 1},
                               {QStringLiteral("unit"), QStringLiteral("%LEL")}};
    QJsonObject server = recorded;
    server.insert(QStringLiteral("value"), 2);
    LocalRecord record;
    record.entity = EntityKind::GasReading;
    record.id = readingId;
    record.projectId = QStringLiteral("demo");
    record.data = recorded;
    record.serverVersion = 4;
    record.serverData = server;
    QVERIFY(m_device->store->records().save(record).ok());
    StoredConflict conflict;
    conflict.id = QStringLiteral("conflict-reading");
    conflict.change.offlineId = QStringLiteral("44444444-4444-4444-8444-444444444444");
    conflict.change.entity = EntityKind::GasReading;
    conflict.change.op = ChangeOp::Append;
    conflict.change.id = readingId;
    conflict.change.data = recorded;
    conflict.reason = QStringLiteral("stale");
    conflict.serverVersion = 4;
    conflict.serverState = server;
    conflict.createdAt = QStringLiteral("2026-11-21T10:30:00Z");
    conflict.fields.insert(QStringLiteral("value"),
                           protocol::ConflictField{QJsonValue(), 1, 2, QStringLiteral("manual")});
    QVERIFY(m_device->store->conflicts().add(conflict).ok());

    ConflictDialog dialog(*m_device->store, conflict);
    dialog.chooseAll(ConflictSide::Server);
    QVERIFY(!dialog.resolve());
    auto *error = dialog.findChild<QLabel *>(QStringLiteral("conflictError"));
    QVERIFY(error && !error->isHidden());
    QCOMPARE(error->text(), QStringLiteral("A recorded reading is a fact and cannot be changed."));
    QCOMPARE(m_device->store->records().find(readingId).value()->data, recorded);
    QVERIFY(queued(*m_device->store).isEmpty());

    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("keepAllMine")), Qt::LeftButton);
    QCOMPARE(dialog.previewRecord().value(QStringLiteral("value")).toInt(), 1);
    QVERIFY(dialog.resolve());
    QCOMPARE(m_device->store->conflicts().count().value(), 1); // the permit's, from init()
    QCOMPARE(m_device->store->records().find(readingId).value()->data, recorded);
    const QList<OutboxEntry> entries = queued(*m_device->store);
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.first().change.op, ChangeOp::Append);
    QCOMPARE(entries.first().change.offlineId, conflict.change.offlineId);
}

QTEST_MAIN(TestConflictDialog)
#include "tst_conflictdialog.moc"
