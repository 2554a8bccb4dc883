// The real fieldsync-server process over HTTP: auth, protocol version, errors as JSON, bodies
// refused before they are read, gzip, keep-alive.

#include "RawHttp.h"
#include "ServerProcess.h"
#include "TestHttpClient.h"
#include "http/Gzip.h"
#include "protocol/ProtocolInfo.h"
#include "protocol/PullMessages.h"
#include "protocol/PushMessages.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QUuid>

using namespace fieldsync;
using namespace fieldsync::server::testing;
using fieldsync::test::ServerProcess;
using fieldsync::test::TestHttpClient;
using fieldsync::test::TestHttpResponse;

namespace {

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QJsonObject createTaskChange(const QString &title, const QString &project)
{
    return QJsonObject{{QStringLiteral("offline_id"), newId()},
                       {QStringLiteral("entity"), QStringLiteral("task")},
                       {QStringLiteral("op"), QStringLiteral("create")},
                       {QStringLiteral("id"), newId()},
                       {QStringLiteral("client_version"), 0},
                       {QStringLiteral("data"), QJsonObject{{QStringLiteral("title"), title},
                                                            {QStringLiteral("project_id"), project}}}};
}

QByteArray pushOf(const QJsonArray &changes)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("device_id"), QStringLiteral("tablet-1")},
                                     {QStringLiteral("client_time"), QStringLiteral("2026-11-21T10:30:00Z")},
                                     {QStringLiteral("changes"), changes}})
        .toJson(QJsonDocument::Compact);
}

QByteArray createTaskPush(const QString &title, const QString &project = QStringLiteral("p1"))
{
    return pushOf(QJsonArray{createTaskChange(title, project)});
}

QString errorCode(const TestHttpResponse &response)
{
    return response.json().value(QStringLiteral("error")).toString();
}

} // namespace

class ServerApiTest : public QObject
{
    Q_OBJECT

private:
    TestHttpClient client(const QString &token = {}) { return TestHttpClient(m_server.url(), token); }

    protocol::PullResponse pull(const QString &token, qint64 cursor = 0)
    {
        TestHttpClient http = client(token);
        const TestHttpResponse response =
            http.get(QStringLiteral("/api/v1/sync/pull?cursor=%1&limit=1000").arg(cursor));
        if (response.status != 200) {
            QTest::qFail(qPrintable(QStringLiteral("pull failed: %1 %2")
                                        .arg(response.status)
                                        .arg(QString::fromUtf8(response.body))),
                         __FILE__, __LINE__);
            return {};
        }
        const Result<protocol::PullResponse> decoded = protocol::PullResponse::fromJson(response.body);
        if (!decoded)
            QTest::qFail(qPrintable(decoded.error().toString()), __FILE__, __LINE__);
        return decoded ? decoded.value() : protocol::PullResponse{};
    }

    void verifyStillServing()
    {
        TestHttpClient http = client();
        QCOMPARE(http.get(QStringLiteral("/api/v1/health")).status, 200);
    }

    ServerProcess m_server;
    QString m_foreman;
    QString m_pm;
    QString m_outsider;

private Q_SLOTS:
    void initTestCase()
    {
        // add-user works on a fresh database, before any server ran on it.
        const Result<QString> foreman =
            m_server.addUser(QStringLiteral("fiona"), QStringLiteral("foreman"), {QStringLiteral("p1")});
        QVERIFY2(foreman.ok(), qPrintable(foreman ? QString() : foreman.error().toString()));
        m_foreman = foreman.value();
        const Result<void> started = m_server.start();
        QVERIFY2(started.ok(), qPrintable(started ? QString() : started.error().toString()));
        // ... and next to a running server.
        const Result<QString> pm = m_server.addUser(QStringLiteral("paul"), QStringLiteral("pm"),
                                                    {QStringLiteral("p1"), QStringLiteral("p2")});
        QVERIFY(pm.ok());
        m_pm = pm.value();
        const Result<QString> outsider =
            m_server.addUser(QStringLiteral("olga"), QStringLiteral("foreman"), {QStringLiteral("p2")});
        QVERIFY(outsider.ok());
        m_outsider = outsider.value();
    }

