#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QUrlQuery>

#include <any>
#include <optional>

namespace fieldsync::server {

// One HTTP/1.x request: the parsed head, then the body (inflated when it was gzip-encoded).
class HttpRequest
{
public:
    // Parses the request line and headers (without the blank line that ends them). Error
    // bad_request with a reason; every line must end in CRLF.
    static Result<HttpRequest> parseHead(const QByteArray &head);
    // The first LF without a CR before it, or CR without an LF after it, in bytes[from, to); -1
    // when there is none. A CR that is the last byte is not judged: its LF may still come.
    static qsizetype findBareLineEnding(const QByteArray &bytes, qsizetype from, qsizetype to);

    const QByteArray &method() const { return m_method; }
    const QString &path() const { return m_path; }
    const QUrlQuery &query() const { return m_query; }
    QString queryValue(const QString &key) const;
    bool hasQueryValue(const QString &key) const { return m_query.hasQueryItem(key); }
    int minorVersion() const { return m_minorVersion; }

    // Header names are case-insensitive; repeated headers are joined with ", ".
    QByteArray header(const QByteArray &name) const;
    bool hasHeader(const QByteArray &name) const;

    // Absent when the request has no Content-Length header.
    std::optional<qint64> contentLength() const { return m_contentLength; }
    bool wantsKeepAlive() const;
    bool acceptsGzip() const;
    bool isWebSocketUpgrade() const;

    const QByteArray &body() const { return m_body; }
    void setBody(QByteArray body) { m_body = std::move(body); }

    // Who sent the request, as a route's guard authenticated them (the user's name); empty for
    // anonymous requests. The HTTP layer's per-client limits count by it.
    const QString &clientKey() const { return m_clientKey; }
    void setClientKey(QString key) { m_clientKey = std::move(key); }

    // What a route's guard learnt from the head (the authenticated user), for its handler.
    const std::any &context() const { return m_context; }
    void setContext(std::any context) { m_context = std::move(context); }

private:
    static bool hasToken(const QByteArray &list, const QByteArray &token);

    QByteArray m_method;
    QString m_path;
    QUrlQuery m_query;
    int m_minorVersion = 1;
    QHash<QByteArray, QByteArray> m_headers; // lower-case names
    std::optional<qint64> m_contentLength;
    QByteArray m_body;
    std::any m_context;
    QString m_clientKey;
};

} // namespace fieldsync::server
