#include "Gzip.h"

#include <zlib.h>

#include <algorithm>

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
    Deflater deflater;
    QByteArray out;
    if (!deflater.add(data, true, out))
        return {};
    return out;
}

Deflater::Deflater()
    : m_stream(std::make_unique<z_stream>())
{
    // The fastest level: repetitive JSON still shrinks several times over, at a fraction of the
    // default level's cost, and the server compresses every large answer of every push and pull.
    m_open =
        deflateInit2(m_stream.get(), Z_BEST_SPEED, Z_DEFLATED, GzipWindowBits, 8, Z_DEFAULT_STRATEGY) == Z_OK;
}

Deflater::~Deflater()
{
    if (m_open)
        deflateEnd(m_stream.get());
}

bool Deflater::add(QByteArrayView data, bool last, QByteArray &out)
{
    if (!m_open)
        return false;
    z_stream &stream = *m_stream;
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.data()));
    stream.avail_in = uInt(data.size());
    const int flush = last ? Z_FINISH : Z_NO_FLUSH;
    int status = Z_OK;
    do {
        // Room for all of this piece at once in the usual case (and for what zlib still holds of
        // earlier pieces when this one is small); zlib says when it needs more.
        const qsizetype written = out.size();
        const qsizetype room =
            std::max<qsizetype>(deflateBound(&stream, uLong(stream.avail_in)) + 64, 16 * 1024);
        out.resize(written + room);
        stream.next_out = reinterpret_cast<Bytef *>(out.data() + written);
        stream.avail_out = uInt(room);
        status = deflate(&stream, flush);
        out.resize(written + room - qsizetype(stream.avail_out));
    } while (status == Z_OK && (last || stream.avail_in > 0 || stream.avail_out == 0));
    if (last) {
        deflateEnd(&stream);
        m_open = false;
        return status == Z_STREAM_END;
    }
    if (status != Z_OK && status != Z_BUF_ERROR) {
        deflateEnd(&stream);
        m_open = false;
        return false;
    }
    return true;
}

} // namespace fieldsync::server::Gzip
