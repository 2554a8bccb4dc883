#include "app/AddUserCommand.h"
#include "app/CopyDatabaseCommand.h"
#include "app/ListUsersCommand.h"
#include "app/RevokeTokenCommand.h"
#include "app/ServerApp.h"
#include "app/ServerOptions.h"
#include "app/SignalWatcher.h"
#include "common/Logging.h"
#include "ops/JsonLog.h"
#include "protocol/ProtocolInfo.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <csignal>
#include <cstdio>

#include <sys/resource.h>

#ifdef __GLIBC__
#include <malloc.h>
#endif

using namespace fieldsync;
using namespace fieldsync::server;

namespace {

void printTo(FILE *stream, const QString &text)
{
    std::fputs(text.toUtf8().constData(), stream);
    std::fflush(stream);
}

// Each device holds a connection (two while it watches events): the soft limit of open files
// (often 1024) would cap a company's tablets well below what the server can serve.
void raiseOpenFileLimit()
{
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &limit);
    }
}

// Every push allocates and frees a few buffers of hundreds of KiB (the request body, the answer,
// their JSON). Past glibc's default thresholds each is a fresh mmap, or the heap top is handed
// back and taken again, and every page of it is faulted in anew on every request, which on a VM
// costs more CPU than filling the buffer. Kept on the heap and not trimmed, the pages are reused.
void keepBigBuffersOnTheHeap()
{
#ifdef __GLIBC__
    constexpr int MmapThresholdBytes = 8 * 1024 * 1024;
    constexpr int TrimThresholdBytes = 64 * 1024 * 1024;
    mallopt(M_MMAP_THRESHOLD, MmapThresholdBytes);
    mallopt(M_TRIM_THRESHOLD, TrimThresholdBytes);
#endif
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
    case ServerOptions::Mode::RevokeToken:
        return runRevokeToken(options);
    case ServerOptions::Mode::IssueToken:
        return runIssueToken(options);
    case ServerOptions::Mode::ListUsers:
        return runListUsers(options);
    case ServerOptions::Mode::CopyDatabase:
        return runCopyDatabase(options);
    case ServerOptions::Mode::Serve:
        break;
    }

    if (options.jsonLogs)
        JsonLog::install();
    raiseOpenFileLimit();
    keepBigBuffersOnTheHeap();
    ServerApp server(options);
    SignalWatcher signalWatcher;
    if (const Result<void> watching = signalWatcher.watch({SIGTERM, SIGINT}); !watching)
        printTo(stderr, QStringLiteral("fieldsync-server: %1\n").arg(watching.error().toString()));
    QObject::connect(&signalWatcher, &SignalWatcher::signalled, &server, [&server](int signalNumber) {
        qCInfo(lcServer) << "signal" << signalNumber << "received, shutting down";
        server.shutdown();
    });
    QObject::connect(&server, &ServerApp::shutdownFinished, &app, &QCoreApplication::quit,
                     Qt::QueuedConnection);
    std::signal(SIGPIPE, SIG_IGN);

    if (const Result<void> started = server.start(); !started) {
        printTo(stderr, QStringLiteral("fieldsync-server: %1\n").arg(started.error().message));
        return 1;
    }
    const int code = QCoreApplication::exec();
    server.stop();
    qCInfo(lcServer) << "stopped";
    return code;
}
