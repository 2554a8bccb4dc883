// The fieldsync-server process and its command line: add-user, surviving kill -9 and restart,
// clean exit on SIGTERM, refusing plain HTTP off loopback, usage errors, and the demo seed.

#include "ServerProcess.h"
#include "TestHttpClient.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTest>
#include <QUuid>

using namespace fieldsync;
using fieldsync::test::ServerProcess;
using fieldsync::test::TestHttpClient;
using fieldsync::test::TestHttpResponse;

namespace {

QString errorText(const Result<void> &result)
{
    return result ? QString() : result.error().toString();
}

QByteArray createTaskPush(const QString &title)
{
    const QJsonObject change{
        {QStringLiteral("offline_id"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
        {QStringLiteral("entity"), QStringLiteral("task")},
        {QStringLiteral("op"), QStringLiteral("create")},
        {QStringLiteral("id"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
        {QStringLiteral("data"), QJsonObject{{QStringLiteral("title"), title},
                                             {QStringLiteral("project_id"), QStringLiteral("p1")}}}};
    return QJsonDocument(QJsonObject{{QStringLiteral("device_id"), QStringLiteral("tablet-1")},
                                     {QStringLiteral("changes"), QJsonArray{change}}})
        .toJson(QJsonDocument::Compact);
}

QStringList titles(const TestHttpResponse &pull)
{
    QStringList result;
    for (const QJsonValue &record : pull.json().value(QStringLiteral("changes")).toArray())
        result.append(record.toObject()
                          .value(QStringLiteral("data"))
                          .toObject()
                          .value(QStringLiteral("title"))
                          .toString());
    return result;
}

int runServer(const QStringList &arguments, QByteArray *out = nullptr, QByteArray *err = nullptr,
              const QString &workingDirectory = QString())
{
    QProcess process;
    process.setWorkingDirectory(workingDirectory);
    process.start(ServerProcess::serverBinary(), arguments);
    if (!process.waitForFinished(15000)) {
        process.kill();
        process.waitForFinished();
        return -1;
    }
    if (out)
        *out = process.readAllStandardOutput();
    if (err)
        *err = process.readAllStandardError();
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

} // namespace

class ServerCommandLineTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void addUserWorksOnAFreshDatabaseAndPrintsTheTokenLast()
    {
        ServerProcess server;
        const Result<QString> token = server.addUser(QStringLiteral("ana"), QStringLiteral("foreman"),
                                                     {QStringLiteral("p1"), QStringLiteral("p2")});
        QVERIFY2(token.ok(), qPrintable(token ? QString() : token.error().toString()));
        QCOMPARE(token.value().size(), 64);
        if (!ServerProcess::usesPostgres())
            QVERIFY(QFile::exists(server.databasePath()));
        QVERIFY2(server.start().ok(), qPrintable(server.logs()));
        TestHttpClient http(server.url(), token.value());
        const TestHttpResponse me = http.get(QStringLiteral("/api/v1/me"));
        QCOMPARE(me.status, 200);
        QCOMPARE(me.json().value(QStringLiteral("user")).toString(), QStringLiteral("ana"));
        // A second user next to the running server works at once; the same name twice does not.
        const Result<QString> second =
            server.addUser(QStringLiteral("ben"), QStringLiteral("pm"), {QStringLiteral("p1")});
        QVERIFY(second.ok());
        TestHttpClient ben(server.url(), second.value());
        QCOMPARE(ben.get(QStringLiteral("/api/v1/me")).json().value(QStringLiteral("role")).toString(),
                 QStringLiteral("pm"));
        QVERIFY(!server.addUser(QStringLiteral("ana"), QStringLiteral("pm"), {QStringLiteral("p1")}).ok());
    }

    void dataAndTokensSurviveKillAndRestartOnTheSamePort()
    {
        ServerProcess server;
        QVERIFY(server.start().ok());
        const Result<QString> token =
            server.addUser(QStringLiteral("ana"), QStringLiteral("foreman"), {QStringLiteral("p1")});
        QVERIFY(token.ok());
        TestHttpClient before(server.url(), token.value());
        QCOMPARE(
            before
                .post(QStringLiteral("/api/v1/sync/push"), createTaskPush(QStringLiteral("Before the crash")))
                .status,
            200);

        const quint16 port = server.port();
        server.kill();
        QVERIFY(!server.isRunning());
        const Result<void> restarted = server.restart();
        QVERIFY2(restarted.ok(), qPrintable(errorText(restarted)));
        QCOMPARE(server.port(), port);
        TestHttpClient after(server.url(), token.value());
        QVERIFY(titles(after.get(QStringLiteral("/api/v1/sync/pull")))
                    .contains(QStringLiteral("Before the crash")));
    }

    void userCommandsRefuseADatabaseThatIsNotThere_data()
    {
        QTest::addColumn<QStringList>("command");
        QTest::newRow("list-users") << QStringList{QStringLiteral("list-users")};
        QTest::newRow("list-users --json")
            << QStringList{QStringLiteral("list-users"), QStringLiteral("--json")};
        QTest::newRow("revoke-token") << QStringList{QStringLiteral("revoke-token"), QStringLiteral("ana")};
        QTest::newRow("issue-token") << QStringList{QStringLiteral("issue-token"), QStringLiteral("ana")};
    }

    void userCommandsRefuseADatabaseThatIsNotThere()
    {
        // A typo in --db, or no --db in the wrong folder, must not make a new empty database and
        // answer as if it were the company's.
        QFETCH(QStringList, command);
        QTemporaryDir dir;
        const QString typo = dir.filePath(QStringLiteral("sever.db"));
        QByteArray out;
        QByteArray err;
        QCOMPARE(runServer(command + QStringList{QStringLiteral("--db"), typo}, &out, &err), 1);
        QVERIFY2(QString::fromUtf8(err).contains(QStringLiteral("no FieldSync database at ") + typo),
                 err.constData());
        QCOMPARE(err.count('\n'), 1);
        QVERIFY(out.isEmpty());
        QVERIFY(!QFile::exists(typo));

        err.clear();
        QCOMPARE(runServer(command, nullptr, &err, dir.path()), 1);
        const QString defaultPath = dir.filePath(QStringLiteral("fieldsync-server.db"));
        QVERIFY2(QString::fromUtf8(err).contains(QStringLiteral("no FieldSync database at ") + defaultPath),
                 err.constData());
        QVERIFY2(QDir(dir.path()).isEmpty(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 qPrintable(QDir(dir.path())
                                .entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot)
                                .join(QLatin1Char(' '))));

        // add-user still makes a fresh database, and then the same command finds it.
        QVERIFY(runServer({QStringLiteral("add-user"), QStringLiteral("ana"), QStringLiteral("--role"),
                           QStringLiteral("pm"), QStringLiteral("--project"), QStringLiteral("p1"),
                           QStringLiteral("--db"), typo}) == 0);
        QCOMPARE(runServer(command + QStringList{QStringLiteral("--db"), typo}, &out), 0);
        QVERIFY(out.contains("ana"));
    }

    void sigtermStopsCleanly()
    {
        ServerProcess server;
        QVERIFY(server.start().ok());
        const Result<void> stopped = server.stop();
        QVERIFY2(stopped.ok(), qPrintable(errorText(stopped)));
        QCOMPARE(server.lastExitCode(), 0);
        QVERIFY(!server.isRunning());
        QVERIFY(server.logs().contains(QStringLiteral("stopped")));
    }

    void plainHttpOffLoopbackNeedsInsecure()
    {
        QTemporaryDir dir;
        QByteArray out;
        QByteArray err;
        const int code = runServer({QStringLiteral("--listen"), QStringLiteral("0.0.0.0:0"),
                                    QStringLiteral("--db"), dir.filePath(QStringLiteral("s.db"))},
                                   &out, &err);
        QCOMPARE(code, 1);
        QVERIFY(err.contains("--insecure"));
        QVERIFY(out.isEmpty());
    }

    void usageErrorsExitWithCode2()
    {
        QByteArray err;
        QCOMPARE(runServer({QStringLiteral("--frobnicate")}, nullptr, &err), 2);
        QVERIFY(err.contains("--frobnicate"));
        QCOMPARE(runServer({QStringLiteral("add-user"), QStringLiteral("x"), QStringLiteral("--role"),
                            QStringLiteral("king"), QStringLiteral("--project"), QStringLiteral("p")}),
                 2);
        QCOMPARE(runServer({QStringLiteral("add-user"), QStringLiteral("x"), QStringLiteral("--role"),
                            QStringLiteral("pm")}),
                 2);
        QCOMPARE(runServer({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:99999")}), 2);
        QCOMPARE(runServer({QStringLiteral("--max-body"), QStringLiteral("-5")}), 2);
        // Refused before connecting: no PostgreSQL needed here.
        QCOMPARE(runServer({QStringLiteral("--db"), QStringLiteral("postgresql://fs@127.0.0.1:1/none")},
                           nullptr, &err),
                 2);
        QVERIFY(err.contains("--attachments-dir"));
        QByteArray out;
        QCOMPARE(runServer({QStringLiteral("--help")}, &out), 0);
        QVERIFY(out.contains("add-user"));
        QCOMPARE(runServer({QStringLiteral("--version")}, &out), 0);
        QVERIFY(out.startsWith("fieldsync-server "));
    }

    void demoSeedsOnceAndIssuesFreshTokensOnEveryStart()
    {
        ServerProcess demo;
        const QString tokenFile = demo.dataDir() + QStringLiteral("/tokens.json");
        demo.setExtraArguments({QStringLiteral("--demo"), QStringLiteral("--demo-token-file"), tokenFile});
        const Result<void> started = demo.start();
        QVERIFY2(started.ok(), qPrintable(errorText(started)));
        const QString foremanToken = demo.outputValue(QStringLiteral("demo foreman token: "));
        const QString pmToken = demo.outputValue(QStringLiteral("demo pm token: "));
        QVERIFY(!foremanToken.isEmpty() && !pmToken.isEmpty());
        QCOMPARE(demo.outputLines().constLast(), QStringLiteral("listening on ") + demo.url().toString());

        QFile file(tokenFile);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject tokens = QJsonDocument::fromJson(file.readAll()).object();
        QCOMPARE(tokens.value(QStringLiteral("url")).toString(), demo.url().toString());
        QCOMPARE(tokens.value(QStringLiteral("foreman_token")).toString(), foremanToken);
        QCOMPARE(tokens.value(QStringLiteral("pm_token")).toString(), pmToken);

        TestHttpClient http(demo.url(), pmToken);
        const TestHttpResponse first = http.get(QStringLiteral("/api/v1/sync/pull?limit=1000"));
        QCOMPARE(first.status, 200);
        const QJsonArray records = first.json().value(QStringLiteral("changes")).toArray();
        QMap<QString, int> perEntity;
        for (const QJsonValue &record : records)
            ++perEntity[record.toObject().value(QStringLiteral("entity")).toString()];
        QCOMPARE(perEntity.value(QStringLiteral("permit")), 8);
        QCOMPARE(perEntity.value(QStringLiteral("task")), 10);
        QVERIFY(perEntity.value(QStringLiteral("isolation_point")) > 0);
        QVERIFY(perEntity.value(QStringLiteral("gas_reading")) > 0);
        TestHttpClient foreman(demo.url(), foremanToken);
        QCOMPARE(foreman.get(QStringLiteral("/api/v1/me")).json().value(QStringLiteral("role")).toString(),
                 QStringLiteral("foreman"));

        QVERIFY(demo.restart().ok());
        const QString newPm = demo.outputValue(QStringLiteral("demo pm token: "));
        QVERIFY(!newPm.isEmpty() && newPm != pmToken);
        TestHttpClient stale(demo.url(), pmToken);
        QCOMPARE(stale.get(QStringLiteral("/api/v1/me")).status, 401);
        TestHttpClient fresh(demo.url(), newPm);
        const TestHttpResponse again = fresh.get(QStringLiteral("/api/v1/sync/pull?limit=1000"));
        QCOMPARE(again.json().value(QStringLiteral("changes")).toArray().size(), records.size());
        QCOMPARE(again.json().value(QStringLiteral("cursor")).toInt(),
                 first.json().value(QStringLiteral("cursor")).toInt());
    }
};

QTEST_GUILESS_MAIN(ServerCommandLineTest)
#include "tst_servercommandline.moc"
