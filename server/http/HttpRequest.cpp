#include "HttpRequest.h"

#include <QList>
#include <QUrl>

namespace fieldsync::server {

namespace {

Error badRequest(const QString &why)
{
    return makeError(QStringLiteral("bad_request"), why);
}

bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return QByteArray("!#$%&'*+-.^_`|~").contains(c);
}

bool isToken(const QByteArray &text)
{
    if (text.isEmpty())
        return false;
    for (char c : text) {
        if (!isTokenChar(c))
            return false;
    }
    return true;
}

std::optional<qint64> parseLength(const QByteArray &text)
{
    if (text.isEmpty() || text.size() > 18)
        return std::nullopt;
    for (char c : text) {
        if (c < '0' || c > '9')
            return std::nullopt;
    }
    return text.toLongLong();
}

} // namespace

qsizetype HttpRequest::findBareLineEnding(const QByteArray &bytes, qsizetype from, qsizetype to)
{
    for (qsizetype index = qMax<qsizetype>(from, 0); index < to && index < bytes.size(); ++index) {
        const char c = bytes.at(index);
        if (c == '\n' && (index == 0 || bytes.at(index - 1) != '\r'))
            return index;
        if (c == '\r' && index + 1 < bytes.size() && bytes.at(index + 1) != '\n')
            return index;
    }
    return -1;
}

Result<HttpRequest> HttpRequest::parseHead(const QByteArray &head)
{
    // A bare CR or LF is a line ending to some parsers and not to others: between a proxy and us,
    // that difference is how a second request is smuggled inside the first (RFC 9112 2.2, 11.2).
    if (findBareLineEnding(head, 0, head.size()) >= 0 || head.endsWith('\r'))
        return badRequest(QStringLiteral("line endings in the request head must be CRLF"));
    const QList<QByteArray> lines = head.split('\n');
    HttpRequest request;

    QByteArray requestLine = lines.value(0);
    if (requestLine.endsWith('\r'))
        requestLine.chop(1);
    const QList<QByteArray> parts = requestLine.split(' ');
    if (parts.size() != 3 || !isToken(parts[0]))
        return badRequest(QStringLiteral("malformed request line"));
    request.m_method = parts[0];
    if (parts[2] == "HTTP/1.1")
        request.m_minorVersion = 1;
    else if (parts[2] == "HTTP/1.0")
        request.m_minorVersion = 0;
    else
        return badRequest(QStringLiteral("only HTTP/1.0 and HTTP/1.1 are spoken here"));

    QByteArray target = parts[1];
    if (target.startsWith("http://") || target.startsWith("https://")) {
        const QUrl url = QUrl::fromEncoded(target);
        target = url.path(QUrl::FullyEncoded).toLatin1();
        if (url.hasQuery())
            target += '?' + url.query(QUrl::FullyEncoded).toLatin1();
    }
    if (!target.startsWith('/'))
        return badRequest(QStringLiteral("the request target must be a path"));
    const qsizetype question = target.indexOf('?');
    request.m_path = QUrl::fromPercentEncoding(question < 0 ? target : target.left(question));
    if (question >= 0)
        request.m_query = QUrlQuery(QString::fromLatin1(target.mid(question + 1)));

    for (int index = 1; index < lines.size(); ++index) {
        QByteArray line = lines[index];
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.isEmpty())
            continue;
        // Folded lines and space before the colon are how requests get smuggled past proxies.
        if (line.startsWith(' ') || line.startsWith('\t'))
            return badRequest(QStringLiteral("folded header lines are not accepted"));
        const qsizetype colon = line.indexOf(':');
        const QByteArray name = colon > 0 ? line.left(colon) : QByteArray();
        if (!isToken(name))
            return badRequest(QStringLiteral("malformed header line"));
        const QByteArray key = name.toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (value.contains('\0'))
            return badRequest(QStringLiteral("a header value holds a NUL character"));
        auto existing = request.m_headers.find(key);
        if (existing == request.m_headers.end())
            request.m_headers.insert(key, value);
        else
            existing.value() += ", " + value;
    }

    if (request.hasHeader("content-length")) {
        // Repeated identical values are tolerated (some proxies do that); differing ones are not.
        std::optional<qint64> length;
        for (const QByteArray &item : request.header("content-length").split(',')) {
            const std::optional<qint64> parsed = parseLength(item.trimmed());
            if (!parsed || (length && *length != *parsed))
                return badRequest(QStringLiteral("invalid Content-Length"));
            length = parsed;
        }
        request.m_contentLength = length;
    }
    return request;
}

QString HttpRequest::queryValue(const QString &key) const
{
    return m_query.queryItemValue(key, QUrl::FullyDecoded);
}

QByteArray HttpRequest::header(const QByteArray &name) const
{
    return m_headers.value(name.toLower());
}

bool HttpRequest::hasHeader(const QByteArray &name) const
{
    return m_headers.contains(name.toLower());
}

bool HttpRequest::hasToken(const QByteArray &list, const QByteArray &token)
{
    for (const QByteArray &item : list.split(',')) {
        const QByteArray value = item.split(';').value(0).trimmed().toLower();
        if (value == token)
            return true;
    }
    return false;
}

bool HttpRequest::wantsKeepAlive() const
{
    const QByteArray connection = header("connection");
    if (m_minorVersion == 0)
        return hasToken(connection, "keep-alive");
    return !hasToken(connection, "close");
}

bool HttpRequest::acceptsGzip() const
{
    for (const QByteArray &item : header("accept-encoding").split(',')) {
        const QList<QByteArray> params = item.split(';');
        if (params.value(0).trimmed().toLower() != "gzip")
            continue;
        for (int index = 1; index < params.size(); ++index) {
            const QByteArray param = params[index].trimmed().toLower();
            if (param.startsWith("q=") && param.mid(2).toDouble() <= 0.0)
                return false;
        }
        return true;
    }
    return false;
}

bool HttpRequest::isWebSocketUpgrade() const
{
    return m_method == "GET" && hasToken(header("upgrade"), "websocket") &&
           hasToken(header("connection"), "upgrade");
}

} // namespace fieldsync::server
