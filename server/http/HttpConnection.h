#pragma once

#include "HttpLimits.h"
#include "HttpRequest.h"
#include "HttpResponse.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>

#include <functional>

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

    HttpConnection(QTcpSocket *socket, HttpHandler &handler, const HttpLimits &limits,
                   UpgradeHandlers upgradeHandlers, QObject *parent = nullptr);
    ~HttpConnection() override;

    void setRequestObserver(RequestObserver observer) { m_observer = std::move(observer); }
    // The server is shutting down: close now when idle between requests, otherwise after the
    // answer to the request in flight.
    void drain();

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

    QTcpSocket *m_socket = nullptr;
    HttpHandler &m_handler;
    HttpLimits m_limits;
    UpgradeHandlers m_upgradeHandlers;
    RequestObserver m_observer;
    QElapsedTimer m_requestTimer;
    QTimer m_timer;
    State m_state = State::Head;
    bool m_headStarted = false;
    qsizetype m_headSearchFrom = 0;
    HttpRequest m_request;
    QByteArray m_body;
    qint64 m_bodyRemaining = 0;
    bool m_closeAfterResponse = false;
    bool m_shutdownSent = false;
    bool m_draining = false;
};

} // namespace fieldsync::server
