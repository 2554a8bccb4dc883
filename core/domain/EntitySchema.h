#pragma once

#include "Workflow.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace fieldsync {

enum class EntityKind
{
    Permit,
    Task,
    GasReading,
    IsolationPoint,
    Attachment // a photo or signature of another record; its bytes travel apart (core/attachments)
};

enum class FieldType
{
    String,    // one line of text
    Text,      // free text
    Choice,    // one of FieldSpec::choices
    Status,    // a state of the entity's workflow
    Timestamp, // ISO 8601 date and time, UTC
    Date,      // YYYY-MM-DD
    Number,    // finite double
    Uuid,      // reference to another record
    StringSet, // unordered set of strings
    BoolMap,   // item -> bool
};

enum class MergeHint
{
    Manual,
    SetUnion,
    TrueWins,
    Monotonic
};

QString mergeHintName(MergeHint hint);

struct FieldSpec
{
    QString name;
    FieldType type = FieldType::String;
    MergeHint hint = MergeHint::Manual;
    bool required = false;
    bool immutable = false; // set on create, never changed afterwards (parent links)
    QStringList choices;
};

// What one kind of synced record looks like: its fields, their types and merge hints, and its
// workflow. Everything table-driven (validation, merge, CLI input, storage) reads from here.
class EntitySchema
{
public:
    EntityKind kind;
    QString wireName; // protocol spelling: gas_reading
    QString cliName;  // command-line spelling: gas-reading
    QList<FieldSpec> fields;
    const Workflow *workflow = nullptr; // null for append-only entities without status
    bool appendOnly = false;

    const FieldSpec *field(const QString &name) const;
    QStringList fieldNames() const;

    static const EntitySchema &of(EntityKind kind);
    static const QList<const EntitySchema *> &all();
    static const EntitySchema *byWireName(const QString &name);
    static const EntitySchema *byCliName(const QString &name);
};

// Fields every record carries besides its schema fields, kept inside the record's data so that a
// pulled record is complete. Only project_id may be written by a device, and only on create.
namespace RecordMeta {
inline const QString ProjectId = QStringLiteral("project_id");
inline const QString UpdatedAt = QStringLiteral("updated_at");
inline const QString UpdatedBy = QStringLiteral("updated_by");
inline const QString DeviceId = QStringLiteral("device_id");
inline const QString Status = QStringLiteral("status");
} // namespace RecordMeta

} // namespace fieldsync
