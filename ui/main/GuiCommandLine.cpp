#include "GuiCommandLine.h"

namespace fieldsync::ui {

GuiCommandLine::GuiCommandLine()
    : dataDir(QStringLiteral("data-dir"), tr("Data directory of this device."), QStringLiteral("DIR"))
    , server(QStringLiteral("server"), tr("Server URL to sign in to."), QStringLiteral("URL"))
    , token(QStringLiteral("token"), tr("Access token for the server."), QStringLiteral("TOKEN"))
    , demo(QStringLiteral("demo"),
           tr("Sign in to a demo server from the token file that "
              "`fieldsync-server --demo --demo-token-file FILE` wrote."),
           QStringLiteral("FILE"))
    , demoRole(QStringLiteral("demo-role"), tr("With --demo: sign in as foreman (default) or pm."),
               QStringLiteral("ROLE"), QStringLiteral("foreman"))
    , exitAfterPaint(QStringLiteral("exit-after-first-paint"),
                     tr("Print start-up time and peak memory once the permit list has painted, then "
                        "exit (benchmark)."))
{
    exitAfterPaint.setFlags(QCommandLineOption::HiddenFromHelp);
}

void GuiCommandLine::addTo(QCommandLineParser &parser)
{
    parser.setApplicationDescription(tr("FieldSync: permits-to-work and tasks, offline first.\n"
                                        "With no server saved yet it opens a welcome that connects to "
                                        "a server or starts a local demo server."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({dataDir, server, token, demo, demoRole, exitAfterPaint});
}

} // namespace fieldsync::ui
