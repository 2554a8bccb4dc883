#include "TlsPolicy.h"

#include "common/Logging.h"
#include "store/DeviceStore.h"

#include <QCryptographicHash>
#include <QFile>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QSslConfiguration>
#include <QWebSocket>

namespace fieldsync {

namespace {

const char FailureProperty[] = "fieldsync_tls_failure";

QString mismatchMessage(const QSslCertificate &certificate)
{
    return QStringLiteral("the server's certificate (%1) is not the pinned one")
        .arg(TlsPolicy::fingerprintOf(certificate));
}

} // namespace

TlsPolicy TlsPolicy::forAccount(const DeviceAccount &account)
{
    TlsPolicy policy;
    if (const Result<QByteArray> pin = parseFingerprint(account.certificatePin); pin)
        policy.setPinnedSha256(pin.value());
    return policy;
}

Result<QByteArray> TlsPolicy::parseFingerprint(const QString &text)
{
    QString hex = text.trimmed();
    if (hex.startsWith(QLatin1String("sha256"), Qt::CaseInsensitive))
        hex = hex.section(QLatin1Char('='), 1);
    hex.remove(QLatin1Char(':'));
    static const QRegularExpression hexDigits(QStringLiteral("^[0-9A-Fa-f]{64}$"));
    if (!hexDigits.match(hex).hasMatch()) {
        return makeError(QStringLiteral("tls_pin"),
                         QStringLiteral("a certificate pin is a SHA-256 fingerprint: 64 hex digits, "
                                        "colons allowed"));
    }
    return QByteArray::fromHex(hex.toLatin1());
}

QString TlsPolicy::fingerprintOf(const QSslCertificate &certificate)
{
    return QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex(':').toUpper());
}

Result<void> TlsPolicy::addCaCertificatesFromFile(const QString &pemFile)
{
    QFile file(pemFile);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(QStringLiteral("tls"),
                         QStringLiteral("cannot read %1: %2").arg(pemFile, file.errorString()));
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(file.readAll(), QSsl::Pem);
    if (certificates.isEmpty())
        return makeError(QStringLiteral("tls"), QStringLiteral("%1 holds no PEM certificate").arg(pemFile));
    m_caCertificates.append(certificates);
    return {};
}

bool TlsPolicy::matchesPin(const QSslCertificate &certificate) const
{
    return !certificate.isNull() && certificate.digest(QCryptographicHash::Sha256) == m_pin;
}

void TlsPolicy::apply(QNetworkRequest &request) const
{
    if (m_caCertificates.isEmpty() || request.url().scheme() != QLatin1String("https"))
        return;
    QSslConfiguration configuration = request.sslConfiguration();
    configuration.addCaCertificates(m_caCertificates);
    request.setSslConfiguration(configuration);
}

void TlsPolicy::watch(QNetworkReply *reply) const
{
    if (!isPinned())
        return;
    const TlsPolicy policy = *this;
    // A certificate no CA vouches for is fine when it is the pinned one; nothing else is.
    QObject::connect(reply, &QNetworkReply::sslErrors, reply,
                     [reply, policy](const QList<QSslError> &errors) {
                         const QSslCertificate peer = reply->sslConfiguration().peerCertificate();
                         if (policy.matchesPin(peer)) {
                             reply->ignoreSslErrors(errors);
                             return;
                         }
                         reply->setProperty(FailureProperty, mismatchMessage(peer));
                     });
    // A certificate that verifies is still refused when it is not the pinned one.
    QObject::connect(reply, &QNetworkReply::encrypted, reply, [reply, policy] {
        const QSslCertificate peer = reply->sslConfiguration().peerCertificate();
        if (policy.matchesPin(peer))
            return;
        qCWarning(lcSync) << "refusing the server:" << mismatchMessage(peer);
        reply->setProperty(FailureProperty, mismatchMessage(peer));
        reply->abort();
    });
}

void TlsPolicy::watch(QWebSocket *socket) const
{
    if (!isPinned())
        return;
    const TlsPolicy policy = *this;
    QObject::connect(socket, &QWebSocket::sslErrors, socket,
                     [socket, policy](const QList<QSslError> &errors) {
                         if (policy.matchesPin(socket->sslConfiguration().peerCertificate()))
                             socket->ignoreSslErrors(errors);
                     });
    // QWebSocket has no signal between the handshake and the upgrade request, so the pin is
    // checked once connected; the token went only to a server whose certificate verified.
    QObject::connect(socket, &QWebSocket::connected, socket, [socket, policy] {
        const QSslCertificate peer = socket->sslConfiguration().peerCertificate();
        if (socket->requestUrl().scheme() == QLatin1String("wss") && !policy.matchesPin(peer)) {
            qCWarning(lcSync) << "refusing the events server:" << mismatchMessage(peer);
            socket->abort();
        }
    });
}

QString TlsPolicy::failureOf(const QNetworkReply *reply)
{
    return reply->property(FailureProperty).toString();
}

} // namespace fieldsync
