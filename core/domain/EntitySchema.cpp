#include "EntitySchema.h"

namespace fieldsync {

QString mergeHintName(MergeHint hint)
{
    switch (hint) {
    case MergeHint::Manual:
        return QStringLiteral("manual");
    case MergeHint::SetUnion:
        return QStringLiteral("set_union");
    case MergeHint::TrueWins:
        return QStringLiteral("true_wins");
    case MergeHint::Monotonic:
        return QStringLiteral("monotonic");
    }
    return {};
}

const FieldSpec *EntitySchema::field(const QString &name) const
{
    for (const FieldSpec &spec : fields) {
        if (spec.name == name)
            return &spec;
    }
    return nullptr;
}

QStringList EntitySchema::fieldNames() const
{
    QStringList names;
    for (const FieldSpec &spec : fields)
        names.append(spec.name);
    return names;
}

namespace {

FieldSpec text(const QString &name, FieldType type = FieldType::String, bool required = false)
{
    FieldSpec spec;
    spec.name = name;
    spec.type = type;
    spec.required = required;
    return spec;
}

FieldSpec choice(const QString &name, QStringList choices, bool required = false)
{
    FieldSpec spec = text(name, FieldType::Choice, required);
    spec.choices = std::move(choices);
    return spec;
}

FieldSpec withHint(FieldSpec spec, MergeHint hint)
{
    spec.hint = hint;
    return spec;
}

FieldSpec parentLink(const QString &name, bool required)
{
    FieldSpec spec = text(name, FieldType::Uuid, required);
    spec.immutable = required;
    return spec;
}

EntitySchema makePermit()
{
    EntitySchema schema;
    schema.kind = EntityKind::Permit;
    schema.wireName = QStringLiteral("permit");
    schema.cliName = QStringLiteral("permit");
    schema.workflow = &Workflow::permit();
    schema.fields = {
        text(QStringLiteral("title"), FieldType::String, true),
        text(QStringLiteral("description"), FieldType::Text),
        text(QStringLiteral("location"), FieldType::String),
        choice(QStringLiteral("work_type"),
               {QStringLiteral("hot_work"), QStringLiteral("confined_space"),
                QStringLiteral("work_at_height"), QStringLiteral("excavation"), QStringLiteral("electrical"),
                QStringLiteral("lifting"), QStringLiteral("general")}),
        text(QStringLiteral("status"), FieldType::Status),
        text(QStringLiteral("valid_from"), FieldType::Timestamp),
        text(QStringLiteral("valid_to"), FieldType::Timestamp),
        text(QStringLiteral("assignee"), FieldType::String),
        withHint(text(QStringLiteral("ppe_requirements"), FieldType::StringSet), MergeHint::SetUnion),
        withHint(text(QStringLiteral("safety_checklist"), FieldType::BoolMap), MergeHint::TrueWins),
    };
    return schema;
}

EntitySchema makeTask()
{
    EntitySchema schema;
    schema.kind = EntityKind::Task;
    schema.wireName = QStringLiteral("task");
    schema.cliName = QStringLiteral("task");
    schema.workflow = &Workflow::task();
    schema.fields = {
        text(QStringLiteral("title"), FieldType::String, true),
        text(QStringLiteral("description"), FieldType::Text),
        text(QStringLiteral("status"), FieldType::Status),
        choice(QStringLiteral("priority"), {QStringLiteral("low"), QStringLiteral("normal"),
                                            QStringLiteral("high"), QStringLiteral("urgent")}),
        text(QStringLiteral("due_date"), FieldType::Date),
        text(QStringLiteral("assignee"), FieldType::String),
        parentLink(QStringLiteral("permit_id"), false),
    };
    return schema;
}

EntitySchema makeGasReading()
{
    EntitySchema schema;
    schema.kind = EntityKind::GasReading;
    schema.wireName = QStringLiteral("gas_reading");
    schema.cliName = QStringLiteral("gas-reading");
    schema.appendOnly = true;
    schema.fields = {
        parentLink(QStringLiteral("permit_id"), true),
        choice(QStringLiteral("gas"),
               {QStringLiteral("O2"), QStringLiteral("LEL"), QStringLiteral("H2S"), QStringLiteral("CO"),
                QStringLiteral("other")},
               true),
        text(QStringLiteral("value"), FieldType::Number, true),
        choice(QStringLiteral("unit"), {QStringLiteral("%"), QStringLiteral("%LEL"), QStringLiteral("ppm")}),
        text(QStringLiteral("taken_at"), FieldType::Timestamp),
        text(QStringLiteral("taken_by"), FieldType::String),
    };
    return schema;
}

EntitySchema makeIsolationPoint()
{
    EntitySchema schema;
    schema.kind = EntityKind::IsolationPoint;
    schema.wireName = QStringLiteral("isolation_point");
    schema.cliName = QStringLiteral("isolation-point");
    schema.workflow = &Workflow::isolationPoint();
    schema.fields = {
        parentLink(QStringLiteral("permit_id"), true),
        text(QStringLiteral("description"), FieldType::String, true),
        withHint(text(QStringLiteral("status"), FieldType::Status), MergeHint::Monotonic),
        withHint(text(QStringLiteral("lock_ids"), FieldType::StringSet), MergeHint::SetUnion),
    };
    return schema;
}

EntitySchema makeAttachment()
{
    // Append-only: each attachment is its own record, so two devices attaching to the same
    // permit offline both keep theirs and never conflict.
    EntitySchema schema;
    schema.kind = EntityKind::Attachment;
    schema.wireName = QStringLiteral("attachment");
    schema.cliName = QStringLiteral("attachment");
    schema.appendOnly = true;
    FieldSpec target = text(QStringLiteral("record_id"), FieldType::Uuid, true);
    target.immutable = true;
    schema.fields = {
        target,
        choice(QStringLiteral("record_entity"),
               {QStringLiteral("permit"), QStringLiteral("isolation_point"), QStringLiteral("task")}, true),
        text(QStringLiteral("name"), FieldType::String, true),
        text(QStringLiteral("mime_type"), FieldType::String),
        text(QStringLiteral("bytes"), FieldType::Number, true),
        text(QStringLiteral("sha256"), FieldType::String, true),
        choice(QStringLiteral("kind"), {QStringLiteral("photo"), QStringLiteral("signature")}, true),
        text(QStringLiteral("signer_name"), FieldType::String),
        choice(QStringLiteral("signer_role"), {QStringLiteral("issuer"), QStringLiteral("receiver")}),
        text(QStringLiteral("signed_at"), FieldType::Timestamp),
    };
    return schema;
}

} // namespace

const EntitySchema &EntitySchema::of(EntityKind kind)
{
    static const EntitySchema permit = makePermit();
    static const EntitySchema task = makeTask();
    static const EntitySchema gasReading = makeGasReading();
    static const EntitySchema isolationPoint = makeIsolationPoint();
    static const EntitySchema attachment = makeAttachment();
    switch (kind) {
    case EntityKind::Permit:
        return permit;
    case EntityKind::Task:
        return task;
    case EntityKind::GasReading:
        return gasReading;
    case EntityKind::IsolationPoint:
        return isolationPoint;
    case EntityKind::Attachment:
        return attachment;
    }
    return permit;
}

const QList<const EntitySchema *> &EntitySchema::all()
{
    static const QList<const EntitySchema *> schemas{
        &of(EntityKind::Permit), &of(EntityKind::Task), &of(EntityKind::GasReading),
        &of(EntityKind::IsolationPoint), &of(EntityKind::Attachment)};
    return schemas;
}

const EntitySchema *EntitySchema::byWireName(const QString &name)
{
    for (const EntitySchema *schema : all()) {
        if (schema->wireName == name)
            return schema;
    }
    return nullptr;
}

const EntitySchema *EntitySchema::byCliName(const QString &name)
{
    for (const EntitySchema *schema : all()) {
        if (schema->cliName == name || schema->wireName == name)
            return schema;
    }
    return nullptr;
}

} // namespace fieldsync
