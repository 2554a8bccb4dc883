#include "FileDigest.h"

#include "Sha256.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace fieldsync::FileDigest {

namespace {

constexpr qint64 BlockBytes = 256 * 1024;

} // namespace

QByteArray sha256Hex(const QByteArray &bytes)
{
    return Sha256::hexOf(bytes);
}

Result<QByteArray> sha256HexOfFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(QStringLiteral("bad_file"),
                         QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    Sha256 hash;
    if (!hash.addData(&file))
        return makeError(QStringLiteral("bad_file"),
                         QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    return hash.resultHex();
}

Result<Copied> copyWithSha256(const QString &source, const QString &destination)
{
    const QFileInfo info(source);
    if (!info.exists())
        return makeError(QStringLiteral("bad_file"), QStringLiteral("no such file: %1").arg(source));
    if (!info.isFile())
        return makeError(QStringLiteral("bad_file"), QStringLiteral("not a file: %1").arg(source));
    QFile in(source);
    if (!in.open(QIODevice::ReadOnly))
        return makeError(QStringLiteral("bad_file"),
                         QStringLiteral("cannot read %1: %2").arg(source, in.errorString()));
    QSaveFile out(destination);
    if (!out.open(QIODevice::WriteOnly))
        return makeError(QStringLiteral("store_write"),
                         QStringLiteral("cannot write %1: %2").arg(destination, out.errorString()));
    Sha256 hash;
    Copied copied;
    QByteArray block;
    while (!in.atEnd()) {
        block = in.read(BlockBytes);
        if (block.isEmpty() && in.error() != QFileDevice::NoError)
            return makeError(QStringLiteral("bad_file"),
                             QStringLiteral("cannot read %1: %2").arg(source, in.errorString()));
        hash.addData(block);
        if (out.write(block) != block.size())
            return makeError(QStringLiteral("store_write"),
                             QStringLiteral("cannot write %1: %2").arg(destination, out.errorString()));
        copied.bytes += block.size();
    }
    // QSaveFile::commit() flushes and fsyncs before the rename: the copy is whole or absent.
    if (!out.commit())
        return makeError(QStringLiteral("store_write"),
                         QStringLiteral("cannot write %1: %2").arg(destination, out.errorString()));
    copied.sha256Hex = hash.resultHex();
    return copied;
}

} // namespace fieldsync::FileDigest
