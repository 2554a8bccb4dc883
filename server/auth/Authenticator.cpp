#include "Authenticator.h"

#include "Tokens.h"

namespace fieldsync::server {

namespace {

constexpr int MaxTokenLength = 512;

} // namespace

Authenticator::Authenticator(ServerDatabase &db)
    : m_users(db)
{}

Result<AuthUser> Authenticator::authenticate(const QByteArray &authorizationHeader)
{
    const QByteArray header = authorizationHeader.trimmed();
    const QByteArray scheme("bearer ");
    if (header.size() <= scheme.size() || header.left(scheme.size()).toLower() != scheme)
        return makeError(QStringLiteral("unauthorized"),
                         QStringLiteral("send Authorization: Bearer <token>"));
    const QByteArray token = header.mid(scheme.size()).trimmed();
    if (token.isEmpty() || token.size() > MaxTokenLength)
        return makeError(QStringLiteral("unauthorized"), QStringLiteral("the token is not valid"));
    const Result<std::optional<AuthUser>> user =
        m_users.findByTokenHash(Tokens::hash(QString::fromLatin1(token)));
    if (!user)
        return user.error();
    if (!user.value())
        return makeError(QStringLiteral("unauthorized"),
                         QStringLiteral("the token is not valid or was revoked"));
    return *user.value();
}

} // namespace fieldsync::server