    void healthNeedsNoToken()
    {
        TestHttpClient http = client();
        const TestHttpResponse response = http.get(QStringLiteral("/api/v1/health"));
        QCOMPARE(response.status, 200);
        const Result<protocol::HealthResponse> health = protocol::HealthResponse::fromJson(response.body);
        QVERIFY(health.ok());
        QCOMPARE(health.value().status, QStringLiteral("ok"));
        QVERIFY(!health.value().version.isEmpty());
    }

    void meTellsUserRoleAndProjects()
    {
        TestHttpClient http = client(m_pm);
        const TestHttpResponse response = http.get(QStringLiteral("/api/v1/me"));
        QCOMPARE(response.status, 200);
        const Result<protocol::MeResponse> me = protocol::MeResponse::fromJson(response.body);
        QVERIFY(me.ok());
        QCOMPARE(me.value().user, QStringLiteral("paul"));
        QCOMPARE(me.value().role, Role::Pm);
        QCOMPARE(me.value().projects, (QStringList{QStringLiteral("p1"), QStringLiteral("p2")}));
    }

    void badTokensAre401()
    {
        for (const QString &token :
             QStringList{QString(), QStringLiteral("not-a-token"), m_foreman + QStringLiteral("x")}) {
            TestHttpClient http = client(token);
            const TestHttpResponse response = http.get(QStringLiteral("/api/v1/sync/pull"));
            QCOMPARE(response.status, 401);
            QCOMPARE(errorCode(response), QStringLiteral("unauthorized"));
        }
        TestHttpClient http = client();
        const TestHttpResponse basic =
            http.post(QStringLiteral("/api/v1/sync/push"), createTaskPush(QStringLiteral("x")),
                      {{"Authorization", "Basic Zm9vOmJhcg=="}});
        QCOMPARE(basic.status, 401);
        verifyStillServing();
    }

    void otherProtocolVersionsAre426()
    {
        TestHttpClient http = client(m_foreman);
        const TestHttpResponse response =
            http.get(QStringLiteral("/api/v1/sync/pull"), {{"FieldSync-Protocol", "2"}});
        QCOMPARE(response.status, 426);
        QCOMPARE(response.header(protocol::SupportedVersionsHeader), QByteArray("1"));
        QCOMPARE(errorCode(response), QStringLiteral("unsupported_protocol"));
        const TestHttpResponse health =
            http.get(QStringLiteral("/api/v1/health"), {{"FieldSync-Protocol", "banana"}});
        QCOMPARE(health.status, 426);
        // Without the header a request is version 1.
        RawHttp raw;
        QVERIFY(raw.connectTo(m_server.port()));
        raw.send(
            RawHttp::request("GET", "/api/v1/me", {}, {"Authorization: Bearer " + m_foreman.toLatin1()}));
        const std::optional<RawResponse> me = raw.readResponse();
        QVERIFY(me);
        QCOMPARE(me->status, 200);
    }

    void unknownPathsAre404AndWrongMethods405()
    {
        TestHttpClient http = client(m_foreman);
        const TestHttpResponse missing = http.get(QStringLiteral("/api/v1/nothing"));
        QCOMPARE(missing.status, 404);
        QCOMPARE(errorCode(missing), QStringLiteral("not_found"));
        const TestHttpResponse wrong = http.get(QStringLiteral("/api/v1/sync/push"));
        QCOMPARE(wrong.status, 405);
        QCOMPARE(errorCode(wrong), QStringLiteral("method_not_allowed"));
        const TestHttpResponse events = http.get(QStringLiteral("/api/v1/sync/events"));
        QCOMPARE(events.status, 404); // not served yet
        verifyStillServing();
    }

