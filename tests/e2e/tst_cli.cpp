// The headless device: fieldsync-cli processes against the real server, checking the documented
// commands, their --json shapes and their exit codes.
#include "CliRunner.h"
#include "ServerProcess.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace fieldsync;
using namespace fieldsync::test;

class CliTest : public QObject
{
    Q_OBJECT

private:
    ServerProcess m_server;
    QString m_foremanToken;
    QString m_foreman2Token;
    QTemporaryDir m_dirs;

    CliRunner device(const QString &name) const { return CliRunner(m_dirs.filePath(name)); }

    static QJsonObject object(const CliResult &result) { return result.json().object(); }
    static QJsonArray array(const CliResult &result) { return result.json().array(); }

private slots:
    void initTestCase()
    {
        const Result<void> started = m_server.start();
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().toString()));
        const Result<QString> foreman =
            m_server.addUser(QStringLiteral("ana"), QStringLiteral("foreman"), {QStringLiteral("site")});
        const Result<QString> foreman2 =
            m_server.addUser(QStringLiteral("ben"), QStringLiteral("foreman"), {QStringLiteral("site")});
        QVERIFY(foreman && foreman2);
        m_foremanToken = foreman.value();
        m_foreman2Token = foreman2.value();
    }

    void loginWorksOfflineAndWarns()
    {
        const CliRunner cli = device(QStringLiteral("offline"));
        const CliResult login = cli.run({QStringLiteral("login"), QStringLiteral("--server"),
                                         QStringLiteral("http://127.0.0.1:1"), QStringLiteral("--token"),
                                         QStringLiteral("whatever")});
        QCOMPARE(login.exitCode, 0);
        QVERIFY2(login.err.contains("warning"), login.err.constData());
        // Work goes on offline: the edit is queued, the sync fails with a reason and the counts.
        const CliResult created =
            cli.run({QStringLiteral("create"), QStringLiteral("task"), QStringLiteral("title=Sweep level 3"),
                     QStringLiteral("project_id=site"), QStringLiteral("--json")});
        QCOMPARE(created.exitCode, 0);
        QVERIFY(!object(created).value(QStringLiteral("id")).toString().isEmpty());
        const CliResult sync = cli.run({QStringLiteral("sync"), QStringLiteral("--json")});
        QVERIFY(sync.exitCode != 0);
        QCOMPARE(object(sync).value(QStringLiteral("pending")).toInt(), 1);
        QVERIFY(object(sync).value(QStringLiteral("error")).toString().startsWith(QStringLiteral("network")));
        QCOMPARE(sync.err.count('\n'), 1);
        const CliResult status = cli.run({QStringLiteral("status"), QStringLiteral("--json")});
        QCOMPARE(object(status).value(QStringLiteral("pending")).toInt(), 1);
        QCOMPARE(object(status).value(QStringLiteral("last_sync")), QJsonValue(QJsonValue::Null));

        // A server that answers, but not for this token, is not called unreachable.
        const CliResult refused =
            device(QStringLiteral("wrong-token"))
                .run({QStringLiteral("login"), QStringLiteral("--server"), m_server.url().toString(),
                      QStringLiteral("--token"), QStringLiteral("not-a-token")});
        QCOMPARE(refused.exitCode, 0);
        QVERIFY2(refused.err.contains("did not accept the token"), refused.err.constData());
    }

    void offlineLoginLearnsWhoItIsAtTheFirstSync()
    {
        // Set up on site with no signal: the token is saved unverified, and the first sync that
        // reaches the server fills in the user, role and projects, so that a PM is not held to a
        // foreman's rules and edits need no project_id.
        ServerProcess server;
        QVERIFY(server.start().ok());
        const Result<QString> pm =
            server.addUser(QStringLiteral("pia"), QStringLiteral("pm"), {QStringLiteral("yard")});
        QVERIFY(pm);
        const QString url = server.url().toString();
        QVERIFY(server.stop().ok());

        const CliRunner cli = device(QStringLiteral("offline-pm"));
        const CliResult login = cli.run({QStringLiteral("login"), QStringLiteral("--server"), url,
                                         QStringLiteral("--token"), pm.value()});
        QCOMPARE(login.exitCode, 0);
        QVERIFY2(login.err.contains("warning"), login.err.constData());
        QCOMPARE(object(cli.run({QStringLiteral("status"), QStringLiteral("--json")}))
                     .value(QStringLiteral("user"))
                     .toString(),
                 QString());

        QVERIFY(server.restart().ok());
        QCOMPARE(server.url().toString(), url);
        const CliResult sync = cli.run({QStringLiteral("sync"), QStringLiteral("--json")});
        QVERIFY2(sync.exitCode == 0, sync.err.constData());
        const QJsonObject status = object(cli.run({QStringLiteral("status"), QStringLiteral("--json")}));
        QCOMPARE(status.value(QStringLiteral("user")).toString(), QStringLiteral("pia"));
        QCOMPARE(status.value(QStringLiteral("project")).toString(), QStringLiteral("yard"));

        const CliResult created =
            cli.run({QStringLiteral("create"), QStringLiteral("permit"),
                     QStringLiteral("title=Crane lift, bay 2"), QStringLiteral("--json")});
        QVERIFY2(created.exitCode == 0, created.err.constData());
        const QString id = object(created).value(QStringLiteral("id")).toString();
        const CliResult submitted = cli.run({QStringLiteral("edit"), id, QStringLiteral("status=submitted")});
        QVERIFY2(submitted.exitCode == 0, submitted.err.constData());
        const CliResult approved = cli.run({QStringLiteral("edit"), id, QStringLiteral("status=approved")});
        QVERIFY2(approved.exitCode == 0, approved.err.constData());
    }

    void createSyncListAndStatusJsonShapes()
    {
        const CliRunner cli = device(QStringLiteral("shapes"));
        QCOMPARE(cli.run({QStringLiteral("login"), QStringLiteral("--server"), m_server.url().toString(),
                          QStringLiteral("--token"), m_foremanToken})
                     .exitCode,
                 0);
        const CliResult created = cli.run(
            {QStringLiteral("create"), QStringLiteral("permit"), QStringLiteral("title=Hot work, bay 4"),
             QStringLiteral("ppe_requirements=helmet,gloves"),
             QStringLiteral("safety_checklist.fire_watch=true"), QStringLiteral("--json")});
        QCOMPARE(created.exitCode, 0);
        const QString id = object(created).value(QStringLiteral("id")).toString();
        const CliResult reading =
            cli.run({QStringLiteral("create"), QStringLiteral("gas-reading"),
                     QStringLiteral("permit_id=") + id, QStringLiteral("gas=LEL"),
                     QStringLiteral("value=4.5"), QStringLiteral("unit=%LEL"), QStringLiteral("--json")});
        QCOMPARE(reading.exitCode, 0);

        const CliResult sync = cli.run({QStringLiteral("sync"), QStringLiteral("--json")});
        QCOMPARE(sync.exitCode, 0);
        const QJsonObject counts = object(sync);
        QCOMPARE(counts.value(QStringLiteral("pushed")).toInt(), 2);
        QCOMPARE(counts.value(QStringLiteral("applied")).toInt(), 2);
        QCOMPARE(counts.value(QStringLiteral("conflicts")).toInt(), 0);
        QCOMPARE(counts.value(QStringLiteral("rejected")).toInt(), 0);
        QCOMPARE(counts.value(QStringLiteral("pending")).toInt(), 0);
        QVERIFY(counts.value(QStringLiteral("pulled")).toInt() >= 2);

        const QJsonArray permits =
            array(cli.run({QStringLiteral("list"), QStringLiteral("permits"), QStringLiteral("--json")}));
        QJsonObject permit;
        for (const QJsonValue &value : permits) {
            if (value.toObject().value(QStringLiteral("id")).toString() == id)
                permit = value.toObject();
        }
        QCOMPARE(permit.value(QStringLiteral("version")).toInt(), 1);
        QCOMPARE(permit.value(QStringLiteral("title")).toString(), QStringLiteral("Hot work, bay 4"));
        QCOMPARE(permit.value(QStringLiteral("status")).toString(), QStringLiteral("draft"));
        QCOMPARE(permit.value(QStringLiteral("ppe_requirements")).toArray(),
                 (QJsonArray{QStringLiteral("gloves"), QStringLiteral("helmet")}));
        QCOMPARE(permit.value(QStringLiteral("safety_checklist"))
                     .toObject()
                     .value(QStringLiteral("fire_watch"))
                     .toBool(),
                 true);

        const QJsonObject status = object(cli.run({QStringLiteral("status"), QStringLiteral("--json")}));
        QVERIFY(!status.value(QStringLiteral("device_id")).toString().isEmpty());
        QCOMPARE(status.value(QStringLiteral("pending")).toInt(), 0);
        QCOMPARE(status.value(QStringLiteral("conflicts")).toInt(), 0);
        QCOMPARE(status.value(QStringLiteral("rejected")).toInt(), 0);
        QVERIFY(!status.value(QStringLiteral("last_sync")).toString().isEmpty());
    }

    void conflictResolvedPerFieldOnTheCommandLine()
    {
        const CliRunner a = device(QStringLiteral("conflict-a"));
        const CliRunner b = device(QStringLiteral("conflict-b"));
        a.run({QStringLiteral("login"), QStringLiteral("--server"), m_server.url().toString(),
               QStringLiteral("--token"), m_foremanToken});
        b.run({QStringLiteral("login"), QStringLiteral("--server"), m_server.url().toString(),
               QStringLiteral("--token"), m_foreman2Token});
        const QString id = object(a.run({QStringLiteral("create"), QStringLiteral("permit"),
                                         QStringLiteral("title=Scaffold"), QStringLiteral("location=East"),
                                         QStringLiteral("--json")}))
                               .value(QStringLiteral("id"))
                               .toString();
        QCOMPARE(a.run({QStringLiteral("sync")}).exitCode, 0);
        QCOMPARE(b.run({QStringLiteral("sync")}).exitCode, 0);
        QCOMPARE(a.run({QStringLiteral("edit"), id, QStringLiteral("title=Scaffold A"),
                        QStringLiteral("location=East 1")})
                     .exitCode,
                 0);
        QCOMPARE(b.run({QStringLiteral("edit"), id, QStringLiteral("title=Scaffold B"),
                        QStringLiteral("location=East 2")})
                     .exitCode,
                 0);
        QCOMPARE(a.run({QStringLiteral("sync")}).exitCode, 0);
        const CliResult sync = b.run({QStringLiteral("sync"), QStringLiteral("--json")});
        QCOMPARE(sync.exitCode, 0);
        QCOMPARE(object(sync).value(QStringLiteral("conflicts")).toInt(), 1);

        const QJsonArray conflicts = array(b.run({QStringLiteral("conflicts"), QStringLiteral("--json")}));
        QCOMPARE(conflicts.size(), 1);
        const QJsonObject conflict = conflicts.first().toObject();
        QCOMPARE(conflict.value(QStringLiteral("record_id")).toString(), id);
        QCOMPARE(conflict.value(QStringLiteral("entity")).toString(), QStringLiteral("permit"));
        const QJsonObject title =
            conflict.value(QStringLiteral("fields")).toObject().value(QStringLiteral("title")).toObject();
        QCOMPARE(title.value(QStringLiteral("base")).toString(), QStringLiteral("Scaffold"));
        QCOMPARE(title.value(QStringLiteral("mine")).toString(), QStringLiteral("Scaffold B"));
        QCOMPARE(title.value(QStringLiteral("server")).toString(), QStringLiteral("Scaffold A"));
        QCOMPARE(title.value(QStringLiteral("hint")).toString(), QStringLiteral("manual"));
        const QString conflictId = conflict.value(QStringLiteral("id")).toString();

        // Every conflicting field must be named.
        const CliResult partial = b.run(
            {QStringLiteral("resolve"), conflictId, QStringLiteral("--take"), QStringLiteral("title=mine")});
        QVERIFY(partial.exitCode != 0);
        QVERIFY(partial.err.contains("location"));
        // Two answers for one field are refused, not settled by whichever came last.
        const CliResult twice = b.run({QStringLiteral("resolve"), conflictId, QStringLiteral("--take"),
                                       QStringLiteral("title=mine,title=server,location=server")});
        QCOMPARE(twice.exitCode, 2);
        QVERIFY2(twice.err.contains("title twice"), twice.err.constData());
        const CliResult resolved =
            b.run({QStringLiteral("resolve"), conflictId, QStringLiteral("--take"),
                   QStringLiteral("title=mine,location=server"), QStringLiteral("--json")});
        QCOMPARE(resolved.exitCode, 0);
        QCOMPARE(object(resolved).value(QStringLiteral("queued")).toBool(), true);
        QCOMPARE(b.run({QStringLiteral("sync")}).exitCode, 0);
        QCOMPARE(a.run({QStringLiteral("sync")}).exitCode, 0);
        for (const CliRunner *cli : {&a, &b}) {
            const QJsonArray permits = array(
                cli->run({QStringLiteral("list"), QStringLiteral("permits"), QStringLiteral("--json")}));
            bool seen = false;
            for (const QJsonValue &value : permits) {
                const QJsonObject permit = value.toObject();
                if (permit.value(QStringLiteral("id")).toString() != id)
                    continue;
                seen = true;
                QCOMPARE(permit.value(QStringLiteral("title")).toString(), QStringLiteral("Scaffold B"));
                QCOMPARE(permit.value(QStringLiteral("location")).toString(), QStringLiteral("East 1"));
            }
            QVERIFY(seen);
        }
    }

    void rejectedChangeIsListedAndDiscarded()
    {
        const CliRunner cli = device(QStringLiteral("rejected"));
        cli.run({QStringLiteral("login"), QStringLiteral("--server"), m_server.url().toString(),
                 QStringLiteral("--token"), m_foremanToken});
        // A project the foreman is not a member of: the server refuses the create.
        const QString id = object(cli.run({QStringLiteral("create"), QStringLiteral("task"),
                                           QStringLiteral("title=Elsewhere"),
                                           QStringLiteral("project_id=not-mine"), QStringLiteral("--json")}))
                               .value(QStringLiteral("id"))
                               .toString();
        const CliResult sync = cli.run({QStringLiteral("sync"), QStringLiteral("--json")});
        QCOMPARE(sync.exitCode, 0);
        QCOMPARE(object(sync).value(QStringLiteral("rejected")).toInt(), 1);
        const QJsonArray rejected =
            array(cli.run({QStringLiteral("list"), QStringLiteral("rejected"), QStringLiteral("--json")}));
        QCOMPARE(rejected.size(), 1);
        const QJsonObject entry = rejected.first().toObject();
        QCOMPARE(entry.value(QStringLiteral("record_id")).toString(), id);
        QCOMPARE(entry.value(QStringLiteral("entity")).toString(), QStringLiteral("task"));
        QCOMPARE(entry.value(QStringLiteral("reason")).toString(), QStringLiteral("forbidden"));
        QVERIFY(!entry.value(QStringLiteral("detail")).toString().isEmpty());
        QCOMPARE(object(cli.run({QStringLiteral("status"), QStringLiteral("--json")}))
                     .value(QStringLiteral("rejected"))
                     .toInt(),
                 1);

        QCOMPARE(cli.run({QStringLiteral("discard"), entry.value(QStringLiteral("id")).toString()}).exitCode,
                 0);
        QCOMPARE(
            array(cli.run({QStringLiteral("list"), QStringLiteral("rejected"), QStringLiteral("--json")}))
                .size(),
            0);
        // The never-synced record goes with its refused create.
        const QJsonArray tasks =
            array(cli.run({QStringLiteral("list"), QStringLiteral("tasks"), QStringLiteral("--json")}));
        for (const QJsonValue &task : tasks)
            QVERIFY(task.toObject().value(QStringLiteral("id")).toString() != id);
    }

    void aChangeTooLargeForTheServerIsRejectedAndCountedAsPushed()
    {
        ServerProcess server({QStringLiteral("--max-body"), QStringLiteral("4000")});
        QVERIFY(server.start().ok());
        const Result<QString> token =
            server.addUser(QStringLiteral("ana"), QStringLiteral("foreman"), {QStringLiteral("site")});
        QVERIFY(token);
        const CliRunner cli = device(QStringLiteral("too-large"));
        QCOMPARE(cli.run({QStringLiteral("login"), QStringLiteral("--server"), server.url().toString(),
                          QStringLiteral("--token"), token.value()})
                     .exitCode,
                 0);
        QCOMPARE(cli.run({QStringLiteral("create"), QStringLiteral("task"), QStringLiteral("title=Small")})
                     .exitCode,
                 0);
        QCOMPARE(cli.run({QStringLiteral("create"), QStringLiteral("task"), QStringLiteral("title=Large"),
                          QStringLiteral("description=") + QString(6000, QLatin1Char('x'))})
                     .exitCode,
                 0);
        const CliResult sync = cli.run({QStringLiteral("sync"), QStringLiteral("--json")});
        QVERIFY2(sync.exitCode == 0, sync.err.constData());
        const QJsonObject counts = object(sync);
        QCOMPARE(counts.value(QStringLiteral("pushed")).toInt(), 2);
        QCOMPARE(counts.value(QStringLiteral("applied")).toInt(), 1);
        QCOMPARE(counts.value(QStringLiteral("rejected")).toInt(), 1);
        QCOMPARE(counts.value(QStringLiteral("pending")).toInt(), 0);
        const QJsonArray rejected =
            array(cli.run({QStringLiteral("list"), QStringLiteral("rejected"), QStringLiteral("--json")}));
        QCOMPARE(rejected.size(), 1);
        QCOMPARE(rejected.first().toObject().value(QStringLiteral("reason")).toString(),
                 QStringLiteral("too_large"));
    }

    void badInputGivesOneLineAndNonZeroExit()
    {
        const CliRunner cli = device(QStringLiteral("bad"));
        QList<QStringList> cases{
            {QStringLiteral("create"), QStringLiteral("permit"), QStringLiteral("nosuchfield=1"),
             QStringLiteral("project_id=site")},
            {QStringLiteral("create"), QStringLiteral("gas-reading"), QStringLiteral("value=high")},
            {QStringLiteral("create"), QStringLiteral("rocket")},
            {QStringLiteral("edit"), QStringLiteral("00000000-0000-0000-0000-000000000000"),
             QStringLiteral("title=x")},
            {QStringLiteral("resolve"), QStringLiteral("nope"), QStringLiteral("--take"),
             QStringLiteral("mine")},
            {QStringLiteral("frobnicate")},
        };
        // Options a command does not know, and a field given twice, are refused, not ignored.
        cases.append({QStringLiteral("status"), QStringLiteral("--bogus")});
        cases.append({QStringLiteral("sync"), QStringLiteral("--take"), QStringLiteral("mine")});
        cases.append({QStringLiteral("create"), QStringLiteral("task"), QStringLiteral("title=t"),
                      QStringLiteral("title=u"), QStringLiteral("project_id=site")});
        cases.append({QStringLiteral("create"), QStringLiteral("task"), QStringLiteral("title=t"),
                      QStringLiteral("due_date=2026-12-10xyz"), QStringLiteral("project_id=site")});
        for (const QStringList &arguments : cases) {
            const CliResult result = cli.run(arguments);
            QVERIFY2(result.exitCode != 0, qPrintable(arguments.join(QLatin1Char(' '))));
            QCOMPARE(result.err.count('\n'), 1);
            QVERIFY(result.err.startsWith("fieldsync-cli: "));
        }
    }
};

QTEST_GUILESS_MAIN(CliTest)
#include "tst_cli.moc"
