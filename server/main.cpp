#include "app/AddUserCommand.h"
#include "app/ServerApp.h"
#include "app/ServerOptions.h"
#include "app/SignalWatcher.h"
#include "common/Logging.h"
#include "protocol/ProtocolInfo.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <csignal>
#include <cstdio>

using namespace fieldsync;
using namespace fieldsync::server;

namespace {

void printTo(FILE *stream, const QString &text)
{
    std::fputs(text.toUtf8().constData(), stream);
    std::fflush(stream);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("fieldsync-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FIELDSYNC_VERSION));
    // Per-request lines are debug output; QT_LOGGING_RULES can turn them back on.
    QLoggingCategory::setFilterRules(QStringLiteral("fieldsync.*.debug=false"));

    const Result<ServerOptions> parsed = ServerOptions::parse(QCoreApplication::arguments());
    if (!parsed) {
        printTo(stderr, QStringLiteral("fieldsync-server: %1\nRun fieldsync-server --help for usage.\n")
                            .arg(parsed.error().message));
        return 2;
    }
    const ServerOptions &options = parsed.value();
    switch (options.mode) {
    case ServerOptions::Mode::Help:
        printTo(stdout, ServerOptions::usage());
        return 0;
    case ServerOptions::Mode::Version:
        printTo(stdout, QStringLiteral("fieldsync-server %1 (protocol %2)\n")
                            .arg(QStringLiteral(FIELDSYNC_VERSION))
                            .arg(protocol::Version));
        return 0;
    case ServerOptions::Mode::AddUser:
        return runAddUser(options);
    case ServerOptions::Mode::Serve:
        break;
    }

    SignalWatcher signalWatcher;
    if (const Result<void> watching = signalWatcher.watch({SIGTERM, SIGINT}); !watching)
        printTo(stderr, QStringLiteral("fieldsync-server: %1\n").arg(watching.error().toString()));
    QObject::connect(&signalWatcher, &SignalWatcher::signalled, &app, [](int signalNumber) {
        qCInfo(lcServer) << "signal" << signalNumber << "received, shutting down";
        QCoreApplication::quit();
    });
    std::signal(SIGPIPE, SIG_IGN);

    ServerApp server(options);
    if (const Result<void> started = server.start(); !started) {
        printTo(stderr, QStringLiteral("fieldsync-server: %1\n").arg(started.error().message));
        return 1;
    }
    const int code = QCoreApplication::exec();
    server.stop();
    qCInfo(lcServer) << "stopped";
    return code;
}
