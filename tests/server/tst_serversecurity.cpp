// The real fieldsync-server process as a company runs it: every endpoint filtered by project,
// tokens revoked, re-issued and listed (and never stored or logged in clear), the audit trail
// for PMs and admins only, the per-user rate limit (event WebSocket upgrades included), the
// per-user cap on event sockets, and the Prometheus metrics. Registered for
// SQLite and, as tst_serversecurity_postgresql, for PostgreSQL.

#include "ServerProcess.h"
#include "TestHttpClient.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>
#include <QWebSocket>

using namespace fieldsync;
using fieldsync::test::ServerProcess;
using fieldsync::test::TestHttpClient;
using fieldsync::test::TestHttpResponse;

namespace {

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QJsonObject change(const QString &op, const QString &id, const QJsonObject &data, qint64 clientVersion = 0,
                   const QJsonObject &base = {})
{
    return QJsonObject{{QStringLiteral("offline_id"), newId()},
                       {QStringLiteral("entity"), QStringLiteral("task")},
                       {QStringLiteral("op"), op},
                       {QStringLiteral("id"), id},
                       {QStringLiteral("client_version"), clientVersion},
                       {QStringLiteral("base"), base},
                       {QStringLiteral("data"), data}};
}

QByteArray pushBody(const QJsonArray &changes, const QString &device = QStringLiteral("tablet-1"))
{
    return QJsonDocument(QJsonObject{{QStringLiteral("device_id"), device},
                                     {QStringLiteral("client_time"), QStringLiteral("2026-11-21T10:30:00Z")},
                                     {QStringLiteral("changes"), changes}})
        .toJson(QJsonDocument::Compact);
}

QString errorCode(const TestHttpResponse &response)
{
    return response.json().value(QStringLiteral("error")).toString();
}

// Opens the events WebSocket of the server on port with token; true once connected, false once
// refused (errorString() then names the HTTP status).
bool openEvents(QWebSocket &socket, quint16 port, const QString &token)
{
    QNetworkRequest request(QUrl(QStringLiteral("ws://127.0.0.1:%1/api/v1/sync/events").arg(port)));
    request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
    request.setRawHeader("FieldSync-Protocol", "1");
    QSignalSpy failed(&socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error));
    socket.open(request);
    const bool settled = QTest::qWaitFor(
        [&] { return socket.state() == QAbstractSocket::ConnectedState || !failed.isEmpty(); }, 5000);
    return settled && socket.state() == QAbstractSocket::ConnectedState;
}

// The value of one sample line of the Prometheus text, 0 when it is not there.
double metricValue(const QByteArray &metrics, const QByteArray &nameAndLabels)
{
    for (const QByteArray &line : metrics.split('\n')) {
        if (line.startsWith(QByteArray(nameAndLabels + ' ')))
            return line.mid(nameAndLabels.size() + 1).toDouble();
    }
    return 0;
}

} // namespace

class ServerSecurityTest : public QObject
{
    Q_OBJECT

private:
    ServerProcess m_server;
    QString m_foreman;  // p1
    QString m_pm;       // p1
    QString m_admin;    // p1, p2
    QString m_outsider; // p2 only

    TestHttpClient client(const QString &token) { return TestHttpClient(m_server.url(), token); }

    // A task created in project by token, and its id.
    QString createTask(const QString &token, const QString &project, const QString &title)
    {
        const QString id = newId();
        TestHttpClient http = client(token);
        const TestHttpResponse response = http.post(
            QStringLiteral("/api/v1/sync/push"),
            pushBody({change(QStringLiteral("create"), id,
                             {{QStringLiteral("title"), title}, {QStringLiteral("project_id"), project}})}));
        if (response.status != 200 || response.json().value(QStringLiteral("applied")).toArray().size() != 1)
            qWarning() << "create failed" << response.status << response.body;
        return id;
    }

    QStringList pulledIds(const QString &token)
    {
        TestHttpClient http = client(token);
        QStringList ids;
        const TestHttpResponse response = http.get(QStringLiteral("/api/v1/sync/pull?cursor=0&limit=1000"));
        for (const QJsonValue &record : response.json().value(QStringLiteral("changes")).toArray())
            ids.append(record.toObject().value(QStringLiteral("id")).toString());
        return ids;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const Result<void> started = m_server.start();
        QVERIFY2(started.ok(), qPrintable(started ? QString() : started.error().toString()));
        const auto add = [this](const QString &name, const QString &role, const QStringList &projects) {
            const Result<QString> token = m_server.addUser(name, role, projects);
            return token ? token.value() : QString();
        };
        m_foreman = add(QStringLiteral("fiona"), QStringLiteral("foreman"), {QStringLiteral("p1")});
        m_pm = add(QStringLiteral("paul"), QStringLiteral("pm"), {QStringLiteral("p1")});
        m_admin =
            add(QStringLiteral("ada"), QStringLiteral("admin"), {QStringLiteral("p1"), QStringLiteral("p2")});
        m_outsider = add(QStringLiteral("olga"), QStringLiteral("pm"), {QStringLiteral("p2")});
        QVERIFY(!m_foreman.isEmpty() && !m_pm.isEmpty() && !m_admin.isEmpty() && !m_outsider.isEmpty());
    }

