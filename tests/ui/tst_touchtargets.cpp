// Tablet use: at 1280x800 every control of the main window is at least 44 px tall at 100% scale,
// list rows too, and the lists and forms scroll kinetically (QScroller).
#include "UiTestSupport.h"

#include "common/TouchStyle.h"
#include "lists/RecordListPane.h"
#include "main/MainWindow.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QScroller>
#include <QTableView>
#include <QTest>

using namespace fieldsync;
using namespace fieldsync::ui;
using namespace fieldsync::uitest;

class TestTouchTargets : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QApplication::setStyle(new TouchStyle); }
    void everyVisibleControlIsAtLeast44PxTall();
    void listsScrollKinetically();
};

void TestTouchTargets::everyVisibleControlIsAtLeast44PxTall()
{
    auto device = makeDevice();
    const QStringList ids = seedPermits(*device->store, 50);
    SyncController sync(*device->store);
    MainWindow window(*device->store, sync);
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.permitsPane()->selectRecord(ids.at(3));
    QTest::qWait(50);
    QStringList tooSmall;
    const auto check = [&tooSmall](QWidget *widget) {
        if (!widget->isVisible() || widget->height() >= TouchStyle::MinTarget)
            return;
        tooSmall.append(QStringLiteral("%1 '%2' %3px")
                            .arg(QString::fromLatin1(widget->metaObject()->className()), widget->objectName())
                            .arg(widget->height()));
    };
    for (QAbstractButton *button : window.findChildren<QAbstractButton *>()) {
        if (button->parent() && button->parent()->inherits("QTabBar"))
            continue; // the tab bar's scroll arrows only appear when tabs overflow
        if (button->inherits("QLineEditIconButton"))
            continue; // the clear button sits inside a 44 px field; a tap on the field edits it
        check(button);
    }
    for (QComboBox *combo : window.findChildren<QComboBox *>())
        check(combo);
    for (QLineEdit *edit : window.findChildren<QLineEdit *>()) {
        if (!edit->parent()->inherits("QAbstractSpinBox") && !edit->parent()->inherits("QComboBox"))
            check(edit);
    }
    QVERIFY2(tooSmall.isEmpty(), qPrintable(tooSmall.join(QStringLiteral("; "))));
    QVERIFY(window.permitsPane()->view()->verticalHeader()->defaultSectionSize() >= TouchStyle::MinTarget);
}

void TestTouchTargets::listsScrollKinetically()
{
    auto device = makeDevice();
    RecordListPane pane(*device->store, EntityKind::Permit);
    QVERIFY(QScroller::hasScroller(pane.view()->viewport()));
    QCOMPARE(pane.view()->verticalScrollMode(), QAbstractItemView::ScrollPerPixel);
}

QTEST_MAIN(TestTouchTargets)
#include "tst_touchtargets.moc"
