#pragma once

#include "PushMessages.h"

#include <optional>

namespace fieldsync::protocol {

// The push answer a sound server sends for a batch it applied whole, decoded without building a
// document of the answer around the records: {"applied":[{"data":{…},"id":"…","offline_id":"…",
// "version":N},…],"conflicts":[],"cursor":N,"rejected":[]}, written compactly in that order, with
// ids that need no escapes. Each record's data is still parsed and checked as strictly as a whole
// body is (JsonReader::parseObject). Anything else, valid or not, gives nothing, and the caller
// decodes the body the general way, which also says what is wrong with it: so whatever this
// accepts decodes exactly as PushResponse::fromJsonGeneral() decodes it (tst_appliedonlyanswer),
// but for records left as text (AppliedChange::dataAsText) when appliedData asks for that.
std::optional<PushResponse>
decodeAppliedOnlyAnswer(const QByteArray &body,
                        PushResponse::AppliedData appliedData = PushResponse::AppliedData::Objects);

} // namespace fieldsync::protocol