    void everyEndpointIsFilteredByProject()
    {
        const QString p1Task = createTask(m_foreman, QStringLiteral("p1"), QStringLiteral("In p1"));
        const QString p2Task = createTask(m_outsider, QStringLiteral("p2"), QStringLiteral("In p2"));

        // me: only one's own projects.
        TestHttpClient outsider = client(m_outsider);
        QCOMPARE(
            outsider.get(QStringLiteral("/api/v1/me")).json().value(QStringLiteral("projects")).toArray(),
            QJsonArray{QStringLiteral("p2")});
        // pull: only one's own projects' records.
        QVERIFY(pulledIds(m_foreman).contains(p1Task));
        QVERIFY(!pulledIds(m_foreman).contains(p2Task));
        QVERIFY(pulledIds(m_outsider).contains(p2Task));
        QVERIFY(!pulledIds(m_outsider).contains(p1Task));
        const QStringList adminSees = pulledIds(m_admin);
        QVERIFY(adminSees.contains(p1Task) && adminSees.contains(p2Task));

        // push: no create in a project one is not in, no update or delete of its records (they
        // do not exist for the outsider: not_found, not forbidden, so nothing leaks).
        const TestHttpResponse pushed =
            outsider.post(QStringLiteral("/api/v1/sync/push"),
                          pushBody({change(QStringLiteral("create"), newId(),
                                           {{QStringLiteral("title"), QStringLiteral("x")},
                                            {QStringLiteral("project_id"), QStringLiteral("p1")}}),
                                    change(QStringLiteral("update"), p1Task,
                                           {{QStringLiteral("title"), QStringLiteral("y")}}, 1,
                                           {{QStringLiteral("title"), QStringLiteral("In p1")}}),
                                    change(QStringLiteral("delete"), p1Task, {}, 1)}));
        QCOMPARE(pushed.status, 200);
        const QJsonArray rejected = pushed.json().value(QStringLiteral("rejected")).toArray();
        QCOMPARE(rejected.size(), 3);
        QCOMPARE(rejected.at(0).toObject().value(QStringLiteral("reason")).toString(),
                 QStringLiteral("forbidden"));
        QCOMPARE(rejected.at(1).toObject().value(QStringLiteral("reason")).toString(),
                 QStringLiteral("not_found"));
        QCOMPARE(rejected.at(2).toObject().value(QStringLiteral("reason")).toString(),
                 QStringLiteral("not_found"));

        // audit: a record of another project does not exist.
        const TestHttpResponse audit = outsider.get(QStringLiteral("/api/v1/audit?record=") + p1Task);
        QCOMPARE(audit.status, 404);
        QVERIFY(!audit.body.contains("In p1"));
    }

    void eventsReachOnlyThoseInTheProject()
    {
        const auto watch = [this](QWebSocket &socket, const QString &token, const QByteArray &device) {
            QNetworkRequest request(
                QUrl(QStringLiteral("ws://127.0.0.1:%1/api/v1/sync/events").arg(m_server.port())));
            request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
            request.setRawHeader("FieldSync-Protocol", "1");
            request.setRawHeader("FieldSync-Device-Id", device);
            socket.open(request);
            return QTest::qWaitFor([&] { return socket.state() == QAbstractSocket::ConnectedState; }, 5000);
        };
        QWebSocket member;
        QWebSocket outsider;
        if (!watch(member, m_pm, "pm-desk"))
            QFAIL("the events WebSocket did not connect");
        QVERIFY(watch(outsider, m_outsider, "p2-desk"));
        QTest::qWait(200); // the server subscribes a socket once its handshake is done
        QSignalSpy memberHeard(&member, &QWebSocket::textMessageReceived);
        QSignalSpy outsiderHeard(&outsider, &QWebSocket::textMessageReceived);
        createTask(m_foreman, QStringLiteral("p1"), QStringLiteral("Only p1 hears"));
        // The push's own blocking call spins the event loop, so the event may be in already.
        QVERIFY(memberHeard.size() > 0 || memberHeard.wait(5000));
        QTest::qWait(300);
        QCOMPARE(outsiderHeard.size(), 0);
    }

