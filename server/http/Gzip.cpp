#include "Gzip.h"

#include <zlib.h>

namespace fieldsync::server::Gzip {

namespace {

constexpr int GzipWindowBits = 15 + 16; // 15-bit window, gzip header and trailer
constexpr int ChunkSize = 64 * 1024;

} // namespace

Result<QByteArray> decompress(const QByteArray &data, qint64 maxBytes)
{
    z_stream stream{};
    if (inflateInit2(&stream, GzipWindowBits) != Z_OK)
        return makeError(QStringLiteral("internal"), QStringLiteral("zlib could not start"));
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    stream.avail_in = uInt(data.size());

    QByteArray out;
    char chunk[ChunkSize];
    int status = Z_OK;
    while (true) {
        stream.next_out = reinterpret_cast<Bytef *>(chunk);
        stream.avail_out = ChunkSize;
        status = inflate(&stream, Z_NO_FLUSH);
        if (status != Z_OK && status != Z_STREAM_END)
            break;
        const qint64 produced = ChunkSize - stream.avail_out;
        if (out.size() + produced > maxBytes) {
            inflateEnd(&stream);
            return makeError(QStringLiteral("too_large"),
                             QStringLiteral("the inflated body is larger than %1 bytes").arg(maxBytes));
        }
        out.append(chunk, int(produced));
        if (status == Z_STREAM_END) {
            if (stream.avail_in == 0)
                break;
            // Another gzip member follows (gzip files may be concatenated).
            if (inflateReset(&stream) != Z_OK)
                break;
            continue;
        }
        if (stream.avail_in == 0 && produced == 0)
            break; // input ended before the stream did
    }
    inflateEnd(&stream);
    if (status != Z_STREAM_END)
        return makeError(QStringLiteral("malformed"),
                         QStringLiteral("the gzip body is corrupt or truncated"));
    return out;
}

QByteArray compress(const QByteArray &data)
{
    // The fastest level: repetitive JSON still shrinks several times over, at a fraction of the
    // default level's cost, and the server compresses every large answer of every push and pull.
    z_stream stream{};
    if (deflateInit2(&stream, Z_BEST_SPEED, Z_DEFLATED, GzipWindowBits, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return {};
    QByteArray out;
    out.resize(int(deflateBound(&stream, uLong(data.size()))) + 32);
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    stream.avail_in = uInt(data.size());
    stream.next_out = reinterpret_cast<Bytef *>(out.data());
    stream.avail_out = uInt(out.size());
    const int status = deflate(&stream, Z_FINISH);
    out.resize(int(stream.total_out));
    deflateEnd(&stream);
    if (status != Z_STREAM_END)
        return {};
    return out;
}

} // namespace fieldsync::server::Gzip
