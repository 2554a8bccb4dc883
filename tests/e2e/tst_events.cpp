// GET /api/v1/sync/events end to end: the real server's WebSocket (who may connect, who is told
// about which push) and a device that pulls when told, within a second, without polling.
#include "AutoSyncDevice.h"
#include "FaultProxy.h"
#include "ServerProcess.h"
#include "TestDevice.h"
#include "TestHttpClient.h"

#include "protocol/EventMessages.h"
#include "sync/ServerEventsClient.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QUuid>
#include <QWebSocket>

using namespace fieldsync;
using namespace fieldsync::test;

namespace {

// A raw events connection as a device opens it, collecting what the server says.
class EventsWatcher
{
public:
    EventsWatcher(quint16 port, const QString &token, const QString &deviceId)
        : m_messages(&m_socket, &QWebSocket::textMessageReceived)
    {
        QNetworkRequest request(QUrl(QStringLiteral("ws://127.0.0.1:%1/api/v1/sync/events").arg(port)));
        if (!token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
        request.setRawHeader("FieldSync-Protocol", "1");
        request.setRawHeader(protocol::DeviceIdHeader, deviceId.toLatin1());
        m_socket.open(request);
    }

    bool waitConnected()
    {
        return QTest::qWaitFor([&] { return m_socket.state() == QAbstractSocket::ConnectedState; }, 5000);
    }
    QWebSocket &socket() { return m_socket; }
    QList<qint64> cursors() const
    {
        QList<qint64> cursors;
        for (const QList<QVariant> &message : m_messages) {
            const QJsonObject event = QJsonDocument::fromJson(message.first().toString().toUtf8()).object();
            if (event.value(QStringLiteral("type")) == QLatin1String("changes"))
                cursors.append(event.value(QStringLiteral("cursor")).toInteger());
        }
        return cursors;
    }

private:
    QWebSocket m_socket;
    QSignalSpy m_messages;
};

QByteArray taskPush(const QString &deviceId, const QString &offlineId, const QString &project)
{
    const QJsonObject change{
        {QStringLiteral("offline_id"), offlineId},
        {QStringLiteral("entity"), QStringLiteral("task")},
        {QStringLiteral("op"), QStringLiteral("create")},
        {QStringLiteral("id"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
        {QStringLiteral("client_version"), 0},
        {QStringLiteral("base"), QJsonObject()},
        {QStringLiteral("data"), QJsonObject{{QStringLiteral("title"), QStringLiteral("Hi")},
                                             {QStringLiteral("project_id"), project}}}};
    return QJsonDocument(
               QJsonObject{{QStringLiteral("device_id"), deviceId},
                           {QStringLiteral("client_time"), QStringLiteral("2026-01-01T00:00:00Z")},
                           {QStringLiteral("batch_id"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
                           {QStringLiteral("changes"), QJsonArray{change}}})
        .toJson(QJsonDocument::Compact);
}

} // namespace

class EventsTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ServerProcess> m_server;
    QString m_ana;  // p1
    QString m_ben;  // p1
    QString m_carl; // p2

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLoggingCategory::setFilterRules(
            QStringLiteral("fieldsync.*.debug=false\nfieldsync.store.info=false"));
        m_server = std::make_unique<ServerProcess>();
        const Result<void> started = m_server->start();
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().toString()));
        const auto add = [this](const QString &name, const QString &project) {
            const Result<QString> token = m_server->addUser(name, QStringLiteral("foreman"), {project});
            return token ? token.value() : QString();
        };
        m_ana = add(QStringLiteral("ana"), QStringLiteral("p1"));
        m_ben = add(QStringLiteral("ben"), QStringLiteral("p1"));
        m_carl = add(QStringLiteral("carl"), QStringLiteral("p2"));
        QVERIFY(!m_ana.isEmpty() && !m_ben.isEmpty() && !m_carl.isEmpty());
    }

    void theEventsSocketNeedsAValidToken()
    {
        for (const QString &token : {QString(), QStringLiteral("not-a-token")}) {
            EventsWatcher watcher(m_server->port(), token, QStringLiteral("dev-x"));
            QSignalSpy failed(&watcher.socket(), qOverload<QAbstractSocket::SocketError>(&QWebSocket::error));
            QVERIFY(failed.wait(5000));
            QVERIFY2(watcher.socket().errorString().contains(QLatin1String("401")),
                     qPrintable(watcher.socket().errorString()));
            QVERIFY(watcher.socket().state() != QAbstractSocket::ConnectedState);
        }
    }

