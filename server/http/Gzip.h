#pragma once

#include "common/Result.h"

#include <QByteArray>

namespace fieldsync::server::Gzip {

// Inflates a gzip stream (concatenated members included). Stops as soon as the output would pass
// maxBytes, so a small bomb never becomes a large allocation: Error too_large then, malformed
// for a corrupt or truncated stream.
Result<QByteArray> decompress(const QByteArray &data, qint64 maxBytes);

QByteArray compress(const QByteArray &data);

} // namespace fieldsync::server::Gzip
