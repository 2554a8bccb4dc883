#include "EventsEndpoint.h"

#include "EventHub.h"
#include "auth/Authenticator.h"
#include "common/Logging.h"
#include "http/HttpRequest.h"
#include "http/HttpResponse.h"
#include "http/HttpServer.h"
#include "protocol/EventMessages.h"
#include "protocol/ProtocolInfo.h"

#include <QTcpSocket>
#include <QWebSocket>

namespace fieldsync::server {

namespace {

// Clients send nothing but pongs and a close; anything bigger is not a FieldSync device.
constexpr quint64 MaxIncomingBytes = 4096;
constexpr int MaxDeviceIdLength = 128;

} // namespace

EventsEndpoint::EventsEndpoint(Authenticator &authenticator, EventHub &hub, Router::Guard headGuard,
                               Options options, QObject *parent)
    : QObject(parent)
    , m_authenticator(authenticator)
    , m_hub(hub)
    , m_headGuard(std::move(headGuard))
    , m_options(options)
    , m_server(QStringLiteral("fieldsync-server"), QWebSocketServer::NonSecureMode)
{
    m_server.setHandshakeTimeout(m_options.handshakeTimeoutMs);
    connect(&m_server, &QWebSocketServer::newConnection, this, &EventsEndpoint::onNewConnection);
    connect(&m_pingTimer, &QTimer::timeout, this, &EventsEndpoint::onPingTick);
    m_pingTimer.start(m_options.pingIntervalMs);
}

EventsEndpoint::~EventsEndpoint()
{
    closeAll();
}

void EventsEndpoint::install(HttpServer &server)
{
    server.setUpgradeHandler(protocol::Paths::Events, [this](QTcpSocket *socket, const HttpRequest &head) {
        handleUpgrade(socket, head);
    });
}

void EventsEndpoint::report(int status, const QElapsedTimer &since) const
{
    if (m_observer)
        m_observer(protocol::Paths::Events, status, double(since.nsecsElapsed()) / 1e9);
}

int EventsEndpoint::connectionsOf(const QString &userName) const
{
    int count = 0;
    for (const Session &session : m_sessions)
        count += session.user.name == userName ? 1 : 0;
    for (const Handshake &handshake : m_handshaking)
        count += handshake.userName == userName ? 1 : 0;
    return count;
}

void EventsEndpoint::refuse(QTcpSocket *socket, const HttpResponse &response, const QElapsedTimer &since)
{
    report(response.status(), since);
    socket->setParent(this);
    // The handshake was only peeked by the HTTP layer: read it, so that closing does not reset
    // the connection before the client has read our answer.
    socket->readAll();
    socket->write(response.serialize(false, false, 0));
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    socket->disconnectFromHost();
}

void EventsEndpoint::handleUpgrade(QTcpSocket *socket, const HttpRequest &head)
{
    QElapsedTimer since;
    since.start();
    // Version, token and rate limit: an upgrade costs the user's bucket like any request, or one
    // token could open sockets as fast as it can send heads.
    HttpRequest request = head;
    if (std::optional<HttpResponse> refusal = m_headGuard(request)) {
        refuse(socket, *refusal, since);
        return;
    }
    const auto *user = std::any_cast<AuthUser>(&request.context());
    if (!user) {
        qCWarning(lcServer) << "events: the head guard let an upgrade through without its user";
        refuse(socket,
               HttpResponse::error(500, QStringLiteral("internal"),
                                   QStringLiteral("the server could not check the token")),
               since);
        return;
    }
    if (connectionsOf(user->name) >= m_options.maxConnectionsPerUser) {
        qCWarning(lcServer) << "events: per-user cap reached; refusing" << user->name;
        HttpResponse tooMany = HttpResponse::error(
            429, QStringLiteral("too_many_event_connections"),
            QStringLiteral("this user has %1 event connections open, the most this server allows; close "
                           "one or retry later")
                .arg(m_options.maxConnectionsPerUser));
        tooMany.setHeader("Retry-After", "30");
        refuse(socket, tooMany, since);
        return;
    }
    if (m_sessions.size() + m_handshaking.size() >= m_options.maxConnections) {
        qCWarning(lcServer) << "events: connection cap reached; refusing" << user->name;
        HttpResponse busy =
            HttpResponse::error(503, QStringLiteral("busy"), QStringLiteral("too many event connections"));
        busy.setHeader("Retry-After", "30");
        refuse(socket, busy, since);
        return;
    }
    socket->setParent(this);
    const QString key = peerKey(socket);
    m_handshaking.insert(key, Handshake{socket, user->name, since});
    // handleConnection() has no handshake timeout of its own: a client that stops mid-handshake
    // would hold its socket for ever.
    QTimer::singleShot(m_options.handshakeTimeoutMs, socket, [this, key, socket] {
        const auto it = m_handshaking.constFind(key);
        if (it == m_handshaking.cend() || it->tcp != socket)
            return;
        report(408, it->since);
        m_handshaking.remove(key);
        socket->abort();
        socket->deleteLater();
    });
    connect(socket, &QObject::destroyed, this, [this, key, socket] {
        const auto it = m_handshaking.find(key);
        if (it != m_handshaking.end() && (it->tcp.isNull() || it->tcp.data() == socket))
            m_handshaking.erase(it);
    });
    m_server.handleConnection(socket);
}

QString EventsEndpoint::peerKey(const QTcpSocket *socket)
{
    return socket->peerAddress().toString() + QLatin1Char(' ') + QString::number(socket->peerPort());
}

void EventsEndpoint::onNewConnection()
{
    while (m_server.hasPendingConnections()) {
        QWebSocket *socket = m_server.nextPendingConnection();
        socket->setParent(this);
        socket->setMaxAllowedIncomingFrameSize(MaxIncomingBytes);
        socket->setMaxAllowedIncomingMessageSize(MaxIncomingBytes);
        // The handshake's own headers name the user: the same check handleUpgrade made, on the
        // socket it made it for.
        Session session;
        const Handshake handshake = m_handshaking.take(socket->peerAddress().toString() + QLatin1Char(' ') +
                                                       QString::number(socket->peerPort()));
        session.tcp = handshake.tcp;
        if (handshake.since.isValid())
            report(101, handshake.since);
        session.authorization = socket->request().rawHeader("Authorization");
        const Result<AuthUser> user = m_authenticator.authenticate(session.authorization);
        if (!user) {
            socket->close(QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("unauthorized"));
            socket->deleteLater();
            if (session.tcp && session.tcp->parent() == this)
                session.tcp->deleteLater();
            continue;
        }
        session.user = user.value();
        session.deviceId =
            QString::fromUtf8(socket->request().rawHeader(protocol::DeviceIdHeader).left(MaxDeviceIdLength));
        session.subscription = m_hub.subscribe(
            {session.user.projects, session.deviceId, [this, socket](const protocol::ServerEvent &event) {
                 send(socket, event.toJson(), event.cursor);
             }});
        connect(socket, &QWebSocket::pong, this, [this, socket] {
            if (auto it = m_sessions.find(socket); it != m_sessions.end())
                it->awaitingPong = false;
        });
        connect(socket, &QWebSocket::disconnected, this, [this, socket] { removeSession(socket); });
        qCInfo(lcServer) << "events: connected" << session.user.name << session.deviceId;
        m_sessions.insert(socket, std::move(session));
    }
}

void EventsEndpoint::send(QWebSocket *socket, const QByteArray &message, qint64 cursor)
{
    auto it = m_sessions.find(socket);
    if (it == m_sessions.end())
        return;
    // Cursors only grow; an older one says nothing the device has not been told.
    if (cursor <= it->lastCursor)
        return;
    it->lastCursor = cursor;
    socket->sendTextMessage(QString::fromUtf8(message));
}

void EventsEndpoint::onPingTick()
{
    const QList<QWebSocket *> sockets = m_sessions.keys();
    for (QWebSocket *socket : sockets) {
        auto it = m_sessions.find(socket);
        if (it == m_sessions.end())
            continue;
        if (it->awaitingPong) {
            qCInfo(lcServer) << "events: no pong from" << it->user.name << "; closing";
            removeSession(socket);
            socket->abort();
            continue;
        }
        const Result<AuthUser> user = m_authenticator.authenticate(it->authorization);
        if (!user && user.error().code == QLatin1String("unauthorized")) {
            qCInfo(lcServer) << "events: token of" << it->user.name << "no longer valid; closing";
            removeSession(socket);
            socket->close(QWebSocketProtocol::CloseCodePolicyViolated,
                          QStringLiteral("the token is not valid or was revoked"));
            continue;
        }
        if (user && user.value().projects != it->user.projects) {
            it->user = user.value();
            m_hub.setProjects(it->subscription, it->user.projects);
        }
        it->awaitingPong = true;
        socket->ping();
    }
}

void EventsEndpoint::removeSession(QWebSocket *socket)
{
    const auto it = m_sessions.find(socket);
    if (it == m_sessions.end())
        return;
    m_hub.unsubscribe(it->subscription);
    const QPointer<QTcpSocket> tcp = it->tcp;
    m_sessions.erase(it);
    socket->disconnect(this);
    socket->deleteLater();
    // Queued after the WebSocket, which may still use it while it goes.
    if (tcp && tcp->parent() == this)
        tcp->deleteLater();
}

void EventsEndpoint::closeAll()
{
    const QList<QWebSocket *> sockets = m_sessions.keys();
    for (QWebSocket *socket : sockets) {
        removeSession(socket);
        socket->close(QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("server shutting down"));
    }
}

} // namespace fieldsync::server
