#pragma once

#include "common/Result.h"

#include <QSslConfiguration>

namespace fieldsync::server::TlsSelfCheck {

// Proves that a server TLS configuration can complete a handshake, by shaking hands with itself
// over loopback (a listener on 127.0.0.1 with a free port, this configuration on the accepting
// side, a client that does not verify). Qt 6.4 has no call that says whether a private key belongs
// to a certificate, and a mismatched pair loads without complaint: without this, the server would
// say it is listening and then fail every handshake. Error tls with the TLS library's reason.
Result<void> handshake(const QSslConfiguration &serverConfiguration, int timeoutMs = 5000);

} // namespace fieldsync::server::TlsSelfCheck
