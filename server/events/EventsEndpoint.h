#pragma once

#include "auth/AuthUser.h"
#include "http/HttpConnection.h"
#include "http/Router.h"

#include <QElapsedTimer>
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
class HttpServer;

// GET /api/v1/sync/events on the HTTP port: the upgrade's head goes through the same guard as
// any authenticated API request (FieldSync-Protocol, bearer token, the per-user rate limit)
// before the WebSocket handshake is even read, then the socket subscribes to the hub for its
// user's projects and receives {"type":"changes","cursor":N}.
//
// Every pingIntervalMs each socket is pinged; one that has not answered the previous ping is
// dead and closed, and the token is checked again, so a revoked token loses its socket within
// one interval. A user with maxConnectionsPerUser sockets open (or opening) gets a 429 for the
// next, so one token cannot take the sockets everybody else needs; past maxConnections in all,
// new sockets get a 503.
class EventsEndpoint : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        int pingIntervalMs = 25000;
        int maxConnections = 1000;
        int maxConnectionsPerUser = 20;
        int handshakeTimeoutMs = 10000;
    };

    // headGuard checks an upgrade's head and, letting it through, leaves the AuthUser in the
    // request's context: ApiRoutes::authenticatedGuard(). The authenticator checks the tokens of
    // open sockets again at each ping.
    EventsEndpoint(Authenticator &authenticator, EventHub &hub, Router::Guard headGuard, Options options,
                   QObject *parent = nullptr);
    ~EventsEndpoint() override;

    // Told about the answer to each upgrade (101, or the refusal's status; 408 for a handshake
    // that never completed), as HttpServer tells about other requests: the upgrades leave the
    // HTTP layer before they are answered, so it cannot.
    void setRequestObserver(HttpConnection::RequestObserver observer) { m_observer = std::move(observer); }

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

    // A socket handed to the WebSocket server whose handshake has not completed.
    struct Handshake
    {
        QPointer<QTcpSocket> tcp;
        QString userName;
        QElapsedTimer since; // from the complete head, for the latency metric
    };

    static QString peerKey(const QTcpSocket *socket);

    // Sockets open and opening for the user.
    int connectionsOf(const QString &userName) const;
    void report(int status, const QElapsedTimer &since) const;
    void refuse(QTcpSocket *socket, const HttpResponse &response, const QElapsedTimer &since);
    void onNewConnection();
    void onPingTick();
    void send(QWebSocket *socket, const QByteArray &message, qint64 cursor);
    void removeSession(QWebSocket *socket);

    Authenticator &m_authenticator;
    EventHub &m_hub;
    Router::Guard m_headGuard;
    Options m_options;
    HttpConnection::RequestObserver m_observer;
    QWebSocketServer m_server;
    QTimer m_pingTimer;
    QHash<QWebSocket *, Session> m_sessions;
    // By peer address.
    QHash<QString, Handshake> m_handshaking;
};

} // namespace fieldsync::server
