#pragma once

#include "EntitySchema.h"
#include "common/Result.h"

#include <QJsonObject>
#include <QJsonValue>

namespace fieldsync::FieldValues {

// Absent and null mean the same (no value); sets compare without order.
QJsonValue normalized(const FieldSpec &spec, const QJsonValue &value);
bool equal(const FieldSpec &spec, const QJsonValue &a, const QJsonValue &b);

// The value in canonical form, or a validation error naming the field and what was wrong.
// rewritten, when given, says whether the canonical form differs from value (absent becomes
// null; a set is sorted and made unique), so that a caller need not compare the two: comparing
// JSON values in Qt copies every string in them.
Result<QJsonValue> checked(const FieldSpec &spec, const QJsonValue &value, bool *rewritten = nullptr);

// Whether a (non-null) value has the JSON type of its field (a string for text, dates and ids, a
// number, an array of strings, an object of booleans), whatever its content; and that type's name.
bool hasJsonTypeOf(const FieldSpec &spec, const QJsonValue &value);
QString jsonTypeName(const FieldSpec &spec);

// Reads one command-line assignment (title=Hot work, value=20.9, ppe_requirements=helmet,gloves,
// safety_checklist.gas_tested=true) by the field's type into changes. current is the record as it
// stands, so that one checklist item can be set without dropping the others.
Result<void> parseAssignment(const EntitySchema &schema, const QString &assignment,
                             const QJsonObject &current, QJsonObject &changes);

QString displayText(const FieldSpec &spec, const QJsonValue &value);

} // namespace fieldsync::FieldValues
