#include "ServerEventsClient.h"

#include "common/Logging.h"
#include "protocol/EventMessages.h"
#include "protocol/ProtocolInfo.h"

#include <QNetworkRequest>

namespace fieldsync {

namespace {

// Events are a few dozen bytes; anything large is not ours.
constexpr quint64 MaxEventBytes = 64 * 1024;

} // namespace

ServerEventsClient::ServerEventsClient(QObject *parent)
    : ServerEventsClient(Options(), parent)
{}

ServerEventsClient::ServerEventsClient(const Options &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_backoff(options.reconnect)
{
    m_reconnectTimer.setSingleShot(true);
    m_keepAliveTimer.setSingleShot(true);
    m_handshakeTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &ServerEventsClient::connectSocket);
    connect(&m_keepAliveTimer, &QTimer::timeout, this, &ServerEventsClient::onKeepAlive);
    connect(&m_handshakeTimer, &QTimer::timeout, this, [this] {
        m_lastError = tr("the events handshake timed out");
        onDisconnected();
    });
}

ServerEventsClient::~ServerEventsClient()
{
    // No signals from a destructor: the owner may be half gone.
    m_started = false;
    m_connected = false;
    dropSocket();
}

void ServerEventsClient::setOptions(const Options &options)
{
    m_options = options;
    m_backoff.setOptions(options.reconnect);
}

QUrl ServerEventsClient::eventsUrl(const QUrl &baseUrl)
{
    QUrl url = baseUrl;
    url.setScheme(baseUrl.scheme() == QLatin1String("https") ? QStringLiteral("wss") : QStringLiteral("ws"));
    QString path = url.path();
    if (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path + protocol::Paths::Events);
    url.setQuery(QString());
    return url;
}

void ServerEventsClient::setServer(const QUrl &baseUrl, const QString &token, const QString &deviceId)
{
    if (baseUrl == m_baseUrl && token == m_token && deviceId == m_deviceId)
        return;
    m_baseUrl = baseUrl;
    m_token = token;
    m_deviceId = deviceId;
    if (m_started) {
        m_backoff.reset();
        connectSocket();
    }
}

void ServerEventsClient::start()
{
    if (m_started)
        return;
    m_started = true;
    m_backoff.reset();
    connectSocket();
}

void ServerEventsClient::stop()
{
    m_started = false;
    m_reconnectTimer.stop();
    dropSocket();
}

void ServerEventsClient::reconnectNow()
{
    if (!m_started || m_connected)
        return;
    m_backoff.reset();
    connectSocket();
}

void ServerEventsClient::dropSocket()
{
    m_keepAliveTimer.stop();
    m_handshakeTimer.stop();
    m_awaitingPong = false;
    const bool wasConnected = m_connected;
    m_connected = false;
    if (m_socket) {
        QWebSocket *socket = m_socket;
        m_socket = nullptr;
        socket->disconnect(this);
        socket->abort();
        socket->deleteLater();
    }
    if (wasConnected)
        emit disconnected(m_lastError);
}

void ServerEventsClient::connectSocket()
{
    m_reconnectTimer.stop();
    dropSocket();
    if (!m_started || !m_baseUrl.isValid() || m_baseUrl.isEmpty())
        return;
    m_lastError.clear();
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    m_socket->setMaxAllowedIncomingFrameSize(MaxEventBytes);
    m_socket->setMaxAllowedIncomingMessageSize(MaxEventBytes);
    m_tls.watch(m_socket);
    connect(m_socket, &QWebSocket::connected, this, &ServerEventsClient::onConnected);
    connect(m_socket, &QWebSocket::disconnected, this, &ServerEventsClient::onDisconnected);
    connect(m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            &ServerEventsClient::onError);
    connect(m_socket, &QWebSocket::textMessageReceived, this, &ServerEventsClient::onTextMessage);
    connect(m_socket, &QWebSocket::pong, this, [this] { markAlive(); });

    QNetworkRequest request(eventsUrl(m_baseUrl));
    m_tls.apply(request);
    if (request.url().scheme() == QLatin1String("wss"))
        m_socket->setSslConfiguration(request.sslConfiguration());
    request.setRawHeader(protocol::VersionHeader, QByteArray::number(protocol::Version));
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    if (!m_deviceId.isEmpty())
        request.setRawHeader(protocol::DeviceIdHeader, m_deviceId.toUtf8());
    qCDebug(lcSyncEvents) << "connecting to" << request.url().toString();
    m_handshakeTimer.start(m_options.handshakeTimeoutMs);
    m_socket->open(request);
}

void ServerEventsClient::onConnected()
{
    // The TLS policy may have refused the server in an earlier slot of the same signal.
    if (!m_socket || m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    m_handshakeTimer.stop();
    m_connected = true;
    m_backoff.reset();
    qCInfo(lcSyncEvents) << "events connected";
    markAlive();
    emit connected();
}

void ServerEventsClient::onError()
{
    if (!m_socket)
        return;
    m_lastError = m_socket->errorString();
    qCInfo(lcSyncEvents) << "events connection error:" << m_lastError;
    // Qt reports a refused handshake only as text ("Unhandled http status code: 401 ...").
    if (!m_connected && m_lastError.contains(QLatin1String(" 401"))) {
        // The same kind prefix as a 401 on a request, which the status indicator names "signed out".
        const QString reason =
            QStringLiteral("unauthorized: ") + tr("the server refused the token for events");
        dropSocket();
        emit unauthorized(reason);
        scheduleReconnect();
        return;
    }
    onDisconnected();
}

void ServerEventsClient::onDisconnected()
{
    if (!m_socket)
        return;
    if (m_lastError.isEmpty())
        m_lastError =
            m_socket->closeReason().isEmpty() ? tr("the events connection closed") : m_socket->closeReason();
    qCInfo(lcSyncEvents) << "events disconnected:" << m_lastError;
    const bool wasConnected = m_connected;
    const QString reason = m_lastError;
    dropSocket();
    if (!wasConnected)
        emit connectFailed(reason);
    scheduleReconnect();
}

void ServerEventsClient::scheduleReconnect()
{
    if (!m_started)
        return;
    const qint64 delay = m_backoff.recordFailure();
    qCDebug(lcSyncEvents) << "reconnecting in" << delay << "ms";
    m_reconnectTimer.start(int(delay));
}

void ServerEventsClient::markAlive()
{
    m_awaitingPong = false;
    if (m_connected)
        m_keepAliveTimer.start(m_options.keepAliveMs);
}

void ServerEventsClient::onKeepAlive()
{
    if (!m_socket || !m_connected)
        return;
    if (m_awaitingPong) {
        m_lastError = tr("the server stopped answering pings");
        onDisconnected();
        return;
    }
    m_awaitingPong = true;
    m_socket->ping();
    m_keepAliveTimer.start(m_options.pongTimeoutMs);
}

void ServerEventsClient::onTextMessage(const QString &message)
{
    markAlive();
    const Result<protocol::ServerEvent> event = protocol::ServerEvent::fromJson(message.toUtf8());
    if (!event) {
        qCWarning(lcSyncEvents) << "ignoring a malformed event:" << event.error().toString();
        return;
    }
    if (event.value().type != protocol::ServerEvent::Changes) {
        qCDebug(lcSyncEvents) << "ignoring event type" << event.value().type;
        return;
    }
    qCDebug(lcSyncEvents) << "changes up to cursor" << event.value().cursor;
    emit changesAvailable(event.value().cursor);
}

} // namespace fieldsync
