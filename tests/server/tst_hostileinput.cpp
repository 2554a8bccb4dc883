// Hostile requests against the real fieldsync-server process, table by table: malformed, oversized,
// deeply nested, wrong-typed and unauthorised. Each must get its documented answer (a 4xx with a
// JSON error body, or a per-change rejection where the protocol answers per change), store
// nothing, and leave the server serving. Registered for SQLite and PostgreSQL.

#include "RawHttp.h"
#include "ServerProcess.h"
#include "TestHttpClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTest>
#include <QUuid>

using namespace fieldsync;
using fieldsync::server::testing::RawHttp;
using fieldsync::server::testing::RawResponse;
using fieldsync::test::ServerProcess;
using fieldsync::test::TestHttpClient;
using fieldsync::test::TestHttpResponse;

namespace {

enum class Auth
{
    Foreman,      // a foreman of p1
    None,         // no Authorization header
    Garbage,      // a token that was never issued
    Revoked,      // revoke-token
    Replaced,     // the token before issue-token gave a new one
    OtherProject, // a foreman of p2 only
    NotBearer,    // Basic instead of Bearer
};

const QString PermitId = QStringLiteral("7b0f6c2e-3d1a-4c55-9a61-0c2f4f7d9e11");

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QJsonObject validChange()
{
    return QJsonObject{
        {QStringLiteral("offline_id"), newId()},
        {QStringLiteral("entity"), QStringLiteral("permit")},
        {QStringLiteral("op"), QStringLiteral("update")},
        {QStringLiteral("id"), PermitId},
        {QStringLiteral("client_version"), 1},
        {QStringLiteral("base"), QJsonObject{{QStringLiteral("title"), QStringLiteral("Hot work")}}},
        {QStringLiteral("data"), QJsonObject{{QStringLiteral("title"), QStringLiteral("Changed")}}}};
}

QJsonObject pushObject(const QJsonArray &changes)
{
    return QJsonObject{{QStringLiteral("device_id"), QStringLiteral("hostile-tablet")},
                       {QStringLiteral("client_time"), QStringLiteral("2026-11-21T10:30:00Z")},
                       {QStringLiteral("changes"), changes}};
}

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray pushWithChange(const QJsonObject &change)
{
    return json(pushObject(QJsonArray{change}));
}

QByteArray changeWith(const QString &key, const QJsonValue &value)
{
    QJsonObject change = validChange();
    if (value.isUndefined())
        change.remove(key);
    else
        change.insert(key, value);
    return pushWithChange(change);
}

// A change's JSON with one value written as raw text (numbers JSON cannot hold as a double).
QByteArray changeWithRaw(const QString &key, const QByteArray &rawValue)
{
    QByteArray body = changeWith(key, QStringLiteral("@@RAW@@"));
    return body.replace("\"@@RAW@@\"", rawValue);
}

} // namespace

class HostileInputTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ServerProcess> m_server;
    QHash<Auth, QString> m_tokens;
    QString m_pmToken;

    QList<QByteArray> authHeaders(Auth auth) const
    {
        switch (auth) {
        case Auth::None:
            return {};
        case Auth::NotBearer:
            return {"Authorization: Basic YW5hOnNlY3JldA=="};
        default:
            return {"Authorization: Bearer " + m_tokens.value(auth).toLatin1()};
        }
    }

    // What the server holds, as the PM sees it: the pull cursor and every record's version.
    QString serverState()
    {
        TestHttpClient http(m_server->url(), m_pmToken);
        const TestHttpResponse response = http.get(QStringLiteral("/api/v1/sync/pull?cursor=0&limit=1000"));
        if (response.status != 200)
            return QStringLiteral("pull failed: %1").arg(response.status);
        QStringList parts{QString::number(response.json().value(QStringLiteral("cursor")).toInteger())};
        for (const QJsonValue &change : response.json().value(QStringLiteral("changes")).toArray())
            parts.append(change[QStringLiteral("id")].toString() + QLatin1Char('@') +
                         QString::number(change[QStringLiteral("version")].toInteger()));
        return parts.join(QLatin1Char(' '));
    }

    std::optional<RawResponse> send(const QByteArray &method, const QByteArray &target,
                                    const QByteArray &body, QList<QByteArray> headers)
    {
        RawHttp http;
        if (!http.connectTo(m_server->port()))
            return std::nullopt;
        http.send(RawHttp::request(method, target, body, headers));
        return http.readResponse(20000);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_server = std::make_unique<ServerProcess>();
        const Result<void> started = m_server->start();
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().toString()));
        const auto addUser = [this](const QString &name, const QString &role, const QString &project) {
            const Result<QString> token = m_server->addUser(name, role, {project});
            return token ? token.value() : QString();
        };
        m_tokens[Auth::Foreman] =
            addUser(QStringLiteral("ana"), QStringLiteral("foreman"), QStringLiteral("p1"));
        m_tokens[Auth::OtherProject] =
            addUser(QStringLiteral("olga"), QStringLiteral("foreman"), QStringLiteral("p2"));
        m_tokens[Auth::Revoked] =
            addUser(QStringLiteral("rita"), QStringLiteral("foreman"), QStringLiteral("p1"));
        m_tokens[Auth::Replaced] =
            addUser(QStringLiteral("rex"), QStringLiteral("foreman"), QStringLiteral("p1"));
        m_tokens[Auth::Garbage] = QStringLiteral("fs_") + QString(QLatin1Char('x')).repeated(40);
        m_pmToken = addUser(QStringLiteral("pat"), QStringLiteral("pm"), QStringLiteral("p1"));
        for (const QString &token : m_tokens)
            QVERIFY(!token.isEmpty());
        QVERIFY(!m_pmToken.isEmpty());
        QCOMPARE(m_server->runCommand({QStringLiteral("revoke-token"), QStringLiteral("rita")}).exitCode, 0);
        QCOMPARE(m_server->runCommand({QStringLiteral("issue-token"), QStringLiteral("rex")}).exitCode, 0);

        // The permit that updates aim at: draft, version 1, in p1.
        TestHttpClient http(m_server->url(), m_tokens[Auth::Foreman]);
        QJsonObject create = validChange();
        create.insert(QStringLiteral("op"), QStringLiteral("create"));
        create.insert(QStringLiteral("client_version"), 0);
        create.insert(QStringLiteral("base"), QJsonObject());
        create.insert(QStringLiteral("data"),
                      QJsonObject{{QStringLiteral("project_id"), QStringLiteral("p1")},
                                  {QStringLiteral("title"), QStringLiteral("Hot work")}});
        const TestHttpResponse created =
            http.post(QStringLiteral("/api/v1/sync/push"), pushWithChange(create));
        QCOMPARE(created.status, 200);
        QCOMPARE(created.json().value(QStringLiteral("applied")).toArray().size(), 1);
    }

    void refusedRequest_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<QList<QByteArray>>("headers");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("auth");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");

        const QByteArray push = "/api/v1/sync/push";
        const QByteArray pull = "/api/v1/sync/pull";
        const QByteArray good = pushWithChange(validChange());
        const auto row = [](const char *name, const QByteArray &method, const QByteArray &target,
                            const QByteArray &body, int status, const QString &code,
                            Auth auth = Auth::Foreman, const QList<QByteArray> &headers = {}) {
            QTest::newRow(name) << method << target << headers << body << int(auth) << status << code;
        };
        const QString malformed = QStringLiteral("malformed");

        // Not JSON, or not the right JSON.
        row("empty body", "POST", push, "", 400, malformed);
        row("truncated JSON", "POST", push, good.left(good.size() / 2), 400, malformed);
        row("trailing garbage", "POST", push, good + "}}", 400, malformed);
        row("not JSON at all", "POST", push, "device_id=1&changes=2", 400, malformed);
        row("top level array", "POST", push, "[" + good + "]", 400, malformed);
        row("top level null", "POST", push, "null", 400, malformed);
        row("top level number", "POST", push, "42", 400, malformed);
        row("top level string", "POST", push, "\"push\"", 400, malformed);
        row("100k nested arrays", "POST", push, QByteArray(100000, '['), 400, malformed);
        row("50k nested objects", "POST", push, QByteArray("{\"a\":").repeated(50000), 400, malformed);
        row("nested in a change", "POST", push,
            changeWithRaw(QStringLiteral("data"),
                          "{\"title\":" + QByteArray(5000, '[') + QByteArray(5000, ']') + "}"),
            400, malformed);
        row("invalid UTF-8 in a string", "POST", push,
            changeWithRaw(QStringLiteral("offline_id"), "\"\xff\xfe\xc3\x28\""), 400, malformed);

        // The request's own fields.
        row("missing device_id", "POST", push, json(QJsonObject{{QStringLiteral("changes"), QJsonArray()}}),
            400, malformed);
        row("device_id a number", "POST", push,
            json(QJsonObject{{QStringLiteral("device_id"), 5}, {QStringLiteral("changes"), QJsonArray()}}),
            400, malformed);
        row("device_id empty", "POST", push,
            json(QJsonObject{{QStringLiteral("device_id"), QString()},
                             {QStringLiteral("changes"), QJsonArray()}}),
            400, malformed);
        row("device_id 10k characters", "POST", push,
            json(QJsonObject{{QStringLiteral("device_id"), QString(10000, QLatin1Char('d'))},
                             {QStringLiteral("changes"), QJsonArray()}}),
            400, malformed);
        row("changes an object", "POST", push,
            json(QJsonObject{{QStringLiteral("device_id"), QStringLiteral("t")},
                             {QStringLiteral("changes"), QJsonObject()}}),
            400, malformed);
        row("changes missing", "POST", push,
            json(QJsonObject{{QStringLiteral("device_id"), QStringLiteral("t")}}), 400, malformed);
        row("client_time a number", "POST", push,
            json(QJsonObject{{QStringLiteral("device_id"), QStringLiteral("t")},
                             {QStringLiteral("client_time"), 5},
                             {QStringLiteral("changes"), QJsonArray()}}),
            400, malformed);
        {
            QJsonObject extra = pushObject(QJsonArray{validChange()});
            extra.insert(QStringLiteral("priority"), QStringLiteral("urgent"));
            row("unknown top-level field", "POST", push, json(extra), 400, QStringLiteral("unknown_field"));
        }
        row("a change that is a string", "POST", push, json(pushObject(QJsonArray{QStringLiteral("x")})), 400,
            malformed);
        row("a change that is null", "POST", push, json(pushObject(QJsonArray{QJsonValue()})), 400,
            malformed);

        // Every field of a change with the wrong type.
        const QList<QPair<QString, QList<QJsonValue>>> wrongTypes{
            {QStringLiteral("offline_id"),
             {5, true, QJsonArray(), QJsonObject(), QStringLiteral("not-a-uuid"), QJsonValue()}},
            {QStringLiteral("entity"),
             {5, false, QJsonArray{QStringLiteral("permit")}, QJsonObject(), QJsonValue()}},
            {QStringLiteral("op"), {1, true, QJsonArray(), QJsonObject(), QJsonValue()}},
            {QStringLiteral("id"),
             {7, true, QJsonArray(), QJsonObject(), QStringLiteral("../../etc/passwd"), QJsonValue()}},
            {QStringLiteral("client_version"),
             {QStringLiteral("1"), true, QJsonArray(), QJsonObject(), 1.5, -1, 1e30}},
            {QStringLiteral("base"), {QStringLiteral("x"), 5, true, QJsonArray()}},
            {QStringLiteral("data"), {QStringLiteral("x"), 5, true, QJsonArray{1, 2}}},
        };
        for (const auto &[key, values] : wrongTypes) {
            for (const QJsonValue &value : values) {
                const QString name =
                    QStringLiteral("change %1 = %2")
                        .arg(key, QString::fromUtf8(
                                      QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact)));
                QTest::newRow(qPrintable(name))
                    << QByteArray("POST") << push << QList<QByteArray>() << changeWith(key, value)
                    << int(Auth::Foreman) << 400 << malformed;
            }
        }
        row("change client_version 2^53+1", "POST", push,
            changeWithRaw(QStringLiteral("client_version"), "9007199254740993"), 400, malformed);
        row("change client_version 1e400", "POST", push,
            changeWithRaw(QStringLiteral("client_version"), "1e400"), 400, malformed);
        row("change client_version -0.5", "POST", push,
            changeWithRaw(QStringLiteral("client_version"), "-0.5"), 400, malformed);
        row("update without client_version", "POST", push,
            changeWith(QStringLiteral("client_version"), QJsonValue::Undefined), 400, malformed);
        row("unknown field in a change", "POST", push, changeWith(QStringLiteral("priority"), 1), 400,
            QStringLiteral("unknown_field"));
        row("unknown entity", "POST", push, changeWith(QStringLiteral("entity"), QStringLiteral("spaceship")),
            400, QStringLiteral("unknown_entity"));
        row("unknown op", "POST", push, changeWith(QStringLiteral("op"), QStringLiteral("merge")), 400,
            QStringLiteral("unknown_op"));
        {
            // Over the batch limit (1000 changes): refused whole, before any change is looked at.
            QJsonArray many;
            for (int index = 0; index < 1001; ++index)
                many.append(validChange());
            row("1001 changes", "POST", push, json(pushObject(many)), 413,
                QStringLiteral("too_many_changes"));
        }

        // Who may ask.
        row("no token", "POST", push, good, 401, QStringLiteral("unauthorized"), Auth::None);
        row("unknown token", "POST", push, good, 401, QStringLiteral("unauthorized"), Auth::Garbage);
        row("revoked token", "POST", push, good, 401, QStringLiteral("unauthorized"), Auth::Revoked);
        row("replaced token", "POST", push, good, 401, QStringLiteral("unauthorized"), Auth::Replaced);
        row("basic auth", "POST", push, good, 401, QStringLiteral("unauthorized"), Auth::NotBearer);
        row("pull without token", "GET", pull + "?cursor=0", "", 401, QStringLiteral("unauthorized"),
            Auth::None);
        row("pull with revoked token", "GET", pull + "?cursor=0", "", 401, QStringLiteral("unauthorized"),
            Auth::Revoked);

        // Where and how.
        row("GET on push", "GET", push, "", 405, QStringLiteral("method_not_allowed"));
        row("PUT on push", "PUT", push, good, 405, QStringLiteral("method_not_allowed"));
        row("DELETE on pull", "DELETE", pull, "", 405, QStringLiteral("method_not_allowed"));
        row("unknown path", "POST", push + "x", good, 404, QStringLiteral("not_found"));
        row("dot-dot path", "GET", "/api/v1/../../etc/passwd", "", 404, QStringLiteral("not_found"));
        row("text/plain body", "POST", push, good, 415, QStringLiteral("unsupported_media_type"),
            Auth::Foreman, {"Content-Type: text/plain"});
        row("form body", "POST", push, good, 415, QStringLiteral("unsupported_media_type"), Auth::Foreman,
            {"Content-Type: application/x-www-form-urlencoded"});
        row("protocol version 99", "POST", push, good, 426, QStringLiteral("unsupported_protocol"),
            Auth::Foreman, {"FieldSync-Protocol: 99"});
        row("unknown content encoding", "POST", push, good, 415, QStringLiteral("unsupported_encoding"),
            Auth::Foreman, {"Content-Encoding: br"});
        row("gzip that is not gzip", "POST", push, good, 400, QString(), Auth::Foreman,
            {"Content-Encoding: gzip"});
        row("pull cursor negative", "GET", pull + "?cursor=-1", "", 400, malformed);
        row("pull cursor text", "GET", pull + "?cursor=abc", "", 400, malformed);
        row("pull cursor overflow", "GET", pull + "?cursor=99999999999999999999999", "", 400, malformed);
        row("pull limit text", "GET", pull + "?limit=lots", "", 400, malformed);
        row("pull limit zero", "GET", pull + "?cursor=0&limit=0", "", 400, malformed);
        row("pull limit negative", "GET", pull + "?cursor=0&limit=-1", "", 400, malformed);
        // Health and metrics take no token: a body there would be held against nobody's limit.
        row("a body on health", "GET", "/api/v1/health", QByteArray(4096, 'x'), 400,
            QStringLiteral("bad_request"), Auth::None);
        row("a body on metrics", "GET", "/api/v1/metrics", "{}", 400, QStringLiteral("bad_request"),
            Auth::None);
    }

    void refusedRequest()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, target);
        QFETCH(QList<QByteArray>, headers);
        QFETCH(QByteArray, body);
        QFETCH(int, auth);
        QFETCH(int, status);
        QFETCH(QString, code);

        const QString before = serverState();
        const std::optional<RawResponse> response =
            send(method, target, body, headers + authHeaders(Auth(auth)));
        QVERIFY2(response, "no answer");
        QVERIFY2(response->status == status,
                 qPrintable(QStringLiteral("status %1, body %2")
                                .arg(response->status)
                                .arg(QString::fromUtf8(response->body.left(300)))));
        QVERIFY2(response->header("content-type").startsWith("application/json"),
                 response->header("content-type").constData());
        const QJsonObject error = QJsonDocument::fromJson(response->body).object();
        QVERIFY2(!error.value(QStringLiteral("message")).toString().isEmpty(), response->body.constData());
        if (code.isEmpty())
            QVERIFY(!error.value(QStringLiteral("error")).toString().isEmpty());
        else
            QCOMPARE(error.value(QStringLiteral("error")).toString(), code);
        QCOMPARE(serverState(), before);
        // Still serving: the same user's ordinary request goes through.
        TestHttpClient http(m_server->url(), m_tokens[Auth::Foreman]);
        QCOMPARE(http.get(QStringLiteral("/api/v1/me")).status, 200);
    }

    // Requests the protocol answers per change (200 with a rejection): the batch is well formed,
    // the change is not allowed.
    void rejectedChange_data()
    {
        QTest::addColumn<QJsonObject>("change");
        QTest::addColumn<int>("auth");
        QTest::addColumn<QString>("reason");

        QJsonObject otherProject = validChange();
        QTest::newRow("update in a project not mine")
            << otherProject << int(Auth::OtherProject) << QStringLiteral("not_found");
        QJsonObject createElsewhere = validChange();
        createElsewhere.insert(QStringLiteral("op"), QStringLiteral("create"));
        createElsewhere.insert(QStringLiteral("id"), newId());
        createElsewhere.insert(QStringLiteral("client_version"), 0);
        createElsewhere.insert(QStringLiteral("base"), QJsonObject());
        createElsewhere.insert(QStringLiteral("data"),
                               QJsonObject{{QStringLiteral("project_id"), QStringLiteral("p1")},
                                           {QStringLiteral("title"), QStringLiteral("Sneaky")}});
        QTest::newRow("create in a project not mine")
            << createElsewhere << int(Auth::OtherProject) << QStringLiteral("forbidden");
        QJsonObject skip = validChange();
        skip.insert(QStringLiteral("base"), QJsonObject{{QStringLiteral("status"), QStringLiteral("draft")}});
        skip.insert(QStringLiteral("data"),
                    QJsonObject{{QStringLiteral("status"), QStringLiteral("closed")}});
        QTest::newRow("draft to closed")
            << skip << int(Auth::Foreman) << QStringLiteral("invalid_transition");
        QJsonObject huge = validChange();
        huge.insert(QStringLiteral("data"),
                    QJsonObject{{QStringLiteral("title"), QString(5 * 1024 * 1024, QLatin1Char('x'))}});
        QTest::newRow("5 MB title") << huge << int(Auth::Foreman) << QStringLiteral("validation");
        QJsonObject wrongValue = validChange();
        wrongValue.insert(QStringLiteral("data"), QJsonObject{{QStringLiteral("title"), 42}});
        QTest::newRow("title a number") << wrongValue << int(Auth::Foreman) << QStringLiteral("validation");
        QJsonObject unknownField = validChange();
        unknownField.insert(QStringLiteral("data"),
                            QJsonObject{{QStringLiteral("colour"), QStringLiteral("red")}});
        QTest::newRow("unknown record field")
            << unknownField << int(Auth::Foreman) << QStringLiteral("unknown_field");
        QJsonObject missing = validChange();
        missing.insert(QStringLiteral("id"), newId());
        QTest::newRow("update of a record nobody has")
            << missing << int(Auth::Foreman) << QStringLiteral("not_found");
    }

    void rejectedChange()
    {
        QFETCH(QJsonObject, change);
        QFETCH(int, auth);
        QFETCH(QString, reason);

        const QString before = serverState();
        TestHttpClient http(m_server->url(), m_tokens.value(Auth(auth)));
        const TestHttpResponse response =
            http.post(QStringLiteral("/api/v1/sync/push"), pushWithChange(change));
        QVERIFY2(response.status == 200, response.body.left(300).constData());
        const QJsonArray rejected = response.json().value(QStringLiteral("rejected")).toArray();
        QVERIFY2(rejected.size() == 1 && response.json().value(QStringLiteral("applied")).toArray().isEmpty(),
                 response.body.left(300).constData());
        QCOMPARE(rejected.first()[QStringLiteral("reason")].toString(), reason);
        QCOMPARE(rejected.first()[QStringLiteral("offline_id")].toString(),
                 change.value(QStringLiteral("offline_id")).toString());
        QCOMPARE(serverState(), before);
    }

    // A body over the limit is refused from its Content-Length, before a byte of it is sent.
    void oversizedBodyRefusedBeforeItIsSent()
    {
        const QString before = serverState();
        RawHttp http;
        QVERIFY(http.connectTo(m_server->port()));
        http.send("POST /api/v1/sync/push HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " +
                  m_tokens[Auth::Foreman].toLatin1() +
                  "\r\nContent-Type: application/json\r\nContent-Length: 9000000\r\n\r\n");
        const std::optional<RawResponse> response = http.readResponse(10000);
        QVERIFY2(response, "no answer before the body");
        QCOMPARE(response->status, 413);
        QCOMPARE(QJsonDocument::fromJson(response->body).object().value(QStringLiteral("error")).toString(),
                 QStringLiteral("too_large"));
        QCOMPARE(serverState(), before);
    }

    // A head with bare LF line endings used to wait for a CRLF CRLF and get a 408 after 10 s.
    void bareLineFeedHeadIs400AtOnce()
    {
        RawHttp http;
        QVERIFY(http.connectTo(m_server->port()));
        http.send("GET /api/v1/health HTTP/1.1\nHost: 127.0.0.1\n\n");
        const std::optional<RawResponse> response = http.readResponse(3000);
        QVERIFY2(response, "no answer within 3 s");
        QCOMPARE(response->status, 400);
        QCOMPARE(QJsonDocument::fromJson(response->body).object().value(QStringLiteral("error")).toString(),
                 QStringLiteral("bad_request"));
    }

    // One token trickling push bodies on many connections once held every connection the server
    // had; now it holds a few, the rest are refused from their heads, and others are served.
    void oneTokenCannotHoldTheServer()
    {
        const QByteArray head =
            "POST /api/v1/sync/push HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " +
            m_tokens[Auth::Foreman].toLatin1() +
            "\r\nContent-Type: application/json\r\nExpect: 100-continue\r\n"
            "Content-Length: 1000\r\n\r\n";
        QList<std::shared_ptr<RawHttp>> connections;
        for (int index = 0; index < 30; ++index) {
            auto http = std::make_shared<RawHttp>();
            QVERIFY(http->connectTo(m_server->port()));
            http->send(head);
            connections.append(http);
        }
        int held = 0;
        int refused = 0;
        for (const std::shared_ptr<RawHttp> &http : connections) {
            const std::optional<RawResponse> response = http->readResponse(10000);
            QVERIFY(response);
            if (response->status == 100) {
                ++held;
                http->send("{");
                continue;
            }
            QCOMPARE(response->status, 429);
            QVERIFY(!response->header("retry-after").isEmpty());
            ++refused;
        }
        QCOMPARE(held, 8);
        QCOMPARE(refused, 22);
        TestHttpClient anonymous(m_server->url(), QString());
        QCOMPARE(anonymous.get(QStringLiteral("/api/v1/health")).status, 200);
        TestHttpClient other(m_server->url(), m_tokens[Auth::OtherProject]);
        QCOMPARE(other.get(QStringLiteral("/api/v1/sync/pull?cursor=0")).status, 200);
        QCOMPARE(other.post(QStringLiteral("/api/v1/sync/push"), json(pushObject({}))).status, 200);
        // Requests without a body still go through for the same token.
        TestHttpClient same(m_server->url(), m_tokens[Auth::Foreman]);
        QCOMPARE(same.get(QStringLiteral("/api/v1/me")).status, 200);
        connections.clear(); // the held slots come back as the connections close
        QVERIFY(QTest::qWaitFor(
            [&] {
                return same.post(QStringLiteral("/api/v1/sync/push"), json(pushObject({}))).status == 200;
            },
            5000));
    }

    // Many bad requests in a row on one keep-alive connection and in parallel: the server still
    // answers a good one, and stored nothing of the bad ones.
    void serverSurvivesABarrage()
    {
        const QString before = serverState();
        QList<std::shared_ptr<RawHttp>> connections;
        for (int index = 0; index < 20; ++index) {
            auto http = std::make_shared<RawHttp>();
            QVERIFY(http->connectTo(m_server->port()));
            http->send(RawHttp::request("POST", "/api/v1/sync/push", QByteArray(20000 + index, '['),
                                        {"Authorization: Bearer " + m_tokens[Auth::Foreman].toLatin1()}));
            connections.append(http);
        }
        for (const std::shared_ptr<RawHttp> &http : connections) {
            const std::optional<RawResponse> response = http->readResponse(20000);
            QVERIFY(response);
            QCOMPARE(response->status, 400);
        }
        QCOMPARE(serverState(), before);
        TestHttpClient http(m_server->url(), m_tokens[Auth::Foreman]);
        QJsonObject change = validChange();
        const TestHttpResponse good = http.post(QStringLiteral("/api/v1/sync/push"), pushWithChange(change));
        QCOMPARE(good.status, 200);
        QCOMPARE(good.json().value(QStringLiteral("applied")).toArray().size(), 1);
        QVERIFY(serverState() != before);
    }
};

QTEST_GUILESS_MAIN(HostileInputTest)
#include "tst_hostileinput.moc"
