#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QObject>
#include <QTcpSocket>

#include <functional>

namespace fieldsync::bench {

// One device's keep-alive HTTP/1.1 connection to the server, one request at a time: far lighter
// than a QNetworkAccessManager per simulated device, so the load generator does not starve the
// server it measures of CPU.
class LoadConnection : public QObject
{
    Q_OBJECT

public:
    // status 0: no HTTP answer (refused, reset, timeout). milliseconds from send to answer.
    using Done = std::function<void(int status, const QByteArray &body, double milliseconds)>;

    LoadConnection(quint16 port, QByteArray authorization, QObject *parent = nullptr);

    bool isBusy() const { return static_cast<bool>(m_done); }
    void request(const QByteArray &method, const QByteArray &pathAndQuery, const QByteArray &body, Done done);

private:
    void onReadyRead();
    void fail();
    void finish(int status, const QByteArray &body);

    quint16 m_port;
    QByteArray m_authorization;
    QTcpSocket m_socket;
    QByteArray m_pending; // the request, until the socket is connected
    QByteArray m_buffer;
    Done m_done;
    QElapsedTimer m_timer;
    int m_status = 0;
    qint64 m_headLength = -1;
    qint64 m_contentLength = 0;
};

} // namespace fieldsync::bench
