// Running the server for real: JSON log lines, graceful shutdown on SIGTERM (requests in flight
// are answered, new connections refused, WebSockets closed with a reason), and HTTPS with the
// client verifying the certificate, trusting a company CA, and honouring a pin.

#include "RawHttp.h"
#include "ServerProcess.h"
#include "TestCertificate.h"
#include "TestHttpClient.h"
#include "sync/SyncApiClient.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>
#include <QWebSocket>

using namespace fieldsync;
using namespace fieldsync::server::testing;
using fieldsync::test::ServerProcess;
using fieldsync::test::TestCertificate;
using fieldsync::test::TestHttpClient;
using fieldsync::test::TestHttpResponse;

namespace {

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QByteArray createTaskPush(const QString &title)
{
    const QJsonObject change{
        {QStringLiteral("offline_id"), newId()},
        {QStringLiteral("entity"), QStringLiteral("task")},
        {QStringLiteral("op"), QStringLiteral("create")},
        {QStringLiteral("id"), newId()},
        {QStringLiteral("client_version"), 0},
        {QStringLiteral("data"), QJsonObject{{QStringLiteral("title"), title},
                                             {QStringLiteral("project_id"), QStringLiteral("p1")}}}};
    return QJsonDocument(QJsonObject{{QStringLiteral("device_id"), QStringLiteral("tablet-1")},
                                     {QStringLiteral("changes"), QJsonArray{change}}})
        .toJson(QJsonDocument::Compact);
}

// Waits for one SyncApiClient call; its result.
template<typename T, typename Call> ApiResult<T> await(Call call)
{
    std::optional<ApiResult<T>> result;
    call([&result](const ApiResult<T> &answer) { result = answer; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 20000)) {
        ApiError timeout;
        timeout.code = QStringLiteral("test_timeout");
        return timeout;
    }
    return *result;
}

} // namespace

class ServerOpsTest : public QObject
{
    Q_OBJECT

private:
    TestCertificate m_tls;
    bool m_tlsReady = false;

    bool makeCertificate()
    {
        if (!m_tlsReady)
            m_tlsReady = m_tls.create().ok();
        return m_tlsReady;
    }

private Q_SLOTS:
    void logsAreJsonLinesWithoutTokens()
    {
        ServerProcess server({QStringLiteral("--log-format"), QStringLiteral("json")});
        QVERIFY2(server.start().ok(), qPrintable(server.logs()));
        const Result<QString> token =
            server.addUser(QStringLiteral("ana"), QStringLiteral("foreman"), {QStringLiteral("p1")});
        QVERIFY(token.ok());
        TestHttpClient http(server.url(), token.value());
        QCOMPARE(
            http.post(QStringLiteral("/api/v1/sync/push"), createTaskPush(QStringLiteral("Logged"))).status,
            200);
        QCOMPARE(TestHttpClient(server.url(), token.value() + QStringLiteral("x"))
                     .get(QStringLiteral("/api/v1/me"))
                     .status,
                 401);
        QVERIFY(server.stop().ok());

        const QStringList lines = server.logs().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY(lines.size() >= 3);
        bool sawPush = false;
        for (const QString &line : lines) {
            QJsonParseError error{};
            const QJsonDocument document = QJsonDocument::fromJson(line.toUtf8(), &error);
            QVERIFY2(error.error == QJsonParseError::NoError && document.isObject(), qPrintable(line));
            const QJsonObject object = document.object();
            for (const char *field : {"time", "level", "category", "message"})
                QVERIFY2(object.value(QLatin1String(field)).isString(), qPrintable(line));
            sawPush = sawPush ||
                      object.value(QStringLiteral("message")).toString().startsWith(QLatin1String("push by"));
            QVERIFY(!line.contains(token.value()));
            QVERIFY(!line.contains(QStringLiteral("Logged"))); // record content stays out of logs
        }
        QVERIFY(sawPush);
    }

