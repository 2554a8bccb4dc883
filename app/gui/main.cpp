// fieldsync: the GUI. Parses the command line, opens the data directory and hands over to
// AppController; everything visible lives in fieldsync_ui.

#include "common/TouchStyle.h"
#include "common/Translations.h"
#include "common/UiLogging.h"
#include "common/UiText.h"
#include "main/AppController.h"
#include "main/GuiCommandLine.h"
#include "store/DeviceStore.h"

#include <QApplication>
#include <QByteArray>
#include <QCommandLineParser>
#include <QDir>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QStandardPaths>
#include <QStyleFactory>

using namespace fieldsync;

namespace {

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
        // The system's language (no device is open to say another), without a log line about it
        // in what people asked to read.
        QLoggingCategory::setFilterRules(QStringLiteral("fieldsync.ui.info=false"));
        ui::applyLanguage(QString());
        QCommandLineParser parser;
        ui::GuiCommandLine gui;
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
    ui::GuiCommandLine gui;
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
