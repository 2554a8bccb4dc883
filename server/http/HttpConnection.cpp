#include "HttpConnection.h"

#include "Gzip.h"
#include "HttpHandler.h"
#include "common/Logging.h"

#include <QSslSocket>
#include <QTcpSocket>

#include <algorithm>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

namespace fieldsync::server {

namespace {

const QByteArray HeadEnd("\r\n\r\n");
// What readHead() peeks first: more than nearly every request head.
constexpr qint64 TypicalHeadBytes = 4096;

bool methodNeedsLength(const QByteArray &method)
{
    return method == "POST" || method == "PUT" || method == "PATCH";
}

// Clients that do not set TCP_NODELAY (QNetworkAccessManager among them) hold back the last,
// smaller-than-a-segment piece of a body until the data before it is acknowledged (Nagle). If
// we delay that acknowledgement (Linux waits about 40 ms), every request body stalls that long:
// with 1 MiB chunks that made uploads ~20x slower than the link. Quick-ack mode is not sticky
// (the kernel leaves it on its own), so it is asked for again whenever input is read.
void acknowledgePromptly(QTcpSocket *socket)
{
#ifdef TCP_QUICKACK
    const int on = 1;
    ::setsockopt(int(socket->socketDescriptor()), IPPROTO_TCP, TCP_QUICKACK, &on, sizeof on);
#else
    Q_UNUSED(socket)
#endif
}

} // namespace

HttpConnection::HttpConnection(QTcpSocket *socket, HttpHandler &handler, const HttpLimits &limits,
                               UpgradeHandlers upgradeHandlers, std::shared_ptr<ClientBodySlots> bodySlots,
                               QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_handler(handler)
    , m_limits(limits)
    , m_upgradeHandlers(std::move(upgradeHandlers))
    , m_bodySlots(std::move(bodySlots))
{
    m_socket->setParent(this);
    // Bounded buffering: a client that sends faster than we read is slowed by TCP, not by our RAM.
    // Large enough to peek a whole head of the maximum size.
    m_socket->setReadBufferSize(qMax<qint64>(256 * 1024, 2 * qint64(m_limits.maxHeaderBytes)));
    // Each answer is written whole in one write: nothing is gained by letting the kernel hold
    // its tail back waiting for the client's acknowledgement of the previous one.
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &HttpConnection::onTimeout);
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::processInput);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &HttpConnection::onBytesWritten);
    connect(m_socket, &QTcpSocket::disconnected, this, &HttpConnection::onDisconnected);
    beginHead();
    processInput();
}

HttpConnection::~HttpConnection()
{
    releaseBodySlot();
}

bool HttpConnection::isIdle() const
{
    // An answer still being written is not idle: closing would cut it.
    return m_socket && m_state == State::Head && !m_headStarted && m_socket->bytesToWrite() == 0;
}

bool HttpConnection::closeIfIdle()
{
    if (!isIdle() || m_socket->bytesAvailable() > 0)
        return false;
    m_timer.stop();
    m_socket->disconnectFromHost();
    onDisconnected();
    return true;
}

void HttpConnection::drain()
{
    m_draining = true;
    if (m_state == State::Head && !m_headStarted && m_socket) {
        m_timer.stop();
        m_socket->abort();
        onDisconnected();
    }
}

void HttpConnection::beginHead()
{
    m_state = State::Head;
    m_headStarted = false;
    m_headSearchFrom = 0;
    m_headCheckedUpTo = 0;
    m_request = HttpRequest();
    m_body.clear();
    m_bodyRemaining = 0;
    m_idleTimer.start();
    m_timer.start(m_limits.keepAliveTimeoutMs);
}