    void sigtermFinishesTheRequestInFlightAndRefusesNewOnes()
    {
        ServerProcess server;
        QVERIFY2(server.start().ok(), qPrintable(server.logs()));
        const Result<QString> token =
            server.addUser(QStringLiteral("ana"), QStringLiteral("foreman"), {QStringLiteral("p1")});
        QVERIFY(token.ok());

        RawHttp idle; // a keep-alive connection between requests: closed at once
        QVERIFY(idle.connectTo(server.port()));
        RawHttp inFlight; // a push whose body is still arriving when SIGTERM comes
        QVERIFY(inFlight.connectTo(server.port()));
        const QByteArray body = createTaskPush(QStringLiteral("Sent during shutdown"));
        inFlight.send("POST /api/v1/sync/push HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
                      token.value().toLatin1() + "\r\nContent-Type: application/json\r\nContent-Length: " +
                      QByteArray::number(body.size()) + "\r\n\r\n" + body.left(10));
        QTest::qWait(200);

        server.terminate();
        QVERIFY(idle.waitForClosed(5000));
        // No new connections once shutting down.
        QTest::qWait(200);
        RawHttp late;
        const bool connected = late.connectTo(server.port(), 1000);
        if (connected) {
            late.send("GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n");
            QVERIFY(!late.readResponse(1000).has_value());
        }

        inFlight.send(body.mid(10));
        const std::optional<RawResponse> answer = inFlight.readResponse(10000);
        QVERIFY(answer.has_value());
        QCOMPARE(answer->status, 200);
        QCOMPARE(answer->header("connection"), QByteArray("close"));
        QCOMPARE(
            QJsonDocument::fromJson(answer->body).object().value(QStringLiteral("applied")).toArray().size(),
            1);
        QCOMPARE(server.waitForExit(15000), 0);

        // The answered push is stored.
        QVERIFY(server.restart().ok());
        const TestHttpResponse pulled =
            TestHttpClient(server.url(), token.value()).get(QStringLiteral("/api/v1/sync/pull"));
        QVERIFY(pulled.body.contains("Sent during shutdown"));
    }

    void sigtermClosesWebSocketsWithAReason()
    {
        ServerProcess server;
        QVERIFY2(server.start().ok(), qPrintable(server.logs()));
        const Result<QString> token =
            server.addUser(QStringLiteral("ana"), QStringLiteral("foreman"), {QStringLiteral("p1")});
        QVERIFY(token.ok());
        QWebSocket socket;
        QNetworkRequest request(
            QUrl(QStringLiteral("ws://127.0.0.1:%1/api/v1/sync/events").arg(server.port())));
        request.setRawHeader("Authorization", "Bearer " + token.value().toLatin1());
        request.setRawHeader("FieldSync-Protocol", "1");
        socket.open(request);
        if (!QTest::qWaitFor([&] { return socket.state() == QAbstractSocket::ConnectedState; }, 5000))
            QFAIL("the events WebSocket did not connect");
        QSignalSpy closed(&socket, &QWebSocket::disconnected);
        server.terminate();
        QVERIFY(closed.wait(10000));
        QCOMPARE(socket.closeCode(), QWebSocketProtocol::CloseCodeGoingAway);
        QVERIFY(!socket.closeReason().isEmpty());
        QCOMPARE(server.waitForExit(15000), 0);
    }

    void httpsIsVerifiedAndPinsAreHonoured()
    {
        if (!makeCertificate())
            QFAIL("cannot make a test certificate: openssl is missing (scripts/install-deps.sh installs it)");
        ServerProcess server(m_tls.serverArguments());
        QVERIFY2(server.start().ok(), qPrintable(server.logs()));
        QCOMPARE(server.url().scheme(), QStringLiteral("https"));
        const Result<QString> token =
            server.addUser(QStringLiteral("ana"), QStringLiteral("foreman"), {QStringLiteral("p1")});
        QVERIFY(token.ok());
        const QList<QSslCertificate> certificates = QSslCertificate::fromPath(m_tls.certificatePath());
        QCOMPARE(certificates.size(), 1);

        // A self-signed certificate nobody vouches for is refused...
        SyncApiClient plain;
        plain.setServer(server.url(), token.value());
        const ApiResult<protocol::MeResponse> untrusted =
            await<protocol::MeResponse>([&](auto done) { plain.me(done); });
        QVERIFY(!untrusted.ok());
        QCOMPARE(untrusted.error().code, QStringLiteral("tls"));

        // ... unless it is the pinned one ...
        SyncApiClient pinned;
        pinned.setServer(server.url(), token.value());
        TlsPolicy pin;
        const Result<QByteArray> fingerprint =
            TlsPolicy::parseFingerprint(TlsPolicy::fingerprintOf(certificates.first()));
        QVERIFY(fingerprint.ok());
        pin.setPinnedSha256(fingerprint.value());
        pinned.setTlsPolicy(pin);
        const ApiResult<protocol::MeResponse> me =
            await<protocol::MeResponse>([&](auto done) { pinned.me(done); });
        QVERIFY2(me.ok(), qPrintable(me.ok() ? QString() : me.error().describe()));
        QCOMPARE(me.value().user, QStringLiteral("ana"));

        // ... or a CA the company trusts signed it.
        SyncApiClient companyCa;
        companyCa.setServer(server.url(), token.value());
        TlsPolicy ca;
        QVERIFY(ca.addCaCertificatesFromFile(m_tls.certificatePath()).ok());
        companyCa.setTlsPolicy(ca);
        QVERIFY(await<protocol::HealthResponse>([&](auto done) { companyCa.health(done); }).ok());

        // A pin refuses every other certificate, even one that verifies.
        SyncApiClient wrongPin;
        wrongPin.setServer(server.url(), token.value());
        TlsPolicy other = ca;
        other.setPinnedSha256(QByteArray(32, '\x42'));
        wrongPin.setTlsPolicy(other);
        const ApiResult<protocol::MeResponse> refused =
            await<protocol::MeResponse>([&](auto done) { wrongPin.me(done); });
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, QStringLiteral("tls"));
        QVERIFY(refused.error().message.contains(QStringLiteral("pinned")));