    void auditTrailIsForPmsAndAdminsOfTheProject()
    {
        const QString id = createTask(m_foreman, QStringLiteral("p1"), QStringLiteral("Scaffold check"));
        TestHttpClient foreman = client(m_foreman);
        QCOMPARE(
            foreman
                .post(QStringLiteral("/api/v1/sync/push"),
                      pushBody({change(QStringLiteral("update"), id,
                                       {{QStringLiteral("title"), QStringLiteral("Scaffold checked")}}, 1,
                                       {{QStringLiteral("title"), QStringLiteral("Scaffold check")}})},
                               QStringLiteral("tablet-7")))
                .status,
            200);

        const TestHttpResponse denied = foreman.get(QStringLiteral("/api/v1/audit?record=") + id);
        QCOMPARE(denied.status, 403);
        QCOMPARE(errorCode(denied), QStringLiteral("forbidden"));
        QCOMPARE(client(m_pm).get(QStringLiteral("/api/v1/audit")).status, 400);
        QCOMPARE(client(m_pm).get(QStringLiteral("/api/v1/audit?record=") + newId()).status, 404);
        QCOMPARE(client(QStringLiteral("nope")).get(QStringLiteral("/api/v1/audit?record=") + id).status,
                 401);

        for (const QString &token : {m_pm, m_admin}) {
            const TestHttpResponse audit = client(token).get(QStringLiteral("/api/v1/audit?record=") + id);
            QCOMPARE(audit.status, 200);
            const QJsonObject body = audit.json();
            QCOMPARE(body.value(QStringLiteral("project_id")).toString(), QStringLiteral("p1"));
            const QJsonArray entries = body.value(QStringLiteral("entries")).toArray();
            QCOMPARE(entries.size(), 2);
            const QJsonObject created = entries.at(0).toObject();
            const QJsonObject updated = entries.at(1).toObject();
            QCOMPARE(created.value(QStringLiteral("user")).toString(), QStringLiteral("fiona"));
            QVERIFY(created.value(QStringLiteral("before")).isNull());
            QCOMPARE(
                created.value(QStringLiteral("after")).toObject().value(QStringLiteral("title")).toString(),
                QStringLiteral("Scaffold check"));
            QCOMPARE(updated.value(QStringLiteral("device_id")).toString(), QStringLiteral("tablet-7"));
            QCOMPARE(updated.value(QStringLiteral("client_time")).toString(),
                     QStringLiteral("2026-11-21T10:30:00Z"));
            QVERIFY(!updated.value(QStringLiteral("at")).toString().isEmpty());
            QCOMPARE(
                updated.value(QStringLiteral("before")).toObject().value(QStringLiteral("title")).toString(),
                QStringLiteral("Scaffold check"));
            QCOMPARE(
                updated.value(QStringLiteral("after")).toObject().value(QStringLiteral("title")).toString(),
                QStringLiteral("Scaffold checked"));
        }
    }