void HttpConnection::processInput()
{
    if (m_socket && (m_state == State::Head || m_state == State::Body))
        acknowledgePromptly(m_socket);
    while (m_socket && m_state != State::Closed && m_socket->bytesAvailable() > 0) {
        switch (m_state) {
        case State::Head:
            if (!readHead())
                return;
            break;
        case State::Body: {
            // Read straight into the body: QIODevice::read(qint64) would allocate the whole
            // remaining length for each piece that arrives, and append() would copy it again.
            const qint64 wanted = qMin(m_bodyRemaining, m_socket->bytesAvailable());
            const qsizetype filled = m_body.size();
            m_body.resize(filled + qsizetype(wanted));
            const qint64 read = m_socket->read(m_body.data() + filled, wanted);
            m_body.resize(filled + qsizetype(qMax<qint64>(read, 0)));
            if (read <= 0)
                return; // nothing readable after all: wait for the next readyRead
            m_bodyRemaining -= read;
            restartBodyTimer();
            if (m_bodyRemaining == 0)
                completeRequest();
            break;
        }
        case State::Lingering:
            m_socket->readAll(); // the rest of a refused body: read only so the close stays graceful
            break;
        case State::Closed:
            return;
        }
    }
}

bool HttpConnection::readHead()
{
    if (!m_headStarted) {
        // Empty lines between requests are allowed, and are not the start of one.
        const QByteArray start = m_socket->peek(2);
        if (start.startsWith('\n') || start == "\r\n") {
            m_socket->read(start.startsWith('\n') ? 1 : 2);
            return true;
        }
        if (start == "\r")
            return false;
        m_headStarted = true;
        m_timer.start(m_limits.headerTimeoutMs);
    }
    // A head is rarely more than a few hundred bytes, and a push's body usually waits right
    // behind it: peeking the whole limit would copy 64 KiB of that body for every request.
    QByteArray peeked =
        m_socket->peek(qMin<qint64>(TypicalHeadBytes, m_limits.maxHeaderBytes + HeadEnd.size()));
    qsizetype end = peeked.indexOf(HeadEnd, m_headSearchFrom);
    if (end < 0) {
        peeked = m_socket->peek(m_limits.maxHeaderBytes + HeadEnd.size());
        end = peeked.indexOf(HeadEnd, m_headSearchFrom);
    }
    if (end < 0) {
        // A client that ends lines with a bare LF would otherwise wait for a CRLF CRLF that never
        // comes and get a 408; it learns what is wrong at once instead.
        if (HttpRequest::findBareLineEnding(peeked, m_headCheckedUpTo - 1, peeked.size()) >= 0) {
            m_socket->read(peeked.size());
            refuse(400, QStringLiteral("bad_request"),
                   QStringLiteral("line endings in the request head must be CRLF"));
            return true;
        }
        m_headCheckedUpTo = peeked.size();
        if (peeked.size() >= m_limits.maxHeaderBytes + HeadEnd.size()) {
            refuse(431, QStringLiteral("header_too_large"),
                   QStringLiteral("the request head is larger than %1 bytes").arg(m_limits.maxHeaderBytes));
            return true;
        }
        m_headSearchFrom = qMax<qsizetype>(0, peeked.size() - HeadEnd.size() + 1);
        return false;
    }
    Result<HttpRequest> parsed = HttpRequest::parseHead(peeked.left(end));
    if (!parsed) {
        m_socket->read(end + HeadEnd.size());
        refuse(400, QStringLiteral("bad_request"), parsed.error().message);
        return true;
    }
    if (parsed.value().isWebSocketUpgrade() && m_upgradeHandlers.contains(parsed.value().path())) {
        handOver(parsed.value());
        return false;
    }
    m_socket->read(end + HeadEnd.size());
    startRequest(std::move(parsed).value());
    return true;
}

void HttpConnection::handOver(const HttpRequest &head)
{
    // The head was only peeked, so the new owner reads the handshake as if it came first.
    QTcpSocket *socket = m_socket;
    m_socket = nullptr;
    m_state = State::Closed;
    m_timer.stop();
    socket->disconnect(this);
    socket->setParent(nullptr);
    socket->setReadBufferSize(0);
    m_upgradeHandlers.value(head.path())(socket, head);
    Q_EMIT closed();
    deleteLater();
}

