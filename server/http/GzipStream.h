#pragma once

#include "Gzip.h"

#include <QByteArray>

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace fieldsync::server {

// Compresses a body on a thread of its own while the rest of it is still being produced, so that a
// large answer is compressed (nearly) as soon as its last byte is written instead of after it.
// One producer; pieces are compressed in the order they were appended.
class GzipStream
{
public:
    GzipStream();
    // A stream never finished (the answer was not sent) stops and is dropped.
    ~GzipStream();
    GzipStream(const GzipStream &) = delete;
    GzipStream &operator=(const GzipStream &) = delete;

    void append(QByteArray piece);
    // The whole gzip member: every piece appended, then tail. Empty when zlib failed or no thread
    // could be started. Once only.
    QByteArray finish(QByteArrayView tail);

private:
    void compressPieces();
    // Ends the thread once it has compressed every piece, or after the one it is on when
    // dropPieces; false when there was no thread.
    bool stop(bool dropPieces);

    std::mutex m_mutex;
    std::condition_variable m_piecesWaiting;
    std::deque<QByteArray> m_pieces;
    bool m_closing = false;
    bool m_dropped = false;
    // The thread's own until it is joined.
    Gzip::Deflater m_deflater;
    QByteArray m_compressed;
    bool m_failed = false;
    std::thread m_thread;
};

} // namespace fieldsync::server
