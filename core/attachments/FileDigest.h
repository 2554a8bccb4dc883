#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QString>

namespace fieldsync::FileDigest {

// Lower-case hex SHA-256 of bytes.
QByteArray sha256Hex(const QByteArray &bytes);
// Of a whole file, read in blocks. Errors: bad_file.
Result<QByteArray> sha256HexOfFile(const QString &path);

struct Copied
{
    qint64 bytes = 0;
    QByteArray sha256Hex;
};
// Copies source to destination (created anew, flushed to disk before it is given its name), hashing
// the bytes as they pass. Errors: bad_file (source unreadable or not a file), store_write.
Result<Copied> copyWithSha256(const QString &source, const QString &destination);

} // namespace fieldsync::FileDigest
