// The small pieces of the production server on their own: the rate limiter's bucket, the
// --db URL, the new command-line options, the metrics' text and gzip written piece by piece.

#include "app/ServerOptions.h"
#include "http/GzipStream.h"
#include "http/RateLimiter.h"
#include "ops/ServerMetrics.h"
#include "store/DatabaseUrl.h"

#include <QTest>

using namespace fieldsync;
using namespace fieldsync::server;

namespace {

Result<ServerOptions> parse(const QStringList &arguments)
{
    return ServerOptions::parse(QStringList{QStringLiteral("fieldsync-server")} + arguments);
}

} // namespace

class ServerUnitsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rateLimiterAllowsTheBurstThenRefills()
    {
        RateLimiter limiter({3, 10});
        for (int index = 0; index < 3; ++index)
            QCOMPARE(limiter.take(QStringLiteral("ana")), 0);
        QCOMPARE(limiter.take(QStringLiteral("ana")), 1);
        QCOMPARE(limiter.take(QStringLiteral("ben")), 0); // a bucket per user
        QTest::qWait(150);                                // 10 per second: one more after 100 ms
        QCOMPARE(limiter.take(QStringLiteral("ana")), 0);
        QVERIFY(limiter.take(QStringLiteral("ana")) >= 1);

        RateLimiter slow({1, 0.25});
        QCOMPARE(slow.take(QStringLiteral("x")), 0);
        QCOMPARE(slow.take(QStringLiteral("x")), 4); // Retry-After rounds the wait up

        RateLimiter off({0, 0});
        for (int index = 0; index < 1000; ++index)
            QCOMPARE(off.take(QStringLiteral("x")), 0);
    }

    void databaseUrlsParseAndNeverShowThePassword()
    {
        const Result<DatabaseUrl> sqlite = DatabaseUrl::parse(QStringLiteral("/var/lib/fieldsync/server.db"));
        QVERIFY(sqlite.ok());
        QVERIFY(!sqlite.value().postgres);

        const Result<DatabaseUrl> url = DatabaseUrl::parse(
            QStringLiteral("postgresql://fs:s3cret@db.example:6432/fieldsync?sslmode=require"));
        QVERIFY2(url.ok(), qPrintable(url ? QString() : url.error().toString()));
        QVERIFY(url.value().postgres);
        QCOMPARE(url.value().user, QStringLiteral("fs"));
        QCOMPARE(url.value().password, QStringLiteral("s3cret"));
        QCOMPARE(url.value().host, QStringLiteral("db.example"));
        QCOMPARE(url.value().port, 6432);
        QCOMPARE(url.value().database, QStringLiteral("fieldsync"));
        QVERIFY(url.value().connectOptions.contains(QStringLiteral("sslmode=require")));
        QVERIFY(!url.value().redacted().contains(QStringLiteral("s3cret")));

        const Result<DatabaseUrl> socket =
            DatabaseUrl::parse(QStringLiteral("postgres://fs@/fieldsync?host=/run/postgresql"));
        QVERIFY(socket.ok());
        QCOMPARE(socket.value().host, QStringLiteral("/run/postgresql"));
        QCOMPARE(socket.value().port, 5432);

        QVERIFY(!DatabaseUrl::parse(QStringLiteral("postgresql://fs@host/")).ok());
        QVERIFY(!DatabaseUrl::parse(QStringLiteral("postgresql://fs@host/db?sslmod=require")).ok());
    }

    void newOptionsParse()
    {
        const Result<ServerOptions> defaults = parse({});
        QVERIFY(defaults.ok());
        QCOMPARE(defaults.value().rateBurst, 200.0);
        QCOMPARE(defaults.value().ratePerSecond, 50.0);
        QVERIFY(!defaults.value().jsonLogs);

        const Result<ServerOptions> options =
            parse({QStringLiteral("--rate-limit"), QStringLiteral("20/5"), QStringLiteral("--log-format"),
                   QStringLiteral("json"), QStringLiteral("--tls-cert"), QStringLiteral("c.pem"),
                   QStringLiteral("--tls-key"), QStringLiteral("k.pem")});
        QVERIFY(options.ok());
        QCOMPARE(options.value().rateBurst, 20.0);
        QCOMPARE(options.value().ratePerSecond, 5.0);
        QVERIFY(options.value().jsonLogs);
        QCOMPARE(options.value().tlsCertificate, QStringLiteral("c.pem"));
        QCOMPARE(parse({QStringLiteral("--rate-limit"), QStringLiteral("off")}).value().ratePerSecond, 0.0);
        QVERIFY(!parse({QStringLiteral("--rate-limit"), QStringLiteral("lots")}).ok());
        QVERIFY(!parse({QStringLiteral("--rate-limit"), QStringLiteral("20/5/1")}).ok());
        QVERIFY(!parse({QStringLiteral("--rate-limit"), QStringLiteral("0.5/5")}).ok());
        QVERIFY(!parse({QStringLiteral("--tls-cert"), QStringLiteral("c.pem")}).ok());
        QVERIFY(!parse({QStringLiteral("--log-format"), QStringLiteral("xml")}).ok());

        const Result<ServerOptions> revoke = parse({QStringLiteral("revoke-token"), QStringLiteral("ana")});
        QVERIFY(revoke.ok());
        QCOMPARE(revoke.value().mode, ServerOptions::Mode::RevokeToken);
        QCOMPARE(revoke.value().userName, QStringLiteral("ana"));
        QVERIFY(!parse({QStringLiteral("revoke-token")}).ok());
        QVERIFY(
            !parse({QStringLiteral("revoke-token"), QStringLiteral("ana"), QStringLiteral("--demo")}).ok());
        const Result<ServerOptions> list = parse({QStringLiteral("list-users"), QStringLiteral("--json")});
        QVERIFY(list.ok());
        QCOMPARE(list.value().mode, ServerOptions::Mode::ListUsers);
        QVERIFY(list.value().json);
        QCOMPARE(ServerOptions::urlFor(QHostAddress(QHostAddress::LocalHost), 8470, true),
                 QStringLiteral("https://127.0.0.1:8470"));
    }

    void aSingleRateLimitNumberIsTheRateWithFourSecondsOfBurst()
    {
        // As --help and README say: --rate-limit 10 is 40/10.
        const Result<ServerOptions> ten = parse({QStringLiteral("--rate-limit"), QStringLiteral("10")});
        QVERIFY2(ten.ok(), qPrintable(ten ? QString() : ten.error().message));
        QCOMPARE(ten.value().ratePerSecond, 10.0);
        QCOMPARE(ten.value().rateBurst, 40.0);
        const Result<ServerOptions> inlineForm = parse({QStringLiteral("--rate-limit=2.5")});
        QVERIFY(inlineForm.ok());
        QCOMPARE(inlineForm.value().ratePerSecond, 2.5);
        QCOMPARE(inlineForm.value().rateBurst, 10.0);
        // Too slow for even one request in its burst, negative, or not a number: refused.
        for (const QString &bad : {QStringLiteral("0.1"), QStringLiteral("-3"), QStringLiteral("inf"),
                                   QStringLiteral("10/"), QStringLiteral("/10")}) {
            const Result<ServerOptions> refused = parse({QStringLiteral("--rate-limit"), bad});
            QVERIFY2(!refused.ok(), qPrintable(bad));
            QVERIFY(refused.error().message.contains(QStringLiteral("a rate per second")));
        }
    }

    void aServerOnPostgresqlNeedsAnAttachmentsFolderOrSaysNoAttachments()
    {
        // Without a folder, attachments used to go off with a log line only: uploads lost unnoticed.
        const QString url = QStringLiteral("postgresql://fs@db.example/fieldsync");
        const Result<ServerOptions> bare = parse({QStringLiteral("--db"), url});
        QVERIFY(!bare.ok());
        QCOMPARE(bare.error().code, QStringLiteral("usage"));
        QVERIFY(bare.error().message.contains(QStringLiteral("--attachments-dir")));
        QVERIFY(bare.error().message.contains(QStringLiteral("--no-attachments")));

        const Result<ServerOptions> withFolder = parse(
            {QStringLiteral("--db"), url, QStringLiteral("--attachments-dir"), QStringLiteral("/srv/a")});
        QVERIFY(withFolder.ok());
        QCOMPARE(withFolder.value().attachmentsDir, QStringLiteral("/srv/a"));
        const Result<ServerOptions> off =
            parse({QStringLiteral("--db"), url, QStringLiteral("--no-attachments")});
        QVERIFY(off.ok());
        QVERIFY(off.value().noAttachments);
        QVERIFY(!parse({QStringLiteral("--attachments-dir"), QStringLiteral("/srv/a"),
                        QStringLiteral("--no-attachments")})
                     .ok());

        // SQLite keeps its default folder next to the file; the user commands need no folder.
        QVERIFY(parse({QStringLiteral("--db"), QStringLiteral("s.db")}).ok());
        QVERIFY(parse({QStringLiteral("list-users"), QStringLiteral("--db"), url}).ok());
        QVERIFY(parse({QStringLiteral("add-user"), QStringLiteral("ana"), QStringLiteral("--role"),
                       QStringLiteral("pm"), QStringLiteral("--project"), QStringLiteral("p1"),
                       QStringLiteral("--db"), url})
                    .ok());
    }

    void metricsCountAndBucket()
    {
        ServerMetrics metrics;
        CommittedPush push;
        push.changes = 4;
        push.applied = 2;
        push.conflicts = 1;
        push.rejected = 1;
        metrics.pushCommitted(push);
        metrics.observeRequest(QStringLiteral("/api/v1/sync/push"), 200, 0.003);
        metrics.observeRequest(QStringLiteral("/api/v1/sync/push"), 200, 0.3);
        metrics.observeRequest(QStringLiteral("/secret/path"), 404, 0.001);
        metrics.setOpenWebSockets([] { return 7; });
        const QByteArray text = metrics.render();
        QVERIFY(text.contains("fieldsync_pushes_total 1\n"));
        QVERIFY(text.contains("fieldsync_changes_applied_total 2\n"));
        QVERIFY(text.contains("fieldsync_conflicts_total 1\n"));
        QVERIFY(text.contains("fieldsync_rejections_total 1\n"));
        QVERIFY(text.contains("fieldsync_websockets_open 7\n"));
        QVERIFY(text.contains(
            "fieldsync_http_request_duration_seconds_bucket{route=\"/api/v1/sync/push\",le=\"0.005\"} 1\n"));
        QVERIFY(text.contains(
            "fieldsync_http_request_duration_seconds_bucket{route=\"/api/v1/sync/push\",le=\"0.25\"} 1\n"));
        QVERIFY(text.contains(
            "fieldsync_http_request_duration_seconds_bucket{route=\"/api/v1/sync/push\",le=\"0.5\"} 2\n"));
        QVERIFY(
            text.contains("fieldsync_http_request_duration_seconds_count{route=\"/api/v1/sync/push\"} 2\n"));
        // Unknown paths never become labels (a scanner would otherwise grow the metrics).
        QVERIFY(!text.contains("secret"));
        QVERIFY(text.contains("route=\"other\",code=\"404\""));
    }

    void gzipStreamIsOneMemberOfEveryPieceInOrder()
    {
        QByteArray whole;
        GzipStream stream;
        for (int index = 0; index < 300; ++index) {
            // Pieces of every size, some empty, some far larger than zlib's window.
            QByteArray piece;
            for (int line = 0; line < (index * 37) % 900; ++line)
                piece += QByteArray::number(index * line) + ",\"permit\":\"hot work\";";
            whole += piece;
            stream.append(piece);
        }
        const QByteArray tail = "],\"cursor\":12}";
        whole += tail;
        const QByteArray compressed = stream.finish(tail);
        QVERIFY(!compressed.isEmpty());
        QVERIFY(compressed.size() < whole.size() / 4);
        const Result<QByteArray> inflated = Gzip::decompress(compressed, whole.size());
        QVERIFY(inflated.ok());
        QCOMPARE(inflated.value(), whole);
    }

    void gzipStreamOfATailAloneAndOfNothing()
    {
        QCOMPARE(Gzip::decompress(GzipStream().finish("{}"), 16).value(), QByteArray("{}"));
        const QByteArray empty = GzipStream().finish({});
        QVERIFY(!empty.isEmpty()); // a member with no content is still a gzip stream
        QCOMPARE(Gzip::decompress(empty, 16).value(), QByteArray());
    }

    void gzipStreamDroppedUnfinishedStopsItsThread()
    {
        // An answer that is never sent (its push failed): the stream ends without a hang.
        for (int round = 0; round < 20; ++round) {
            GzipStream stream;
            for (int piece = 0; piece < round; ++piece)
                stream.append(QByteArray(64 * 1024, char('a' + piece % 26)));
        }
    }

    void deflaterRefusesPiecesAfterTheLast()
    {
        Gzip::Deflater deflater;
        QByteArray out;
        QVERIFY(deflater.add("abc", false, out));
        QVERIFY(deflater.add("def", true, out));
        QCOMPARE(Gzip::decompress(out, 16).value(), QByteArray("abcdef"));
        const QByteArray ended = out;
        QVERIFY(!deflater.add("ghi", false, out));
        QCOMPARE(out, ended);
    }
};

QTEST_GUILESS_MAIN(ServerUnitsTest)
#include "tst_serverunits.moc"