    void revokedTokensStopAtOnceAndIssuedOnesWork()
    {
        const Result<QString> token =
            m_server.addUser(QStringLiteral("rita"), QStringLiteral("foreman"), {QStringLiteral("p1")});
        QVERIFY(token.ok());
        QCOMPARE(client(token.value()).get(QStringLiteral("/api/v1/me")).status, 200);

        const ServerProcess::CommandResult revoked =
            m_server.runCommand({QStringLiteral("revoke-token"), QStringLiteral("rita")});
        QCOMPARE(revoked.exitCode, 0);
        QCOMPARE(client(token.value()).get(QStringLiteral("/api/v1/me")).status, 401);
        QCOMPARE(m_server.runCommand({QStringLiteral("revoke-token"), QStringLiteral("nobody")}).exitCode, 3);

        const ServerProcess::CommandResult listed =
            m_server.runCommand({QStringLiteral("list-users"), QStringLiteral("--json")});
        QCOMPARE(listed.exitCode, 0);
        const QJsonArray users = QJsonDocument::fromJson(listed.out.toUtf8()).array();
        QCOMPARE(users.size(), 5);
        bool sawRita = false;
        for (const QJsonValue &value : users) {
            const QJsonObject user = value.toObject();
            if (user.value(QStringLiteral("name")).toString() == QLatin1String("rita")) {
                sawRita = true;
                QVERIFY(user.value(QStringLiteral("revoked")).toBool());
                QCOMPARE(user.value(QStringLiteral("role")).toString(), QStringLiteral("foreman"));
            }
            if (user.value(QStringLiteral("name")).toString() == QLatin1String("ada"))
                QCOMPARE(user.value(QStringLiteral("projects")).toArray().size(), 2);
        }
        QVERIFY(sawRita);
        QVERIFY(!listed.out.contains(token.value()));
        const ServerProcess::CommandResult table = m_server.runCommand({QStringLiteral("list-users")});
        QVERIFY(table.out.contains(QStringLiteral("revoked")));

        const ServerProcess::CommandResult issued =
            m_server.runCommand({QStringLiteral("issue-token"), QStringLiteral("rita")});
        QCOMPARE(issued.exitCode, 0);
        const QString fresh = issued.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts).constLast().trimmed();
        QCOMPARE(fresh.size(), 64);
        QCOMPARE(client(fresh).get(QStringLiteral("/api/v1/me")).status, 200);
        QCOMPARE(client(token.value()).get(QStringLiteral("/api/v1/me")).status, 401);
    }

    void tokensAreNeitherStoredNorLoggedInClear()
    {
        // Every token has been used above; none may be in the server's logs, nor in its
        // database file (SQLite; on PostgreSQL list-users showed only what it should).
        const QString logs = m_server.logs();
        for (const QString &token : {m_foreman, m_pm, m_admin, m_outsider})
            QVERIFY(!logs.contains(token));
        if (ServerProcess::usesPostgres())
            return;
        const QStringList files{m_server.databasePath(), m_server.databasePath() + QStringLiteral("-wal")};
        for (const QString &file : files) {
            QFile database(file);
            if (!database.open(QIODevice::ReadOnly))
                continue;
            const QByteArray bytes = database.readAll();
            for (const QString &token : {m_foreman, m_pm, m_admin, m_outsider})
                QVERIFY(!bytes.contains(token.toLatin1()));
        }
    }

    void metricsAreInPrometheusTextFormat()
    {
        createTask(m_foreman, QStringLiteral("p1"), QStringLiteral("For the counters"));
        TestHttpClient anonymous = client(QString());
        const TestHttpResponse response = anonymous.get(QStringLiteral("/api/v1/metrics"));
        QCOMPARE(response.status, 200);
        QVERIFY(response.header("content-type").startsWith("text/plain"));
        const QString text = QString::fromUtf8(response.body);
        static const QRegularExpression sampleLine(
            QStringLiteral("^[a-zA-Z_:][a-zA-Z0-9_:]*(\\{[a-zA-Z_][a-zA-Z0-9_]*=\"[^\"]*\"(,[a-zA-Z_][a-zA-"
                           "Z0-9_]*=\"[^\"]*\")*\\})? "
                           "([-+0-9.eE]+|[-+]Inf|NaN)$"));
        QHash<QString, double> values;
        for (const QString &line : text.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            if (line.startsWith(QLatin1String("# HELP ")) || line.startsWith(QLatin1String("# TYPE ")))
                continue;
            QVERIFY2(sampleLine.match(line).hasMatch(), qPrintable(line));
            values.insert(line.section(QLatin1Char(' '), 0, 0), line.section(QLatin1Char(' '), 1).toDouble());
        }
        QVERIFY(values.value(QStringLiteral("fieldsync_pushes_total")) >= 1);
        QVERIFY(values.value(QStringLiteral("fieldsync_changes_applied_total")) >= 1);
        QVERIFY(values.contains(QStringLiteral("fieldsync_conflicts_total")));
        QVERIFY(values.value(QStringLiteral("fieldsync_rejections_total")) >= 3);
        QVERIFY(values.contains(QStringLiteral("fieldsync_websockets_open")));
        QVERIFY(values.value(QStringLiteral("process_resident_memory_bytes")) > 0);
        QVERIFY(values.value(QStringLiteral(
                    "fieldsync_http_request_duration_seconds_count{route=\"/api/v1/sync/push\"}")) >= 1);
        QVERIFY(values.contains(QStringLiteral(
            "fieldsync_http_request_duration_seconds_bucket{route=\"/api/v1/sync/push\",le=\"+Inf\"}")));
        QVERIFY(text.contains(QStringLiteral("# TYPE fieldsync_http_request_duration_seconds histogram")));
    }

    void oneUserCannotHoldMoreEventSocketsThanItsCapAndUpgradesAreCounted()
    {
        ServerProcess capped({QStringLiteral("--max-event-sockets-per-user"), QStringLiteral("2")});
        QVERIFY2(capped.start().ok(), qPrintable(capped.logs()));
        const Result<QString> greedy =
            capped.addUser(QStringLiteral("greedy"), QStringLiteral("foreman"), {QStringLiteral("p1")});
        const Result<QString> other =
            capped.addUser(QStringLiteral("other"), QStringLiteral("foreman"), {QStringLiteral("p1")});
        QVERIFY(greedy.ok() && other.ok());
        QWebSocket first;
        QWebSocket second;
        QWebSocket third;
        QVERIFY(openEvents(first, capped.port(), greedy.value()));
        QVERIFY(openEvents(second, capped.port(), greedy.value()));
        QVERIFY(!openEvents(third, capped.port(), greedy.value()));
        QVERIFY2(third.errorString().contains(QLatin1String("429")), qPrintable(third.errorString()));
        QWebSocket others;
        QVERIFY(openEvents(others, capped.port(), other.value()));
        QWebSocket anonymous;
        QVERIFY(!openEvents(anonymous, capped.port(), QStringLiteral("not-a-token")));

        const TestHttpResponse metrics = TestHttpClient(capped.url()).get(QStringLiteral("/api/v1/metrics"));
        QCOMPARE(metrics.status, 200);
        const auto requests = [&](const char *code) {
            return metricValue(metrics.body,
                               QByteArray("fieldsync_http_requests_total{route=\"/api/v1/sync/events\","
                                          "code=\"") +
                                   code + "\"}");
        };
        QCOMPARE(requests("101"), 3.0);
        QCOMPARE(requests("429"), 1.0);
        QCOMPARE(requests("401"), 1.0);
        QCOMPARE(metricValue(metrics.body,
                             "fieldsync_http_request_duration_seconds_count{route=\"/api/v1/sync/events\"}"),
                 5.0);
        QCOMPARE(metricValue(metrics.body, "fieldsync_websockets_open"), 3.0);
        QVERIFY(capped.logs().contains(QStringLiteral("per-user cap reached")));
    }

    void rateLimitAnswers429WithRetryAfterButSparesHealthAndMetrics()
    {
        ServerProcess limited({QStringLiteral("--rate-limit"), QStringLiteral("5/1")});
        QVERIFY2(limited.start().ok(), qPrintable(limited.logs()));
        const Result<QString> token =
            limited.addUser(QStringLiteral("fast"), QStringLiteral("foreman"), {QStringLiteral("p1")});
        QVERIFY(token.ok());
        TestHttpClient http(limited.url(), token.value());
        for (int index = 0; index < 5; ++index)
            QCOMPARE(http.get(QStringLiteral("/api/v1/me")).status, 200);
        const TestHttpResponse refused = http.get(QStringLiteral("/api/v1/me"));
        QCOMPARE(refused.status, 429);
        QCOMPARE(errorCode(refused), QStringLiteral("rate_limited"));
        QVERIFY(refused.header("retry-after").toInt() >= 1);
        // An event WebSocket upgrade is a request like the others: refused too.
        QWebSocket events;
        QVERIFY(!openEvents(events, limited.port(), token.value()));
        QVERIFY2(events.errorString().contains(QLatin1String("429")), qPrintable(events.errorString()));
        // Another user has a bucket of their own.
        const Result<QString> other =
            limited.addUser(QStringLiteral("calm"), QStringLiteral("foreman"), {QStringLiteral("p1")});
        QVERIFY(other.ok());
        QCOMPARE(TestHttpClient(limited.url(), other.value()).get(QStringLiteral("/api/v1/me")).status, 200);
        // Health and metrics are never limited.
        for (int index = 0; index < 20; ++index) {
            QCOMPARE(http.get(QStringLiteral("/api/v1/health")).status, 200);
            QCOMPARE(http.get(QStringLiteral("/api/v1/metrics")).status, 200);
        }
        const QByteArray metrics = http.get(QStringLiteral("/api/v1/metrics")).body;
        QCOMPARE(metricValue(metrics, "fieldsync_rate_limited_total"), 2.0);
        QCOMPARE(
            metricValue(metrics, "fieldsync_http_requests_total{route=\"/api/v1/sync/events\",code=\"429\"}"),
            1.0);
        // The bucket refills: a second later one more request goes through.
        QTest::qWait(1100);
        QCOMPARE(http.get(QStringLiteral("/api/v1/me")).status, 200);
    }
};

QTEST_GUILESS_MAIN(ServerSecurityTest)
#include "tst_serversecurity.moc"
