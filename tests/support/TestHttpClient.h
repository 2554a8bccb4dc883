#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QPair>
#include <QUrl>

namespace fieldsync::test {

struct TestHttpResponse
{
    int status = 0;                        // 0 when no HTTP answer came (network error, timeout)
    QByteArray body;                       // inflated, unless the call set Accept-Encoding itself
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QString networkError;                  // empty when an HTTP answer came (whatever its status)

    QJsonObject json() const; // the body as a JSON object ({} when it is not one)
    QByteArray header(const QByteArray &name) const { return headers.value(name.toLower()); }
};

// Blocking HTTP for test code: runs a local event loop until the answer comes (or timeoutMs),
// so it also works next to an in-process server in the same thread. Sends
// `FieldSync-Protocol: 1` and the bearer token when one is set, unless the call's own headers
// set them.
class TestHttpClient
{
public:
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    explicit TestHttpClient(QUrl baseUrl, QString token = {});

    void setToken(const QString &token) { m_token = token; }
    void setTimeoutMs(int timeoutMs) { m_timeoutMs = timeoutMs; }

    TestHttpResponse get(const QString &pathAndQuery, const Headers &headers = {});
    TestHttpResponse post(const QString &path, const QByteArray &body, const Headers &headers = {});
    TestHttpResponse put(const QString &path, const QByteArray &body, const Headers &headers = {})
    {
        return send("PUT", path, body, headers);
    }

private:
    TestHttpResponse send(const QByteArray &method, const QString &pathAndQuery, const QByteArray &body,
                          const Headers &headers);

    QUrl m_baseUrl;
    QString m_token;
    int m_timeoutMs = 30000;
    QNetworkAccessManager m_network;
};

} // namespace fieldsync::test
