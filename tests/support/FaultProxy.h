#pragma once

#include "common/Result.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPair>
#include <QTcpServer>
#include <QUrl>

#include <optional>

namespace fieldsync::test {

// A loopback HTTP proxy in front of the real server, for the faults a real server cannot be
// made to show on cue: answer the next push with 429 and Retry-After, hold a request back,
// play a captive portal, cut every connection. Devices are pointed at url() instead of the
// server's; everything not matched by a fault is forwarded byte for byte, WebSocket upgrades
// included (they become a plain tunnel).
//
//     FaultProxy proxy;
//     QVERIFY(proxy.start(server.url()).ok());
//     FaultProxy::Fault busy;
//     busy.method = "POST";
//     busy.pathPrefix = QStringLiteral("/api/v1/sync/push");
//     busy.status = 429;
//     busy.headers = {{"Retry-After", "2"}};
//     proxy.addFault(busy);  // the next push gets 429, the one after goes through
//
// Lives on the test's thread: the test must spin the event loop (QTRY_*, QSignalSpy::wait)
// while devices talk through it. Expects requests one at a time per connection (no HTTP
// pipelining, which QNetworkAccessManager does not use).
class FaultProxy : public QObject
{
    Q_OBJECT

public:
    // What happens to a matched request besides status and delayMs. Every action but Forward
    // ignores status.
    enum class Action
    {
        Forward,            // answer with status when set, else forward (the default)
        ResetBeforeForward, // the request arrives, then the connection is reset: the server never saw it
        ResetAfterResponse, // forwarded and answered in full by the server, then reset before the
                            // device gets a byte of the answer (the ambiguous commit)
        ResetMidResponse,   // the answer's head and half its body reach the device, then a reset
        Hang,               // swallowed: no answer, the connection stays open
        WithholdResponse,   // forwarded and answered by the server, but the answer is kept back
                            // and the connection stays open (the device's timeout must end it)
        TruncateBody,       // the answer's head (with its real Content-Length) and half its body, then
                            // a clean close
        CorruptBody,        // the answer with its body's bytes scrambled, same length
    };

    struct Fault
    {
        QByteArray method;  // empty: any
        QString pathPrefix; // empty: any
        int count = 1;      // how many requests it applies to; -1: until removed
        // Answer with this status instead of forwarding (0: forward, after delayMs).
        int status = 0;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;
        QByteArray contentType = "application/json";
        int delayMs = 0; // wait this long before answering or forwarding
        Action action = Action::Forward;
    };

    struct Request
    {
        QByteArray method;
        QString path;           // without the query
        qint64 atMs = 0;        // since start()
        int injectedStatus = 0; // 0 when forwarded
    };

    explicit FaultProxy(QObject *parent = nullptr);
    ~FaultProxy() override;

    // Listens on 127.0.0.1 (a free port) and forwards to upstream (http://host:port).
    Result<void> start(const QUrl &upstream);
    QUrl url() const;
    void setUpstream(const QUrl &upstream) { m_upstream = upstream; }

    void addFault(const Fault &fault) { m_faults.append(fault); }
    void clearFaults() { m_faults.clear(); }
    // Drops every open connection, both sides, as a network cut would.
    void disconnectAll();
    // While refusing, new connections are closed at once (the proxy's port stays taken).
    void setRefusing(bool refusing) { m_refusing = refusing; }
    // Closes the listening port, so that connecting fails with "connection refused", and opens
    // the same port again (an error if something else took it meanwhile).
    void stopListening();
    Result<void> resumeListening();

    const QList<Request> &requests() const { return m_requests; }
    QList<Request> requestsTo(const QByteArray &method, const QString &pathPrefix) const;
    qint64 elapsedMs() const { return m_clock.elapsed(); }

signals:
    // A whole request arrived (before its fault, if any, is applied): lets a test act at the
    // moment a push is in flight, e.g. kill the server.
    void requestArrived(const QByteArray &method, const QString &path);

private:
    class Connection;
    friend class Connection;

    void onNewConnection();
    // The fault for this request, consumed; nullopt to forward at once.
    std::optional<Fault> takeFault(const QByteArray &method, const QString &path);
    void record(const Request &request)
    {
        m_requests.append(request);
        emit requestArrived(request.method, request.path);
    }

    QTcpServer m_server;
    QUrl m_upstream;
    QList<Fault> m_faults;
    QList<Request> m_requests;
    QList<Connection *> m_connections;
    QElapsedTimer m_clock;
    bool m_refusing = false;
    quint16 m_port = 0;
};

} // namespace fieldsync::test
