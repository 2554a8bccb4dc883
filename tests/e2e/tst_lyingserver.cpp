// The client core against a lying server: answers the real fieldsync-server can never give. A
// small HTTP server in this test stands between the device and the real server; for the request
// under test it answers with a lie (sometimes made from the real server's true answer), and
// everything else it passes through. Each lie must fail the sync, soon, with a clear error in the
// sync log, drop nothing from the outbox, crash nothing, and the next sync against the real server
// must then succeed and converge.
#include "ServerProcess.h"
#include "TestDevice.h"
#include "TestHttpClient.h"

#include "protocol/ProtocolInfo.h"
#include "sync/SyncController.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>
#include <QUrlQuery>
#include <QUuid>

#include <memory>

using namespace fieldsync;
using namespace fieldsync::test;

namespace {

struct HttpExchange
{
    QByteArray method;
    QString path; // with the query
    QByteArray authorization;
    QByteArray body;
};

struct LieAnswer
{
    int status = 200;
    QByteArray body;
    // Declared Content-Length, when it must differ from body.size() (a huge body that never ends).
    qint64 declaredLength = -1;
    // No Content-Length at all: body is sent again and again until the client hangs up.
    bool streamForever = false;
    // The headers at once, then body dripBytes at a time every dripEveryMs: a trickle.
    int dripEveryMs = 0;
    int dripBytes = 1;
};

// The lying server: one answer per request, from a handler the test sets. A handler may ask the
// real server first (forward()) and bend its answer.
class LyingServer : public QObject
{
public:
    using Handler = std::function<LieAnswer(const HttpExchange &)>;

    explicit LyingServer(QUrl realServer)
        : m_real(std::move(realServer))
    {
        connect(&m_server, &QTcpServer::newConnection, this, &LyingServer::accept);
    }

    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort())); }
    // For requests to paths starting with prefix; others are passed to the real server.
    void lieAbout(const QString &prefix, Handler handler)
    {
        m_prefix = prefix;
        m_handler = std::move(handler);
    }
    void stopLying() { m_handler = nullptr; }
    int lies() const { return m_lies; }

    LieAnswer forward(const HttpExchange &exchange)
    {
        TestHttpClient http(m_real);
        const TestHttpClient::Headers headers{{"Authorization", exchange.authorization}};
        const TestHttpResponse response = exchange.method == "POST"
                                              ? http.post(exchange.path, exchange.body, headers)
                                              : http.get(exchange.path, headers);
        return LieAnswer{response.status, response.body};
    }

private:
    void accept()
    {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { read(socket); });
        }
    }

    void read(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
        if (headEnd < 0)
            return;
        const QList<QByteArray> lines = buffer.left(headEnd).split('\n');
        HttpExchange exchange;
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        exchange.method = requestLine.value(0);
        exchange.path = QString::fromLatin1(requestLine.value(1));
        qint64 length = 0;
        for (const QByteArray &line : lines.mid(1)) {
            const qsizetype colon = line.indexOf(':');
            const QByteArray name = line.left(colon).trimmed().toLower();
            const QByteArray value = line.mid(colon + 1).trimmed();
            if (name == "content-length")
                length = value.toLongLong();
            else if (name == "authorization")
                exchange.authorization = value;
        }
        if (buffer.size() < headEnd + 4 + length)
            return;
        exchange.body = buffer.mid(headEnd + 4, length);
        m_buffers.remove(socket);

        LieAnswer answer;
        if (m_handler && exchange.path.startsWith(m_prefix)) {
            ++m_lies;
            answer = m_handler(exchange);
        } else {
            answer = forward(exchange);
        }
        if (answer.streamForever) {
            streamForever(socket, answer);
            return;
        }
        if (answer.dripEveryMs > 0) {
            drip(socket, answer);
            return;
        }
        const qint64 declared = answer.declaredLength >= 0 ? answer.declaredLength : answer.body.size();
        socket->write("HTTP/1.1 " + QByteArray::number(answer.status) +
                      " Answer\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: " +
                      QByteArray::number(declared) + "\r\n\r\n" + answer.body);
        // A body shorter than declared is left hanging, as a server sending forever would.
        if (declared == answer.body.size())
            socket->disconnectFromHost();
    }

    // Refills the socket whenever it has drained, so the client sees a body that never ends; stops
    // when the client hangs up (or, as a safety net for a broken client, after 1 GiB).
    void streamForever(QTcpSocket *socket, const LieAnswer &answer)
    {
        socket->write("HTTP/1.1 " + QByteArray::number(answer.status) +
                      " Answer\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n");
        auto sent = std::make_shared<qint64>(0);
        const QByteArray chunk = answer.body;
        auto refill = [socket, chunk, sent] {
            while (socket->state() == QAbstractSocket::ConnectedState &&
                   socket->bytesToWrite() < 4 * chunk.size() && *sent < (qint64(1) << 30)) {
                socket->write(chunk);
                *sent += chunk.size();
            }
        };
        connect(socket, &QTcpSocket::bytesWritten, socket, refill);
        refill();
    }

    void drip(QTcpSocket *socket, const LieAnswer &answer)
    {
        socket->write("HTTP/1.1 " + QByteArray::number(answer.status) +
                      " Answer\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: " +
                      QByteArray::number(answer.body.size()) + "\r\n\r\n");
        auto *timer = new QTimer(socket); // goes with the socket when the client hangs up
        auto sent = std::make_shared<qsizetype>(0);
        connect(timer, &QTimer::timeout, socket, [socket, timer, sent, answer] {
            if (socket->state() != QAbstractSocket::ConnectedState) {
                timer->stop();
                return;
            }
            socket->write(answer.body.mid(*sent, answer.dripBytes));
            *sent += answer.dripBytes;
            if (*sent >= answer.body.size()) {
                timer->stop();
                socket->disconnectFromHost();
            }
        });
        timer->start(answer.dripEveryMs);
    }

    QTcpServer m_server;
    QUrl m_real;
    QString m_prefix;
    Handler m_handler;
    int m_lies = 0;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

