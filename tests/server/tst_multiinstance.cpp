// Two fieldsync-server instances on one PostgreSQL database, as behind a load balancer:
// concurrent writers to the same record through both stay correct (one applies, the others
// conflict), a replayed change sent to both at once applies once, concurrent creates all land
// and none hides behind a pull cursor, and a device watching one instance hears of a push made
// through the other within a second (LISTEN/NOTIFY).

#include "PostgresCluster.h"
#include "ServerProcess.h"
#include "TestHttpClient.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>
#include <QWebSocket>

#include <memory>

using namespace fieldsync;
using fieldsync::test::PostgresCluster;
using fieldsync::test::ServerProcess;
using fieldsync::test::TestHttpClient;
using fieldsync::test::TestHttpResponse;

namespace {

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QJsonObject taskChange(const QString &op, const QString &id, const QJsonObject &data,
                       qint64 clientVersion = 0, const QJsonObject &base = {},
                       const QString &offlineId = newId())
{
    return QJsonObject{{QStringLiteral("offline_id"), offlineId},
                       {QStringLiteral("entity"), QStringLiteral("task")},
                       {QStringLiteral("op"), op},
                       {QStringLiteral("id"), id},
                       {QStringLiteral("client_version"), clientVersion},
                       {QStringLiteral("base"), base},
                       {QStringLiteral("data"), data}};
}

QByteArray pushBody(const QString &device, const QJsonArray &changes)
{
    return QJsonDocument(
               QJsonObject{{QStringLiteral("device_id"), device}, {QStringLiteral("changes"), changes}})
        .toJson(QJsonDocument::Compact);
}

} // namespace

class MultiInstanceTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ServerProcess> m_a;
    std::unique_ptr<ServerProcess> m_b;
    QString m_token;

    // Sends every body at once, alternating between the instances; the answers in order.
    QList<QJsonObject> pushConcurrently(const QList<QByteArray> &bodies)
    {
        QList<std::shared_ptr<QNetworkAccessManager>> managers;
        QList<QNetworkReply *> replies;
        for (int index = 0; index < bodies.size(); ++index) {
            const QUrl base = (index % 2 == 0 ? m_a : m_b)->url();
            auto manager = std::make_shared<QNetworkAccessManager>();
            QNetworkRequest request(base.resolved(QUrl(QStringLiteral("/api/v1/sync/push"))));
            request.setRawHeader("Authorization", "Bearer " + m_token.toLatin1());
            request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
            replies.append(manager->post(request, bodies.at(index)));
            managers.append(manager);
        }
        const bool done = QTest::qWaitFor(
            [&] {
                return std::all_of(replies.begin(), replies.end(),
                                   [](QNetworkReply *r) { return r->isFinished(); });
            },
            30000);
        QList<QJsonObject> answers;
        for (QNetworkReply *reply : replies) {
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (!done || status != 200)
                qWarning() << "push answered" << status << reply->errorString();
            answers.append(status == 200 ? QJsonDocument::fromJson(reply->readAll()).object()
                                         : QJsonObject());
            reply->deleteLater();
        }
        return answers;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const Result<QString> url = PostgresCluster::newSharedDatabase();
        QVERIFY2(url.ok(), qPrintable(url ? QString() : url.error().toString()));
        m_a = std::make_unique<ServerProcess>();
        m_b = std::make_unique<ServerProcess>();
        m_a->setDatabase(url.value());
        m_b->setDatabase(url.value());
        m_b->setAttachmentsDir(m_a->attachmentsDir()); // one folder for all instances, as in production
        // B starts on the schema A created and migrates nothing.
        QVERIFY2(m_a->start().ok(), qPrintable(m_a->logs()));
        QVERIFY2(m_b->start().ok(), qPrintable(m_b->logs()));
        const Result<QString> token =
            m_a->addUser(QStringLiteral("ana"), QStringLiteral("pm"), {QStringLiteral("p1")});
        QVERIFY(token.ok());
        m_token = token.value();
    }

    void concurrentWritersToOneRecordGetOneWinnerAndConflicts()
    {
        const QString id = newId();
        const QList<QJsonObject> created = pushConcurrently({pushBody(
            QStringLiteral("dev-0"), {taskChange(QStringLiteral("create"), id,
                                                 {{QStringLiteral("title"), QStringLiteral("T0")},
                                                  {QStringLiteral("project_id"), QStringLiteral("p1")}})})});
        QCOMPARE(created.first().value(QStringLiteral("applied")).toArray().size(), 1);

        QList<QByteArray> bodies;
        for (int device = 1; device <= 8; ++device) {
            bodies.append(pushBody(QStringLiteral("dev-%1").arg(device),
                                   {taskChange(QStringLiteral("update"), id,
                                               {{QStringLiteral("title"), QStringLiteral("T%1").arg(device)}},
                                               1, {{QStringLiteral("title"), QStringLiteral("T0")}})}));
        }
        int applied = 0;
        int conflicts = 0;
        for (const QJsonObject &answer : pushConcurrently(bodies)) {
            applied += int(answer.value(QStringLiteral("applied")).toArray().size());
            conflicts += int(answer.value(QStringLiteral("conflicts")).toArray().size());
            for (const QJsonValue &conflict : answer.value(QStringLiteral("conflicts")).toArray())
                QCOMPARE(conflict.toObject().value(QStringLiteral("server_version")).toInt(), 2);
        }
        QCOMPARE(applied, 1);
        QCOMPARE(conflicts, 7);
        const TestHttpResponse audit =
            TestHttpClient(m_b->url(), m_token).get(QStringLiteral("/api/v1/audit?record=") + id);
        QCOMPARE(audit.json().value(QStringLiteral("version")).toInt(), 2);
        QCOMPARE(audit.json().value(QStringLiteral("entries")).toArray().size(), 2);
    }

    void aReplayedChangeSentToBothInstancesAtOnceAppliesOnce()
    {
        const QString id = newId();
        const QByteArray body = pushBody(QStringLiteral("dev-replay"),
                                         {taskChange(QStringLiteral("create"), id,
                                                     {{QStringLiteral("title"), QStringLiteral("Once")},
                                                      {QStringLiteral("project_id"), QStringLiteral("p1")}},
                                                     0, {}, newId())});
        const QList<QJsonObject> answers = pushConcurrently(QList<QByteArray>(6, body));
        for (const QJsonObject &answer : answers) {
            const QJsonArray applied = answer.value(QStringLiteral("applied")).toArray();
            QCOMPARE(applied.size(), 1);
            QCOMPARE(applied.first().toObject().value(QStringLiteral("version")).toInt(), 1);
            QCOMPARE(applied.first().toObject(),
                     answers.first().value(QStringLiteral("applied")).toArray().first().toObject());
        }
        const TestHttpResponse audit =
            TestHttpClient(m_a->url(), m_token).get(QStringLiteral("/api/v1/audit?record=") + id);
        QCOMPARE(audit.json().value(QStringLiteral("entries")).toArray().size(), 1);
    }

    void concurrentCreatesAllLandAndNoneHidesBehindACursor()
    {
        const TestHttpResponse before =
            TestHttpClient(m_a->url(), m_token).get(QStringLiteral("/api/v1/sync/pull?cursor=0&limit=1000"));
        const qint64 cursor = before.json().value(QStringLiteral("cursor")).toInteger();
        QList<QByteArray> bodies;
        QSet<QString> ids;
        for (int index = 0; index < 20; ++index) {
            const QString id = newId();
            ids.insert(id);
            bodies.append(pushBody(QStringLiteral("dev-c%1").arg(index),
                                   {taskChange(QStringLiteral("create"), id,
                                               {{QStringLiteral("title"), QStringLiteral("C%1").arg(index)},
                                                {QStringLiteral("project_id"), QStringLiteral("p1")}})}));
        }
        for (const QJsonObject &answer : pushConcurrently(bodies))
            QCOMPARE(answer.value(QStringLiteral("applied")).toArray().size(), 1);
        const TestHttpResponse after =
            TestHttpClient(m_b->url(), m_token)
                .get(QStringLiteral("/api/v1/sync/pull?cursor=%1&limit=1000").arg(cursor));
        QSet<QString> pulled;
        for (const QJsonValue &record : after.json().value(QStringLiteral("changes")).toArray())
            pulled.insert(record.toObject().value(QStringLiteral("id")).toString());
        QCOMPARE(pulled, ids);
    }

    void aDeviceWatchingOneInstanceHearsAPushThroughTheOtherWithinASecond()
    {
        QWebSocket watcher;
        QNetworkRequest request(
            QUrl(QStringLiteral("ws://127.0.0.1:%1/api/v1/sync/events").arg(m_b->port())));
        request.setRawHeader("Authorization", "Bearer " + m_token.toLatin1());
        request.setRawHeader("FieldSync-Protocol", "1");
        request.setRawHeader("FieldSync-Device-Id", "watcher");
        watcher.open(request);
        if (!QTest::qWaitFor([&] { return watcher.state() == QAbstractSocket::ConnectedState; }, 5000))
            QFAIL("the events WebSocket did not connect");
        QSignalSpy messages(&watcher, &QWebSocket::textMessageReceived);
        QTest::qWait(200);
        messages.clear();

        QElapsedTimer timer;
        timer.start();
        TestHttpClient pusher(m_a->url(), m_token);
        const TestHttpResponse pushed =
            pusher.post(QStringLiteral("/api/v1/sync/push"),
                        pushBody(QStringLiteral("dev-events"),
                                 {taskChange(QStringLiteral("create"), newId(),
                                             {{QStringLiteral("title"), QStringLiteral("Heard")},
                                              {QStringLiteral("project_id"), QStringLiteral("p1")}})}));
        QCOMPARE(pushed.status, 200);
        const qint64 cursor = pushed.json().value(QStringLiteral("cursor")).toInteger();
        QVERIFY(QTest::qWaitFor(
            [&] {
                for (const QList<QVariant> &message : std::as_const(messages)) {
                    const QJsonObject event =
                        QJsonDocument::fromJson(message.first().toString().toUtf8()).object();
                    if (event.value(QStringLiteral("type")).toString() == QLatin1String("changes") &&
                        event.value(QStringLiteral("cursor")).toInteger() >= cursor)
                        return true;
                }
                return false;
            },
            1000));
        qInfo() << "event through the other instance after" << timer.elapsed() << "ms";
    }
};

QTEST_GUILESS_MAIN(MultiInstanceTest)
#include "tst_multiinstance.moc"
