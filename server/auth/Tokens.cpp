#include "Tokens.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

#include <array>

namespace fieldsync::server::Tokens {

QString generate()
{
    std::array<quint32, 8> words{};
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    const QByteArray bytes(reinterpret_cast<const char *>(words.data()), int(words.size() * sizeof(quint32)));
    return QString::fromLatin1(bytes.toHex());
}

QString hash(const QString &token)
{
    return QString::fromLatin1(QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex());
}

} // namespace fieldsync::server::Tokens
