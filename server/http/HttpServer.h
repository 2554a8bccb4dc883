#pragma once

#include "ClientBodySlots.h"
#include "HttpConnection.h"
#include "HttpLimits.h"
#include "TcpListener.h"
#include "common/Result.h"

#include <QHostAddress>
#include <QObject>

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

    // Set before listen(): every connection is TLS from then on (https).
    void setTlsConfiguration(const QSslConfiguration &configuration);
    bool usesTls() const { return m_server.usesTls(); }

    Result<void> listen(const QHostAddress &address, quint16 port);
    void close();

    // Graceful shutdown: stop accepting, close idle keep-alive connections, let requests in
    // flight (a push whose body is still arriving) finish and be answered with
    // `Connection: close`. drained() follows once no connection is left; WebSockets handed to an
    // upgrade handler are that handler's to close.
    void drain();
    bool isDraining() const { return m_draining; }

    // Called for every answered request (for metrics).
    void setRequestObserver(HttpConnection::RequestObserver observer) { m_observer = std::move(observer); }
    QHostAddress address() const { return m_server.serverAddress(); }
    quint16 port() const { return m_server.serverPort(); }

    // Applies to connections accepted from now on; an empty handler removes the path's.
    void setUpgradeHandler(const QString &path, HttpConnection::UpgradeHandler handler);

    int connectionCount() const { return m_connections; }
    const HttpLimits &limits() const { return m_limits; }

Q_SIGNALS:
    void drained();

private:
    void onNewConnection();
    void onConnectionClosed();
    bool closeLongestIdleConnection();

    HttpHandler &m_handler;
    HttpLimits m_limits;
    std::shared_ptr<ClientBodySlots> m_bodySlots;
    TcpListener m_server;
    HttpConnection::UpgradeHandlers m_upgradeHandlers;
    HttpConnection::RequestObserver m_observer;
    int m_connections = 0;
    bool m_draining = false;
};

} // namespace fieldsync::server
