#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace fieldsync::server {

// One answer. Bodies are JSON unless a handler says otherwise; every error goes through error(),
// so each one has the protocol's {"error":code,"message":...} shape.
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
    void setHeader(const QByteArray &name, const QByteArray &value);

    // The body's gzip form, made beforehand (empty: none). Sent instead of compressing the body
    // when serialize() would compress it.
    void setGzippedBody(QByteArray gzipped) { m_gzippedBody = std::move(gzipped); }

    // The connection closes after this answer (set for errors that leave the stream unusable).
    bool closesConnection() const { return m_close; }
    void setClosesConnection(bool close) { m_close = close; }

    // Status line, headers and body; the body gzip-compressed when allowed and worth it.
    QByteArray serialize(bool keepAlive, bool gzipAllowed, int gzipThreshold) const;

    static QByteArray reasonPhrase(int status);

private:
    int m_status = 200;
    QByteArray m_body;
    QByteArray m_gzippedBody;
    QByteArray m_contentType = "application/json";
    QList<QPair<QByteArray, QByteArray>> m_headers;
    bool m_close = false;
};

} // namespace fieldsync::server
