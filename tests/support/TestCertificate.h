#pragma once

#include "common/Result.h"

#include <QTemporaryDir>

namespace fieldsync::test {

// A self-signed certificate for 127.0.0.1, made with the openssl command, so that TLS tests run the
// real server with --tls-cert/--tls-key. Nobody vouches for it: a client trusts it only by a pin or
// by adding it as a CA.
class TestCertificate
{
public:
    enum class KeyType
    {
        Ec, // P-256, quick to make
        Rsa // 2048 bits
    };

    // Error openssl_missing or openssl_failed.
    Result<void> create(KeyType keyType = KeyType::Ec);

    QString certificatePath() const { return m_dir.filePath(QStringLiteral("cert.pem")); }
    QString keyPath() const { return m_dir.filePath(QStringLiteral("key.pem")); }
    // "AB:CD:…", as `openssl x509 -fingerprint -sha256` prints it and a person types it as a pin.
    QString fingerprint() const;
    // The server arguments that serve HTTPS with this certificate.
    QStringList serverArguments() const;

private:
    QTemporaryDir m_dir;
};

} // namespace fieldsync::test
