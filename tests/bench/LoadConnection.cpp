#include "LoadConnection.h"

namespace fieldsync::bench {

LoadConnection::LoadConnection(quint16 port, QByteArray authorization, QObject *parent)
    : QObject(parent)
    , m_port(port)
    , m_authorization(std::move(authorization))
{
    connect(&m_socket, &QTcpSocket::readyRead, this, &LoadConnection::onReadyRead);
    connect(&m_socket, &QTcpSocket::connected, this, [this] {
        m_socket.write(m_pending);
        m_pending.clear();
    });
    connect(&m_socket, &QAbstractSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
        if (m_done)
            fail();
    });
    connect(&m_socket, &QTcpSocket::disconnected, this, [this] {
        if (m_done)
            fail();
    });
}

void LoadConnection::request(const QByteArray &method, const QByteArray &pathAndQuery, const QByteArray &body,
                             Done done)
{
    m_done = std::move(done);
    m_buffer.clear();
    m_headLength = -1;
    QByteArray bytes = method + ' ' + pathAndQuery +
                       " HTTP/1.1\r\nHost: 127.0.0.1\r\nFieldSync-Protocol: 1\r\n" +
                       "Authorization: " + m_authorization + "\r\n";
    if (method == "POST")
        bytes +=
            "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
    bytes += "\r\n" + body;
    m_timer.start();
    if (m_socket.state() == QAbstractSocket::ConnectedState) {
        m_socket.write(bytes);
        return;
    }
    m_pending = bytes;
    if (m_socket.state() == QAbstractSocket::UnconnectedState)
        m_socket.connectToHost(QStringLiteral("127.0.0.1"), m_port);
}

void LoadConnection::onReadyRead()
{
    m_buffer += m_socket.readAll();
    if (!m_done)
        return;
    if (m_headLength < 0) {
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        m_headLength = end + 4;
        const QList<QByteArray> lines = m_buffer.left(end).split('\n');
        m_status = lines.value(0).split(' ').value(1).toInt();
        m_contentLength = 0;
        for (const QByteArray &line : lines) {
            if (line.toLower().startsWith("content-length:"))
                m_contentLength = line.mid(15).trimmed().toLongLong();
        }
    }
    if (m_buffer.size() < m_headLength + m_contentLength)
        return;
    const QByteArray body = m_buffer.mid(m_headLength, m_contentLength);
    m_buffer.remove(0, m_headLength + m_contentLength);
    finish(m_status, body);
}

void LoadConnection::fail()
{
    m_socket.abort();
    finish(0, {});
}

void LoadConnection::finish(int status, const QByteArray &body)
{
    Done done = std::move(m_done);
    m_done = nullptr;
    m_headLength = -1;
    if (done)
        done(status, body, double(m_timer.nsecsElapsed()) / 1e6);
}

} // namespace fieldsync::bench
