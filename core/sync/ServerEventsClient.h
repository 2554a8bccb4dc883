#pragma once

#include "BackoffPolicy.h"
#include "TlsPolicy.h"

#include <QObject>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>

namespace fieldsync {

// One WebSocket to GET /api/v1/sync/events, kept open: it says when the server has changes for
// this device's projects, so a device pulls within a second instead of at the next timer.
// Events only hint: whatever is missed while the socket is down is pulled anyway, because the
// owner pulls on every (re)connect.
//
// Reconnects with jittered exponential backoff; sends its own pings and drops a connection whose
// pong does not come back, since a NAT or a dead Wi-Fi can swallow a TCP connection silently.
class ServerEventsClient : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        BackoffPolicy::Options reconnect{1000, 60000, 2.0, 0.5, 5 * 60 * 1000};
        int keepAliveMs = 30000;   // ping after this long without anything from the server
        int pongTimeoutMs = 10000; // no pong by then: the connection is dead
        int handshakeTimeoutMs = 10000;
    };

    explicit ServerEventsClient(QObject *parent = nullptr);
    explicit ServerEventsClient(const Options &options, QObject *parent = nullptr);
    ~ServerEventsClient() override;

    void setOptions(const Options &options);
    // http(s)://host:port[/prefix] of the server; the events URL is derived from it.
    void setServer(const QUrl &baseUrl, const QString &token, const QString &deviceId);
    static QUrl eventsUrl(const QUrl &baseUrl);
    // The same certificate rules as the HTTP requests (pin, extra CAs).
    void setTlsPolicy(const TlsPolicy &policy) { m_tls = policy; }

    void start();
    void stop();
    bool isStarted() const { return m_started; }
    bool isConnected() const { return m_connected; }
    // Reconnect now instead of at the next backoff step (connectivity came back).
    void reconnectNow();

signals:
    void connected();
    void disconnected(const QString &reason);
    // An attempt to connect failed (the server may be down, or not speak events).
    void connectFailed(const QString &reason);
    void changesAvailable(qint64 cursor);
    // The server refused the token (401 on the handshake).
    void unauthorized(const QString &reason);

private:
    void connectSocket();
    void scheduleReconnect();
    void onConnected();
    void onDisconnected();
    void onError();
    void onTextMessage(const QString &message);
    void onKeepAlive();
    void markAlive();
    void dropSocket();

    Options m_options;
    QUrl m_baseUrl;
    QString m_token;
    QString m_deviceId;
    TlsPolicy m_tls;
    QWebSocket *m_socket = nullptr;
    BackoffPolicy m_backoff;
    QTimer m_reconnectTimer;
    QTimer m_keepAliveTimer;
    QTimer m_handshakeTimer;
    bool m_started = false;
    bool m_connected = false;
    bool m_awaitingPong = false;
    QString m_lastError;
};

} // namespace fieldsync
