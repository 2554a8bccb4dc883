#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace fieldsync::fuzz {

// The server's push handler: the input decoded as a push request and processed by the real
// PushService on a SQLite file with the real schema, which holds a few records with fixed ids
// (see PushHandlerFuzzTarget.cpp) so that updates and deletes reach the merge and the workflow.
std::optional<QString> fuzzPushHandler(const QByteArray &input);

} // namespace fieldsync::fuzz
