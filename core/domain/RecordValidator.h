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

// A new record with the workflow's first state filled in where the data names none.
QJsonObject withDefaults(const EntitySchema &schema, QJsonObject data);

} // namespace fieldsync::RecordValidator
