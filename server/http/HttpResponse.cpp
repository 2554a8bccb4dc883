#include "HttpResponse.h"

#include "Gzip.h"
#include "protocol/ProtocolInfo.h"

namespace fieldsync::server {

HttpResponse::HttpResponse(int status, QByteArray body, QByteArray contentType)
    : m_status(status)
    , m_body(std::move(body))
    , m_contentType(std::move(contentType))
{}

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

void HttpResponse::setHeader(const QByteArray &name, const QByteArray &value)
{
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
    out += keepAlive ? "Connection: keep-alive\r\n" : "Connection: close\r\n";
    for (const auto &entry : m_headers)
        out += entry.first + ": " + entry.second + "\r\n";
    out += "\r\n";
    out += body;
    return out;
}

QByteArray HttpResponse::reasonPhrase(int status)
{
    switch (status) {
    case 100:
        return "Continue";
    case 200:
        return "OK";
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
    case 408:
        return "Request Timeout";
    case 411:
        return "Length Required";
    case 413:
        return "Content Too Large";
    case 415:
        return "Unsupported Media Type";
    case 426:
        return "Upgrade Required";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

} // namespace fieldsync::server