    void badBodiesAre400AndStoreNothing_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("code");
        const QByteArray id = newId().toLatin1();
        const QByteArray offline = newId().toLatin1();
        auto push = [](const QByteArray &changes) -> QByteArray {
            return "{\"device_id\":\"tablet-1\",\"changes\":[" + changes + "]}";
        };
        QTest::newRow("not json") << QByteArray("{\"device_id\":") << QStringLiteral("malformed");
        QTest::newRow("not an object") << QByteArray("[1,2,3]") << QStringLiteral("malformed");
        QTest::newRow("empty body") << QByteArray() << QStringLiteral("malformed");
        QTest::newRow("changes not a list")
            << QByteArray("{\"device_id\":\"t\",\"changes\":\"many\"}") << QStringLiteral("malformed");
        QTest::newRow("device_id a number")
            << QByteArray("{\"device_id\":7,\"changes\":[]}") << QStringLiteral("malformed");
        QTest::newRow("missing device_id") << QByteArray("{\"changes\":[]}") << QStringLiteral("malformed");
        QTest::newRow("unknown top-level field")
            << QByteArray("{\"device_id\":\"t\",\"changes\":[],\"extra\":1}")
            << QStringLiteral("unknown_field");
        QTest::newRow("unknown change field")
            << push("{\"offline_id\":\"" + offline + "\",\"entity\":\"task\",\"op\":\"create\",\"id\":\"" +
                    id +
                    "\",\"client_version\":0,\"data\":{\"title\":\"x\",\"project_id\":\"p1\"},\"colour\":"
                    "\"red\"}")
            << QStringLiteral("unknown_field");
        QTest::newRow("unknown entity")
            << push("{\"offline_id\":\"" + offline + "\",\"entity\":\"crane\",\"op\":\"create\",\"id\":\"" +
                    id + "\",\"data\":{\"title\":\"x\",\"project_id\":\"p1\"}}")
            << QStringLiteral("unknown_entity");
        QTest::newRow("unknown op") << push("{\"offline_id\":\"" + offline +
                                            "\",\"entity\":\"task\",\"op\":\"upsert\",\"id\":\"" + id +
                                            "\",\"data\":{\"title\":\"x\",\"project_id\":\"p1\"}}")
                                    << QStringLiteral("unknown_op");
        QTest::newRow("wrong type in change")
            << push("{\"offline_id\":\"" + offline + "\",\"entity\":\"task\",\"op\":\"create\",\"id\":\"" +
                    id + "\",\"client_version\":\"zero\",\"data\":{\"title\":\"x\",\"project_id\":\"p1\"}}")
            << QStringLiteral("malformed");
        QTest::newRow("update without client_version")
            << push("{\"offline_id\":\"" + offline + "\",\"entity\":\"task\",\"op\":\"update\",\"id\":\"" +
                    id + "\",\"data\":{\"title\":\"x\"}}")
            << QStringLiteral("malformed");
        // One bad change spoils the request: the good one before it is not stored either.
        QTest::newRow("good then bad")
            << push("{\"offline_id\":\"" + newId().toLatin1() +
                    "\",\"entity\":\"task\",\"op\":\"create\",\"id\":\"" + newId().toLatin1() +
                    "\",\"data\":{\"title\":\"good\",\"project_id\":\"p1\"}},{\"nonsense\":true}")
            << QStringLiteral("malformed");
    }

    void badBodiesAre400AndStoreNothing()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, code);
        const qint64 cursor = pull(m_foreman).cursor;
        TestHttpClient http = client(m_foreman);
        const TestHttpResponse response = http.post(QStringLiteral("/api/v1/sync/push"), body);
        QCOMPARE(response.status, 400);
        QCOMPARE(errorCode(response), code);
        QVERIFY(!response.json().value(QStringLiteral("message")).toString().isEmpty());
        const protocol::PullResponse after = pull(m_foreman, cursor);
        QVERIFY(after.changes.isEmpty());
        QCOMPARE(after.cursor, cursor);
        verifyStillServing();
    }

    void badPullParametersAre400()
    {
        TestHttpClient http = client(m_foreman);
        QCOMPARE(http.get(QStringLiteral("/api/v1/sync/pull?cursor=abc")).status, 400);
        QCOMPARE(http.get(QStringLiteral("/api/v1/sync/pull?cursor=-1")).status, 400);
        QCOMPARE(http.get(QStringLiteral("/api/v1/sync/pull?limit=many")).status, 400);
        // Below 1 is refused (it used to answer a page of one); above 1000 is clamped, as documented.
        for (const QString &limit : {QStringLiteral("0"), QStringLiteral("-1")}) {
            const TestHttpResponse refused =
                http.get(QStringLiteral("/api/v1/sync/pull?cursor=0&limit=") + limit);
            QCOMPARE(refused.status, 400);
            QCOMPARE(errorCode(refused), QStringLiteral("malformed"));
        }
        QCOMPARE(http.get(QStringLiteral("/api/v1/sync/pull?limit=99999")).status, 200);
        QCOMPARE(http.get(QStringLiteral("/api/v1/sync/pull?limit=1")).status, 200);
    }

    void hugeDeclaredBodyIsRefusedBeforeItIsSent()
    {
        RawHttp raw;
        QVERIFY(raw.connectTo(m_server.port()));
        raw.send("POST /api/v1/sync/push HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " +
                 m_foreman.toLatin1() +
                 "\r\nContent-Type: application/json\r\nContent-Length: 1073741824\r\n\r\n");
        const std::optional<RawResponse> response = raw.readResponse(5000);
        QVERIFY2(response, "the 413 must arrive although not one byte of the body was sent");
        QCOMPARE(response->status, 413);
        QCOMPARE(QJsonDocument::fromJson(response->body).object().value(QStringLiteral("error")).toString(),
                 QStringLiteral("too_large"));
        QVERIFY(raw.waitForClosed());
        verifyStillServing();
    }

    void tooManyChangesIs413()
    {
        QJsonArray changes;
        for (int index = 0; index < 1001; ++index) {
            changes.append(QJsonObject{
                {QStringLiteral("offline_id"), newId()},
                {QStringLiteral("entity"), QStringLiteral("task")},
                {QStringLiteral("op"), QStringLiteral("create")},
                {QStringLiteral("id"), newId()},
                {QStringLiteral("data"), QJsonObject{{QStringLiteral("title"), QStringLiteral("t")},
                                                     {QStringLiteral("project_id"), QStringLiteral("p1")}}}});
        }
        const QByteArray body =
            QJsonDocument(QJsonObject{{QStringLiteral("device_id"), QStringLiteral("tablet-1")},
                                      {QStringLiteral("changes"), changes}})
                .toJson(QJsonDocument::Compact);
        const qint64 cursor = pull(m_foreman).cursor;
        TestHttpClient http = client(m_foreman);
        const TestHttpResponse response = http.post(QStringLiteral("/api/v1/sync/push"), body);
        QCOMPARE(response.status, 413);
        QCOMPARE(errorCode(response), QStringLiteral("too_many_changes"));
        QCOMPARE(pull(m_foreman, cursor).changes.size(), 0);
    }

    void pushThenPullRoundTrips()
    {
        TestHttpClient http = client(m_foreman);
        const TestHttpResponse pushed =
            http.post(QStringLiteral("/api/v1/sync/push"), createTaskPush(QStringLiteral("Sweep stairs")));
        QCOMPARE(pushed.status, 200);
        const Result<protocol::PushResponse> answer = protocol::PushResponse::fromJson(pushed.body);
        QVERIFY(answer.ok());
        QCOMPARE(answer.value().applied.size(), 1);
        const qint64 cursor = answer.value().cursor;
        const protocol::PullResponse pulled = pull(m_pm, cursor - 1);
        QCOMPARE(pulled.changes.size(), 1);
        QCOMPARE(pulled.changes.first().data.value(QStringLiteral("title")).toString(),
                 QStringLiteral("Sweep stairs"));
        QCOMPARE(pulled.cursor, cursor);
        // Another project's member sees none of it.
        for (const protocol::PulledRecord &record : pull(m_outsider).changes)
            QVERIFY(record.data.value(QStringLiteral("project_id")).toString() == QStringLiteral("p2"));
    }

    void gzipRequestBodiesAreAcceptedAndBombsRefused()
    {
        TestHttpClient http = client(m_foreman);
        const TestHttpResponse response = http.post(
            QStringLiteral("/api/v1/sync/push"),
            server::Gzip::compress(createTaskPush(QStringLiteral("Zipped"))), {{"Content-Encoding", "gzip"}});
        QCOMPARE(response.status, 200);
        QCOMPARE(response.json().value(QStringLiteral("applied")).toArray().size(), 1);

        const QByteArray bomb = server::Gzip::compress(QByteArray(64 * 1024 * 1024, ' '));
        const TestHttpResponse refused =
            http.post(QStringLiteral("/api/v1/sync/push"), bomb, {{"Content-Encoding", "gzip"}});
        QCOMPARE(refused.status, 413);
        verifyStillServing();
    }

    void largeAnswersAreGzipped()
    {
        for (int index = 0; index < 20; ++index) {
            TestHttpClient http = client(m_foreman);
            QCOMPARE(http.post(QStringLiteral("/api/v1/sync/push"),
                               createTaskPush(QStringLiteral("Task %1").arg(index)))
                         .status,
                     200);
        }
        RawHttp raw;
        QVERIFY(raw.connectTo(m_server.port()));
        raw.send(
            RawHttp::request("GET", "/api/v1/sync/pull?cursor=0", {},
                             {"Authorization: Bearer " + m_foreman.toLatin1(), "Accept-Encoding: gzip"}));
        const std::optional<RawResponse> response = raw.readResponse();
        QVERIFY(response);
        QCOMPARE(response->status, 200);
        QCOMPARE(response->header("content-encoding"), QByteArray("gzip"));
        const Result<QByteArray> inflated = server::Gzip::decompress(response->body, 64 * 1024 * 1024);
        QVERIFY(inflated.ok());
        QVERIFY(protocol::PullResponse::fromJson(inflated.value()).ok());
        // The same connection serves the next request (keep-alive).
        raw.send(RawHttp::request("GET", "/api/v1/health"));
        const std::optional<RawResponse> health = raw.readResponse();
        QVERIFY(health);
        QCOMPARE(health->status, 200);
    }

    void largePushAnswersAreGzippedOnlyWhenAskedFor()
    {
        // Large enough for the server to compress the answer while it applies the changes.
        const auto largePush = [] {
            QJsonArray changes;
            for (int index = 0; index < 300; ++index)
                changes.append(createTaskChange(QStringLiteral("Task %1 of a large push").arg(index),
                                                QStringLiteral("p1")));
            return pushOf(changes);
        };
        const QByteArray authorization = "Authorization: Bearer " + m_foreman.toLatin1();
        RawHttp raw;
        QVERIFY(raw.connectTo(m_server.port()));
        raw.send(
            RawHttp::request("POST", "/api/v1/sync/push", largePush(),
                             {authorization, "Content-Type: application/json", "Accept-Encoding: gzip"}));
        const std::optional<RawResponse> zipped = raw.readResponse();
        QVERIFY(zipped);
        QCOMPARE(zipped->status, 200);
        QCOMPARE(zipped->header("content-encoding"), QByteArray("gzip"));
        const Result<QByteArray> inflated = server::Gzip::decompress(zipped->body, 64 * 1024 * 1024);
        QVERIFY(inflated.ok());
        const Result<protocol::PushResponse> answer = protocol::PushResponse::fromJson(inflated.value());
        QVERIFY2(answer.ok(), qPrintable(answer.ok() ? QString() : answer.error().toString()));
        QCOMPARE(answer.value().applied.size(), 300);

        raw.send(RawHttp::request("POST", "/api/v1/sync/push", largePush(),
                                  {authorization, "Content-Type: application/json"}));
        const std::optional<RawResponse> plain = raw.readResponse();
        QVERIFY(plain);
        QCOMPARE(plain->status, 200);
        QVERIFY(plain->header("content-encoding").isEmpty());
        const Result<protocol::PushResponse> plainAnswer = protocol::PushResponse::fromJson(plain->body);
        QVERIFY2(plainAnswer.ok(), qPrintable(plainAnswer.ok() ? QString() : plainAnswer.error().toString()));
        QCOMPARE(plainAnswer.value().applied.size(), 300);
    }
};

QTEST_GUILESS_MAIN(ServerApiTest)
#include "tst_serverapi.moc"
