// HttpResponse on its own: what it writes on the wire. Header values that would split the answer
// never reach it, and every status the server sends has its standard reason phrase.

#include "http/HttpResponse.h"

#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace fieldsync::server;

namespace {

struct Wire
{
    QByteArray statusLine;
    QList<QByteArray> headerLines;
    QByteArray body;
};

Wire parse(const QByteArray &bytes)
{
    Wire wire;
    const qsizetype end = bytes.indexOf("\r\n\r\n");
    const QList<QByteArray> lines = bytes.left(end).split('\n');
    wire.statusLine = lines.value(0);
    wire.statusLine.chop(1);
    for (int index = 1; index < lines.size(); ++index)
        wire.headerLines.append(lines[index].chopped(1));
    wire.body = bytes.mid(end + 4);
    return wire;
}

// Every status code the server's sources pass to an answer: the first argument of
// HttpResponse::error/json, of an HttpResponse constructor, and of HttpConnection::refuse
// (a ternary there gives both of its codes).
QSet<int> statusCodesUsedByTheServer()
{
    static const QRegularExpression call(QStringLiteral(
        R"((?:HttpResponse::error|HttpResponse::json|HttpResponse(?:\s+\w+)?|refuse)\s*\(\s*([^,()]*),)"));
    static const QRegularExpression code(QStringLiteral(R"(\b([1-5]\d\d)\b)"));
    QSet<int> codes;
    QDirIterator files(QStringLiteral(FIELDSYNC_SERVER_SOURCE_DIR),
                       {QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files,
                       QDirIterator::Subdirectories);
    while (files.hasNext()) {
        QFile file(files.next());
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QString text = QString::fromUtf8(file.readAll());
        for (const QRegularExpressionMatch &match : call.globalMatch(text)) {
            for (const QRegularExpressionMatch &number : code.globalMatch(match.captured(1)))
                codes.insert(number.captured(1).toInt());
        }
    }
    return codes;
}

} // namespace

class HttpResponseTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void headerValueWithLineBreaksIsNeverSent_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::newRow("CRLF and a header") << QByteArray("x\r\nSet-Cookie: evil=1");
        QTest::newRow("CRLF CRLF and a body") << QByteArray("x\r\n\r\n<script>alert(1)</script>");
        QTest::newRow("bare LF") << QByteArray("x\nSet-Cookie: evil=1");
        QTest::newRow("bare CR") << QByteArray("x\rSet-Cookie: evil=1");
        QTest::newRow("NUL") << QByteArray("x\0y", 3);
        QTest::newRow("DEL") << QByteArray("x\x7fy");
        QTest::newRow("vertical tab") << QByteArray("x\vy");
    }

    void headerValueWithLineBreaksIsNeverSent()
    {
        QFETCH(QByteArray, value);
        HttpResponse response = HttpResponse::json(200, "{}");
        response.setHeader("X-Sha256", value);
        QVERIFY(response.header("X-Sha256").isEmpty());
        const Wire wire = parse(response.serialize(true, false, 0));
        QCOMPARE(wire.body, QByteArray("{}"));
        for (const QByteArray &line : wire.headerLines) {
            QVERIFY2(!line.startsWith("X-Sha256"), line.constData());
            QVERIFY2(!line.startsWith("Set-Cookie"), line.constData());
        }
    }

    void contentTypeThatWouldSplitTheAnswerBecomesOctetStream()
    {
        // What a stored attachment's mime_type once wrote into a download.
        const QByteArray hostile = "text/html\r\nSet-Cookie: evil=1\r\n\r\n<script>alert(1)</script>";
        const HttpResponse constructed(200, "file bytes", hostile);
        HttpResponse set = HttpResponse::json(200, "file bytes");
        set.setHeader("Content-Type", hostile);
        for (const HttpResponse &response : {constructed, set}) {
            QCOMPARE(response.contentType(), QByteArray("application/octet-stream"));
            const QByteArray bytes = response.serialize(false, false, 0);
            QVERIFY(!bytes.contains("Set-Cookie"));
            QVERIFY(!bytes.contains("<script>"));
            const Wire wire = parse(bytes);
            QCOMPARE(wire.statusLine, QByteArray("HTTP/1.1 200 OK"));
            QVERIFY(wire.headerLines.contains("Content-Type: application/octet-stream"));
            QVERIFY(wire.headerLines.contains("Content-Length: 10"));
            QVERIFY(wire.headerLines.contains("X-Content-Type-Options: nosniff"));
            QCOMPARE(wire.body, QByteArray("file bytes"));
        }
    }

    void contentTypeMustBeTypeSlashSubtype()
    {
        QCOMPARE(HttpResponse(200, "x", "image/png").contentType(), QByteArray("image/png"));
        QCOMPARE(HttpResponse(200, "x", "text/plain; version=0.0.4; charset=utf-8").contentType(),
                 QByteArray("text/plain; version=0.0.4; charset=utf-8"));
        QCOMPARE(HttpResponse(200, "x", "html").contentType(), QByteArray("application/octet-stream"));
        QCOMPARE(HttpResponse(200, "x", "").contentType(), QByteArray("application/octet-stream"));
        QCOMPARE(HttpResponse(200, "x", "text/<b>").contentType(), QByteArray("application/octet-stream"));
    }

    void headersTheAnswerFramesItselfCannotBeSet()
    {
        HttpResponse response = HttpResponse::json(200, "{}");
        response.setHeader("Content-Length", "0");
        response.setHeader("Transfer-Encoding", "chunked");
        response.setHeader("Connection", "keep-alive");
        response.setHeader("Bad Name", "x");
        response.setHeader("X-Fine", "value\twith a tab");
        const QByteArray bytes = response.serialize(false, false, 0);
        QCOMPARE(bytes.count("Content-Length:"), 1);
        QVERIFY(bytes.contains("Content-Length: 2\r\n"));
        QVERIFY(!bytes.contains("Transfer-Encoding"));
        QCOMPARE(bytes.count("Connection:"), 1);
        QVERIFY(bytes.contains("Connection: close\r\n"));
        QVERIFY(!bytes.contains("Bad Name"));
        QVERIFY(bytes.contains("X-Fine: value\twith a tab\r\n"));
    }

    void everyStatusTheServerSendsHasItsStandardPhrase()
    {
        const QSet<int> used = statusCodesUsedByTheServer();
        // The scan must see what is known to be there, or a broken pattern would prove nothing.
        for (int known : {200, 400, 401, 404, 405, 408, 409, 411, 413, 415, 422, 426, 429, 431, 500, 503})
            QVERIFY2(used.contains(known), qPrintable(QString::number(known)));
        for (int status : used) {
            QVERIFY2(!HttpResponse::standardReasonPhrase(status).isEmpty(),
                     qPrintable(QStringLiteral("%1 has no reason phrase").arg(status)));
            const QByteArray statusLine =
                parse(HttpResponse::json(status, "{}").serialize(false, false, 0)).statusLine;
            QCOMPARE(statusLine, "HTTP/1.1 " + QByteArray::number(status) + ' ' +
                                     HttpResponse::standardReasonPhrase(status));
        }
        QCOMPARE(HttpResponse::reasonPhrase(409), QByteArray("Conflict"));
        QCOMPARE(HttpResponse::reasonPhrase(422), QByteArray("Unprocessable Content"));
        QCOMPARE(HttpResponse::reasonPhrase(418), QByteArray("Client Error"));
    }
};

QTEST_GUILESS_MAIN(HttpResponseTest)
#include "tst_httpresponse.moc"
