#pragma once

#include "ChangeOp.h"
#include "EntitySchema.h"
#include "Role.h"
#include "common/Result.h"

#include <QJsonObject>

namespace fieldsync::RecordValidator {

// Checks the fields a change writes: every field known, of its type, immutable fields untouched
// after create. Returns the data in canonical form. Error codes: validation, unknown_field.
Result<QJsonObject> checkChangeData(const EntitySchema &schema, ChangeOp op, const QJsonObject &data);

// Checks the record a change would leave: required fields present, a valid period, and a status
// move this role may make. before is empty for a create. Error codes: validation,
// invalid_transition, forbidden.
Result<void> checkResult(const EntitySchema &schema, const QJsonObject &before, const QJsonObject &after,
                         Role role);

// A set of a schema's fields, a bit for each by its index in EntitySchema::fields; a field past
// the 64th is never in one (and is then always checked).
using FieldSet = quint64;
// The set of the field at index of a schema's fields alone.
inline FieldSet fieldSetAt(qsizetype index)
{
    return index < 64 ? FieldSet(1) << index : FieldSet(0);
}
// The set of schema's field name alone; empty when schema has no such field.
FieldSet fieldSetOf(const EntitySchema &schema, const QString &name);

// checkChangeData() that also gives the fields it passed with a value (not null), for
// checkNewResult().
Result<QJsonObject> checkChangeData(const EntitySchema &schema, ChangeOp op, const QJsonObject &data,
                                    FieldSet *passedWithValue);

// checkResult() of a new record (before empty) made from checkChangeData()'s result: the fields
// in passed (what it passed with a value) are not checked again, as their canonical form passes
// every check the value it came from passed; only what the record gained since (defaults, nulls
// for absent fields) is. The outcome is checkResult()'s. The caller takes out of passed every
// field whose value it replaced since.
Result<void> checkNewResult(const EntitySchema &schema, FieldSet passed, const QJsonObject &after, Role role);

// A record as the server says it is (an applied answer's or a pulled record's data): only fields
// of its entity and the server's own (project_id, updated_at, updated_by, device_id), each of its
// type, required ones present, a status of the workflow. A device stores nothing else: a broken or
// lying server must not wipe a foreman's record. Error codes: validation, unknown_field.
Result<void> checkServerRecord(const EntitySchema &schema, const QJsonObject &data);

// A new record with the workflow's first state filled in where the data names none.
QJsonObject withDefaults(const EntitySchema &schema, QJsonObject data);

} // namespace fieldsync::RecordValidator