    // The device's events client says "signed out" in the words every other 401 uses, so that the
    // status indicator shows "signed out, sign in again" (translated), not a raw English text.
    void aRefusedTokenOnTheEventsSocketReadsAsSignedOut()
    {
        ServerEventsClient events;
        events.setServer(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server->port())),
                         QStringLiteral("not-a-token"), QStringLiteral("dev-y"));
        QSignalSpy refused(&events, &ServerEventsClient::unauthorized);
        events.start();
        QVERIFY(refused.wait(5000));
        const QString reason = refused.first().first().toString();
        QVERIFY2(reason.startsWith(QLatin1String("unauthorized:")), qPrintable(reason));
        events.stop();
    }

    void aPushIsAnnouncedToTheOtherDevicesOfItsProjectOnly()
    {
        EventsWatcher pusher(m_server->port(), m_ana, QStringLiteral("dev-a"));
        EventsWatcher anasTablet(m_server->port(), m_ana, QStringLiteral("dev-a2"));
        EventsWatcher colleague(m_server->port(), m_ben, QStringLiteral("dev-b"));
        EventsWatcher otherSite(m_server->port(), m_carl, QStringLiteral("dev-c"));
        QVERIFY(pusher.waitConnected() && anasTablet.waitConnected() && colleague.waitConnected() &&
                otherSite.waitConnected());

        TestHttpClient http(m_server->url(), m_ana);
        const QByteArray body =
            taskPush(QStringLiteral("dev-a"), QUuid::createUuid().toString(QUuid::WithoutBraces),
                     QStringLiteral("p1"));
        const TestHttpResponse pushed = http.post(QStringLiteral("/api/v1/sync/push"), body);
        QCOMPARE(pushed.status, 200);
        const qint64 cursor = pushed.json().value(QStringLiteral("cursor")).toInteger();
        QTRY_COMPARE_WITH_TIMEOUT(colleague.cursors(), QList<qint64>{cursor}, 2000);
        QTRY_COMPARE_WITH_TIMEOUT(anasTablet.cursors(), QList<qint64>{cursor}, 2000);
        QTest::qWait(200);
        QVERIFY(pusher.cursors().isEmpty());    // it pulls after its own push anyway
        QVERIFY(otherSite.cursors().isEmpty()); // another project's device learns nothing

        // A replay changes nothing, so it announces nothing.
        QCOMPARE(http.post(QStringLiteral("/api/v1/sync/push"), body).status, 200);
        QTest::qWait(200);
        QCOMPARE(colleague.cursors().size(), 1);
    }

    void anEditOnAReachesAWatchingBThroughAnEventWithoutPolling()
    {
        TestDevice a(QStringLiteral("a"));
        QVERIFY(a.signIn(m_server->url().toString(), m_ana));
        AutoSyncDevice b(m_server->url(), m_ben, QStringLiteral("p1")); // no periodic timer
        QList<SyncScheduler::Trigger> triggers;
        QObject::connect(b.sync().scheduler(), &SyncScheduler::runRequested, b.sync().scheduler(),
                         [&](SyncScheduler::Trigger trigger) { triggers.append(trigger); });
        b.sync().startAutomatic();
        QVERIFY(
            QTest::qWaitFor([&] { return b.sync().events()->isConnected() && !b.sync().isSyncing(); }, 5000));
        triggers.clear();

        const QString id =
            a.create(EntityKind::Permit, QJsonObject{{QStringLiteral("title"), QStringLiteral("Hot work")}});
        QElapsedTimer clock;
        clock.start();
        QVERIFY(a.sync().ok());
        QVERIFY(QTest::qWaitFor([&] { return b.hasRecord(id); }, 1000));
        qInfo() << "B had A's permit" << clock.elapsed() << "ms after A's sync began";
        QCOMPARE(triggers, QList<SyncScheduler::Trigger>{SyncScheduler::Trigger::ServerEvent});

        // And again for an edit, not only a create.
        QVERIFY(QTest::qWaitFor([&] { return !b.sync().isSyncing(); }, 2000));
        QVERIFY(a.edit(id, QJsonObject{{QStringLiteral("title"), QStringLiteral("Hot work, bay 4")}}));
        QVERIFY(a.sync().ok());
        QVERIFY(QTest::qWaitFor([&] { return b.title(id) == QLatin1String("Hot work, bay 4"); }, 1000));
    }

    void aMissedEventCostsLatencyNeverData()
    {
        TestDevice a(QStringLiteral("a"));
        QVERIFY(a.signIn(m_server->url().toString(), m_ana));
        FaultProxy proxy;
        QVERIFY(proxy.start(m_server->url()).ok());
        AutoSyncDevice b(proxy.url(), m_ben, QStringLiteral("p1"));
        b.sync().startAutomatic();
        QVERIFY(
            QTest::qWaitFor([&] { return b.sync().events()->isConnected() && !b.sync().isSyncing(); }, 5000));

        // B's connections drop and refuse for a moment, while A pushes: B misses the event.
        proxy.setRefusing(true);
        proxy.disconnectAll();
        const QString id =
            a.create(EntityKind::Task, QJsonObject{{QStringLiteral("title"), QStringLiteral("Missed")}});
        QVERIFY(a.sync().ok());
        QTest::qWait(200);
        QVERIFY(!b.hasRecord(id));
        proxy.setRefusing(false);
        // On reconnecting, B pulls what it may have missed.
        QVERIFY(QTest::qWaitFor([&] { return b.hasRecord(id); }, 5000));
    }
};

QTEST_GUILESS_MAIN(EventsTest)
#include "tst_events.moc"
