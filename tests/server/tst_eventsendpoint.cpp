// The events fan-out in-process: EventHub's rules, and EventsEndpoint on a real HttpServer with a
// short ping interval (dead sockets, revoked tokens, changed memberships, the connection caps in
// all and per user, the rate limit, and the answers told to the metrics).
#include "api/ApiRoutes.h"
#include "auth/Authenticator.h"
#include "auth/Tokens.h"
#include "events/EventHub.h"
#include "events/EventsEndpoint.h"
#include "http/HttpServer.h"
#include "http/RateLimiter.h"
#include "http/Router.h"
#include "store/ServerDatabase.h"
#include "store/UserRepository.h"
#include "sync/PullService.h"
#include "sync/PushService.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

using namespace fieldsync;
using namespace fieldsync::server;

class EventsEndpointTest : public QObject
{
    Q_OBJECT

private:
    // A WebSocket upgrade written by hand, to see the server's answer as it is on the wire.
    bool sendRawUpgrade(QTcpSocket &raw, const QString &token)
    {
        raw.connectToHost(QHostAddress::LocalHost, m_http->port());
        if (!raw.waitForConnected(3000))
            return false;
        raw.write("GET /api/v1/sync/events HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                  "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                  "Sec-WebSocket-Version: 13\r\nAuthorization: Bearer " +
                  token.toLatin1() + "\r\n\r\n");
        return true;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<ServerDatabase> m_db;
    std::unique_ptr<Authenticator> m_authenticator;
    std::unique_ptr<PushService> m_push;
    std::unique_ptr<PullService> m_pull;
    std::unique_ptr<RateLimiter> m_rateLimiter;
    std::unique_ptr<ApiRoutes> m_routes;
    std::unique_ptr<EventHub> m_hub;
    std::unique_ptr<EventsEndpoint> m_endpoint;
    std::unique_ptr<Router> m_router;
    std::unique_ptr<HttpServer> m_http;
    int m_databases = 0;
    QList<int> m_answers; // statuses the endpoint told its request observer, in order

    // The endpoint as the server builds it: the API's guard (with a rate limit of burst
    // requests) in front of it.
    void startEndpoint(EventsEndpoint::Options options, double burst = 1000)
    {
        m_http.reset();
        m_endpoint.reset();
        m_rateLimiter = std::make_unique<RateLimiter>(RateLimiter::Settings{burst, 0.001});
        ApiRoutes::Options routeOptions;
        routeOptions.rateLimiter = m_rateLimiter.get();
        m_routes = std::make_unique<ApiRoutes>(*m_authenticator, *m_push, *m_pull, routeOptions);
        m_endpoint = std::make_unique<EventsEndpoint>(*m_authenticator, *m_hub,
                                                      m_routes->authenticatedGuard(), options);
        m_endpoint->setRequestObserver([this](const QString &path, int status, double seconds) {
            QCOMPARE(path, QStringLiteral("/api/v1/sync/events"));
            QVERIFY(seconds >= 0);
            m_answers.append(status);
        });
        m_router = std::make_unique<Router>();
        m_http = std::make_unique<HttpServer>(*m_router, HttpLimits());
        m_endpoint->install(*m_http);
        QVERIFY(m_http->listen(QHostAddress::LocalHost, 0).ok());
    }

    static bool waitRefused(QWebSocket &socket, const QString &status)
    {
        QSignalSpy failed(&socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error));
        if (!failed.wait(3000))
            return false;
        if (!socket.errorString().contains(status)) {
            qWarning() << "refused with" << socket.errorString() << "instead of" << status;
            return false;
        }
        return true;
    }

    QString addUser(const QString &name, const QStringList &projects)
    {
        const QString token = Tokens::generate();
        if (!UserRepository(*m_db).addUser(name, Role::Foreman, projects, Tokens::hash(token)).ok())
            return {};
        return token;
    }

    std::unique_ptr<QWebSocket> open(const QString &token, const QByteArray &protocol = "1")
    {
        auto socket = std::make_unique<QWebSocket>();
        QNetworkRequest request(
            QUrl(QStringLiteral("ws://127.0.0.1:%1/api/v1/sync/events").arg(m_http->port())));
        request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
        request.setRawHeader("FieldSync-Protocol", protocol);
        socket->open(request);
        return socket;
    }

