#include "CliContext.h"

#include "store/ConflictResolver.h"

#include <QJsonArray>
#include <QJsonObject>

namespace fieldsync::cli {

namespace {

QJsonObject conflictJson(const StoredConflict &conflict)
{
    QJsonObject fields;
    for (auto it = conflict.fields.begin(); it != conflict.fields.end(); ++it) {
        fields.insert(it.key(), QJsonObject{{QStringLiteral("base"), it->base},
                                            {QStringLiteral("mine"), it->mine},
                                            {QStringLiteral("server"), it->server},
                                            {QStringLiteral("hint"), it->hint}});
    }
    return QJsonObject{{QStringLiteral("id"), conflict.id},
                       {QStringLiteral("record_id"), conflict.change.id},
                       {QStringLiteral("entity"), EntitySchema::of(conflict.change.entity).wireName},
                       {QStringLiteral("op"), changeOpName(conflict.change.op)},
                       {QStringLiteral("reason"), conflict.reason},
                       {QStringLiteral("client_version"), conflict.change.clientVersion},
                       {QStringLiteral("server_version"), conflict.serverVersion},
                       {QStringLiteral("fields"), fields}};
}

int listConflicts(CliContext &context, DeviceStore &store)
{
    Result<QList<StoredConflict>> conflicts = store.conflicts().all();
    if (!conflicts)
        return context.fail(conflicts.error());
    QJsonArray array;
    for (const StoredConflict &conflict : conflicts.value()) {
        if (context.json) {
            array.append(conflictJson(conflict));
            continue;
        }
        context.printLine(CliContext::tr("%1  %2 %3 (%4)")
                              .arg(conflict.id, EntitySchema::of(conflict.change.entity).cliName,
                                   conflict.change.id, conflict.reason));
        for (auto it = conflict.fields.begin(); it != conflict.fields.end(); ++it) {
            context.printLine(CliContext::tr("    %1: base=%2 mine=%3 server=%4")
                                  .arg(it.key(), it->base.toVariant().toString(),
                                       it->mine.toVariant().toString(), it->server.toVariant().toString()));
        }
    }
    if (context.json)
        context.printJson(array);
    return Success;
}

std::optional<ConflictSide> sideFromName(const QString &name)
{
    if (name == QLatin1String("mine"))
        return ConflictSide::Mine;
    if (name == QLatin1String("server"))
        return ConflictSide::Server;
    return std::nullopt;
}

int resolve(CliContext &context, DeviceStore &store)
{
    const QString conflictId = context.arguments.value(0);
    const QString take = context.options.value(QStringLiteral("take"));
    if (conflictId.isEmpty() || take.isEmpty())
        return context.fail(
            CliContext::tr("usage: resolve CONFLICT_ID --take mine|server|field=mine,field=server"),
            UsageError);
    Result<std::optional<StoredConflict>> conflict = store.conflicts().find(conflictId);
    if (!conflict)
        return context.fail(conflict.error());
    if (!conflict.value())
        return context.fail(CliContext::tr("no conflict %1").arg(conflictId));

    std::optional<ConflictSide> all = sideFromName(take);
    QMap<QString, ConflictSide> perField;
    if (!all) {
        for (const QString &part : take.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const QStringList pair = part.split(QLatin1Char('='));
            const std::optional<ConflictSide> side = sideFromName(pair.value(1));
            if (pair.size() != 2 || !side)
                return context.fail(CliContext::tr("--take expects mine, server or field=mine|server,..."),
                                    UsageError);
            const QString field = pair.value(0).trimmed();
            // Two answers for one field: which one the person meant is not ours to guess.
            if (perField.contains(field))
                return context.fail(CliContext::tr("--take names %1 twice").arg(field), UsageError);
            perField.insert(field, *side);
        }
    }
    Result<ConflictChoice> choice = ConflictResolver::choiceFromSides(*conflict.value(), all, perField);
    if (!choice)
        return context.fail(choice.error(), UsageError);
    const Result<bool> resolved = ConflictResolver(store).resolve(conflictId, choice.value());
    if (!resolved)
        return context.fail(resolved.error());
    // Taking the server's values everywhere leaves nothing to send.
    const bool queued = resolved.value();
    if (context.json)
        context.printJson(QJsonObject{{QStringLiteral("id"), conflictId},
                                      {QStringLiteral("resolved"), true},
                                      {QStringLiteral("queued"), queued}});
    else if (queued)
        context.printLine(CliContext::tr("resolved; the result is queued for sync"));
    else if (EntitySchema::of(conflict.value()->change.entity).appendOnly)
        // Nothing of the server's replaces a recorded fact: the conflict was dropped (ConflictResolver).
        context.printLine(
            CliContext::tr("resolved; this device's recorded values are kept, nothing to send"));
    else
        context.printLine(CliContext::tr("resolved; the server's version is kept, nothing to send"));
    return Success;
}

int listRejected(CliContext &context, DeviceStore &store)
{
    Result<QList<StoredRejection>> rejections = store.conflicts().rejections();
    if (!rejections)
        return context.fail(rejections.error());
    QJsonArray array;
    for (const StoredRejection &rejection : rejections.value()) {
        if (context.json) {
            array.append(
                QJsonObject{{QStringLiteral("id"), rejection.id},
                            {QStringLiteral("record_id"), rejection.change.id},
                            {QStringLiteral("entity"), EntitySchema::of(rejection.change.entity).wireName},
                            {QStringLiteral("op"), changeOpName(rejection.change.op)},
                            {QStringLiteral("reason"), rejection.reason},
                            {QStringLiteral("detail"), rejection.detail},
                            {QStringLiteral("data"), rejection.change.data}});
        } else {
            context.printLine(QStringLiteral("%1  %2 %3: %4 (%5)")
                                  .arg(rejection.id, EntitySchema::of(rejection.change.entity).cliName,
                                       rejection.change.id, rejection.reason, rejection.detail));
        }
    }
    if (context.json)
        context.printJson(array);
    return Success;
}

int discard(CliContext &context, DeviceStore &store)
{
    const QString id = context.arguments.value(0);
    if (id.isEmpty())
        return context.fail(CliContext::tr("usage: discard CHANGE_ID"), UsageError);
    if (Result<void> discarded = ConflictResolver(store).discardRejected(id); !discarded)
        return context.fail(discarded.error());
    if (context.json)
        context.printJson(QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("discarded"), true}});
    else
        context.printLine(CliContext::tr("discarded"));
    return Success;
}

} // namespace

int runConflictCommand(CliContext &context)
{
    Result<DeviceStore *> store = context.store();
    if (!store)
        return context.fail(store.error());
    if (context.command == QLatin1String("conflicts"))
        return listConflicts(context, *store.value());
    if (context.command == QLatin1String("resolve"))
        return resolve(context, *store.value());
    if (context.command == QLatin1String("discard"))
        return discard(context, *store.value());
    return listRejected(context, *store.value());
}

} // namespace fieldsync::cli