        // Plain HTTP gets no answer from the TLS port.
        RawHttp raw;
        QVERIFY(raw.connectTo(server.port()));
        raw.send("GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY(!raw.readResponse(2000).has_value());

        QVERIFY(!TlsPolicy::parseFingerprint(QStringLiteral("12:34")).ok());
    }

    void aKeyThatIsNotTheCertificatesIsRefusedAtStart_data()
    {
        QTest::addColumn<int>("otherKeyType");
        QTest::newRow("EC certificate, key of another EC pair") << int(TestCertificate::KeyType::Ec);
        QTest::newRow("EC certificate, RSA key") << int(TestCertificate::KeyType::Rsa);
    }

    void aKeyThatIsNotTheCertificatesIsRefusedAtStart()
    {
        // Both load as PEM; only a handshake shows that they do not belong together. Served, every
        // client's handshake would fail while the server said it was listening.
        QFETCH(int, otherKeyType);
        if (!makeCertificate())
            QFAIL("cannot make a test certificate: openssl is missing (scripts/install-deps.sh installs it)");
        TestCertificate other;
        QVERIFY(other.create(TestCertificate::KeyType(otherKeyType)).ok());
        QTemporaryDir dir;
        QProcess process;
        process.start(ServerProcess::serverBinary(),
                      {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--db"),
                       dir.filePath(QStringLiteral("s.db")), QStringLiteral("--tls-cert"),
                       m_tls.certificatePath(), QStringLiteral("--tls-key"), other.keyPath()});
        QVERIFY(process.waitForFinished(15000));
        QCOMPARE(process.exitCode(), 1);
        QVERIFY(!process.readAllStandardOutput().contains("listening on"));
        const QStringList errors = QString::fromUtf8(process.readAllStandardError())
                                       .split(QLatin1Char('\n'), Qt::SkipEmptyParts)
                                       .filter(QStringLiteral("fieldsync-server: "));
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors.first().contains(QStringLiteral("do not work together")), qPrintable(errors.first()));
        QVERIFY(errors.first().contains(m_tls.certificatePath()));
        QVERIFY(errors.first().contains(other.keyPath()));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("s.db")))); // refused before the database

        // The other pair on its own is fine: the check refuses mismatches, not RSA or a second key.
        ServerProcess matching(other.serverArguments());
        const Result<void> started = matching.start();
        QVERIFY2(started.ok(), qPrintable(started ? QString() : started.error().toString()));
        QCOMPARE(matching.url().scheme(), QStringLiteral("https"));
    }

    void aFailedHandshakeIsLoggedOnceWithThePeer()
    {
        if (!makeCertificate())
            QFAIL("cannot make a test certificate: openssl is missing (scripts/install-deps.sh installs it)");
        ServerProcess server(m_tls.serverArguments());
        const Result<void> started = server.start();
        QVERIFY2(started.ok(), qPrintable(started ? QString() : started.error().toString()));
        RawHttp raw;
        QVERIFY(raw.connectTo(server.port()));
        raw.send("GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY(raw.waitForClosed(5000));
        QVERIFY(
            QTest::qWaitFor([&] { return server.logs().contains(QStringLiteral("TLS handshake")); }, 5000));
        QTest::qWait(200); // a second line for the same connection would come now
        const QString logs = server.logs();
        QCOMPARE(logs.count(QStringLiteral("TLS handshake with 127.0.0.1:")), 1);
        QVERIFY2(logs.contains(QStringLiteral("failed:")), qPrintable(logs));
        QVERIFY(server.stop().ok());
    }

    void tlsAllowsServingOffLoopbackWithoutInsecure()
    {
        if (!makeCertificate())
            QFAIL("cannot make a test certificate: openssl is missing (scripts/install-deps.sh installs it)");
        QTemporaryDir dir;
        QProcess process;
        process.start(ServerProcess::serverBinary(),
                      {QStringLiteral("--listen"), QStringLiteral("0.0.0.0:0"), QStringLiteral("--db"),
                       dir.filePath(QStringLiteral("s.db")), QStringLiteral("--tls-cert"),
                       m_tls.certificatePath(), QStringLiteral("--tls-key"), m_tls.keyPath()});
        QVERIFY(QTest::qWaitFor(
            [&] { return process.canReadLine() || process.state() == QProcess::NotRunning; }, 15000));
        QVERIFY(process.readLine().startsWith("listening on https://0.0.0.0:"));
        process.terminate();
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(ServerOpsTest)
#include "tst_serverops.moc"