    static bool waitConnected(QWebSocket &socket)
    {
        return QTest::qWaitFor([&] { return socket.state() == QAbstractSocket::ConnectedState; }, 3000);
    }

    static QList<qint64> cursors(const QSignalSpy &messages)
    {
        QList<qint64> cursors;
        for (const QList<QVariant> &message : messages)
            cursors.append(QJsonDocument::fromJson(message.first().toString().toUtf8())
                               .object()
                               .value(QStringLiteral("cursor"))
                               .toInteger());
        return cursors;
    }

private slots:
    void init()
    {
        m_db = std::make_unique<ServerDatabase>();
        QVERIFY(m_db->open(m_dir.filePath(QStringLiteral("server%1.db").arg(++m_databases))).ok());
        m_authenticator = std::make_unique<Authenticator>(*m_db);
        m_push = std::make_unique<PushService>(*m_db);
        m_pull = std::make_unique<PullService>(*m_db);
        m_hub = std::make_unique<EventHub>();
        m_answers.clear();
        EventsEndpoint::Options options;
        options.pingIntervalMs = 100;
        options.maxConnections = 3;
        startEndpoint(options);
    }

    void cleanup()
    {
        m_http.reset();
        m_endpoint.reset();
        m_router.reset();
        m_routes.reset();
        m_rateLimiter.reset();
        m_hub.reset();
        m_pull.reset();
        m_push.reset();
        m_authenticator.reset();
        m_db.reset();
    }

    void theHubTellsItsProjectsButNeverTheOrigin()
    {
        QList<QString> told;
        const auto subscriber = [&](const QString &name, const QStringList &projects, const QString &device) {
            return m_hub->subscribe({projects, device, [&told, name](const protocol::ServerEvent &event) {
                                         QCOMPARE(event.type, protocol::ServerEvent::Changes);
                                         told.append(name + QLatin1Char('@') + QString::number(event.cursor));
                                     }});
        };
        subscriber(QStringLiteral("pusher"), {QStringLiteral("p1")}, QStringLiteral("dev-1"));
        subscriber(QStringLiteral("colleague"), {QStringLiteral("p1"), QStringLiteral("p2")},
                   QStringLiteral("dev-2"));
        subscriber(QStringLiteral("elsewhere"), {QStringLiteral("p3")}, QStringLiteral("dev-3"));
        QCOMPARE(m_hub->publish({QStringLiteral("p2"), QStringLiteral("p1")}, 7, QStringLiteral("dev-1")), 1);
        QCOMPARE(told, QList<QString>{QStringLiteral("colleague@7")});
        QCOMPARE(m_hub->publish({}, 8), 0);
        QCOMPARE(m_hub->publishAll(9), 3);

        CommittedPush nothingWritten;
        nothingWritten.projects = {QStringLiteral("p3")};
        nothingWritten.cursor = 10;
        nothingWritten.wrote = false; // a replay: nothing anybody could pull
        m_hub->pushCommitted(nothingWritten);
        QVERIFY(!told.contains(QStringLiteral("elsewhere@10")));
    }

    void aSubscriberMayLeaveWhileBeingTold()
    {
        int calls = 0;
        int second = 0;
        const int first = m_hub->subscribe({{QStringLiteral("p1")}, {}, [&](const protocol::ServerEvent &) {
                                                ++calls;
                                                m_hub->unsubscribe(second);
                                            }});
        second =
            m_hub->subscribe({{QStringLiteral("p1")}, {}, [&](const protocol::ServerEvent &) { ++calls; }});
        m_hub->publish({QStringLiteral("p1")}, 1);
        QVERIFY(calls == 1 || calls == 2); // order is unspecified; no crash, no call after leaving
        m_hub->unsubscribe(first);
        QCOMPARE(m_hub->subscriberCount(), 0);
    }

