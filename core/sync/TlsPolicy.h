#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QList>
#include <QSslCertificate>

class QNetworkReply;
class QNetworkRequest;
class QWebSocket;

namespace fieldsync {

struct DeviceAccount;

// How the client trusts a server's certificate. By default as the system does: a certificate
// that does not verify against the system's CAs (or the extra ones given here) is refused.
//
// A pin (the SHA-256 fingerprint of the server's certificate, as
// `openssl x509 -noout -fingerprint -sha256 -in cert.pem` prints it) narrows that to exactly one
// certificate, and also lets a company run a self-signed server: the pinned certificate is
// accepted even when no CA vouches for it, and every other certificate is refused, however well
// it verifies. The check runs when the TLS handshake completes, before the token is sent.
class TlsPolicy
{
public:
    // "AB:CD:…" or "abcd…", 64 hex digits; Error tls_pin for anything else.
    static Result<QByteArray> parseFingerprint(const QString &text);
    // The fingerprint of a certificate, "AB:CD:…", for showing to a person.
    static QString fingerprintOf(const QSslCertificate &certificate);
    // The policy a signed-in device uses for every connection to its server (requests, health
    // checks, events socket): its pin when it has a valid one, otherwise the system's CAs.
    static TlsPolicy forAccount(const DeviceAccount &account);

    void setPinnedSha256(const QByteArray &digest) { m_pin = digest; }
    QByteArray pinnedSha256() const { return m_pin; }
    bool isPinned() const { return !m_pin.isEmpty(); }

    // Extra CAs trusted besides the system's (a company CA).
    void setCaCertificates(const QList<QSslCertificate> &certificates) { m_caCertificates = certificates; }
    Result<void> addCaCertificatesFromFile(const QString &pemFile);

    // Before sending: the request's TLS configuration with the extra CAs.
    void apply(QNetworkRequest &request) const;
    // Right after sending: handles the reply's certificate errors and checks the pin when the
    // handshake completes; a reply refused here fails with failureOf() set.
    void watch(QNetworkReply *reply) const;
    void watch(QWebSocket *socket) const;

    // Why the policy refused the reply's server, empty when it did not.
    static QString failureOf(const QNetworkReply *reply);

private:
    bool matchesPin(const QSslCertificate &certificate) const;

    QByteArray m_pin;
    QList<QSslCertificate> m_caCertificates;
};

} // namespace fieldsync
