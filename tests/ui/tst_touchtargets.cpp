// Tablet use: at 1280x800 every control of the main window is at least 44 px tall at 100% scale,
// list rows too, and the lists and forms scroll kinetically (QScroller).
#include "UiTestSupport.h"

#include "common/Translations.h"

#include "common/TouchStyle.h"
#include "lists/RecordListPane.h"
#include "main/MainWindow.h"
#include "settings/SignInDialog.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QScopeGuard>
#include <QScroller>
#include <QSpinBox>
#include <QStyleOption>
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
    void theSyncStatusStaysInSightInANarrowWindow();
    void listHeadingsAreNotCutInGerman();
    void spinBoxButtonsAreFullTargets();
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

void TestTouchTargets::listHeadingsAreNotCutInGerman()
{
    QVERIFY(applyLanguage(QStringLiteral("de")).startsWith(QLatin1String("de")));
    const auto backToEnglish = qScopeGuard([] { applyLanguage(QStringLiteral("en")); });
    auto device = makeDevice();
    for (EntityKind kind : {EntityKind::Permit, EntityKind::Task}) {
        RecordListPane pane(*device->store, kind);
        const QHeaderView *header = pane.view()->horizontalHeader();
        for (int column = 1; column < header->count(); ++column) {
            const QString heading = pane.view()->model()->headerData(column, Qt::Horizontal).toString();
            QVERIFY2(header->sectionSize(column) >= header->sectionSizeHint(column),
                     qPrintable(QStringLiteral("%1: %2 px for %3 px")
                                    .arg(heading)
                                    .arg(header->sectionSize(column))
                                    .arg(header->sectionSizeHint(column))));
        }
    }
}

void TestTouchTargets::spinBoxButtonsAreFullTargets()
{
    auto device = makeDevice();
    SignInDialog settings(*device->store);
    settings.show();
    QVERIFY(QTest::qWaitForWindowExposed(&settings));
    const QList<QSpinBox *> spinBoxes = settings.findChildren<QSpinBox *>();
    QVERIFY(!spinBoxes.isEmpty()); // the days photos are kept
    for (QSpinBox *spin : spinBoxes) {
        QStyleOptionSpinBox option;
        option.initFrom(spin);
        option.rect = spin->rect();
        option.frame = true;
        option.buttonSymbols = spin->buttonSymbols();
        const QRect up =
            spin->style()->subControlRect(QStyle::CC_SpinBox, &option, QStyle::SC_SpinBoxUp, spin);
        const QRect down =
            spin->style()->subControlRect(QStyle::CC_SpinBox, &option, QStyle::SC_SpinBoxDown, spin);
        const QRect text =
            spin->style()->subControlRect(QStyle::CC_SpinBox, &option, QStyle::SC_SpinBoxEditField, spin);
        for (const QRect &button : {up, down}) {
            QVERIFY2(button.width() >= TouchStyle::MinTarget && button.height() >= TouchStyle::MinTarget,
                     qPrintable(QStringLiteral("%1x%2").arg(button.width()).arg(button.height())));
        }
        QVERIFY(!up.intersects(down) && !up.intersects(text) && !down.intersects(text));
        // The value itself still shows in full.
        QVERIFY2(text.width() >= spin->fontMetrics().horizontalAdvance(spin->text()),
                 qPrintable(QStringLiteral("%1 px for '%2'").arg(text.width()).arg(spin->text())));
    }
}

void TestTouchTargets::listsScrollKinetically()
{
    auto device = makeDevice();
    RecordListPane pane(*device->store, EntityKind::Permit);
    QVERIFY(QScroller::hasScroller(pane.view()->viewport()));
    QCOMPARE(pane.view()->verticalScrollMode(), QAbstractItemView::ScrollPerPixel);
}

// "Always visible": not folded into a toolbar's overflow menu by a narrow window or a long
// translation of the toolbar's labels.
void TestTouchTargets::theSyncStatusStaysInSightInANarrowWindow()
{
    // German has the longest toolbar labels of the four languages.
    QVERIFY(applyLanguage(QStringLiteral("de")).startsWith(QLatin1String("de")));
    const auto backToEnglish = qScopeGuard([] { applyLanguage(QStringLiteral("en")); });
    auto device = makeDevice();
    SyncController sync(*device->store);
    MainWindow window(*device->store, sync);
    window.resize(760, 700);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *indicator = window.findChild<QWidget *>(QStringLiteral("syncStatusIndicator"));
    QVERIFY(indicator);
    QVERIFY(indicator->isVisible());
    const QRect inWindow(indicator->mapTo(&window, QPoint(0, 0)), indicator->size());
    QVERIFY2(window.rect().contains(inWindow), qPrintable(QStringLiteral("%1,%2 %3x%4")
                                                              .arg(inWindow.x())
                                                              .arg(inWindow.y())
                                                              .arg(inWindow.width())
                                                              .arg(inWindow.height())));
    QVERIFY(indicator->width() >= indicator->sizeHint().width());
}

QTEST_MAIN(TestTouchTargets)
#include "tst_touchtargets.moc"
