#include "HttpResponse.h"

#include "Gzip.h"
#include "common/Logging.h"
#include "protocol/ProtocolInfo.h"

#include <algorithm>

namespace fieldsync::server {

namespace {

const QByteArray SafeContentType("application/octet-stream");

bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return QByteArray("!#$%&'*+-.^_`|~").contains(c);
}

bool isToken(const QByteArray &text)
{
    return !text.isEmpty() && std::all_of(text.cbegin(), text.cend(), isTokenChar);
}

// type/subtype, then parameters: anything else is not a media type a client should act on.
bool isSafeContentType(const QByteArray &value)
{
    if (!HttpResponse::isSafeHeaderValue(value))
        return false;
    const QList<QByteArray> typeAndSubtype = value.split(';').value(0).trimmed().split('/');
    return typeAndSubtype.size() == 2 && isToken(typeAndSubtype[0]) && isToken(typeAndSubtype[1]);
}

// serialize() writes these from the body and the connection; a second copy from a handler would
// give the client two framings to choose from.
bool isFramingHeader(const QByteArray &name)
{
    const QByteArray lower = name.toLower();
    return lower == "content-length" || lower == "transfer-encoding" || lower == "connection" ||
           lower == "content-encoding";
}

} // namespace

HttpResponse::HttpResponse(int status, QByteArray body, QByteArray contentType)
    : m_status(status)
    , m_body(std::move(body))
{
    setContentType(contentType);
}

HttpResponse HttpResponse::json(int status, QByteArray body)
{
    return HttpResponse(status, std::move(body));
}

HttpResponse HttpResponse::error(int status, const QString &code, const QString &message)
{
    return HttpResponse(status, protocol::ErrorBody{code, message}.toJson());
}

QByteArray HttpResponse::header(const QByteArray &name) const
{
    for (const auto &entry : m_headers) {
        if (entry.first.compare(name, Qt::CaseInsensitive) == 0)
            return entry.second;
    }
    return {};
}

bool HttpResponse::isSafeHeaderValue(const QByteArray &value)
{
    return std::none_of(value.cbegin(), value.cend(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return (byte < 0x20 && byte != '\t') || byte == 0x7f;
    });
}

void HttpResponse::setContentType(const QByteArray &contentType)
{
    if (isSafeContentType(contentType)) {
        m_contentType = contentType;
        return;
    }
    qCWarning(lcServerHttp).noquote()
        << "unsafe Content-Type replaced by" << SafeContentType << "in a" << m_status
        << "answer:" << contentType.left(80).toPercentEncoding(" /;=");
    m_contentType = SafeContentType;
}

void HttpResponse::setHeader(const QByteArray &name, const QByteArray &value)
{
    if (name.compare("Content-Type", Qt::CaseInsensitive) == 0) {
        setContentType(value);
        return;
    }
    if (!isToken(name) || !isSafeHeaderValue(value) || isFramingHeader(name)) {
        qCWarning(lcServerHttp).noquote()
            << "header dropped from a" << m_status << "answer:" << name.left(80).toPercentEncoding() << "="
            << value.left(80).toPercentEncoding(" /;=");
        return;
    }
    for (auto &entry : m_headers) {
        if (entry.first.compare(name, Qt::CaseInsensitive) == 0) {
            entry.second = value;
            return;
        }
    }
    m_headers.append({name, value});
}

QByteArray HttpResponse::serialize(bool keepAlive, bool gzipAllowed, int gzipThreshold) const
{
    QByteArray body = m_body;
    bool compressed = false;
    if (gzipAllowed && body.size() > gzipThreshold) {
        QByteArray packed = m_gzippedBody.isEmpty() ? Gzip::compress(body) : m_gzippedBody;
        if (!packed.isEmpty()) {
            body = std::move(packed);
            compressed = true;
        }
    }
    QByteArray out;
    out.reserve(body.size() + 256);
    out += "HTTP/1.1 " + QByteArray::number(m_status) + ' ' + reasonPhrase(m_status) + "\r\n";
    out += "Content-Type: " + m_contentType + "\r\n";
    out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    if (compressed)
        out += "Content-Encoding: gzip\r\n";
    out += "Vary: Accept-Encoding\r\n";
    out += QByteArray(protocol::VersionHeader) + ": " + QByteArray::number(protocol::Version) + "\r\n";
    out += "Cache-Control: no-store\r\n";
    // Clients take Content-Type as it is: a stored file's type never turns into a page to run.
    out += "X-Content-Type-Options: nosniff\r\n";
    out += keepAlive ? "Connection: keep-alive\r\n" : "Connection: close\r\n";
    for (const auto &entry : m_headers)
        out += entry.first + ": " + entry.second + "\r\n";
    out += "\r\n";
    out += body;
    return out;
}

QByteArray HttpResponse::reasonPhrase(int status)
{
    const QByteArray standard = standardReasonPhrase(status);
    if (!standard.isEmpty())
        return standard;
    switch (status / 100) {
    case 1:
        return "Informational";
    case 2:
        return "Success";
    case 3:
        return "Redirection";
    case 4:
        return "Client Error";
    default:
        return "Server Error";
    }
}

QByteArray HttpResponse::standardReasonPhrase(int status)
{
    switch (status) {
    case 100:
        return "Continue";
    case 101:
        return "Switching Protocols";
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 202:
        return "Accepted";
    case 204:
        return "No Content";
    case 206:
        return "Partial Content";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 304:
        return "Not Modified";
    case 307:
        return "Temporary Redirect";
    case 308:
        return "Permanent Redirect";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 406:
        return "Not Acceptable";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 410:
        return "Gone";
    case 411:
        return "Length Required";
    case 412:
        return "Precondition Failed";
    case 413:
        return "Content Too Large";
    case 414:
        return "URI Too Long";
    case 415:
        return "Unsupported Media Type";
    case 416:
        return "Range Not Satisfiable";
    case 417:
        return "Expectation Failed";
    case 421:
        return "Misdirected Request";
    case 422:
        return "Unprocessable Content";
    case 426:
        return "Upgrade Required";
    case 428:
        return "Precondition Required";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    case 505:
        return "HTTP Version Not Supported";
    default:
        return {};
    }
}

} // namespace fieldsync::server