void HttpConnection::startRequest(HttpRequest request)
{
    m_request = std::move(request);
    m_requestTimer.start();
    m_closeAfterResponse = !m_request.wantsKeepAlive() || m_draining;
    const std::optional<qint64> length = m_request.contentLength();
    if (m_request.hasHeader("transfer-encoding")) {
        refuse(411, QStringLiteral("length_required"),
               QStringLiteral("chunked bodies are not accepted; send Content-Length"));
        return;
    }
    if (!length && methodNeedsLength(m_request.method())) {
        refuse(411, QStringLiteral("length_required"), QStringLiteral("send Content-Length with the body"));
        return;
    }
    const qint64 bodyLength = length.value_or(0);
    if (bodyLength > 0 && !methodNeedsLength(m_request.method())) {
        // Only requests that write carry a body, and they are all signed in: a body on a GET
        // (health and metrics take no token) would be held against nobody's limit.
        refuse(400, QStringLiteral("bad_request"),
               QStringLiteral("a %1 request carries no body").arg(QString::fromLatin1(m_request.method())));
        return;
    }
    if (bodyLength > m_limits.maxBodyBytes) {
        m_bodyRemaining = bodyLength;
        refuse(413, QStringLiteral("too_large"),
               QStringLiteral("the body (%1 bytes) is larger than the limit of %2 bytes")
                   .arg(bodyLength)
                   .arg(m_limits.maxBodyBytes));
        return;
    }
    if (std::optional<HttpResponse> refusal = m_handler.checkHead(m_request)) {
        m_bodyRemaining = bodyLength;
        // A refused request's body is never read, so the stream cannot carry another request.
        if (bodyLength > 0)
            refusal->setClosesConnection(true);
        respond(*refusal);
        return;
    }
    if (bodyLength == 0) {
        completeRequest();
        return;
    }
    if (!takeBodySlot()) {
        m_bodyRemaining = bodyLength;
        HttpResponse busy = HttpResponse::error(
            429, QStringLiteral("too_many_uploads"),
            QStringLiteral("%1 of your requests are still sending their bodies; wait for one to finish")
                .arg(m_bodySlots->maxPerClient()));
        busy.setHeader("Retry-After", "5");
        busy.setClosesConnection(true); // its body is never read
        respond(busy);
        return;
    }
    if (m_request.header("expect").toLower() == "100-continue")
        m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
    m_state = State::Body;
    m_bodyRemaining = bodyLength;
    // Grown as bytes arrive: a client that only declares a large body costs us nothing.
    m_body.reserve(int(qMin<qint64>(bodyLength, 256 * 1024)));
    const qint64 allowedMs =
        m_limits.bodyTimeoutBaseMs + bodyLength * 1000 / qMax<qint64>(1, m_limits.minBodyBytesPerSecond);
    m_bodyDeadline.setRemainingTime(allowedMs);
    restartBodyTimer();
}

void HttpConnection::restartBodyTimer()
{
    // Each piece that arrives restarts the pause allowed, never the whole body's deadline.
    m_timer.start(int(std::clamp<qint64>(m_bodyDeadline.remainingTime(), 0, m_limits.bodyIdleTimeoutMs)));
}

bool HttpConnection::takeBodySlot()
{
    const QString &client = m_request.clientKey();
    if (client.isEmpty() || !m_bodySlots)
        return true; // only POST, PUT and PATCH carry a body, and every route taking one signs in
    if (!m_bodySlots->tryAcquire(client)) {
        qCWarning(lcServerHttp).noquote() << "client" << client << "already sends"
                                          << m_bodySlots->inUse(client) << "bodies; refusing another";
        return false;
    }
    m_bodySlotClient = client;
    return true;
}

void HttpConnection::releaseBodySlot()
{
    if (m_bodySlotClient.isEmpty())
        return;
    m_bodySlots->release(m_bodySlotClient);
    m_bodySlotClient.clear();
}

