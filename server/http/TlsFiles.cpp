#include "TlsFiles.h"

#include "TlsSelfCheck.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>

namespace fieldsync::server::TlsFiles {

namespace {

Error tlsError(const QString &message)
{
    return makeError(QStringLiteral("tls"), message);
}

} // namespace

Result<QSslConfiguration> load(const QString &certificateFile, const QString &keyFile)
{
    if (!QSslSocket::supportsSsl()) {
        return tlsError(QStringLiteral("this Qt has no working TLS backend (OpenSSL 3 is needed: "
                                       "apt-get install libssl3)"));
    }
    QFile certificates(certificateFile);
    if (!certificates.open(QIODevice::ReadOnly))
        return tlsError(
            QStringLiteral("cannot read %1: %2").arg(certificateFile, certificates.errorString()));
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certificates.readAll(), QSsl::Pem);
    if (chain.isEmpty() || chain.constFirst().isNull())
        return tlsError(QStringLiteral("%1 holds no PEM certificate").arg(certificateFile));

    QFile keyText(keyFile);
    if (!keyText.open(QIODevice::ReadOnly))
        return tlsError(QStringLiteral("cannot read %1: %2").arg(keyFile, keyText.errorString()));
    const QByteArray pem = keyText.readAll();
    QSslKey key;
    for (QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec}) {
        key = QSslKey(pem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            break;
    }
    if (key.isNull())
        return tlsError(QStringLiteral("%1 holds no unencrypted PEM RSA or EC private key").arg(keyFile));

    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificateChain(chain);
    configuration.setPrivateKey(key);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    // A key of another certificate loads without complaint and fails every handshake later.
    if (const Result<void> shaken = TlsSelfCheck::handshake(configuration); !shaken) {
        return tlsError(QStringLiteral("%1 and %2 do not work together (is the key the certificate's "
                                       "own?): %3")
                            .arg(certificateFile, keyFile, shaken.error().message));
    }
    return configuration;
}

} // namespace fieldsync::server::TlsFiles
