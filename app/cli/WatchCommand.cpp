// `fieldsync-cli --data-dir DIR watch [--json]`: the device left running. Syncs by itself (after
// edits, when the server is back, on a timer, on server events) until SIGINT or SIGTERM, and
// prints one line per change of its status and per pulled page.
#include "CliContext.h"
#include "StopSignals.h"

#include "sync/SyncController.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <csignal>
#include <optional>

namespace fieldsync::cli {

namespace {

// Every number a test or a bench may want small, and the defaults a person gets.
struct WatchTimings
{
    int intervalMs = 2 * 60 * 1000; // periodic sync
    int debounceMs = 1000;          // after an edit
    int pollMs = 1000;              // for edits made by other processes (fieldsync-cli edit)
    int retryInitialMs = 1000;
    int retryMaxMs = 5 * 60 * 1000;
    int probeMaxMs = 30000; // between server checks while it is unreachable
    int graceMs = 15000;    // on a signal, how long a sync in flight may take to finish
    bool events = true;
};

Result<WatchTimings> readTimings(const CliContext &context)
{
    WatchTimings timings;
    const std::pair<QString, int *> numbers[] = {
        {QStringLiteral("interval-ms"), &timings.intervalMs},
        {QStringLiteral("debounce-ms"), &timings.debounceMs},
        {QStringLiteral("poll-ms"), &timings.pollMs},
        {QStringLiteral("retry-initial-ms"), &timings.retryInitialMs},
        {QStringLiteral("retry-max-ms"), &timings.retryMaxMs},
        {QStringLiteral("probe-max-ms"), &timings.probeMaxMs},
        {QStringLiteral("grace-ms"), &timings.graceMs},
    };
    for (const auto &[name, target] : numbers) {
        if (!context.options.contains(name))
            continue;
        bool ok = false;
        const int value = context.options.value(name).toInt(&ok);
        if (!ok || value < 0)
            return makeError(QStringLiteral("usage"),
                             CliContext::tr("--%1 takes a number of milliseconds, 0 or more").arg(name));
        *target = value;
    }
    timings.events = !context.options.contains(QStringLiteral("no-events"));
    return timings;
}

SyncController::Options controllerOptions(const WatchTimings &timings)
{
    SyncController::Options options;
    options.scheduler.debounceMs = timings.debounceMs;
    options.scheduler.periodicMs = timings.intervalMs;
    options.scheduler.backoff.initialMs = std::max(1, timings.retryInitialMs);
    options.scheduler.backoff.maxMs = std::max(timings.retryInitialMs, timings.retryMaxMs);
    options.connectivity.probeBackoff.initialMs = std::max(1, std::min(1000, timings.probeMaxMs));
    options.connectivity.probeBackoff.maxMs = std::max(1, timings.probeMaxMs);
    options.events.reconnect.initialMs = options.connectivity.probeBackoff.initialMs;
    options.events.reconnect.maxMs = std::max(options.connectivity.probeBackoff.maxMs, 1000);
    options.useEvents = timings.events;
    options.outboxPollMs = timings.pollMs;
    return options;
}

QString watchStateName(const SyncStatus &status)
{
    switch (status.state()) {
    case SyncStatus::State::Syncing:
        return QStringLiteral("syncing");
    case SyncStatus::State::Synced:
        return QStringLiteral("synced");
    case SyncStatus::State::Error:
        return QStringLiteral("error");
    case SyncStatus::State::NotConfigured:
    case SyncStatus::State::Offline:
        break;
    }
    return QStringLiteral("offline");
}

QJsonObject statusLine(const SyncStatus &status)
{
    return QJsonObject{
        {QStringLiteral("event"), QStringLiteral("status")},
        {QStringLiteral("state"), watchStateName(status)},
        {QStringLiteral("pending"), status.pending()},
        {QStringLiteral("conflicts"), status.conflicts()},
        {QStringLiteral("rejected"), status.rejected()},
        {QStringLiteral("reason"), status.reason().isEmpty() ? QJsonValue() : QJsonValue(status.reason())},
        {QStringLiteral("signed_out"), status.signedOut()},
        {QStringLiteral("connectivity"), SyncStatus::connectivityName(status.connectivity())},
        {QStringLiteral("retry_in"),
         status.retryInSeconds() < 0 ? QJsonValue() : QJsonValue(status.retryInSeconds())},
    };
}

QString statusText(const QJsonObject &line)
{
    QString text = CliContext::tr("%1 (%2 pending, %3 conflicts)")
                       .arg(line.value(QStringLiteral("state")).toString())
                       .arg(line.value(QStringLiteral("pending")).toInt())
                       .arg(line.value(QStringLiteral("conflicts")).toInt());
    if (line.value(QStringLiteral("signed_out")).toBool())
        text += CliContext::tr(", signed out");
    if (line.value(QStringLiteral("reason")).isString())
        text += QStringLiteral(": ") + line.value(QStringLiteral("reason")).toString();
    if (!line.value(QStringLiteral("retry_in")).isNull())
        text += CliContext::tr(" (retrying in %1 s)").arg(line.value(QStringLiteral("retry_in")).toInt());
    return text;
}

} // namespace

int runWatchCommand(CliContext &context)
{
    Result<DeviceStore *> opened = context.store();
    if (!opened)
        return context.fail(opened.error());
    DeviceStore &store = *opened.value();
    Result<DeviceAccount> account = store.account();
    if (!account)
        return context.fail(account.error());
    if (account.value().serverUrl.isEmpty())
        return context.fail(CliContext::tr("not signed in: run login --server URL --token T first"));
    const Result<WatchTimings> timings = readTimings(context);
    if (!timings)
        return context.fail(timings.error(), UsageError);

    StopSignals stopSignals;
    if (Result<void> watching = stopSignals.watch({SIGINT, SIGTERM}); !watching)
        return context.fail(watching.error());
    std::signal(SIGPIPE, SIG_IGN);

    SyncController controller(store, controllerOptions(timings.value()));
    SyncStatus &status = *controller.status();

    // Several setters run for one transition; print once when they are done, and only when
    // something a reader sees changed.
    QJsonObject lastPrinted;
    QTimer coalesce;
    coalesce.setSingleShot(true);
    coalesce.setInterval(0);
    auto printStatus = [&] {
        const QJsonObject line = statusLine(status);
        if (line == lastPrinted)
            return;
        lastPrinted = line;
        if (context.json)
            context.printJson(line);
        else
            context.printLine(statusText(line));
    };
    QObject::connect(&coalesce, &QTimer::timeout, &coalesce, printStatus);
    QObject::connect(&status, &SyncStatus::changed, &coalesce, [&coalesce] { coalesce.start(); });
    QObject::connect(&controller, &SyncController::recordsPulled, &controller, [&](const QStringList &ids) {
        if (context.json)
            context.printJson(QJsonObject{{QStringLiteral("event"), QStringLiteral("pulled")},
                                          {QStringLiteral("ids"), QJsonArray::fromStringList(ids)}});
        else
            context.printLine(
                CliContext::tr("pulled %1: %2").arg(ids.size()).arg(ids.join(QStringLiteral(", "))));
    });

    QEventLoop loop;
    bool stopping = false;
    auto finish = [&] {
        coalesce.stop();
        printStatus();
        loop.quit();
    };
    QObject::connect(&stopSignals, &StopSignals::received, &loop, [&](int) {
        if (stopping) {
            loop.quit(); // a second signal: stop waiting; the outbox keeps what was not answered
            return;
        }
        stopping = true;
        controller.stopAutomatic();
        if (!controller.isSyncing()) {
            finish();
            return;
        }
        // Let the sync in flight end, so that what the server answered is written down; past the
        // grace period, stop anyway: unanswered changes stay queued and are sent again later.
        QObject::connect(&controller, &SyncController::syncFinished, &loop, [&] {
            if (!controller.isSyncing())
                finish();
        });
        QTimer::singleShot(timings.value().graceMs, &loop, finish);
    });

    // No line before this: until the first run starts, the status only repeats the last session's.
    controller.startAutomatic();
    loop.exec();
    return Success;
}

} // namespace fieldsync::cli
