// The permit list model with 100,000 records: rowCount from the ids alone, data loaded a page at a
// time only for rows asked for, and search, filter and sort in SQLite.
#include "UiTestSupport.h"

#include "lists/RecordListModel.h"
#include "lists/RecordListPane.h"
#include "store/LocalEditor.h"

#include <QElapsedTimer>
#include <QLineEdit>
#include <QScrollBar>
#include <QTableView>
#include <QTest>

using namespace fieldsync;
using namespace fieldsync::ui;
using namespace fieldsync::uitest;

class TestRecordListModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void answersRowCountWithoutLoadingRecords();
    void loadsOnlyThePagesAskedFor();
    void cachedPagesStayBounded();
    void filtersByStatusAndSearchesAsYouType();
    void sortsBySortableColumns();
    void aListShowing100000PermitsOpensAndScrollsWithoutAStall();
    void anEditShowsUpAndKeepsTheSelection();

private:
    std::unique_ptr<TestDevice> m_device;
};

void TestRecordListModel::initTestCase()
{
    m_device = makeDevice();
    seedPermits(*m_device->store, 100000);
}

void TestRecordListModel::answersRowCountWithoutLoadingRecords()
{
    QElapsedTimer clock;
    clock.start();
    RecordListModel model(*m_device->store, EntityKind::Permit);
    model.setProject(QStringLiteral("demo"));
    QCOMPARE(model.rowCount(), 100000);
    QCOMPARE(model.loadedPageCount(), 0);
    qInfo("100,000 ids listed in %lld ms", clock.elapsed());
    QVERIFY(clock.elapsed() < 5000);
}

void TestRecordListModel::loadsOnlyThePagesAskedFor()
{
    RecordListModel model(*m_device->store, EntityKind::Permit);
    model.setProject(QStringLiteral("demo"));
    QCOMPARE(model.data(model.index(0, 0)).toString(), QStringLiteral("Permit 000000"));
    QCOMPARE(model.loadedPageCount(), 1);
    QCOMPARE(model.data(model.index(99, 0)).toString(), QStringLiteral("Permit 000099"));
    QCOMPARE(model.loadedPageCount(), 1);
    QCOMPARE(model.data(model.index(73456, 0)).toString(), QStringLiteral("Permit 073456"));
    QCOMPARE(model.data(model.index(73456, 1)).toString(), QStringLiteral("Submitted"));
    QCOMPARE(model.loadedPageCount(), 2);
    QCOMPARE(model.data(model.index(73456, 0), RecordListModel::RecordIdRole).toString(),
             QStringLiteral("00000000-0000-4000-8000-000000073456"));
    QCOMPARE(model.data(model.index(5, 5)).toString(), QStringLiteral("Synced"));
}

void TestRecordListModel::cachedPagesStayBounded()
{
    RecordListModel model(*m_device->store, EntityKind::Permit);
    model.setProject(QStringLiteral("demo"));
    for (int row = 0; row < 100000; row += 2500)
        QVERIFY(!model.data(model.index(row, 0)).toString().isEmpty());
    QVERIFY(model.loadedPageCount() <= RecordListModel::MaxCachedPages);
}

void TestRecordListModel::filtersByStatusAndSearchesAsYouType()
{
    RecordListModel model(*m_device->store, EntityKind::Permit);
    model.setProject(QStringLiteral("demo"));
    model.setStatusFilter(QStringLiteral("active"));
    QCOMPARE(model.rowCount(), 20000);
    model.setStatusFilter({});
    model.setSearch(QStringLiteral("Permit 0999"));
    QCOMPARE(model.rowCount(), 100);
    model.setSearch(QStringLiteral("permit 099999"));
    QCOMPARE(model.rowCount(), 1);
    model.setProject(QStringLiteral("north-yard"));
    QCOMPARE(model.rowCount(), 0);

    RecordListPane pane(*m_device->store, EntityKind::Permit);
    pane.setProject(QStringLiteral("demo"));
    QTest::keyClicks(pane.searchField(), QStringLiteral("Permit 01234"));
    QTRY_COMPARE(pane.model()->rowCount(), 10);
}

void TestRecordListModel::sortsBySortableColumns()
{
    RecordListModel model(*m_device->store, EntityKind::Permit);
    model.setProject(QStringLiteral("demo"));
    model.sort(0, Qt::DescendingOrder);
    QCOMPARE(model.data(model.index(0, 0)).toString(), QStringLiteral("Permit 099999"));
    model.sort(1, Qt::AscendingOrder);
    QCOMPARE(model.data(model.index(0, 1)).toString(), QStringLiteral("Active"));
    QVERIFY(!model.isSortable(3)); // location: no SQL order, the current order stays
    model.sort(3, Qt::AscendingOrder);
    QCOMPARE(model.query().orderBy, QStringLiteral("status"));
}

void TestRecordListModel::aListShowing100000PermitsOpensAndScrollsWithoutAStall()
{
    RecordListPane pane(*m_device->store, EntityKind::Permit);
    pane.resize(1000, 700);
    QElapsedTimer clock;
    clock.start();
    pane.setProject(QStringLiteral("demo"));
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    pane.view()->viewport()->repaint();
    const qint64 opened = clock.restart();
    for (int step = 0; step < 20; ++step) {
        pane.view()->verticalScrollBar()->setValue(pane.view()->verticalScrollBar()->maximum() * step / 20);
        pane.view()->viewport()->repaint();
    }
    const qint64 scrolled = clock.elapsed();
    qInfo("opened in %lld ms, 20 jumps across 100,000 rows in %lld ms", opened, scrolled);
    QVERIFY(pane.model()->loadedPageCount() <= RecordListModel::MaxCachedPages);
    QVERIFY(scrolled < 20 * 250); // no jump stalls: each repaint loads at most a page or two
}

void TestRecordListModel::anEditShowsUpAndKeepsTheSelection()
{
    RecordListPane pane(*m_device->store, EntityKind::Permit);
    pane.setProject(QStringLiteral("demo"));
    const QString id = QStringLiteral("00000000-0000-4000-8000-000000000042");
    pane.selectRecord(id);
    LocalEditor editor(*m_device->store);
    QVERIFY(editor.edit(id, {{QStringLiteral("title"), QStringLiteral("AAA first now")}}).ok());
    QTRY_COMPARE(pane.model()->data(pane.model()->index(0, 0)).toString(), QStringLiteral("AAA first now"));
    QCOMPARE(pane.currentRecordId(), id);
    QCOMPARE(pane.model()->data(pane.model()->index(0, 5)).toString(), QStringLiteral("Pending"));
}

QTEST_MAIN(TestRecordListModel)
#include "tst_recordlistmodel.moc"
