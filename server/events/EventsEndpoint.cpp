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

EventsEndpoint::EventsEndpoint(Authenticator &authenticator, EventHub &hub, Options options, QObject *parent)
    : QObject(parent)
    , m_authenticator(authenticator)
    , m_hub(hub)
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

void EventsEndpoint::refuse(QTcpSocket *socket, const HttpResponse &response)
{
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
    const QByteArray version = head.header(protocol::VersionHeader).trimmed();
    if (head.hasHeader(protocol::VersionHeader) && version != QByteArray::number(protocol::Version)) {
        HttpResponse response =
            HttpResponse::error(426, QStringLiteral("unsupported_protocol"),
                                QStringLiteral("this server speaks protocol %1").arg(protocol::Version));
        response.setHeader(protocol::SupportedVersionsHeader, QByteArray::number(protocol::Version));
        refuse(socket, response);
        return;
    }
    const Result<AuthUser> user = m_authenticator.authenticate(head.header("authorization"));
    if (!user) {
        if (user.error().code != QLatin1String("unauthorized")) {
            qCWarning(lcServer) << "events: cannot check a token:" << user.error().toString();
            refuse(socket, HttpResponse::error(500, QStringLiteral("internal"),
                                               QStringLiteral("the server could not check the token")));
            return;
        }
        HttpResponse response = HttpResponse::error(401, user.error().code, user.error().message);
        response.setHeader("WWW-Authenticate", "Bearer");
        refuse(socket, response);
        return;
    }
    if (m_sessions.size() + m_handshaking.size() >= m_options.maxConnections) {
        qCWarning(lcServer) << "events: connection cap reached; refusing" << user.value().name;
        HttpResponse busy =
            HttpResponse::error(503, QStringLiteral("busy"), QStringLiteral("too many event connections"));
        busy.setHeader("Retry-After", "30");
        refuse(socket, busy);
        return;
    }
    socket->setParent(this);
    const QString key = peerKey(socket);
    m_handshaking.insert(key, socket);
    // handleConnection() has no handshake timeout of its own: a client that stops mid-handshake
    // would hold its socket for ever.
    QTimer::singleShot(m_options.handshakeTimeoutMs, socket, [this, key, socket] {
        if (m_handshaking.value(key) != socket)
            return;
        m_handshaking.remove(key);
        socket->abort();
        socket->deleteLater();
    });
    connect(socket, &QObject::destroyed, this, [this, key, socket] {
        const auto it = m_handshaking.find(key);
        if (it != m_handshaking.end() && (it->isNull() || it->data() == socket))
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
        session.tcp = m_handshaking.take(socket->peerAddress().toString() + QLatin1Char(' ') +
                                         QString::number(socket->peerPort()));
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
