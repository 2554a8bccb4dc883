// Help > About: the version, the Qt version it runs on, and the licences of FieldSync, Qt and
// QtKeychain, reachable from the main window's Help menu.
#include "UiTestSupport.h"

#include "main/AboutDialog.h"
#include "main/MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QMenuBar>
#include <QTest>
#include <QTimer>

using namespace fieldsync;
using namespace fieldsync::ui;
using namespace fieldsync::uitest;

class TestAboutDialog : public QObject
{
    Q_OBJECT

private slots:
    void namesVersionQtAndLicences();
    void helpMenuOpensIt();
};

void TestAboutDialog::namesVersionQtAndLicences()
{
    AboutDialog about;
    const QString text = about.text();
    QVERIFY2(text.contains(QStringLiteral("FieldSync ") + QStringLiteral(FIELDSYNC_VERSION)),
             qPrintable(text));
    QVERIFY(text.contains(QString::fromLatin1(qVersion())));
    QVERIFY(text.contains(QStringLiteral("MIT licence")));
    QVERIFY(text.contains(QStringLiteral("LGPLv3")));
    QVERIFY(text.contains(QStringLiteral("QtKeychain under the BSD")));
    QCOMPARE(about.windowTitle(), QStringLiteral("About FieldSync"));
}

void TestAboutDialog::helpMenuOpensIt()
{
    auto device = makeDevice();
    SyncController sync(*device->store);
    MainWindow window(*device->store, sync);
    window.show();
    auto *action = window.findChild<QAction *>(QStringLiteral("aboutAction"));
    QVERIFY(action);
    bool inHelpMenu = false;
    for (QAction *menu : window.menuBar()->actions())
        if (menu->menu() && menu->menu()->actions().contains(action))
            inHelpMenu = menu->text() == QStringLiteral("&Help");
    QVERIFY(inHelpMenu);

    QString shown;
    QTimer poll;
    connect(&poll, &QTimer::timeout, this, [&] {
        auto *about = qobject_cast<AboutDialog *>(QApplication::activeModalWidget());
        if (!about)
            return;
        poll.stop();
        shown = about->text();
        about->reject();
    });
    poll.start(20);
    action->trigger(); // returns once the dialog is closed
    QVERIFY(shown.contains(QStringLiteral(FIELDSYNC_VERSION)));
}

QTEST_MAIN(TestAboutDialog)
#include "tst_aboutdialog.moc"
