#pragma once

#include <QSslConfiguration>
#include <QTcpServer>

#include <optional>

namespace fieldsync::server {

// QTcpServer that, when given a TLS configuration, hands out only sockets whose TLS handshake has
// completed: QSslSockets in encrypted mode, read and written like any QTcpSocket. Not QSslServer
// (Qt 6.4): it has no handshake timeout, so a client that opens connections and never finishes
// a handshake could hold them forever.
class TcpListener : public QTcpServer
{
    Q_OBJECT

public:
    explicit TcpListener(QObject *parent = nullptr);

    void setTlsConfiguration(const QSslConfiguration &configuration) { m_tls = configuration; }
    bool usesTls() const { return m_tls.has_value(); }
    void setHandshakeTimeoutMs(int milliseconds) { m_handshakeTimeoutMs = milliseconds; }

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    std::optional<QSslConfiguration> m_tls;
    int m_handshakeTimeoutMs = 10000;
    int m_handshaking = 0;
};

} // namespace fieldsync::server
