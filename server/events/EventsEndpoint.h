#pragma once

#include "auth/AuthUser.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QWebSocketServer>

class QTcpSocket;
class QWebSocket;

namespace fieldsync::server {

class Authenticator;
class EventHub;
class HttpRequest;
class HttpResponse;
class HttpServer;

// GET /api/v1/sync/events on the HTTP port: the upgrade is authenticated like any API request
// (bearer token, FieldSync-Protocol) before the WebSocket handshake is even read, then the socket
// subscribes to the hub for its user's projects and receives {"type":"changes","cursor":N}.
//
// Every pingIntervalMs each socket is pinged; one that has not answered the previous ping is
// dead and closed, and the token is checked again, so a revoked token loses its socket within
// one interval. Past maxConnections new sockets get a 503.
class EventsEndpoint : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        int pingIntervalMs = 25000;
        int maxConnections = 1000;
        int handshakeTimeoutMs = 10000;
    };

    EventsEndpoint(Authenticator &authenticator, EventHub &hub, Options options, QObject *parent = nullptr);
    ~EventsEndpoint() override;

    // Registers the upgrade handler; call before the server listens.
    void install(HttpServer &server);
    void handleUpgrade(QTcpSocket *socket, const HttpRequest &head);
    // Closes every socket (going away), as the server shuts down.
    void closeAll();
    int connectionCount() const { return int(m_sessions.size()); }

private:
    struct Session
    {
        QByteArray authorization;
        AuthUser user;
        QString deviceId;
        int subscription = 0;
        bool awaitingPong = false;
        qint64 lastCursor = -1;
        QPointer<QTcpSocket> tcp; // freed with the session when the WebSocket does not own it
    };

    static QString peerKey(const QTcpSocket *socket);

    void refuse(QTcpSocket *socket, const HttpResponse &response);
    void onNewConnection();
    void onPingTick();
    void send(QWebSocket *socket, const QByteArray &message, qint64 cursor);
    void removeSession(QWebSocket *socket);

    Authenticator &m_authenticator;
    EventHub &m_hub;
    Options m_options;
    QWebSocketServer m_server;
    QTimer m_pingTimer;
    QHash<QWebSocket *, Session> m_sessions;
    // Sockets handed to the WebSocket server whose handshake has not completed, by peer address.
    QHash<QString, QPointer<QTcpSocket>> m_handshaking;
};

} // namespace fieldsync::server
