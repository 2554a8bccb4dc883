#pragma once

#include <QStringView>

namespace fieldsync {

// A record or change id as FieldSync writes it: 36 characters, lower-case hex, hyphens in their
// places, not the nil UUID. Other spellings of the same UUID (upper case, braces) are refused
// rather than read: compared as text, they would make a second record with the same id.
bool isCanonicalUuid(QStringView text);

} // namespace fieldsync
