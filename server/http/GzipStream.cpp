#include "GzipStream.h"

#include <system_error>

namespace fieldsync::server {

GzipStream::GzipStream()
{
    try {
        m_thread = std::thread([this] { compressPieces(); });
    } catch (const std::system_error &) {
        // No thread to be had: finish() answers nothing, and the body is compressed as it is sent.
    }
}

GzipStream::~GzipStream()
{
    stop(true);
}

void GzipStream::append(QByteArray piece)
{
    if (!m_thread.joinable())
        return;
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        m_pieces.push_back(std::move(piece));
    }
    m_piecesWaiting.notify_one();
}

QByteArray GzipStream::finish(QByteArrayView tail)
{
    if (!stop(false))
        return {};
    // The rest of the body (the last applied entries, any conflicts and rejections) goes here,
    // after the thread's last piece.
    if (m_failed || !m_deflater.add(tail, true, m_compressed))
        return {};
    return std::move(m_compressed);
}

bool GzipStream::stop(bool dropPieces)
{
    if (!m_thread.joinable())
        return false;
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        m_closing = true;
        m_dropped = dropPieces;
    }
    m_piecesWaiting.notify_one();
    m_thread.join();
    return true;
}

void GzipStream::compressPieces()
{
    while (true) {
        QByteArray piece;
        {
            std::unique_lock<std::mutex> lock(m_mutex);
            m_piecesWaiting.wait(lock, [this] { return m_closing || !m_pieces.empty(); });
            if (m_dropped || m_pieces.empty())
                return;
            piece = std::move(m_pieces.front());
            m_pieces.pop_front();
        }
        if (!m_failed && !m_deflater.add(piece, false, m_compressed))
            m_failed = true;
    }
}

} // namespace fieldsync::server
