#include "FaultProxy.h"

#include <QTcpSocket>
#include <QTimer>

namespace fieldsync::test {

namespace {

const QByteArray HeadEnd("\r\n\r\n");

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 302:
        return "Found";
    case 401:
        return "Unauthorized";
    case 413:
        return "Payload Too Large";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

struct RequestHead
{
    QByteArray method;
    QString path;
    qint64 contentLength = 0;
    bool upgrade = false;
};

RequestHead parseHead(const QByteArray &head)
{
    RequestHead parsed;
    const QList<QByteArray> lines = head.split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    parsed.method = requestLine.value(0);
    const QByteArray target = requestLine.value(1);
    parsed.path =
        QString::fromLatin1(target.left(target.indexOf('?') < 0 ? target.size() : target.indexOf('?')));
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length")
            parsed.contentLength = value.toLongLong();
        else if (name == "upgrade" && value.toLower() == "websocket")
            parsed.upgrade = true;
    }
    return parsed;
}

// The length of a whole HTTP answer at the front of bytes (head and Content-Length body), or -1
// while it is still incomplete.
qsizetype completeResponseSize(const QByteArray &bytes, qsizetype *bodyStart)
{
    const qsizetype end = bytes.indexOf(HeadEnd);
    if (end < 0)
        return -1;
    *bodyStart = end + HeadEnd.size();
    const qint64 length = parseHead(bytes.left(end)).contentLength;
    const qsizetype total = *bodyStart + length;
    return bytes.size() >= total ? total : -1;
}

} // namespace

// One client connection and its own connection to the upstream server.
class FaultProxy::Connection : public QObject
{
public:
    Connection(FaultProxy &proxy, QTcpSocket *client)
        : QObject(&proxy)
        , m_proxy(proxy)
        , m_client(client)
        , m_upstream(new QTcpSocket(this))
    {
        m_client->setParent(this);
        connect(m_client, &QTcpSocket::readyRead, this, [this] {
            m_buffer += m_client->readAll();
            process();
        });
        connect(m_client, &QTcpSocket::disconnected, this, [this] { close(); });
        connect(m_upstream, &QTcpSocket::readyRead, this, [this] { onUpstreamData(); });
        connect(m_upstream, &QTcpSocket::disconnected, this, [this] { close(); });
        connect(m_upstream, &QTcpSocket::errorOccurred, this, [this] {
            if (m_upstream->state() != QAbstractSocket::ConnectedState)
                close();
        });
        m_upstream->connectToHost(m_proxy.m_upstream.host(), quint16(m_proxy.m_upstream.port(80)));
    }

    void close()
    {
        if (m_closed)
            return;
        m_closed = true;
        m_upstream->disconnect(this);
        m_client->disconnect(this);
        // Whatever one side already sent still reaches the other before it closes.
        if (m_upstream->bytesAvailable() > 0 && m_responseAction == Action::Forward)
            m_client->write(m_upstream->readAll());
        m_client->disconnectFromHost();
        m_upstream->disconnectFromHost();
        m_proxy.m_connections.removeOne(this);
        QTimer::singleShot(5000, this, &QObject::deleteLater);
    }

    void abort()
    {
        m_closed = true;
        m_upstream->disconnect(this);
        m_client->disconnect(this);
        m_client->abort();
        m_upstream->abort();
        m_proxy.m_connections.removeOne(this);
        deleteLater();
    }

private:
    void process()
    {
        while (!m_closed && !m_holding) {
            if (m_tunnel) {
                if (!m_buffer.isEmpty())
                    m_upstream->write(m_buffer);
                m_buffer.clear();
                return;
            }
            const qsizetype end = m_buffer.indexOf(HeadEnd);
            if (end < 0)
                return;
            const RequestHead head = parseHead(m_buffer.left(end));
            const qsizetype total = end + HeadEnd.size() + head.contentLength;
            if (m_buffer.size() < total)
                return;
            const QByteArray request = m_buffer.left(total);
            m_buffer.remove(0, total);
            const std::optional<Fault> fault = m_proxy.takeFault(head.method, head.path);
            m_proxy.record({head.method, head.path, m_proxy.m_clock.elapsed(), fault ? fault->status : 0});
            if (fault && fault->action == Action::Hang) {
                m_holding = true; // nothing more is read or answered on this connection
                return;
            }
            if (fault && fault->delayMs > 0) {
                m_holding = true;
                QTimer::singleShot(fault->delayMs, this, [this, request, head, fault] {
                    m_holding = false;
                    deliver(request, head, fault);
                    process();
                });
                return;
            }
            deliver(request, head, fault);
        }
    }

