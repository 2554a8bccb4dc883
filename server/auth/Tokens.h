#pragma once

#include <QString>

namespace fieldsync::server::Tokens {

// 32 bytes from the system's secure random source, as 64 hex digits.
QString generate();
// What the database keeps instead of the token: its SHA-256, hex. A leaked database file then
// gives nobody a working token.
QString hash(const QString &token);

} // namespace fieldsync::server::Tokens
