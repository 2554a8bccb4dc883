#pragma once

#include "common/Result.h"
#include "domain/EntitySchema.h"

#include <QJsonObject>

namespace fieldsync {

// RecordValidator::checkServerRecord(schema, data), with the same verdict and the same error, but
// data read in one pass over its members instead of a lookup by name for each field: every change a
// push settles and every record a pull brings is checked so. tst_serverrecordcheck compares both.
Result<void> checkServerRecordInOnePass(const EntitySchema &schema, const QJsonObject &data);

} // namespace fieldsync
