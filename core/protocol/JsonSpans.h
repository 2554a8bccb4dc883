#pragma once

#include <QByteArray>
#include <QList>

#include <optional>

namespace fieldsync::protocol {

// The text of one member of every object in a top-level array, as a body has it: in
// {"applied":[{"data":{…}},…]}, arrayKey "applied" and memberKey "data" give each entry's data
// exactly as sent. Lets a reader that stores such a value keep the text it received instead of
// encoding again what it decoded. Run only on a body JsonReader::parseObject accepted, so that
// its structure is known to be sound; nothing when the array or a member is not found (a key
// written with escapes is not recognised), or when a member's text is not valid UTF-8.
std::optional<QList<QByteArray>> memberOfEach(const QByteArray &body, const char *arrayKey,
                                              const char *memberKey);

} // namespace fieldsync::protocol
