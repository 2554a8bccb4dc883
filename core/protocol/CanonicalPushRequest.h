#pragma once

#include "PushMessages.h"

#include <optional>

namespace fieldsync::protocol {

// A push as a device writes it (PushRequest::toJson), decoded without a document around it:
// {"batch_id":"…","changes":[{"base":{…},"client_version":N,"data":{…},"entity":"…","id":"…",
// "offline_id":"…","op":"…"},…],"client_time":"…","device_id":"…"}, compact, keys in that
// order, strings of printable ASCII without escapes. Only each change's base and data are parsed,
// each on its own and as strictly as a whole body is (JsonReader::parseObject). Anything else,
// valid or not, and anything the general decoding would refuse, gives nothing: the caller then
// decodes the body the general way, which says what is wrong with it. So whatever this accepts
// decodes exactly as PushRequest::fromJsonGeneral() decodes it (tst_pushrequestdecode); with
// TextWhenCanonical, a create's data that CanonicalJson::objectEnd() takes is kept as its text
// instead (Change::dataText), and is what the general decoding makes of it once parsed.
std::optional<PushRequest>
decodeCanonicalPushRequest(const QByteArray &body,
                           PushRequest::DataOfCreates dataOfCreates = PushRequest::DataOfCreates::Decoded);

} // namespace fieldsync::protocol
