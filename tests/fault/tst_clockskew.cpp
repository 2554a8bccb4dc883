// A device whose clock is days off (protocol::setClockOffsetMs, the clock every edit is stamped
// with) changes nothing about which edit wins: versions decide, not clocks. Two devices in this
// process take turns with the skewed clock; the real server judges.
#include "FaultDevice.h"
#include "FaultProxy.h"
#include "ServerProcess.h"
#include "TestHttpClient.h"
#include "protocol/ProtocolInfo.h"

#include <QDateTime>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace fieldsync;
using namespace fieldsync::test;

namespace {

constexpr qint64 Day = 24 * 3600 * 1000;

// Runs one step of a device whose clock is offsetMs off, then puts the clock back.
template<typename Step> auto withClockOff(qint64 offsetMs, Step step)
{
    protocol::setClockOffsetMs(offsetMs);
    auto result = step();
    protocol::setClockOffsetMs(0);
    return result;
}

QDateTime stampOf(const LocalRecord &record)
{
    return QDateTime::fromString(record.data.value(RecordMeta::UpdatedAt).toString(), Qt::ISODateWithMs);
}

} // namespace

class ClockSkewTest : public QObject
{
    Q_OBJECT

private:
    // Hundreds of syncs a second from one user: the rate limit is not what is under test.
    ServerProcess m_server{{QStringLiteral("--rate-limit"), QStringLiteral("off")}};
    QString m_pmToken;
    QString m_foremanToken;
    QTemporaryDir m_dirs;
    std::unique_ptr<FaultDevice> m_on;  // clock right
    std::unique_ptr<FaultDevice> m_off; // clock days off for its edits