void HttpConnection::completeRequest()
{
    releaseBodySlot();
    const QByteArray encoding = m_request.header("content-encoding").trimmed().toLower();
    if (encoding == "gzip" || encoding == "x-gzip") {
        Result<QByteArray> inflated = Gzip::decompress(m_body, m_limits.maxBodyBytes);
        if (!inflated) {
            const bool tooLarge = inflated.error().code == QLatin1String("too_large");
            refuse(tooLarge ? 413 : 400, inflated.error().code, inflated.error().message);
            return;
        }
        m_body = std::move(inflated).value();
    } else if (!encoding.isEmpty() && encoding != "identity") {
        refuse(415, QStringLiteral("unsupported_encoding"),
               QStringLiteral("Content-Encoding %1 is not accepted; use gzip")
                   .arg(QString::fromLatin1(encoding)));
        return;
    }
    m_request.setBody(std::move(m_body));
    m_body.clear();
    respond(m_handler.handle(m_request));
}

void HttpConnection::refuse(int status, const QString &code, const QString &message)
{
    HttpResponse response = HttpResponse::error(status, code, message);
    // After a malformed or oversized request the stream position is unknown or unread: close.
    if (status == 400 || status == 411 || status == 413 || status == 431 || status == 408)
        response.setClosesConnection(true);
    respond(response);
}

void HttpConnection::respond(const HttpResponse &response)
{
    releaseBodySlot();
    if (!m_socket)
        return;
    const bool close = m_closeAfterResponse || m_draining || response.closesConnection();
    m_socket->write(response.serialize(!close, m_request.acceptsGzip(), m_limits.gzipResponseThreshold));
    qCDebug(lcServerHttp).noquote() << m_request.method() << m_request.path() << response.status();
    if (m_observer && m_requestTimer.isValid())
        m_observer(m_request.path(), response.status(), double(m_requestTimer.nsecsElapsed()) / 1e9);
    m_requestTimer.invalidate();
    if (close)
        finishConnection();
    else
        beginHead();
}

void HttpConnection::finishConnection()
{
    // Closing with unread input makes the kernel send a reset, which can destroy the answer
    // before the client reads it. So: send everything, half-close, drop whatever still comes
    // for a short while, then close.
    m_state = State::Lingering;
    m_timer.start(m_limits.lingerMs);
    onBytesWritten();
}

void HttpConnection::onBytesWritten()
{
    if (m_state != State::Lingering || !m_socket || m_shutdownSent || m_socket->bytesToWrite() > 0)
        return;
    m_shutdownSent = true;
    if (auto *tls = qobject_cast<QSslSocket *>(m_socket); tls && tls->isEncrypted()) {
        // A TLS stream ends with close_notify, which only the TLS layer can send; cutting the
        // TCP stream under it could lose the encrypted bytes it still buffers.
        tls->disconnectFromHost();
        return;
    }
    ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
    processInput();
}

void HttpConnection::onTimeout()
{
    if (!m_socket)
        return;
    switch (m_state) {
    case State::Head:
        if (m_headStarted) {
            refuse(408, QStringLiteral("timeout"), QStringLiteral("the request head took too long"));
            return;
        }
        break; // an idle keep-alive connection just closes
    case State::Body:
        if (m_bodyDeadline.hasExpired()) {
            refuse(408, QStringLiteral("timeout"),
                   QStringLiteral("the request body did not arrive in time (%1 s for its length)")
                       .arg(double(m_limits.bodyTimeoutBaseMs) / 1000.0 +
                            double(m_request.contentLength().value_or(0)) /
                                double(qMax<qint64>(1, m_limits.minBodyBytesPerSecond))));
            return;
        }
        refuse(408, QStringLiteral("timeout"), QStringLiteral("the request body stalled"));
        return;
    case State::Lingering:
    case State::Closed:
        break;
    }
    m_socket->abort();
    onDisconnected();
}

void HttpConnection::onDisconnected()
{
    if (m_state == State::Closed)
        return;
    m_state = State::Closed;
    m_timer.stop();
    releaseBodySlot();
    Q_EMIT closed();
    deleteLater();
}

} // namespace fieldsync::server
