#pragma once

#include "common/Result.h"

#include <QByteArray>

#include <memory>

struct z_stream_s;

namespace fieldsync::server::Gzip {

// Inflates a gzip stream (concatenated members included). Stops as soon as the output would pass
// maxBytes, so a small bomb never becomes a large allocation: Error too_large then, malformed
// for a corrupt or truncated stream.
Result<QByteArray> decompress(const QByteArray &data, qint64 maxBytes);

// One gzip member, empty when zlib fails.
QByteArray compress(const QByteArray &data);

// One gzip member written piece by piece, with the level and format of compress().
class Deflater
{
public:
    Deflater();
    ~Deflater();
    Deflater(const Deflater &) = delete;
    Deflater &operator=(const Deflater &) = delete;

    // Appends the compressed form of data to out; last ends the member (its trailer included).
    // False once zlib failed, or after the last piece.
    bool add(QByteArrayView data, bool last, QByteArray &out);

private:
    std::unique_ptr<z_stream_s> m_stream;
    bool m_open = false;
};

} // namespace fieldsync::server::Gzip
