#include "DatabaseUrl.h"

#include <QUrl>
#include <QUrlQuery>

namespace fieldsync::server {

namespace {

// libpq connection parameters that may pass through from the URL's query; anything else is a
// typo that would otherwise be silently ignored.
const QStringList PassThroughOptions{QStringLiteral("sslmode"),
                                     QStringLiteral("sslrootcert"),
                                     QStringLiteral("sslcert"),
                                     QStringLiteral("sslkey"),
                                     QStringLiteral("connect_timeout"),
                                     QStringLiteral("application_name"),
                                     QStringLiteral("target_session_attrs")};

Error urlError(const QString &message)
{
    return makeError(QStringLiteral("usage"), message);
}

} // namespace

bool DatabaseUrl::isPostgres(const QString &location)
{
    return location.startsWith(QLatin1String("postgresql://")) ||
           location.startsWith(QLatin1String("postgres://"));
}

Result<DatabaseUrl> DatabaseUrl::parse(const QString &location)
{
    DatabaseUrl result;
    if (!isPostgres(location)) {
        if (location.isEmpty())
            return urlError(QStringLiteral("no database path given"));
        result.path = location;
        return result;
    }
    result.postgres = true;
    // libpq takes postgresql://user@/db?host=/run/postgresql (no host: a unix socket); QUrl
    // refuses a user without a host, so a placeholder stands in until the query names one.
    QString text = location;
    const qsizetype authority = text.indexOf(QLatin1String("://")) + 3;
    const qsizetype at = text.indexOf(QLatin1Char('@'), authority);
    if (at > 0 && (text.mid(at + 1, 1) == QLatin1String("/") || text.mid(at + 1, 1) == QLatin1String(":")))
        text.insert(at + 1, QLatin1String("localhost"));
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid())
        return urlError(QStringLiteral("--db: not a valid PostgreSQL URL: %1").arg(url.errorString()));
    result.user = url.userName(QUrl::FullyDecoded);
    result.password = url.password(QUrl::FullyDecoded);
    if (!url.host().isEmpty())
        result.host = url.host();
    if (url.port() > 0)
        result.port = url.port();
    result.database = url.path(QUrl::FullyDecoded).mid(1);
    if (result.database.isEmpty() || result.database.contains(QLatin1Char('/')))
        return urlError(QStringLiteral("--db: the PostgreSQL URL needs a database name, as in "
                                       "postgresql://user@host:5432/fieldsync"));
    QStringList options;
    const QUrlQuery query(url);
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (key == QLatin1String("host")) {
            result.host = value; // a unix socket directory
        } else if (PassThroughOptions.contains(key)) {
            options.append(key + QLatin1Char('=') + value);
        } else {
            return urlError(QStringLiteral("--db: unknown PostgreSQL URL parameter '%1'").arg(key));
        }
    }
    if (!query.hasQueryItem(QStringLiteral("application_name")))
        options.append(QStringLiteral("application_name=fieldsync-server"));
    if (!query.hasQueryItem(QStringLiteral("connect_timeout")))
        options.append(QStringLiteral("connect_timeout=10"));
    result.connectOptions = options.join(QLatin1Char(';'));
    return result;
}

QString DatabaseUrl::redacted() const
{
    if (!postgres)
        return path;
    QString text = QStringLiteral("postgresql://");
    if (!user.isEmpty())
        text += user + (password.isEmpty() ? QString() : QStringLiteral(":***")) + QLatin1Char('@');
    text += host.startsWith(QLatin1Char('/')) ? QStringLiteral("[%1]").arg(host) : host;
    return text + QStringLiteral(":%1/%2").arg(port).arg(database);
}

} // namespace fieldsync::server
