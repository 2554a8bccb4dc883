#pragma once

// A raw HTTP/1.1 client over QTcpSocket for tests that need what a normal client will not do:
// send a head without its body, pipeline, trickle bytes, watch the connection close. Waits by
// spinning the event loop (QTest::qWaitFor), so it works against a server in the same thread too.

#include <QHash>
#include <QTcpSocket>
#include <QTest>

#include <optional>

namespace fieldsync::server::testing {

struct RawResponse
{
    int status = 0;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QByteArray body;

    QByteArray header(const QByteArray &name) const { return headers.value(name.toLower()); }
};

class RawHttp
{
public:
    bool connectTo(quint16 port, int timeoutMs = 5000)
    {
        m_socket.connectToHost(QStringLiteral("127.0.0.1"), port);
        return QTest::qWaitFor([this] { return m_socket.state() == QAbstractSocket::ConnectedState; },
                               timeoutMs);
    }

    void send(const QByteArray &bytes)
    {
        m_socket.write(bytes);
        m_socket.flush();
    }

    // The next complete response (interim 1xx responses included), or nullopt on timeout/close.
    std::optional<RawResponse> readResponse(int timeoutMs = 10000)
    {
        std::optional<RawResponse> response;
        (void)QTest::qWaitFor(
            [&] {
                m_buffer += m_socket.readAll();
                response = takeResponse();
                return response.has_value() || m_socket.state() == QAbstractSocket::UnconnectedState;
            },
            timeoutMs);
        if (!response) {
            m_buffer += m_socket.readAll();
            response = takeResponse();
        }
        return response;
    }

    // True once the server closed the connection (and everything it sent was read).
    bool waitForClosed(int timeoutMs = 5000)
    {
        return QTest::qWaitFor(
            [this] {
                m_buffer += m_socket.readAll();
                return m_socket.state() == QAbstractSocket::UnconnectedState;
            },
            timeoutMs);
    }

    bool isConnected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    QAbstractSocket::SocketError error() const { return m_socket.error(); }
    QTcpSocket &socket() { return m_socket; }

    static QByteArray request(const QByteArray &method, const QByteArray &target, const QByteArray &body = {},
                              const QList<QByteArray> &headers = {})
    {
        QByteArray out = method + ' ' + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
        for (const QByteArray &header : headers)
            out += header + "\r\n";
        if (!body.isEmpty() || method == "POST")
            out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
        return out + "\r\n" + body;
    }

private:
    std::optional<RawResponse> takeResponse()
    {
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return std::nullopt;
        const QList<QByteArray> lines = m_buffer.left(end).split('\n');
        RawResponse response;
        response.status = lines.value(0).split(' ').value(1).toInt();
        for (int index = 1; index < lines.size(); ++index) {
            const QByteArray line = lines[index].trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon > 0)
                response.headers.insert(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
        }
        const qint64 length = response.headers.value("content-length").toLongLong();
        if (m_buffer.size() < end + 4 + length)
            return std::nullopt;
        response.body = m_buffer.mid(end + 4, length);
        m_buffer.remove(0, end + 4 + length);
        return response;
    }

    QTcpSocket m_socket;
    QByteArray m_buffer;
};

} // namespace fieldsync::server::testing