    void aRevokedTokenLosesItsSocketAtTheNextPing()
    {
        const QString token = addUser(QStringLiteral("ana"), {QStringLiteral("p1")});
        auto socket = open(token);
        QVERIFY(waitConnected(*socket));
        QTRY_COMPARE_WITH_TIMEOUT(m_endpoint->connectionCount(), 1, 2000);
        QSignalSpy closed(socket.get(), &QWebSocket::disconnected);
        QVERIFY(UserRepository(*m_db).setRevoked(QStringLiteral("ana"), true).ok());
        QVERIFY(closed.wait(2000));
        QCOMPARE(socket->closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
        QCOMPARE(m_endpoint->connectionCount(), 0);
        QCOMPARE(m_hub->subscriberCount(), 0);
    }

    void aSocketThatStopsAnsweringPingsIsClosed()
    {
        const QString token = addUser(QStringLiteral("ben"), {QStringLiteral("p1")});
        // A raw client: it completes the handshake and then never answers anything, as a device
        // whose Wi-Fi died without a word would.
        QTcpSocket raw;
        QVERIFY(sendRawUpgrade(raw, token));
        QByteArray received;
        QVERIFY(QTest::qWaitFor(
            [&] {
                received += raw.readAll();
                return received.contains("\r\n\r\n");
            },
            3000));
        QVERIFY2(received.startsWith("HTTP/1.1 101"), received.constData());
        QTRY_COMPARE_WITH_TIMEOUT(m_endpoint->connectionCount(), 1, 2000);
        QVERIFY(QTest::qWaitFor([&] { return raw.state() == QAbstractSocket::UnconnectedState; }, 2000));
        QCOMPARE(m_endpoint->connectionCount(), 0);
    }

    void membershipChangesCountFromTheNextPing()
    {
        const QString token = addUser(QStringLiteral("carl"), {QStringLiteral("p1")});
        auto socket = open(token);
        QSignalSpy messages(socket.get(), &QWebSocket::textMessageReceived);
        QVERIFY(waitConnected(*socket));
        QTRY_COMPARE_WITH_TIMEOUT(m_endpoint->connectionCount(), 1, 2000);
        m_hub->publish({QStringLiteral("p2")}, 5);
        QTest::qWait(50);
        QVERIFY(messages.isEmpty());
        QVERIFY(UserRepository(*m_db)
                    .ensureUser(QStringLiteral("carl"), Role::Foreman, {QStringLiteral("p2")},
                                Tokens::hash(token))
                    .ok());
        QTest::qWait(250); // two ping intervals
        m_hub->publish({QStringLiteral("p2")}, 6);
        QTRY_COMPARE_WITH_TIMEOUT(cursors(messages), QList<qint64>{6}, 2000);
        // Cursors only grow: an older one tells nothing new.
        m_hub->publish({QStringLiteral("p1")}, 4);
        QTest::qWait(100);
        QCOMPARE(cursors(messages), QList<qint64>{6});
    }

    void pastTheCapANewSocketGets503()
    {
        const QString token = addUser(QStringLiteral("dora"), {QStringLiteral("p1")});
        std::vector<std::unique_ptr<QWebSocket>> sockets;
        for (int i = 0; i < 3; ++i) {
            sockets.push_back(open(token));
            QVERIFY(waitConnected(*sockets.back()));
        }
        QTRY_COMPARE_WITH_TIMEOUT(m_endpoint->connectionCount(), 3, 2000);
        auto refused = open(token);
        QSignalSpy failed(refused.get(), qOverload<QAbstractSocket::SocketError>(&QWebSocket::error));
        QVERIFY(failed.wait(3000));
        QVERIFY2(refused->errorString().contains(QLatin1String("503")), qPrintable(refused->errorString()));
    }

    void pastItsCapAUserGets429AndOthersStillConnect()
    {
        EventsEndpoint::Options options;
        options.maxConnectionsPerUser = 2;
        options.maxConnections = 3;
        startEndpoint(options);
        const QString greedy = addUser(QStringLiteral("gus"), {QStringLiteral("p1")});
        const QString modest = addUser(QStringLiteral("mia"), {QStringLiteral("p1")});
        std::vector<std::unique_ptr<QWebSocket>> sockets;
        for (int i = 0; i < 2; ++i) {
            sockets.push_back(open(greedy));
            QVERIFY(waitConnected(*sockets.back()));
        }
        auto refused = open(greedy);
        QVERIFY(waitRefused(*refused, QStringLiteral("429")));
        // Another user still gets the socket the greedy one could not take.
        auto other = open(modest);
        QVERIFY(waitConnected(*other));
        QTRY_COMPARE_WITH_TIMEOUT(m_endpoint->connectionCount(), 3, 2000);
        // A socket closed gives its user room again.
        sockets.pop_back();
        QTRY_COMPARE_WITH_TIMEOUT(m_endpoint->connectionCount(), 2, 2000);
        auto again = open(greedy);
        QVERIFY(waitConnected(*again));
    }

    void anUpgradeCountsAgainstTheRateLimit()
    {
        EventsEndpoint::Options options;
        startEndpoint(options, 2); // a burst of two, hardly refilled
        const QString token = addUser(QStringLiteral("hal"), {QStringLiteral("p1")});
        auto first = open(token);
        QVERIFY(waitConnected(*first));
        auto second = open(token);
        QVERIFY(waitConnected(*second));
        auto third = open(token);
        QVERIFY(waitRefused(*third, QStringLiteral("429")));
        // Raw, to see the answer itself: JSON, with Retry-After.
        QTcpSocket raw;
        QVERIFY(sendRawUpgrade(raw, token));
        QByteArray received;
        QVERIFY(QTest::qWaitFor(
            [&] {
                received += raw.readAll();
                return raw.state() == QAbstractSocket::UnconnectedState || received.contains("}");
            },
            3000));
        QVERIFY2(received.startsWith("HTTP/1.1 429"), received.constData());
        QVERIFY(received.toLower().contains("\r\nretry-after: "));
        QVERIFY(received.contains("\"error\":\"rate_limited\""));
        QCOMPARE(m_endpoint->connectionCount(), 2);
    }

    void everyUpgradeAnswerIsToldToTheObserver()
    {
        const QString token = addUser(QStringLiteral("ida"), {QStringLiteral("p1")});
        auto anonymous = open(QString());
        QVERIFY(waitRefused(*anonymous, QStringLiteral("401")));
        auto newer = open(token, "2");
        QVERIFY(waitRefused(*newer, QStringLiteral("426")));
        std::vector<std::unique_ptr<QWebSocket>> sockets;
        for (int i = 0; i < 3; ++i) {
            sockets.push_back(open(token));
            QVERIFY(waitConnected(*sockets.back()));
        }
        auto busy = open(token);
        QVERIFY(waitRefused(*busy, QStringLiteral("503")));
        QTRY_COMPARE_WITH_TIMEOUT(m_answers, (QList<int>{401, 426, 101, 101, 101, 503}), 2000);
    }

    void anotherProtocolVersionGets426AndNoTokenGets401()
    {
        const QString token = addUser(QStringLiteral("eve"), {QStringLiteral("p1")});
        auto newer = open(token, "2");
        QSignalSpy newerFailed(newer.get(), qOverload<QAbstractSocket::SocketError>(&QWebSocket::error));
        QVERIFY(newerFailed.wait(3000));
        QVERIFY2(newer->errorString().contains(QLatin1String("426")), qPrintable(newer->errorString()));
        auto anonymous = open(QString());
        QSignalSpy anonymousFailed(anonymous.get(),
                                   qOverload<QAbstractSocket::SocketError>(&QWebSocket::error));
        QVERIFY(anonymousFailed.wait(3000));
        QVERIFY2(anonymous->errorString().contains(QLatin1String("401")),
                 qPrintable(anonymous->errorString()));
        QCOMPARE(m_endpoint->connectionCount(), 0);
    }

    void closeAllSaysGoingAway()
    {
        const QString token = addUser(QStringLiteral("fay"), {QStringLiteral("p1")});
        auto socket = open(token);
        QVERIFY(waitConnected(*socket));
        QTRY_COMPARE_WITH_TIMEOUT(m_endpoint->connectionCount(), 1, 2000);
        QSignalSpy closed(socket.get(), &QWebSocket::disconnected);
        m_endpoint->closeAll();
        QVERIFY(closed.wait(2000));
        QCOMPARE(socket->closeCode(), QWebSocketProtocol::CloseCodeGoingAway);
        QCOMPARE(m_hub->subscriberCount(), 0);
    }
};

QTEST_GUILESS_MAIN(EventsEndpointTest)
#include "tst_eventsendpoint.moc"
