#include "TlsSelfCheck.h"

#include <QEventLoop>
#include <QSslSocket>
#include <QTcpServer>
#include <QTimer>

#include <functional>
#include <memory>

namespace fieldsync::server::TlsSelfCheck {

namespace {

// Hands out the accepted descriptor, so that the accepting side can be a QSslSocket.
class DescriptorListener : public QTcpServer
{
public:
    std::function<void(qintptr)> accepted;

protected:
    void incomingConnection(qintptr socketDescriptor) override { accepted(socketDescriptor); }
};

Error tlsError(const QString &message)
{
    QString oneLine = message;
    oneLine.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return makeError(QStringLiteral("tls"), oneLine);
}

} // namespace

Result<void> handshake(const QSslConfiguration &serverConfiguration, int timeoutMs)
{
    DescriptorListener listener;
    if (!listener.listen(QHostAddress(QHostAddress::LocalHost), 0))
        return tlsError(
            QStringLiteral("cannot try a TLS handshake on 127.0.0.1: %1").arg(listener.errorString()));

    QEventLoop loop;
    std::unique_ptr<QSslSocket> server;
    QSslSocket client;
    bool serverEncrypted = false;
    bool clientEncrypted = false;
    QString serverError;
    QString clientError;
    auto settleIfDone = [&] {
        if ((serverEncrypted && clientEncrypted) || !serverError.isEmpty() || !clientError.isEmpty())
            loop.quit();
    };

    listener.accepted = [&](qintptr socketDescriptor) {
        if (server) {
            QTcpSocket stray; // only the client below should connect: anything else is closed
            stray.setSocketDescriptor(socketDescriptor);
            return;
        }
        server = std::make_unique<QSslSocket>();
        if (!server->setSocketDescriptor(socketDescriptor)) {
            serverError = server->errorString();
            settleIfDone();
            return;
        }
        QObject::connect(server.get(), &QSslSocket::encrypted, &loop, [&] {
            serverEncrypted = true;
            settleIfDone();
        });
        QObject::connect(server.get(), &QAbstractSocket::errorOccurred, &loop,
                         [&](QAbstractSocket::SocketError) {
                             if (serverError.isEmpty())
                                 serverError = server->errorString();
                             settleIfDone();
                         });
        server->setSslConfiguration(serverConfiguration);
        server->startServerEncryption();
    };

    // The client checks nothing: the question is whether the server side can shake hands at all,
    // not whether anyone trusts its certificate (clients decide that themselves).
    QSslConfiguration clientConfiguration = QSslConfiguration::defaultConfiguration();
    clientConfiguration.setPeerVerifyMode(QSslSocket::VerifyNone);
    client.setSslConfiguration(clientConfiguration);
    QObject::connect(&client, &QSslSocket::encrypted, &loop, [&] {
        clientEncrypted = true;
        settleIfDone();
    });
    QObject::connect(&client, &QAbstractSocket::errorOccurred, &loop, [&](QAbstractSocket::SocketError) {
        if (clientError.isEmpty())
            clientError = client.errorString();
        settleIfDone();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    client.connectToHostEncrypted(QStringLiteral("127.0.0.1"), listener.serverPort());
    loop.exec();
    client.abort();
    if (server)
        server->abort();

    if (serverEncrypted && clientEncrypted)
        return {};
    // The accepting side knows why (e.g. "Private key does not certify public key"); the client
    // only hears that the handshake ended.
    if (!serverError.isEmpty())
        return tlsError(serverError);
    if (!clientError.isEmpty())
        return tlsError(clientError);
    return tlsError(QStringLiteral("a TLS handshake with itself did not finish within %1 ms").arg(timeoutMs));
}

} // namespace fieldsync::server::TlsSelfCheck