    void deliver(const QByteArray &request, const RequestHead &head, const std::optional<Fault> &fault)
    {
        if (m_closed)
            return;
        if (fault && fault->action == Action::ResetBeforeForward) {
            abort();
            return;
        }
        if (fault && fault->action != Action::Forward) {
            m_responseAction = fault->action;
            m_upstream->write(request);
            return;
        }
        if (fault && fault->status > 0) {
            QByteArray answer = "HTTP/1.1 " + QByteArray::number(fault->status) + ' ' +
                                reasonPhrase(fault->status) + "\r\nContent-Type: " + fault->contentType +
                                "\r\nContent-Length: " + QByteArray::number(fault->body.size()) + "\r\n";
            for (const auto &[name, value] : fault->headers)
                answer += name + ": " + value + "\r\n";
            m_client->write(answer + "\r\n" + fault->body);
            return;
        }
        m_upstream->write(request);
        // From here on the bytes are WebSocket frames, not requests.
        if (head.upgrade)
            m_tunnel = true;
    }

    void onUpstreamData()
    {
        if (m_responseAction == Action::Forward) {
            m_client->write(m_upstream->readAll());
            return;
        }
        // The faulted answer is held back whole, then spoilt as asked.
        m_response += m_upstream->readAll();
        qsizetype bodyStart = 0;
        const qsizetype total = completeResponseSize(m_response, &bodyStart);
        if (total < 0)
            return;
        const QByteArray answer = m_response.left(total);
        m_response.remove(0, total);
        const Action action = m_responseAction;
        m_responseAction = Action::Forward;
        const qsizetype half = bodyStart + (total - bodyStart) / 2;
        switch (action) {
        case Action::ResetAfterResponse:
            abort();
            return;
        case Action::WithholdResponse:
            return;
        case Action::ResetMidResponse:
            m_client->write(answer.left(half));
            m_client->flush();
            abort();
            return;
        case Action::TruncateBody:
            m_client->write(answer.left(half));
            close();
            return;
        case Action::CorruptBody: {
            QByteArray scrambled = answer;
            for (qsizetype i = bodyStart; i < scrambled.size(); i += 7)
                scrambled[i] = char(scrambled.at(i) ^ 0x5a);
            m_client->write(scrambled);
            break;
        }
        default:
            m_client->write(answer);
            break;
        }
        if (!m_response.isEmpty())
            onUpstreamData();
    }

    FaultProxy &m_proxy;
    QTcpSocket *m_client;
    QTcpSocket *m_upstream;
    QByteArray m_buffer;
    QByteArray m_response;
    Action m_responseAction = Action::Forward;
    bool m_tunnel = false;
    bool m_holding = false;
    bool m_closed = false;
};

FaultProxy::FaultProxy(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &FaultProxy::onNewConnection);
}

FaultProxy::~FaultProxy()
{
    disconnectAll();
}

Result<void> FaultProxy::start(const QUrl &upstream)
{
    m_upstream = upstream;
    m_clock.start();
    if (!m_server.listen(QHostAddress::LocalHost, 0))
        return makeError(QStringLiteral("proxy"), m_server.errorString());
    m_port = m_server.serverPort();
    return {};
}

QUrl FaultProxy::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port));
}

void FaultProxy::stopListening()
{
    m_server.close();
}

Result<void> FaultProxy::resumeListening()
{
    if (m_server.isListening())
        return {};
    if (!m_server.listen(QHostAddress::LocalHost, m_port))
        return makeError(QStringLiteral("proxy"), m_server.errorString());
    return {};
}

void FaultProxy::onNewConnection()
{
    while (QTcpSocket *client = m_server.nextPendingConnection()) {
        if (m_refusing) {
            client->abort();
            client->deleteLater();
            continue;
        }
        m_connections.append(new Connection(*this, client));
    }
}

std::optional<FaultProxy::Fault> FaultProxy::takeFault(const QByteArray &method, const QString &path)
{
    for (qsizetype i = 0; i < m_faults.size(); ++i) {
        Fault &fault = m_faults[i];
        if (!fault.method.isEmpty() && fault.method != method)
            continue;
        if (!fault.pathPrefix.isEmpty() && !path.startsWith(fault.pathPrefix))
            continue;
        const Fault taken = fault;
        if (fault.count > 0 && --fault.count == 0)
            m_faults.removeAt(i);
        return taken;
    }
    return std::nullopt;
}

void FaultProxy::disconnectAll()
{
    const QList<Connection *> connections = m_connections;
    for (Connection *connection : connections)
        connection->abort();
}

QList<FaultProxy::Request> FaultProxy::requestsTo(const QByteArray &method, const QString &pathPrefix) const
{
    QList<Request> matching;
    for (const Request &request : m_requests) {
        if ((method.isEmpty() || request.method == method) && request.path.startsWith(pathPrefix))
            matching.append(request);
    }
    return matching;
}

} // namespace fieldsync::test