    QString newPermit(const QString &title)
    {
        const QString id = m_on->create(EntityKind::Permit, {{QStringLiteral("title"), title}});
        if (id.isEmpty() || !m_on->sync().ok() || !m_off->sync().ok())
            return {};
        return id;
    }

private slots:
    void initTestCase()
    {
        const Result<void> started = m_server.start();
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().toString()));
        const Result<QString> ana =
            m_server.addUser(QStringLiteral("ana"), QStringLiteral("foreman"), {QStringLiteral("site")});
        const Result<QString> ben =
            m_server.addUser(QStringLiteral("ben"), QStringLiteral("foreman"), {QStringLiteral("site")});
        const Result<QString> pia =
            m_server.addUser(QStringLiteral("pia"), QStringLiteral("pm"), {QStringLiteral("site")});
        QVERIFY(ana && ben && pia);
        m_pmToken = pia.value();
        m_foremanToken = ana.value();
        m_on = std::make_unique<FaultDevice>(m_dirs.filePath(QStringLiteral("on")));
        m_off = std::make_unique<FaultDevice>(m_dirs.filePath(QStringLiteral("off")));
        QVERIFY(m_on->signIn(m_server.url(), ana.value()));
        QVERIFY(m_off->signIn(m_server.url(), ben.value()));
    }

    void cleanup() { protocol::setClockOffsetMs(0); }

    // The server's audit entry of a record's one version: when the server applied it, and the
    // client_time of the push that carried it.
    QPair<QDateTime, QDateTime> auditTimesOf(const QString &id)
    {
        TestHttpClient pm(m_server.url(), m_pmToken);
        const QJsonArray entries = pm.get(QStringLiteral("/api/v1/audit?record=") + id)
                                       .json()
                                       .value(QStringLiteral("entries"))
                                       .toArray();
        if (entries.size() != 1)
            return {};
        const QJsonObject entry = entries.first().toObject();
        return {
            QDateTime::fromString(entry.value(QStringLiteral("at")).toString(), Qt::ISODateWithMs),
            QDateTime::fromString(entry.value(QStringLiteral("client_time")).toString(), Qt::ISODateWithMs)};
    }

    void clockInjectionStampsEditsAndPushes()
    {
        // The hook must really move the device's clock, or the tests below prove nothing.
        const QString id = newPermit(QStringLiteral("Stamp check"));
        QVERIFY(!id.isEmpty());
        QVERIFY(withClockOff(-5 * Day, [&] {
            return m_off->edit(id, {{QStringLiteral("location"), QStringLiteral("Yard")}});
        }));
        const qint64 behind = stampOf(m_off->record(id)).msecsTo(QDateTime::currentDateTimeUtc());
        QVERIFY2(behind > 4 * Day && behind < 6 * Day, qPrintable(QString::number(behind)));
        QVERIFY(withClockOff(-5 * Day, [&] { return m_off->sync(); }).ok());
        // The push carried the skewed client_time into the audit trail.
        TestHttpClient pm(m_server.url(), m_pmToken);
        const TestHttpResponse audit = pm.get(QStringLiteral("/api/v1/audit?record=") + id);
        QCOMPARE(audit.status, 200);
        const QJsonArray entries = audit.json().value(QStringLiteral("entries")).toArray();
        QCOMPARE(entries.size(), 2);
        const QDateTime clientTime = QDateTime::fromString(
            entries.last().toObject().value(QStringLiteral("client_time")).toString(), Qt::ISODateWithMs);
        QVERIFY(clientTime.isValid());
        QVERIFY(clientTime.msecsTo(QDateTime::currentDateTimeUtc()) > 4 * Day);
    }

    void batchReadAheadIsStampedWhenItLeaves()
    {
        // The device encodes its next batch while the server works on the one before; that
        // batch's client_time must still say when it was sent, as the audit trail (and the skew a
        // PM reads from it) takes it to be. The first push is held up on its way to the server,
        // so a batch stamped when it was read would carry a time before the server even saw the
        // first one.
        FaultProxy proxy;
        QVERIFY(proxy.start(m_server.url()).ok());
        FaultDevice device(m_dirs.filePath(QStringLiteral("read-ahead")));
        QVERIFY(device.signIn(m_server.url(), m_foremanToken));
        device.setServerUrl(proxy.url());
        SyncEngine::Limits oneAtATime;
        oneAtATime.maxChanges = 1;
        device.engine().setLimits(oneAtATime);
        const QString first =
            device.create(EntityKind::Permit, {{QStringLiteral("title"), QStringLiteral("Sent first")}});
        const QString second =
            device.create(EntityKind::Permit, {{QStringLiteral("title"), QStringLiteral("Read ahead")}});
        QVERIFY(!first.isEmpty() && !second.isEmpty());
        FaultProxy::Fault slow;
        slow.method = "POST";
        slow.pathPrefix = QStringLiteral("/api/v1/sync/push");
        slow.delayMs = 800;
        proxy.addFault(slow);

        const SyncReport report = device.sync();
        QVERIFY(report.ok());
        QCOMPARE(report.applied, 2);
        QCOMPARE(proxy.requestsTo("POST", QStringLiteral("/api/v1/sync/push")).size(), 2);
        const auto [firstApplied, firstSent] = auditTimesOf(first);
        const auto [secondApplied, secondSent] = auditTimesOf(second);
        QVERIFY(firstApplied.isValid() && firstSent.isValid() && secondApplied.isValid() &&
                secondSent.isValid());
        QVERIFY2(firstSent.msecsTo(firstApplied) >= 700, "the first push was not held up");
        QVERIFY2(secondSent >= firstApplied,
                 qPrintable(QStringLiteral("second batch stamped %1, before the first was applied at %2")
                                .arg(secondSent.toString(Qt::ISODateWithMs),
                                     firstApplied.toString(Qt::ISODateWithMs))));
        QVERIFY(secondSent <= secondApplied);
    }

    void laterEditWinsThoughItsClockSaysEarlier_data()
    {
        QTest::addColumn<qint64>("offset");
        QTest::newRow("clock 5 days behind") << -5 * Day;
        QTest::newRow("clock 3 days ahead") << 3 * Day;
    }

    void laterEditWinsThoughItsClockSaysEarlier()
    {
        QFETCH(qint64, offset);
        const QString id = newPermit(QStringLiteral("Sequential"));
        QVERIFY(!id.isEmpty());
        // Whatever the skew says, the edit made on top of the other one is the newer one.
        QVERIFY(m_on->edit(id, {{QStringLiteral("title"), QStringLiteral("First, right clock")}}));
        QVERIFY(m_on->sync().ok());
        QVERIFY(m_off->sync().ok());
        QVERIFY(withClockOff(offset, [&] {
            return m_off->edit(id, {{QStringLiteral("title"), QStringLiteral("Second, skewed clock")}});
        }));
        const SyncReport skewed = withClockOff(offset, [&] { return m_off->sync(); });
        QVERIFY2(skewed.ok(), qPrintable(skewed.failureReason()));
        QCOMPARE(skewed.applied, 1);
        QCOMPARE(skewed.conflicts, 0);
        QVERIFY(m_on->sync().ok());
        QCOMPARE(m_on->record(id).data.value(QStringLiteral("title")).toString(),
                 QStringLiteral("Second, skewed clock"));
        QCOMPARE(m_on->record(id).version, 3);

        // And the other way round: the skewed device first, the right clock on top.
        QVERIFY(withClockOff(offset, [&] {
            return m_off->edit(id, {{QStringLiteral("location"), QStringLiteral("Skewed first")}});
        }));
        QVERIFY(withClockOff(offset, [&] { return m_off->sync(); }).ok());
        QVERIFY(m_on->sync().ok());
        QVERIFY(m_on->edit(id, {{QStringLiteral("location"), QStringLiteral("Right clock on top")}}));
        QVERIFY(m_on->sync().ok());
        QVERIFY(withClockOff(offset, [&] { return m_off->sync(); }).ok());
        QCOMPARE(m_off->record(id).data.value(QStringLiteral("location")).toString(),
                 QStringLiteral("Right clock on top"));
        QCOMPARE(m_off->record(id).version, m_on->record(id).version);
    }

    void concurrentEditsConflictWhicheverClockIsAhead_data()
    {
        QTest::addColumn<qint64>("offset");
        QTest::addColumn<bool>("skewedPushesFirst");
        QTest::newRow("behind, pushes first") << -5 * Day << true;
        QTest::newRow("behind, pushes second") << -5 * Day << false;
        QTest::newRow("ahead, pushes first") << 3 * Day << true;
        QTest::newRow("ahead, pushes second") << 3 * Day << false;
    }

    void concurrentEditsConflictWhicheverClockIsAhead()
    {
        QFETCH(qint64, offset);
        QFETCH(bool, skewedPushesFirst);
        const QString id = newPermit(QStringLiteral("Concurrent"));
        QVERIFY(!id.isEmpty());
        // Both edit the same field from the same version: the first to reach the server wins, the
        // second gets a conflict to resolve, and neither clock has a say.
        QVERIFY(m_on->edit(id, {{QStringLiteral("title"), QStringLiteral("Right clock's title")}}));
        QVERIFY(withClockOff(offset, [&] {
            return m_off->edit(id, {{QStringLiteral("title"), QStringLiteral("Skewed clock's title")}});
        }));
        FaultDevice &first = skewedPushesFirst ? *m_off : *m_on;
        FaultDevice &second = skewedPushesFirst ? *m_on : *m_off;
        const SyncReport winner = withClockOff(skewedPushesFirst ? offset : 0, [&] { return first.sync(); });
        const SyncReport loser = withClockOff(skewedPushesFirst ? 0 : offset, [&] { return second.sync(); });
        QVERIFY(winner.ok() && loser.ok());
        QCOMPARE(winner.applied, 1);
        QCOMPARE(winner.conflicts, 0);
        QCOMPARE(loser.applied, 0);
        QCOMPARE(loser.conflicts, 1);
        const QString expected = skewedPushesFirst ? QStringLiteral("Skewed clock's title")
                                                   : QStringLiteral("Right clock's title");
        QVERIFY(first.sync().ok());
        QCOMPARE(first.record(id).data.value(QStringLiteral("title")).toString(), expected);
        const Result<int> conflicts = second.store().conflicts().countForRecord(id);
        QVERIFY(conflicts);
        QCOMPARE(conflicts.value(), 1);
        QCOMPARE(second.record(id).serverVersion, 2);
    }
};

QTEST_GUILESS_MAIN(ClockSkewTest)
#include "tst_clockskew.moc"
