#pragma once

#include "HttpConnection.h"
#include "HttpLimits.h"
#include "common/Result.h"

#include <QHostAddress>
#include <QObject>
#include <QTcpServer>

namespace fieldsync::server {

class HttpHandler;

// A small HTTP/1.1 server on QTcpServer. Not QHttpServer: Qt 6.4's reads a whole body before any
// handler runs, so it cannot refuse an oversized body from its Content-Length.
//
// WebSocket hook: setUpgradeHandler(Paths::Events, ...) makes every WebSocket upgrade request to
// that path leave the HTTP layer with its handshake unread, e.g.
//     server.setUpgradeHandler(protocol::Paths::Events, [&](QTcpSocket *socket, const HttpRequest &head) {
//         if (!authorised(head)) { socket->write(a 401 answer); socket->disconnectFromHost(); return; }
//         webSocketServer.handleConnection(socket); // reads the handshake, answers 101, owns the socket
//     });
class HttpServer : public QObject
{
    Q_OBJECT

public:
    HttpServer(HttpHandler &handler, const HttpLimits &limits, QObject *parent = nullptr);
    ~HttpServer() override;

    Result<void> listen(const QHostAddress &address, quint16 port);
    void close();
    QHostAddress address() const { return m_server.serverAddress(); }
    quint16 port() const { return m_server.serverPort(); }

    // Applies to connections accepted from now on; an empty handler removes the path's.
    void setUpgradeHandler(const QString &path, HttpConnection::UpgradeHandler handler);

    int connectionCount() const { return m_connections; }
    const HttpLimits &limits() const { return m_limits; }

private:
    void onNewConnection();

    HttpHandler &m_handler;
    HttpLimits m_limits;
    QTcpServer m_server;
    HttpConnection::UpgradeHandlers m_upgradeHandlers;
    int m_connections = 0;
};

} // namespace fieldsync::server
