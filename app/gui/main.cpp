// fieldsync: the GUI. Parses the command line, opens the data directory and hands over to
// AppController; everything visible lives in fieldsync_ui.

#include "common/TouchStyle.h"
#include "common/UiLogging.h"
#include "common/UiText.h"
#include "main/AppController.h"
#include "store/DeviceStore.h"

#include <QApplication>
#include <QByteArray>
#include <QCommandLineParser>
#include <QDir>
#include <QMessageBox>
#include <QStandardPaths>
#include <QStyleFactory>

using namespace fieldsync;

namespace {

struct GuiOptions
{
    QCommandLineOption dataDir{QStringLiteral("data-dir"),
                               QCoreApplication::translate("main", "Data directory of this device."),
                               QStringLiteral("DIR")};
    QCommandLineOption server{QStringLiteral("server"),
                              QCoreApplication::translate("main", "Server URL to sign in to."),
                              QStringLiteral("URL")};
    QCommandLineOption token{QStringLiteral("token"),
                             QCoreApplication::translate("main", "Access token for the server."),
                             QStringLiteral("TOKEN")};
    QCommandLineOption demo{
        QStringLiteral("demo"),
        QCoreApplication::translate("main", "Sign in to a demo server from the token file that "
                                            "`fieldsync-server --demo --demo-token-file FILE` wrote."),
        QStringLiteral("FILE")};
    QCommandLineOption demoRole{
        QStringLiteral("demo-role"),
        QCoreApplication::translate("main", "With --demo: sign in as foreman (default) or pm."),
        QStringLiteral("ROLE"), QStringLiteral("foreman")};
    QCommandLineOption exitAfterPaint{
        QStringLiteral("exit-after-first-paint"),
        QCoreApplication::translate("main", "Print start-up time and peak memory once the "
                                            "permit list has painted, then exit (benchmark).")};

    void addTo(QCommandLineParser &parser)
    {
        parser.setApplicationDescription(QCoreApplication::translate(
            "main", "FieldSync: permits-to-work and tasks, offline first.\n"
                    "With no server saved yet it opens a welcome that connects to "
                    "a server or starts a local demo server."));
        parser.addHelpOption();
        parser.addVersionOption();
        exitAfterPaint.setFlags(QCommandLineOption::HiddenFromHelp);
        parser.addOptions({dataDir, server, token, demo, demoRole, exitAfterPaint});
    }
};

void nameApplication()
{
    QCoreApplication::setApplicationName(QStringLiteral("fieldsync"));
    QCoreApplication::setOrganizationName(QStringLiteral("FieldSync"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FIELDSYNC_VERSION));
}

// --help and --version need no window: answered before QApplication, they work over ssh, in a
// package check and on a machine with no display (QApplication aborts there).
bool asksForHelpOrVersion(int argc, char *argv[])
{
    for (int index = 1; index < argc; ++index) {
        const QByteArray argument(argv[index]);
        if (argument == "--")
            return false;
        if (argument == "-h" || argument == "-?" || argument == "--help" || argument == "--help-all" ||
            argument == "-v" || argument == "--version")
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    if (asksForHelpOrVersion(argc, argv)) {
        QCoreApplication app(argc, argv);
        nameApplication();
        QCommandLineParser parser;
        GuiOptions gui;
        gui.addTo(parser);
        parser.process(app); // prints and exits; an unknown option beside it is an error, as below
        return 0;
    }

    QApplication app(argc, argv);
    nameApplication();
    QApplication::setApplicationDisplayName(QStringLiteral("FieldSync"));
    QApplication::setDesktopFileName(QStringLiteral("org.fieldsync.FieldSync"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/fieldsync.svg")));
    // Touch-sized controls over the platform's own style and palette (light or dark).
    QApplication::setStyle(new ui::TouchStyle(QStyleFactory::create(QApplication::style()->name())));
    QFont font = QApplication::font();
    if (font.pointSizeF() > 0 && font.pointSizeF() < 11)
        font.setPointSizeF(11); // readable at arm's length on a tablet in the sun
    QApplication::setFont(font);

    QCommandLineParser parser;
    GuiOptions gui;
    gui.addTo(parser);
    parser.process(app);

    const QString directory = parser.isSet(gui.dataDir)
                                  ? parser.value(gui.dataDir)
                                  : QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    Result<std::unique_ptr<DeviceStore>> store = DeviceStore::open(directory);
    if (!store) {
        qCCritical(lcUi) << "cannot open" << directory << store.error().toString();
        QMessageBox::critical(nullptr, QStringLiteral("FieldSync"), ui::UiText::errorText(store.error()));
        return 1;
    }

    ui::StartOptions options;
    options.serverUrl = parser.value(gui.server);
    options.token = parser.value(gui.token);
    options.demoFile = parser.value(gui.demo);
    options.demoRole = parser.value(gui.demoRole);
    options.exitAfterFirstPaint = parser.isSet(gui.exitAfterPaint);
    ui::AppController controller(*store.value());
    if (!controller.start(options))
        return options.demoFile.isEmpty() ? 0 : 1;
    return app.exec();
}
