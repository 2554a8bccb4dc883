#include "CliContext.h"

#include <QCoreApplication>
#include <QLoggingCategory>

using namespace fieldsync;
using namespace fieldsync::cli;

namespace {

// An option a command does not know is a typo or a misunderstanding: doing the command without it
// would look like success while ignoring what the person asked for.
Result<void> checkOptions(const CliContext &context)
{
    static const QStringList watchOptions{QStringLiteral("interval-ms"),  QStringLiteral("debounce-ms"),
                                          QStringLiteral("poll-ms"),      QStringLiteral("retry-initial-ms"),
                                          QStringLiteral("retry-max-ms"), QStringLiteral("probe-max-ms"),
                                          QStringLiteral("grace-ms"),     QStringLiteral("no-events")};
    static const QHash<QString, QStringList> optionsOf{
        {QStringLiteral("login"), {QStringLiteral("server"), QStringLiteral("token"), QStringLiteral("pin")}},
        {QStringLiteral("sync"), {QStringLiteral("batch"), QStringLiteral("chunk-kb")}},
        {QStringLiteral("list"),
         {QStringLiteral("project"), QStringLiteral("status"), QStringLiteral("search")}},
        {QStringLiteral("resolve"), {QStringLiteral("take")}},
        {QStringLiteral("watch"), watchOptions},
    };
    static const QStringList commandsWithoutOptions{
        QStringLiteral("status"), QStringLiteral("create"),      QStringLiteral("edit"),
        QStringLiteral("delete"), QStringLiteral("conflicts"),   QStringLiteral("discard"),
        QStringLiteral("attach"), QStringLiteral("attachments"), QStringLiteral("fetch-attachment")};
    if (!optionsOf.contains(context.command) && !commandsWithoutOptions.contains(context.command))
        return {}; // an unknown command is reported as such
    const QStringList allowed = optionsOf.value(context.command);
    for (auto it = context.options.cbegin(); it != context.options.cend(); ++it) {
        if (!allowed.contains(it.key()))
            return makeError(
                QStringLiteral("usage"),
                CliContext::tr("%1 has no option --%2; see --help").arg(context.command, it.key()));
    }
    return {};
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    // Scripts read stdout and one-line errors on stderr; developer logs only when asked for
    // (QT_LOGGING_RULES still overrides this).
    QLoggingCategory::setFilterRules(QStringLiteral("fieldsync.*.debug=false\nfieldsync.*.info=false"));
    QCoreApplication::setApplicationName(QStringLiteral("fieldsync-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FIELDSYNC_VERSION));

    Result<CliContext> parsed = CliContext::parse(app.arguments());
    if (!parsed) {
        CliContext().fail(parsed.error(), UsageError);
        return UsageError;
    }
    CliContext &context = parsed.value();
    if (context.options.contains(QStringLiteral("help")) || context.command == QLatin1String("help")) {
        context.printLine(usage());
        return Success;
    }
    if (context.options.contains(QStringLiteral("version"))) {
        context.printLine(QStringLiteral("fieldsync-cli ") + QCoreApplication::applicationVersion());
        return Success;
    }
    if (const Result<void> known = checkOptions(context); !known)
        return context.fail(known.error(), UsageError);
    static const QStringList recordCommands{QStringLiteral("create"), QStringLiteral("edit"),
                                            QStringLiteral("delete"), QStringLiteral("list")};
    static const QStringList syncCommands{QStringLiteral("login"), QStringLiteral("sync"),
                                          QStringLiteral("status")};
    static const QStringList conflictCommands{QStringLiteral("conflicts"), QStringLiteral("resolve"),
                                              QStringLiteral("discard")};
    if (context.command == QLatin1String("list") && context.arguments.value(0) == QLatin1String("rejected"))
        return runConflictCommand(context);
    if (recordCommands.contains(context.command))
        return runRecordCommand(context);
    if (syncCommands.contains(context.command))
        return runSyncCommand(context);
    if (conflictCommands.contains(context.command))
        return runConflictCommand(context);
    if (context.command == QLatin1String("watch"))
        return runWatchCommand(context);
    static const QStringList attachmentCommands{QStringLiteral("attach"), QStringLiteral("attachments"),
                                                QStringLiteral("fetch-attachment")};
    if (attachmentCommands.contains(context.command))
        return runAttachmentCommand(context);
    if (context.command.isEmpty())
        return context.fail(CliContext::tr("no command given; see --help"), UsageError);
    return context.fail(CliContext::tr("unknown command '%1'; see --help").arg(context.command), UsageError);
}
