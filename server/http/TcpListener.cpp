#include "TcpListener.h"

#include "common/Logging.h"

#include <QSslSocket>
#include <QTimer>

#include <memory>

#include <unistd.h>

namespace fieldsync::server {

namespace {

// Handshakes cost CPU before anyone is authenticated: past this many at once, new connections
// are closed straight away.
constexpr int MaxHandshakes = 256;

} // namespace

TcpListener::TcpListener(QObject *parent)
    : QTcpServer(parent)
{}

void TcpListener::incomingConnection(qintptr socketDescriptor)
{
    if (!m_tls) {
        QTcpServer::incomingConnection(socketDescriptor);
        return;
    }
    if (m_handshaking >= MaxHandshakes) {
        qCWarning(lcServerHttp) << "too many TLS handshakes in progress; dropping a connection";
        ::close(int(socketDescriptor));
        return;
    }
    auto *socket = new QSslSocket(this);
    if (!socket->setSocketDescriptor(socketDescriptor)) {
        ::close(int(socketDescriptor));
        socket->deleteLater();
        return;
    }
    ++m_handshaking;
    auto *timer = new QTimer(socket);
    timer->setSingleShot(true);
    // Counted down exactly once, however the handshake ends.
    auto settled = std::make_shared<bool>(false);
    auto settle = [this, timer, settled] {
        if (*settled)
            return;
        *settled = true;
        timer->stop();
        --m_handshaking;
    };
    connect(timer, &QTimer::timeout, socket, [socket, settle] {
        qCDebug(lcServerHttp) << "TLS handshake timed out";
        settle();
        socket->abort();
        socket->deleteLater();
    });
    connect(socket, &QSslSocket::encrypted, this, [this, socket, settle] {
        settle();
        socket->setParent(nullptr);
        addPendingConnection(socket);
        Q_EMIT newConnection();
    });
    connect(socket, &QAbstractSocket::errorOccurred, socket, [socket, settle](QAbstractSocket::SocketError) {
        if (socket->isEncrypted())
            return; // after the handshake, errors are the connection's to handle
        qCDebug(lcServerHttp) << "TLS handshake failed:" << socket->errorString();
        settle();
        socket->deleteLater();
    });
    socket->setSslConfiguration(*m_tls);
    timer->start(m_handshakeTimeoutMs);
    socket->startServerEncryption();
}

} // namespace fieldsync::server
