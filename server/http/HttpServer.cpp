#include "HttpServer.h"

#include "common/Logging.h"

#include <QTcpSocket>

#include <algorithm>

namespace fieldsync::server {

HttpServer::HttpServer(HttpHandler &handler, const HttpLimits &limits, QObject *parent)
    : QObject(parent)
    , m_handler(handler)
    , m_limits(limits)
    , m_bodySlots(std::make_shared<ClientBodySlots>(limits.maxBodiesPerClient))
{
    connect(&m_server, &QTcpServer::newConnection, this, &HttpServer::onNewConnection);
}

HttpServer::~HttpServer()
{
    close();
}

Result<void> HttpServer::listen(const QHostAddress &address, quint16 port)
{
    if (!m_server.listen(address, port)) {
        return makeError(QStringLiteral("listen"), QStringLiteral("cannot listen on %1:%2: %3")
                                                       .arg(address.toString())
                                                       .arg(port)
                                                       .arg(m_server.errorString()));
    }
    return {};
}

void HttpServer::setTlsConfiguration(const QSslConfiguration &configuration)
{
    m_server.setTlsConfiguration(configuration);
}

void HttpServer::close()
{
    m_server.close();
}

void HttpServer::drain()
{
    m_draining = true;
    m_server.close();
    const QList<HttpConnection *> connections = findChildren<HttpConnection *>(Qt::FindDirectChildrenOnly);
    for (HttpConnection *connection : connections)
        connection->drain();
    if (m_connections == 0)
        Q_EMIT drained();
}

void HttpServer::onConnectionClosed()
{
    --m_connections;
    if (m_draining && m_connections == 0)
        Q_EMIT drained();
}

void HttpServer::setUpgradeHandler(const QString &path, HttpConnection::UpgradeHandler handler)
{
    if (handler)
        m_upgradeHandlers.insert(path, std::move(handler));
    else
        m_upgradeHandlers.remove(path);
}

bool HttpServer::closeLongestIdleConnection()
{
    // A client between requests loses nothing but a reconnect, while a new one (a health check,
    // another user) would otherwise get a 503: idle connections must not be what fills the server.
    // The longest idle first; one whose next request has just begun to arrive is passed over.
    QList<HttpConnection *> idle = findChildren<HttpConnection *>(Qt::FindDirectChildrenOnly);
    idle.removeIf([](const HttpConnection *connection) { return !connection->isIdle(); });
    std::sort(idle.begin(), idle.end(),
              [](const HttpConnection *a, const HttpConnection *b) { return a->idleMs() > b->idleMs(); });
    return std::any_of(idle.begin(), idle.end(),
                       [](HttpConnection *connection) { return connection->closeIfIdle(); });
}

void HttpServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        if (m_connections >= m_limits.maxConnections && !closeLongestIdleConnection()) {
            qCWarning(lcServerHttp) << "too many connections; refusing" << socket->peerAddress().toString();
            HttpResponse busy =
                HttpResponse::error(503, QStringLiteral("busy"), QStringLiteral("too many connections"));
            busy.setHeader("Retry-After", "5");
            socket->write(busy.serialize(false, false, 0));
            socket->disconnectFromHost();
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            continue;
        }
        ++m_connections;
        auto *connection =
            new HttpConnection(socket, m_handler, m_limits, m_upgradeHandlers, m_bodySlots, this);
        connection->setRequestObserver(m_observer);
        connect(connection, &HttpConnection::closed, this, &HttpServer::onConnectionClosed);
    }
}

} // namespace fieldsync::server