QJsonObject parse(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).object();
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

class LyingServerTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ServerProcess> m_server;
    QString m_token;
    QString m_pmToken;

    // A device with one synced permit, an edit of it and a new record queued, signed in through
    // the liar. The new record is a task, or a gas reading of the permit (an append).
    struct Setup
    {
        std::unique_ptr<TestDevice> device;
        std::unique_ptr<LyingServer> liar;
        QString permitId;
        QString newRecordId;
    };

    Setup prepare(EntityKind newRecord = EntityKind::Task)
    {
        Setup setup;
        setup.liar = std::make_unique<LyingServer>(m_server->url());
        if (!setup.liar->listen())
            qFatal("the lying server cannot listen");
        setup.device = std::make_unique<TestDevice>(QStringLiteral("liar-victim"));
        if (!setup.device->signIn(setup.liar->url().toString(), m_token))
            qFatal("sign-in through the lying server failed");
        setup.permitId = setup.device->create(
            EntityKind::Permit,
            QJsonObject{{QStringLiteral("title"), QStringLiteral("Hot work, pump room")}});
        const SyncReport first = setup.device->sync();
        if (!first.ok() || first.applied != 1)
            qFatal("the first sync failed: %s", qPrintable(first.failureReason()));
        setup.device->edit(setup.permitId, {{QStringLiteral("location"), QStringLiteral("Pump room")}});
        if (newRecord == EntityKind::GasReading) {
            setup.newRecordId = setup.device->create(
                EntityKind::GasReading, QJsonObject{{QStringLiteral("permit_id"), setup.permitId},
                                                    {QStringLiteral("gas"), QStringLiteral("LEL")},
                                                    {QStringLiteral("value"), 1},
                                                    {QStringLiteral("unit"), QStringLiteral("%LEL")}});
        } else {
            setup.newRecordId = setup.device->create(
                EntityKind::Task, QJsonObject{{QStringLiteral("title"), QStringLiteral("Barricade")}});
        }
        return setup;
    }

    // The real server's page from `from` (at most `limit` changes), with the given cursor and
    // has_more true.
    static LieAnswer pageWithCursor(Setup &setup, const HttpExchange &exchange, qint64 from, int limit,
                                    qint64 cursor)
    {
        HttpExchange real = exchange;
        real.path = QStringLiteral("%1?cursor=%2&limit=%3").arg(protocol::Paths::Pull).arg(from).arg(limit);
        LieAnswer answer = setup.liar->forward(real);
        QJsonObject page = QJsonDocument::fromJson(answer.body).object();
        page.insert(QStringLiteral("cursor"), cursor);
        page.insert(QStringLiteral("has_more"), true);
        answer.body = compact(page);
        return answer;
    }

    static QStringList queuedOfflineIds(TestDevice &device)
    {
        QStringList ids;
        Result<QList<OutboxEntry>> all = device.store().outbox().all();
        for (const OutboxEntry &entry : all ? all.value() : QList<OutboxEntry>())
            ids.append(entry.change.offlineId);
        return ids;
    }

    static QString syncLogSince(TestDevice &device, int skip)
    {
        Result<QList<SyncLogEntry>> entries = device.store().syncLog().recent(100);
        QStringList lines;
        if (entries) {
            for (const SyncLogEntry &entry : entries.value())
                lines.append(entry.level + QLatin1Char(' ') + entry.message);
        }
        return lines.mid(0, qMax(0, int(lines.size()) - skip)).join(QLatin1Char('\n'));
    }

    // After the lie: the device syncs with the real server itself and must end where the server is.
    void convergeWithRealServer(Setup &setup)
    {
        // A check that failed in a helper returned from the helper only; a run may still be going.
        if (QTest::currentTestFailed())
            return;
        setup.liar->stopLying();
        QVERIFY(setup.device->signIn(m_server->url().toString(), m_token));
        SyncReport report = setup.device->sync();
        QVERIFY2(report.ok(), qPrintable(report.failureReason()));
        QCOMPARE(setup.device->counts().pending, 0);
        QCOMPARE(setup.device->counts().conflicts, 0);
        // Everything the device holds is what the server holds.
        TestHttpClient http(m_server->url(), m_pmToken);
        const QJsonObject pulled =
            parse(http.get(QStringLiteral("/api/v1/sync/pull?cursor=0&limit=1000")).body);
        int compared = 0;
        for (const QJsonValue &value : pulled.value(QStringLiteral("changes")).toArray()) {
            const QJsonObject change = value.toObject();
            const LocalRecord local = setup.device->record(change.value(QStringLiteral("id")).toString());
            if (local.id.isEmpty())
                continue; // another test's device made it; this one has not pulled it
            QCOMPARE(local.version, change.value(QStringLiteral("version")).toInteger());
            QCOMPARE(local.data, change.value(QStringLiteral("data")).toObject());
            ++compared;
        }
        QVERIFY(compared >= 2);
        QCOMPARE(setup.device->record(setup.permitId).data.value(QStringLiteral("location")).toString(),
                 QStringLiteral("Pump room"));
    }

    static qint64 storedCursor(TestDevice &device)
    {
        return device.store().meta().value(MetaStore::Cursor, QStringLiteral("0")).value().toLongLong();
    }

    // Runs one sync against the lie and checks what every lie must leave behind: a failed run
    // within withinMs, with a one-line reason and the error in the sync log, no change rejected,
    // and stillQueued of the two queued changes (those without a usable answer) still queued.
    void syncAgainstLie(Setup &setup, const QString &expectedInLog, int stillQueued, int withinMs = 45000)
    {
        const QStringList queuedBefore = queuedOfflineIds(*setup.device);
        QCOMPARE(queuedBefore.size(), 2);
        const int logBefore = int(setup.device->store().syncLog().recent(100).value().size());
        QElapsedTimer timer;
        timer.start();
        const SyncReport report = setup.device->sync();
        // The device gives up on a stalled answer after its transfer timeout (30 s in TestDevice).
        QVERIFY2(timer.elapsed() < withinMs, "the lie held the sync up");
        QVERIFY(setup.liar->lies() > 0);
        QVERIFY2(!report.ok(), "the sync took the lie");
        const QString reason = report.failureReason();
        QVERIFY2(!reason.isEmpty() && !reason.contains(QLatin1Char('\n')), qPrintable(reason));
        const QString log = syncLogSince(*setup.device, logBefore);
        QVERIFY2(log.contains(QStringLiteral("error ")) && log.contains(expectedInLog), qPrintable(log));
        // Nothing dropped: every queued change is still queued, or settled by a usable answer.
        const QStringList queuedAfter = queuedOfflineIds(*setup.device);
        for (const QString &offlineId : queuedAfter)
            QVERIFY(queuedBefore.contains(offlineId));
        QCOMPARE(queuedAfter.size(), stillQueued);
        QCOMPARE(report.pending, stillQueued);
        QCOMPARE(setup.device->rejections().size(), 0);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_server = std::make_unique<ServerProcess>();
        const Result<void> started = m_server->start();
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().toString()));
        const Result<QString> token =
            m_server->addUser(QStringLiteral("ana"), QStringLiteral("foreman"), {QStringLiteral("p1")});
        const Result<QString> pm =
            m_server->addUser(QStringLiteral("pat"), QStringLiteral("pm"), {QStringLiteral("p1")});
        QVERIFY(token && pm);
        m_token = token.value();
        m_pmToken = pm.value();
    }

    // Answers the real server cannot give, the push never reaching it.
    void pushAnswerBroken_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not JSON") << QByteArray("{\"applied\":[{\"offline_id\":")
                                  << QStringLiteral("not valid protocol v1");
        QTest::newRow("HTML") << QByteArray("<html><body>Welcome to Site Wi-Fi</body></html>")
                              << QStringLiteral("not valid protocol v1");
        QTest::newRow("wrong shape")
            << QByteArray("{\"applied\":{},\"conflicts\":5,\"rejected\":\"no\",\"cursor\":\"x\"}")
            << QStringLiteral("not valid protocol v1");
        QTest::newRow("an array") << QByteArray("[1,2,3]") << QStringLiteral("not valid protocol v1");
        QTest::newRow("unknown fields")
            << QByteArray("{\"applied\":[],\"conflicts\":[],\"rejected\":[],\"cursor\":3,\"bonus\":true}")
            << QStringLiteral("unknown field");
        QTest::newRow("negative cursor")
            << QByteArray("{\"applied\":[],\"conflicts\":[],\"rejected\":[],\"cursor\":-4}")
            << QStringLiteral("not valid protocol v1");
    }

    void pushAnswerBroken()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, expected);
        Setup setup = prepare();
        setup.liar->lieAbout(protocol::Paths::Push, [body](const HttpExchange &) {
            return LieAnswer{200, body};
        });
        syncAgainstLie(setup, expected, 2);
        convergeWithRealServer(setup);
    }

    // The server processed the push, but its answer leaves a change out: that change stays queued
    // (the retry is answered from the idempotency record), and the run has not synced.
    void pushAnswerMissesAChange()
    {
        Setup setup = prepare();
        setup.liar->lieAbout(protocol::Paths::Push, [&setup](const HttpExchange &exchange) {
            LieAnswer truth = setup.liar->forward(exchange);
            QJsonObject answer = parse(truth.body);
            QJsonArray applied = answer.value(QStringLiteral("applied")).toArray();
            applied.removeLast();
            answer.insert(QStringLiteral("applied"), applied);
            return LieAnswer{200, compact(answer)};
        });
        syncAgainstLie(setup, QStringLiteral("did not answer 1 change"), 1);
        convergeWithRealServer(setup);
    }

    // An answer for a change the device never sent, beside the true answers: those settle their
    // changes, but the run has not synced.
    void pushAnswerForAChangeNeverSent()
    {
        Setup setup = prepare();
        setup.liar->lieAbout(protocol::Paths::Push, [&setup](const HttpExchange &exchange) {
            LieAnswer truth = setup.liar->forward(exchange);
            QJsonObject answer = parse(truth.body);
            QJsonArray applied = answer.value(QStringLiteral("applied")).toArray();
            QJsonObject stranger = applied.first().toObject();
            stranger.insert(QStringLiteral("offline_id"), QUuid::createUuid().toString(QUuid::WithoutBraces));
            stranger.insert(QStringLiteral("id"), QUuid::createUuid().toString(QUuid::WithoutBraces));
            applied.append(stranger);
            QJsonArray rejected{QJsonObject{
                {QStringLiteral("offline_id"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
                {QStringLiteral("reason"), QStringLiteral("validation")}}};
            answer.insert(QStringLiteral("applied"), applied);
            answer.insert(QStringLiteral("rejected"), rejected);
            return LieAnswer{200, compact(answer)};
        });
        syncAgainstLie(setup, QStringLiteral("never sent"), 0);
        convergeWithRealServer(setup);
    }

    // The same change answered twice, once applied and once rejected: neither answer is taken (either
    // could be the wrong one), so the change stays queued.
    void pushAnswerTwiceForOneChange()
    {
        Setup setup = prepare();
        setup.liar->lieAbout(protocol::Paths::Push, [&setup](const HttpExchange &exchange) {
            LieAnswer truth = setup.liar->forward(exchange);
            QJsonObject answer = parse(truth.body);
            const QJsonArray applied = answer.value(QStringLiteral("applied")).toArray();
            QJsonArray rejected{
                QJsonObject{{QStringLiteral("offline_id"), applied.first()[QStringLiteral("offline_id")]},
                            {QStringLiteral("reason"), QStringLiteral("forbidden")}}};
            answer.insert(QStringLiteral("rejected"), rejected);
            return LieAnswer{200, compact(answer)};
        });
        syncAgainstLie(setup, QStringLiteral("twice, and differently"), 1);
        convergeWithRealServer(setup);
    }

    // An applied answer whose version is not newer than the version the edit was made on.
    void pushAnswerVersionGoesBackwards()
    {
        Setup setup = prepare();
        setup.liar->lieAbout(protocol::Paths::Push, [&setup](const HttpExchange &exchange) {
            LieAnswer truth = setup.liar->forward(exchange);
            QJsonObject answer = parse(truth.body);
            QJsonArray applied;
            for (const QJsonValue &value : answer.value(QStringLiteral("applied")).toArray()) {
                QJsonObject entry = value.toObject();
                if (entry.value(QStringLiteral("id")).toString() == setup.permitId)
                    entry.insert(QStringLiteral("version"), 1); // the edit was made on version 1
                applied.append(entry);
            }
            answer.insert(QStringLiteral("applied"), applied);
            return LieAnswer{200, compact(answer)};
        });
        syncAgainstLie(setup, QStringLiteral("not after 1"), 1);
        convergeWithRealServer(setup);
    }

    // Every change answered applied, but with a record that is not one: stored, it would wipe
    // the foreman's permit. The edits stay queued and the sync log says why.
    void pushAnswerRecordsAreBroken_data()
    {
        QTest::addColumn<QJsonObject>("data");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty") << QJsonObject() << QStringLiteral("not a valid record");
        QTest::newRow("another entity's fields")
            << QJsonObject{{QStringLiteral("project_id"), QStringLiteral("p1")},
                           {QStringLiteral("gas"), QStringLiteral("O2")},
                           {QStringLiteral("value"), 1}}
            << QStringLiteral("title: is required");
        QTest::newRow("a title that is a number")
            << QJsonObject{{QStringLiteral("project_id"), QStringLiteral("p1")},
                           {QStringLiteral("title"), 42},
                           {QStringLiteral("status"), QStringLiteral("draft")}}
            << QStringLiteral("title: is not a string value");
        QTest::newRow("an unknown status")
            << QJsonObject{{QStringLiteral("project_id"), QStringLiteral("p1")},
                           {QStringLiteral("title"), QStringLiteral("Hot work, pump room")},
                           {QStringLiteral("status"), QStringLiteral("exploded")}}
            << QStringLiteral("unknown status 'exploded'");
    }

    void pushAnswerRecordsAreBroken()
    {
        QFETCH(QJsonObject, data);
        QFETCH(QString, expected);
        Setup setup = prepare();
        setup.liar->lieAbout(protocol::Paths::Push, [&setup, data](const HttpExchange &exchange) {
            LieAnswer truth = setup.liar->forward(exchange);
            QJsonObject answer = parse(truth.body);
            QJsonArray applied;
            for (const QJsonValue &value : answer.value(QStringLiteral("applied")).toArray()) {
                QJsonObject entry = value.toObject();
                entry.insert(QStringLiteral("data"), data);
                applied.append(entry);
            }
            answer.insert(QStringLiteral("applied"), applied);
            return LieAnswer{200, compact(answer)};
        });
        syncAgainstLie(setup, expected, 2);
        QCOMPARE(setup.device->record(setup.permitId).data.value(QStringLiteral("title")).toString(),
                 QStringLiteral("Hot work, pump room"));
        convergeWithRealServer(setup);
    }

    // The new record's create or append answered as a conflict, with the server's "own" value:
    // a new record has no version to be stale against and appends never conflict (ARCHITECTURE.md
    // §3). Stored, the conflict took the record out of the outbox and offered "take server",
    // which queued an update of a gas reading and changed its value (LEL 1 became 2). The change
    // stays queued, nothing is stored as a conflict, the device keeps what it recorded.
    void pushAnswerConflictsANewRecord_data()
    {
        QTest::addColumn<EntityKind>("entity");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QJsonValue>("serverValue");
        QTest::newRow("gas reading append")
            << EntityKind::GasReading << QStringLiteral("value") << QJsonValue(2);
        QTest::newRow("task create") << EntityKind::Task << QStringLiteral("title")
                                     << QJsonValue(QStringLiteral("Barricade the pit"));
    }

    void pushAnswerConflictsANewRecord()
    {
        QFETCH(EntityKind, entity);
        QFETCH(QString, field);
        QFETCH(QJsonValue, serverValue);
        Setup setup = prepare(entity);
        const QJsonValue mine = setup.device->record(setup.newRecordId).data.value(field);
        QVERIFY(!mine.isUndefined());
        setup.liar->lieAbout(protocol::Paths::Push, [&setup, field,
                                                     serverValue](const HttpExchange &exchange) {
            LieAnswer truth = setup.liar->forward(exchange);
            QJsonObject answer = parse(truth.body);
            QJsonArray applied;
            QJsonArray conflicts;
            for (const QJsonValue &value : answer.value(QStringLiteral("applied")).toArray()) {
                const QJsonObject entry = value.toObject();
                if (entry.value(QStringLiteral("id")).toString() != setup.newRecordId) {
                    applied.append(entry);
                    continue;
                }
                protocol::ConflictedChange conflict;
                conflict.offlineId = entry.value(QStringLiteral("offline_id")).toString();
                conflict.id = setup.newRecordId;
                conflict.serverVersion = entry.value(QStringLiteral("version")).toInteger() + 1;
                conflict.reason = QStringLiteral("stale");
                conflict.serverState = entry.value(QStringLiteral("data")).toObject();
                conflict.fields.insert(field, protocol::ConflictField{QJsonValue(),
                                                                      conflict.serverState.value(field),
                                                                      serverValue, QStringLiteral("manual")});
                conflict.serverState.insert(field, serverValue);
                conflicts.append(conflict.toJson());
            }
            answer.insert(QStringLiteral("applied"), applied);
            answer.insert(QStringLiteral("conflicts"), conflicts);
            return LieAnswer{200, compact(answer)};
        });
        syncAgainstLie(setup, QStringLiteral("with a conflict, which a new record cannot have"), 1);
        QCOMPARE(setup.device->counts().conflicts, 0);
        QCOMPARE(setup.device->counts().pending, 1);
        const QList<OutboxEntry> queued = setup.device->store().outbox().all().value();
        QCOMPARE(queued.size(), 1);
        QCOMPARE(queued.first().change.id, setup.newRecordId);
        QCOMPARE(queued.first().change.op,
                 entity == EntityKind::GasReading ? ChangeOp::Append : ChangeOp::Create);
        QCOMPARE(setup.device->record(setup.newRecordId).data.value(field), mine);
        convergeWithRealServer(setup);
        QCOMPARE(setup.device->record(setup.newRecordId).data.value(field), mine);
    }

    // A pulled page with a record that is not one, or another entity under a known id: not
    // stored, logged, and the rest of the page is.
    void pulledRecordsThatAreBrokenAreNotStored()
    {
        Setup setup = prepare();
        const QString taskId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QByteArray page = compact(QJsonObject{
            {QStringLiteral("changes"),
             QJsonArray{QJsonObject{{QStringLiteral("entity"), QStringLiteral("task")},
                                    {QStringLiteral("id"), setup.permitId},
                                    {QStringLiteral("version"), 9},
                                    {QStringLiteral("deleted"), false},
                                    {QStringLiteral("data"),
                                     QJsonObject{{QStringLiteral("project_id"), QStringLiteral("p1")},
                                                 {QStringLiteral("title"), QStringLiteral("x")},
                                                 {QStringLiteral("status"), QStringLiteral("open")}}}},
                        QJsonObject{{QStringLiteral("entity"), QStringLiteral("task")},
                                    {QStringLiteral("id"), taskId},
                                    {QStringLiteral("version"), 1},
                                    {QStringLiteral("deleted"), false},
                                    {QStringLiteral("data"),
                                     QJsonObject{{QStringLiteral("project_id"), QStringLiteral("p1")},
                                                 {QStringLiteral("title"), 42},
                                                 {QStringLiteral("status"), QStringLiteral("open")}}}}}},
            {QStringLiteral("cursor"), 999999},
            {QStringLiteral("has_more"), false}});
        setup.liar->lieAbout(protocol::Paths::Pull, [page](const HttpExchange &) {
            return LieAnswer{200, page};
        });
        const SyncReport report = setup.device->sync();
        QVERIFY2(report.ok(), qPrintable(report.failureReason()));
        const QString log = syncLogSince(*setup.device, 0);
        QVERIFY2(log.contains(QStringLiteral("as a task, but it is a permit here")), qPrintable(log));
        QVERIFY2(log.contains(QStringLiteral("title: is not a string value")), qPrintable(log));
        QCOMPARE(setup.device->record(setup.permitId).entity, EntityKind::Permit);
        QVERIFY(setup.device->record(taskId).id.isEmpty());
    }

    // A pull whose cursor goes back, and one that says "more" forever without moving.
    void pullLies_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("expected");
        QTest::newRow("cursor goes back")
            << QByteArray("{\"changes\":[],\"cursor\":0,\"has_more\":false}") << QStringLiteral("backwards");
        QTest::newRow("has_more forever") << QByteArray() << QStringLiteral("did not move");
        QTest::newRow("unknown fields")
            << QByteArray("{\"changes\":[],\"cursor\":999999,\"has_more\":false,\"x\":1}")
            << QStringLiteral("unknown field");
        QTest::newRow("record not a UUID")
            << QByteArray(
                   "{\"changes\":[{\"entity\":\"permit\",\"id\":\"1; DROP TABLE records\","
                   "\"version\":3,\"deleted\":false,\"data\":{}}],\"cursor\":999999,\"has_more\":false}")
            << QStringLiteral("UUID");
        QTest::newRow("unknown entity")
            << QByteArray(
                   "{\"changes\":[{\"entity\":\"spaceship\",\"id\":\"7b0f6c2e-3d1a-4c55-9a61-0c2f4f7d9e11\","
                   "\"version\":3,\"deleted\":false,\"data\":{}}],\"cursor\":999999,\"has_more\":false}")
            << QStringLiteral("spaceship");
    }

    void pullLies()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, expected);
        Setup setup = prepare();
        const qint64 cursor =
            setup.device->store().meta().value(MetaStore::Cursor, QStringLiteral("0")).value().toLongLong();
        QVERIFY(cursor > 0);
        const QByteArray answer = body.isEmpty()
                                      ? compact(QJsonObject{{QStringLiteral("changes"), QJsonArray()},
                                                            {QStringLiteral("cursor"), cursor},
                                                            {QStringLiteral("has_more"), true}})
                                      : body;
        setup.liar->lieAbout(protocol::Paths::Pull, [answer](const HttpExchange &) {
            return LieAnswer{200, answer};
        });
        // The push goes to the real server and settles both changes; then the pull lies.
        const SyncReport report = setup.device->sync();
        QVERIFY(!report.ok());
        QVERIFY2(setup.liar->lies() >= 1 && setup.liar->lies() <= 2,
                 qPrintable(QString::number(setup.liar->lies())));
        QVERIFY2(report.failureReason().contains(expected), qPrintable(report.failureReason()));
        const QString log = syncLogSince(*setup.device, 0);
        QVERIFY2(log.contains(expected), qPrintable(log));
        // The lie did not move the device's cursor.
        QCOMPARE(
            setup.device->store().meta().value(MetaStore::Cursor, QStringLiteral("0")).value().toLongLong(),
            cursor);
        convergeWithRealServer(setup);
    }

    // A body announced as a terabyte that never comes: the sync fails when the transfer stalls,
    // nothing is buffered past what arrived, nothing is dropped.
    void hugeAnswerNeverEnds()
    {
        Setup setup = prepare();
        setup.liar->lieAbout(protocol::Paths::Push, [](const HttpExchange &) {
            LieAnswer answer;
            answer.body = "{\"applied\":[" + QByteArray(1024 * 1024, ' ');
            answer.declaredLength = qint64(1) << 40;
            return answer;
        });
        syncAgainstLie(setup, QStringLiteral("larger than any valid answer"), 2);
        convergeWithRealServer(setup);
    }

    // A pull answer with no length that never ends: cut off once it passes the largest valid
    // answer, not buffered until memory or the transfer timeout runs out.
    void endlessPullIsCutOff()
    {
        Setup setup = prepare();
        const qint64 cursor =
            setup.device->store().meta().value(MetaStore::Cursor, QStringLiteral("0")).value().toLongLong();
        setup.liar->lieAbout(protocol::Paths::Pull, [](const HttpExchange &) {
            LieAnswer answer;
            answer.body = QByteArray(4 * 1024 * 1024, ' ');
            answer.body.prepend("{\"changes\":[");
            answer.streamForever = true;
            return answer;
        });
        const SyncReport report = setup.device->sync();
        QVERIFY(!report.ok());
        QVERIFY2(report.failureReason().contains(QStringLiteral("larger than any valid answer")),
                 qPrintable(report.failureReason()));
        QCOMPARE(
            setup.device->store().meta().value(MetaStore::Cursor, QStringLiteral("0")).value().toLongLong(),
            cursor);
        convergeWithRealServer(setup);
    }

    // Answers the protocol never gives: changes left unanswered, answered twice alike, answered
    // twice differently. The run fails; the first answer counts only when no other contradicts it.
    void pushAnswerInconsistent_data()
    {
        QTest::addColumn<QString>("shape");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<int>("stillQueued");
        QTest::newRow("nothing answered")
            << QStringLiteral("none") << QStringLiteral("did not answer 2 change") << 2;
        QTest::newRow("every change answered twice alike")
            << QStringLiteral("twice") << QStringLiteral("twice") << 0;
        QTest::newRow("one change applied twice as other versions")
            << QStringLiteral("two versions") << QStringLiteral("twice, and differently") << 1;
    }

    void pushAnswerInconsistent()
    {
        QFETCH(QString, shape);
        QFETCH(QString, expected);
        QFETCH(int, stillQueued);
        Setup setup = prepare();
        setup.liar->lieAbout(protocol::Paths::Push, [&setup, shape](const HttpExchange &exchange) {
            QJsonObject answer = parse(setup.liar->forward(exchange).body);
            const QJsonArray truth = answer.value(QStringLiteral("applied")).toArray();
            QJsonArray applied;
            if (shape == QStringLiteral("twice")) {
                for (const QJsonValue &value : truth) {
                    applied.append(value);
                    applied.append(value);
                }
            } else if (shape == QStringLiteral("two versions")) {
                applied = truth;
                QJsonObject again = truth.first().toObject();
                again.insert(QStringLiteral("version"),
                             again.value(QStringLiteral("version")).toInteger() + 1);
                applied.append(again);
            }
            answer.insert(QStringLiteral("applied"), applied);
            return LieAnswer{200, compact(answer)};
        });
        syncAgainstLie(setup, expected, stillQueued);
        convergeWithRealServer(setup);
    }

    // What the GUI shows after such a run: an error with its reason, not Synced.
    void inconsistentPushAnswerShowsAsAnError()
    {
        Setup setup = prepare();
        setup.liar->lieAbout(protocol::Paths::Push, [&setup](const HttpExchange &exchange) {
            QJsonObject answer = parse(setup.liar->forward(exchange).body);
            answer.insert(QStringLiteral("applied"), QJsonArray());
            return LieAnswer{200, compact(answer)};
        });
        SyncController controller(setup.device->store());
        const QDateTime lastSynced = controller.status()->lastSync();
        QSignalSpy finished(&controller, &SyncController::syncFinished);
        QVERIFY(controller.syncNow());
        QVERIFY(finished.wait(45000));
        QCOMPARE(controller.status()->state(), SyncStatus::State::Error);
        QVERIFY2(controller.status()->reason().contains(QStringLiteral("did not answer")),
                 qPrintable(controller.status()->reason()));
        QCOMPARE(controller.status()->pending(), 2);
        QCOMPARE(controller.status()->lastSync(), lastSynced);
    }

    // An answer that arrives a byte at a time restarts the transfer timeout with each byte: the
    // pace cuts it off soon after its grace period instead, as a network failure.
    void answerTricklesIn_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("stillQueued");
        QTest::newRow("push") << protocol::Paths::Push << 2;
        QTest::newRow("pull") << protocol::Paths::Pull << 0; // the push went to the real server
    }

    void answerTricklesIn()
    {
        QFETCH(QString, path);
        QFETCH(int, stillQueued);
        Setup setup = prepare();
        setup.device->api().setTransferPace(TransferPace{1500, 256});
        const qint64 cursor = storedCursor(*setup.device);
        setup.liar->lieAbout(path, [](const HttpExchange &) {
            LieAnswer answer;
            answer.body = "{\"changes\":[" + QByteArray(100000, ' ');
            answer.dripEveryMs = 100;
            return answer;
        });
        syncAgainstLie(setup, QStringLiteral("too_slow: the server sent its answer too slowly"), stillQueued,
                       15000);
        QCOMPARE(storedCursor(*setup.device), cursor);
        convergeWithRealServer(setup);
    }

    // A real slow link (2 KiB/s, for longer than the grace period) keeps the pace.
    void slowLinkKeepsThePace()
    {
        Setup setup = prepare();
        setup.device->api().setTransferPace(TransferPace{1000, 256});
        setup.liar->lieAbout(protocol::Paths::Push, [&setup](const HttpExchange &exchange) {
            LieAnswer truth = setup.liar->forward(exchange);
            truth.body += QByteArray(5 * 1024, ' '); // about 2.5 s at 2 KiB/s
            truth.dripEveryMs = 100;
            truth.dripBytes = 205;
            return truth;
        });
        QElapsedTimer timer;
        timer.start();
        const SyncReport report = setup.device->sync();
        QVERIFY2(report.ok(), qPrintable(report.failureReason()));
        QVERIFY2(timer.elapsed() > 2000, "the answer did not come slowly");
        QCOMPARE(setup.device->counts().pending, 0);
    }

    // An answer that stops halfway fails at the transfer timeout, and says that it timed out.
    void stalledAnswerSaysItTimedOut()
    {
        Setup setup = prepare();
        setup.device->api().setTransferTimeout(1000);
        setup.liar->lieAbout(protocol::Paths::Push, [](const HttpExchange &) {
            LieAnswer answer;
            answer.body = "{\"applied\":[";
            answer.declaredLength = 1000;
            return answer;
        });
        syncAgainstLie(setup, QStringLiteral("network: timed out"), 2, 10000);
        convergeWithRealServer(setup);
    }

    // A pull that says more follows forever, its cursor creeping on by one with nothing behind it:
    // given up after a few such answers, the stored cursor where the last real page left it.
    void pullEmptyPagesForever()
    {
        Setup setup = prepare();
        const qint64 cursor = storedCursor(*setup.device);
        setup.liar->lieAbout(protocol::Paths::Pull, [](const HttpExchange &exchange) {
            const qint64 asked =
                QUrlQuery(QUrl(exchange.path).query()).queryItemValue(QStringLiteral("cursor")).toLongLong();
            return LieAnswer{200, compact(QJsonObject{{QStringLiteral("changes"), QJsonArray()},
                                                      {QStringLiteral("cursor"), asked + 1},
                                                      {QStringLiteral("has_more"), true}})};
        });
        QElapsedTimer timer;
        timer.start();
        const SyncReport report = setup.device->sync();
        QVERIFY2(timer.elapsed() < 15000, "the empty pages held the sync up");
        QVERIFY(!report.ok());
        QVERIFY2(report.failureReason().contains(QStringLiteral("sent nothing new in 3 answers in a row")),
                 qPrintable(report.failureReason()));
        QCOMPARE(setup.liar->lies(), 3);
        QCOMPARE(storedCursor(*setup.device), cursor);
        QCOMPARE(report.pending, 0); // the push went to the real server
        convergeWithRealServer(setup);
    }

    // The real first page again and again, its cursor creeping on by one: after the page that
    // brought the changes, the same record versions count as nothing new, as empty pages do.
    void pullTheSamePageForever()
    {
        Setup setup = prepare();
        const qint64 cursor = storedCursor(*setup.device);
        setup.liar->lieAbout(protocol::Paths::Pull, [&setup, cursor](const HttpExchange &exchange) {
            const qint64 asked =
                QUrlQuery(QUrl(exchange.path).query()).queryItemValue(QStringLiteral("cursor")).toLongLong();
            return pageWithCursor(setup, exchange, cursor, 500, asked + 1);
        });
        QElapsedTimer timer;
        timer.start();
        const SyncReport report = setup.device->sync();
        QVERIFY2(timer.elapsed() < 15000, "the repeated pages held the sync up");
        QVERIFY(!report.ok());
        QVERIFY2(report.failureReason().contains(QStringLiteral("sent nothing new in 3 answers in a row")),
                 qPrintable(report.failureReason()));
        QCOMPARE(setup.liar->lies(), 4);
        QCOMPARE(report.pulled, 2); // the first page's two changes, applied once
        convergeWithRealServer(setup);
    }

    // Two real pages in turn: once both were received, going round again is not progress either.
    void pullTwoPagesInTurnForever()
    {
        Setup setup = prepare();
        const qint64 cursor = storedCursor(*setup.device);
        setup.liar->lieAbout(protocol::Paths::Pull, [&setup, cursor](const HttpExchange &exchange) {
            const qint64 asked =
                QUrlQuery(QUrl(exchange.path).query()).queryItemValue(QStringLiteral("cursor")).toLongLong();
            // The first change, then the one after it, then the first again...
            qint64 from = cursor;
            if (setup.liar->lies() % 2 == 0) {
                HttpExchange first = exchange;
                first.path = QStringLiteral("%1?cursor=%2&limit=1").arg(protocol::Paths::Pull).arg(cursor);
                from = QJsonDocument::fromJson(setup.liar->forward(first).body)
                           .object()
                           .value(QStringLiteral("cursor"))
                           .toInteger();
            }
            return pageWithCursor(setup, exchange, from, 1, asked + 1);
        });
        const SyncReport report = setup.device->sync();
        QVERIFY(!report.ok());
        QVERIFY2(report.failureReason().contains(QStringLiteral("sent nothing new in 3 answers in a row")),
                 qPrintable(report.failureReason()));
        QCOMPARE(setup.liar->lies(), 5);
        convergeWithRealServer(setup);
    }

    // Fewer empty pages than that, then the real answer: the pull goes on and the sync succeeds.
    void pullAFewEmptyPagesThenChanges()
    {
        Setup setup = prepare();
        const qint64 cursor = storedCursor(*setup.device);
        setup.liar->lieAbout(protocol::Paths::Pull, [&setup, cursor](const HttpExchange &exchange) {
            const qint64 asked =
                QUrlQuery(QUrl(exchange.path).query()).queryItemValue(QStringLiteral("cursor")).toLongLong();
            if (setup.liar->lies() < 3)
                return LieAnswer{200, compact(QJsonObject{{QStringLiteral("changes"), QJsonArray()},
                                                          {QStringLiteral("cursor"), asked + 1},
                                                          {QStringLiteral("has_more"), true}})};
            // The real answer from where the device started: it ends past the empty pages' cursor,
            // as the push just made two changes.
            HttpExchange fromStart = exchange;
            fromStart.path = QStringLiteral("%1?cursor=%2&limit=500").arg(protocol::Paths::Pull).arg(cursor);
            return setup.liar->forward(fromStart);
        });
        const SyncReport report = setup.device->sync();
        QVERIFY2(report.ok(), qPrintable(report.failureReason()));
        QCOMPARE(setup.liar->lies(), 3);
        QVERIFY(storedCursor(*setup.device) >= cursor + 2);
        QVERIFY(report.pulled >= 2);
    }
};

QTEST_GUILESS_MAIN(LyingServerTest)
#include "tst_lyingserver.moc"
