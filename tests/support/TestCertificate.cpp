#include "TestCertificate.h"

#include "sync/TlsPolicy.h"

#include <QProcess>
#include <QSslCertificate>
#include <QStandardPaths>

namespace fieldsync::test {

Result<void> TestCertificate::create(KeyType keyType)
{
    const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    if (openssl.isEmpty())
        return makeError(QStringLiteral("openssl_missing"),
                         QStringLiteral("openssl is missing (scripts/install-deps.sh installs it)"));
    QProcess process;
    const QStringList key =
        keyType == KeyType::Rsa
            ? QStringList{QStringLiteral("-newkey"), QStringLiteral("rsa:2048")}
            : QStringList{QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                          QStringLiteral("ec_paramgen_curve:prime256v1")};
    process.start(openssl, QStringList{QStringLiteral("req"), QStringLiteral("-x509")} + key +
                               QStringList{QStringLiteral("-nodes"), QStringLiteral("-keyout"), keyPath(),
                                           QStringLiteral("-out"), certificatePath(), QStringLiteral("-days"),
                                           QStringLiteral("2"), QStringLiteral("-subj"),
                                           QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
                                           QStringLiteral("subjectAltName=IP:127.0.0.1")});
    if (!process.waitForFinished(30000) || process.exitCode() != 0)
        return makeError(QStringLiteral("openssl_failed"),
                         QString::fromLocal8Bit(process.readAllStandardError()));
    return {};
}

QString TestCertificate::fingerprint() const
{
    const QList<QSslCertificate> certificates = QSslCertificate::fromPath(certificatePath());
    return certificates.isEmpty() ? QString() : TlsPolicy::fingerprintOf(certificates.first());
}

QStringList TestCertificate::serverArguments() const
{
    return {QStringLiteral("--tls-cert"), certificatePath(), QStringLiteral("--tls-key"), keyPath()};
}

} // namespace fieldsync::test
