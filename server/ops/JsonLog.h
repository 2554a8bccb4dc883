#pragma once

namespace fieldsync::server::JsonLog {

// Replaces Qt's message handler with one that writes each message to stderr as one JSON object
// on one line, {"time":"…","level":"info","category":"fieldsync.server","message":"…"}, which
// journald, Loki or any log shipper takes without a parser of its own. The QT_LOGGING_RULES
// filters still apply: this changes the shape of a line, not which lines are written.
void install();

} // namespace fieldsync::server::JsonLog
