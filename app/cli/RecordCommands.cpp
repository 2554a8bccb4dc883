#include "CliContext.h"

#include "domain/FieldValues.h"
#include "store/LocalEditor.h"

#include <QJsonArray>
#include <QJsonObject>

namespace fieldsync::cli {

namespace {

QString syncStateName(RecordSyncState state)
{
    switch (state) {
    case RecordSyncState::Synced:
        return QStringLiteral("synced");
    case RecordSyncState::Pending:
        return QStringLiteral("pending");
    case RecordSyncState::Conflict:
        return QStringLiteral("conflict");
    case RecordSyncState::Rejected:
        return QStringLiteral("rejected");
    }
    return {};
}

const EntitySchema *schemaForList(const QString &name)
{
    QString singular = name;
    if (singular.endsWith(QLatin1Char('s')))
        singular.chop(1);
    return EntitySchema::byCliName(singular);
}

Result<QJsonObject> parseAssignments(const EntitySchema &schema, const QStringList &assignments,
                                     const QJsonObject &current)
{
    QJsonObject changes;
    QStringList named; // field, or field.item of a checklist
    for (const QString &assignment : assignments) {
        // Two values for one field: which the person meant is not ours to guess.
        const QString target = assignment.left(assignment.indexOf(QLatin1Char('=')));
        if (!target.isEmpty() && named.contains(target))
            return makeError(QStringLiteral("usage"), CliContext::tr("%1 is given twice").arg(target));
        named.append(target);
        if (Result<void> parsed = FieldValues::parseAssignment(schema, assignment, current, changes); !parsed)
            return parsed.error();
    }
    return changes;
}

int create(CliContext &context, DeviceStore &store)
{
    const EntitySchema *schema = EntitySchema::byCliName(context.arguments.value(0));
    if (!schema)
        return context.fail(CliContext::tr("create what? permit, task, gas-reading or isolation-point"),
                            UsageError);
    Result<QJsonObject> fields = parseAssignments(*schema, context.arguments.mid(1), {});
    if (!fields)
        return context.fail(fields.error(),
                            fields.error().code == QLatin1String("usage") ? UsageError : Failure);
    Result<QString> id = LocalEditor(store).create(schema->kind, fields.value());
    if (!id)
        return context.fail(id.error());
    if (context.json)
        context.printJson(QJsonObject{{QStringLiteral("id"), id.value()}});
    else
        context.printLine(id.value());
    return Success;
}

int edit(CliContext &context, DeviceStore &store)
{
    const QString id = context.arguments.value(0);
    if (id.isEmpty() || context.arguments.size() < 2)
        return context.fail(CliContext::tr("usage: edit ID field=value..."), UsageError);
    Result<std::optional<LocalRecord>> record = store.records().find(id);
    if (!record)
        return context.fail(record.error());
    if (!record.value() || record.value()->deleted)
        return context.fail(CliContext::tr("no record %1 on this device").arg(id));
    const EntitySchema &schema = EntitySchema::of(record.value()->entity);
    Result<QJsonObject> changes = parseAssignments(schema, context.arguments.mid(1), record.value()->data);
    if (!changes)
        return context.fail(changes.error(),
                            changes.error().code == QLatin1String("usage") ? UsageError : Failure);
    Result<bool> edited = LocalEditor(store).edit(id, changes.value());
    if (!edited)
        return context.fail(edited.error());
    if (context.json)
        context.printJson(
            QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("changed"), edited.value()}});
    else
        context.printLine(edited.value() ? CliContext::tr("saved, queued for sync")
                                         : CliContext::tr("nothing changed"));
    return Success;
}

int remove(CliContext &context, DeviceStore &store)
{
    const QString id = context.arguments.value(0);
    if (id.isEmpty())
        return context.fail(CliContext::tr("usage: delete ID"), UsageError);
    if (Result<void> removed = LocalEditor(store).remove(id); !removed)
        return context.fail(removed.error());
    if (context.json)
        context.printJson(QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("deleted"), true}});
    else
        context.printLine(CliContext::tr("deleted, queued for sync"));
    return Success;
}

int list(CliContext &context, DeviceStore &store)
{
    const EntitySchema *schema = schemaForList(context.arguments.value(0));
    if (!schema)
        return context.fail(
            CliContext::tr("list what? permits, tasks, gas-readings, isolation-points or rejected"),
            UsageError);
    RecordQuery query;
    query.entity = schema->kind;
    query.status = context.options.value(QStringLiteral("status"));
    query.search = context.options.value(QStringLiteral("search"));
    query.projectId = context.options.value(QStringLiteral("project"));
    Result<QList<LocalRecord>> records = store.records().list(query);
    if (!records)
        return context.fail(records.error());
    QJsonArray array;
    for (const LocalRecord &record : records.value()) {
        Result<RecordSyncState> state = store.syncState(record.id);
        if (!state)
            return context.fail(state.error());
        if (context.json) {
            QJsonObject object = record.data;
            object.insert(QStringLiteral("id"), record.id);
            object.insert(QStringLiteral("version"), record.version);
            object.insert(QStringLiteral("sync_state"), syncStateName(state.value()));
            array.append(object);
        } else {
            context.printLine(QStringLiteral("%1  %2  %3  v%4  %5")
                                  .arg(record.id, record.status().leftJustified(11),
                                       syncStateName(state.value()).leftJustified(8))
                                  .arg(record.version)
                                  .arg(record.title()));
        }
    }
    if (context.json)
        context.printJson(array);
    return Success;
}

} // namespace

int runRecordCommand(CliContext &context)
{
    Result<DeviceStore *> store = context.store();
    if (!store)
        return context.fail(store.error());
    if (context.command == QLatin1String("create"))
        return create(context, *store.value());
    if (context.command == QLatin1String("edit"))
        return edit(context, *store.value());
    if (context.command == QLatin1String("delete"))
        return remove(context, *store.value());
    return list(context, *store.value());
}

} // namespace fieldsync::cli
