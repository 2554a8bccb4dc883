#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace fieldsync::server {

// One answer. Bodies are JSON unless a handler says otherwise; every error goes through error(),
// so each one has the protocol's {"error":code,"message":...} shape.
//
// Header values can come from stored data (an attachment's mime_type), so nothing a handler sets
// reaches the wire unchecked: a value with a control character (CR or LF would end the header and
// let the value write headers or a body of its own) is never sent. See setHeader().
class HttpResponse
{
public:
    HttpResponse() = default;
    HttpResponse(int status, QByteArray body, QByteArray contentType = "application/json");

    static HttpResponse json(int status, QByteArray body);
    static HttpResponse error(int status, const QString &code, const QString &message);

    int status() const { return m_status; }
    const QByteArray &body() const { return m_body; }
    QByteArray header(const QByteArray &name) const;
    // Adds or replaces a header. A name that is not an HTTP token, a value with a control
    // character, or a header serialize() writes itself (Content-Length, Transfer-Encoding,
    // Connection, Content-Encoding) is dropped with a warning: the answer goes out without it.
    // Content-Type sets contentType().
    void setHeader(const QByteArray &name, const QByteArray &value);
    const QByteArray &contentType() const { return m_contentType; }
    // An unsafe type (control characters, not a type/subtype) is replaced by
    // application/octet-stream, which no browser renders.
    void setContentType(const QByteArray &contentType);

    // The body's gzip form, made beforehand (empty: none). Sent instead of compressing the body
    // when serialize() would compress it.
    void setGzippedBody(QByteArray gzipped) { m_gzippedBody = std::move(gzipped); }

    // The connection closes after this answer (set for errors that leave the stream unusable).
    bool closesConnection() const { return m_close; }
    void setClosesConnection(bool close) { m_close = close; }

    // Status line, headers and body; the body gzip-compressed when allowed and worth it.
    QByteArray serialize(bool keepAlive, bool gzipAllowed, int gzipThreshold) const;

    // The standard phrase (RFC 9110), or a generic one for the status class when the code is not
    // in the table; standardReasonPhrase() is empty then.
    static QByteArray reasonPhrase(int status);
    static QByteArray standardReasonPhrase(int status);
    // No control character (HTAB aside) that could end a header line early.
    static bool isSafeHeaderValue(const QByteArray &value);

private:
    int m_status = 200;
    QByteArray m_body;
    QByteArray m_gzippedBody;
    QByteArray m_contentType = "application/json";
    QList<QPair<QByteArray, QByteArray>> m_headers;
    bool m_close = false;
};

} // namespace fieldsync::server
