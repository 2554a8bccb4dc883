#pragma once

#include "ClientBodySlots.h"
#include "HttpLimits.h"
#include "HttpRequest.h"
#include "HttpResponse.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>

class QTcpSocket;

namespace fieldsync::server {

class HttpHandler;

// One client connection: reads requests (keep-alive, pipelined), enforces the limits, calls the
// handler, writes the answers.
//
// The socket is read with care for what it leaves behind: the head of a request is only peeked
// until it is complete, and a body is read to its Content-Length and no further. So a WebSocket
// upgrade can be handed over with its handshake still unread in the socket (what
// QWebSocketServer::handleConnection expects), and a refused request never swallows the next one.
class HttpConnection : public QObject
{
    Q_OBJECT

public:
    // Takes over a socket whose request is a WebSocket upgrade: the socket (parentless, no
    // signals connected) becomes the handler's, with the handshake request still unread in it.
    using UpgradeHandler = std::function<void(QTcpSocket *socket, const HttpRequest &head)>;
    using UpgradeHandlers = QHash<QString, UpgradeHandler>; // by path
    // Told about each answer: path, status, and seconds from the complete head to the answer.
    using RequestObserver = std::function<void(const QString &path, int status, double seconds)>;

    // bodySlots: shared by the server's connections (and kept alive by each of them, as they may
    // outlive the server's own members while it is destroyed).
    HttpConnection(QTcpSocket *socket, HttpHandler &handler, const HttpLimits &limits,
                   UpgradeHandlers upgradeHandlers, std::shared_ptr<ClientBodySlots> bodySlots,
                   QObject *parent = nullptr);
    ~HttpConnection() override;

    void setRequestObserver(RequestObserver observer) { m_observer = std::move(observer); }
    // The server is shutting down: close now when idle between requests, otherwise after the
    // answer to the request in flight.
    void drain();
    // Between requests, with nothing of the next one read yet: closing loses the client nothing.
    bool isIdle() const;
    qint64 idleMs() const { return isIdle() ? m_idleTimer.elapsed() : 0; }
    // Closes the connection (gracefully) when it is idle; false when a request is under way.
    bool closeIfIdle();

Q_SIGNALS:
    void closed();

private:
    enum class State
    {
        Head,
        Body,
        Lingering,
        Closed
    };

    void processInput();
    bool readHead();
    void startRequest(HttpRequest request);
    void completeRequest();
    void respond(const HttpResponse &response);
    void refuse(int status, const QString &code, const QString &message);
    void finishConnection();
    void beginHead();
    void onTimeout();
    void onBytesWritten();
    void onDisconnected();
    void handOver(const HttpRequest &head);
    bool takeBodySlot();
    void releaseBodySlot();
    void restartBodyTimer();

    QTcpSocket *m_socket = nullptr;
    HttpHandler &m_handler;
    HttpLimits m_limits;
    UpgradeHandlers m_upgradeHandlers;
    RequestObserver m_observer;
    QElapsedTimer m_requestTimer;
    QElapsedTimer m_idleTimer;
    QDeadlineTimer m_bodyDeadline;
    std::shared_ptr<ClientBodySlots> m_bodySlots;
    QString m_bodySlotClient; // whose slot this connection holds while a body arrives; empty: none
    QTimer m_timer;
    State m_state = State::Head;
    bool m_headStarted = false;
    qsizetype m_headSearchFrom = 0;
    qsizetype m_headCheckedUpTo = 0; // bytes of the head already looked at for bare CR or LF
    HttpRequest m_request;
    QByteArray m_body;
    qint64 m_bodyRemaining = 0;
    bool m_closeAfterResponse = false;
    bool m_shutdownSent = false;
    bool m_draining = false;
};

} // namespace fieldsync::server
