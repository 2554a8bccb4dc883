#pragma once

#include "common/Result.h"

#include <QSslConfiguration>

namespace fieldsync::server::TlsFiles {

// The server side of TLS from two PEM files: the certificate (followed by its intermediate
// chain, as certbot's fullchain.pem has it) and its private key (RSA or EC). TLS 1.2 or later;
// clients are not asked for certificates. The pair is tried in a loopback handshake before it is
// returned, so a key that is not the certificate's is an error here, not a failure per client.
// Error tls with what is wrong with which file.
Result<QSslConfiguration> load(const QString &certificateFile, const QString &keyFile);

} // namespace fieldsync::server::TlsFiles
