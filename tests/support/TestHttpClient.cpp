#include "TestHttpClient.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

namespace fieldsync::test {

QJsonObject TestHttpResponse::json() const
{
    return QJsonDocument::fromJson(body).object();
}

TestHttpClient::TestHttpClient(QUrl baseUrl, QString token)
    : m_baseUrl(std::move(baseUrl))
    , m_token(std::move(token))
{}

TestHttpResponse TestHttpClient::get(const QString &pathAndQuery, const Headers &headers)
{
    return send("GET", pathAndQuery, {}, headers);
}

TestHttpResponse TestHttpClient::post(const QString &path, const QByteArray &body, const Headers &headers)
{
    return send("POST", path, body, headers);
}

TestHttpResponse TestHttpClient::send(const QByteArray &method, const QString &pathAndQuery,
                                      const QByteArray &body, const Headers &headers)
{
    QNetworkRequest request(m_baseUrl.resolved(QUrl(pathAndQuery)));
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    auto hasHeader = [&headers](const QByteArray &name) {
        for (const auto &header : headers) {
            if (header.first.compare(name, Qt::CaseInsensitive) == 0)
                return true;
        }
        return false;
    };
    if (!hasHeader("FieldSync-Protocol"))
        request.setRawHeader("FieldSync-Protocol", "1");
    if (!m_token.isEmpty() && !hasHeader("Authorization"))
        request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    if (!body.isEmpty() && !hasHeader("Content-Type"))
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    for (const auto &header : headers)
        request.setRawHeader(header.first, header.second);

    QNetworkReply *reply = m_network.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    timer.start(m_timeoutMs);
    if (!reply->isFinished())
        loop.exec();

    TestHttpResponse response;
    if (!reply->isFinished()) {
        reply->abort();
        response.networkError = QStringLiteral("timed out after %1 ms").arg(m_timeoutMs);
    } else {
        response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        response.body = reply->readAll();
        for (const auto &pair : reply->rawHeaderPairs())
            response.headers.insert(pair.first.toLower(), pair.second);
        if (response.status == 0)
            response.networkError = reply->errorString();
    }
    reply->deleteLater();
    return response;
}

} // namespace fieldsync::test
