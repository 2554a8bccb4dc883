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
    // Counted down exactly once, however the handshake ends; true for the call that settled it.
    auto settled = std::make_shared<bool>(false);
    auto settle = [this, timer, settled] {
        if (*settled)
            return false;
        *settled = true;
        timer->stop();
        --m_handshaking;
        return true;
    };
    // Who, for the log: the peer's address is gone once the socket has failed.
    const QString peer =
        QStringLiteral("%1:%2").arg(socket->peerAddress().toString()).arg(socket->peerPort());
    connect(timer, &QTimer::timeout, socket, [socket, settle, peer] {
        if (settle())
            qCInfo(lcServerHttp).noquote() << "TLS handshake with" << peer << "timed out";
        socket->abort();
        socket->deleteLater();
    });
    connect(socket, &QSslSocket::encrypted, this, [this, socket, settle] {
        settle();
        socket->setParent(nullptr);
        addPendingConnection(socket);
        Q_EMIT newConnection();
    });
    connect(socket, &QAbstractSocket::errorOccurred, socket,
            [socket, settle, peer](QAbstractSocket::SocketError) {
                if (socket->isEncrypted())
                    return; // after the handshake, errors are the connection's to handle
                // Info, not warning: scanners and plain-HTTP clients fail handshakes all day; once per
                // connection (a failed handshake can report more than one error). The TLS library's
                // reason names no secret.
                if (settle())
                    qCInfo(lcServerHttp).noquote()
                        << "TLS handshake with" << peer << "failed:" << socket->errorString();
                socket->deleteLater();
            });
    socket->setSslConfiguration(*m_tls);
    timer->start(m_handshakeTimeoutMs);
    socket->startServerEncryption();
}

} // namespace fieldsync::server
