// Photos between devices through the real fieldsync-server: uploads cut at every chunk edge and
// resumed, a refused chunk sent again, a fieldsync-cli killed mid-upload, two devices attaching
// to one permit offline, an empty file, a file over the server's limit, thumbnails, and the
// CLI's --json shapes.
#include "AttachmentDevice.h"
#include "CliRunner.h"
#include "FaultProxy.h"
#include "ServerProcess.h"
#include "TestHttpClient.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <csignal>

using namespace fieldsync;
using namespace fieldsync::test;
using namespace Qt::StringLiterals;

class TestAttachments : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void anUploadCutAtEveryChunkEdgeResumesWhereItStopped();
    void aChunkRefusedForItsHashIsSentAgain();
    void aCliKilledMidUploadFinishesOnTheNextSync();
    void twoDevicesAttachingOfflineKeepBoth();
    void anEmptyFileTravels();
    void aFileOverTheLimitStaysVisibleAndWaits();
    void anotherDeviceGetsAThumbnail();
    void aCopyDamagedOnTheDeviceIsNeverTakenAsTheFile();
    void cleanupTestCase();

private:
    std::unique_ptr<AttachmentDevice> signedInDevice(const QString &name, const QString &token,
                                                     const QUrl &url = {});

    QTemporaryDir m_files;
    QTemporaryDir m_serverFiles;
    std::unique_ptr<ServerProcess> m_server;
    QString m_ana;
    QString m_ben;
};

void TestAttachments::initTestCase()
{
    QVERIFY(m_files.isValid() && m_serverFiles.isValid());
    m_server = std::make_unique<ServerProcess>(QStringList{u"--attachments-dir"_s, m_serverFiles.path(),
                                                           u"--max-attachment-mb"_s, u"4"_s,
                                                           u"--rate-limit"_s, u"off"_s});
    const Result<void> started = m_server->start();
    QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().toString()));
    const Result<QString> ana = m_server->addUser(u"ana"_s, u"foreman"_s, {u"p1"_s});
    const Result<QString> ben = m_server->addUser(u"ben"_s, u"foreman"_s, {u"p1"_s});
    QVERIFY(ana.ok() && ben.ok());
    m_ana = ana.value();
    m_ben = ben.value();
}

void TestAttachments::cleanupTestCase()
{
    if (m_server)
        QVERIFY(m_server->stop().ok());
}

std::unique_ptr<AttachmentDevice> TestAttachments::signedInDevice(const QString &name, const QString &token,
                                                                  const QUrl &url)
{
    auto device = std::make_unique<AttachmentDevice>(name);
    if (!device->signIn((url.isEmpty() ? m_server->url() : url).toString(), token))
        qWarning() << name << "could not sign in";
    return device;
}

void TestAttachments::anUploadCutAtEveryChunkEdgeResumesWhereItStopped()
{
    FaultProxy proxy;
    QVERIFY(proxy.start(m_server->url()).ok());
    auto ana = signedInDevice(u"ana"_s, m_ana, proxy.url());
    const qint64 chunk = 64 * 1024;
    ana->setChunkBytes(chunk);
    const QString permit = ana->createPermit(u"Tank T2 entry"_s);
    QVERIFY(ana->sync().ok());
    const QString source = writeRandomFile(m_files.path(), u"cut.jpg"_s, 5 * chunk + 1000); // 6 chunks
    const Result<QString> attached = ana->attachments().attachFile(permit, source);
    QVERIFY(attached.ok());
    const QString id = attached.value();

    // Each chunk is cut once: even ones after the server kept them (the device never hears the
    // answer), odd ones before the server sees them.
    for (int index = 0; index < 6; ++index) {
        FaultProxy::Fault cut;
        cut.method = "PUT";
        cut.pathPrefix = u"/api/v1/attachments/%1/chunks/%2"_s.arg(id).arg(index);
        cut.action =
            index % 2 == 0 ? FaultProxy::Action::ResetAfterResponse : FaultProxy::Action::ResetBeforeForward;
        cut.count = 2; // Qt's network access resends a PUT once by itself after a reset
        proxy.addFault(cut);
    }
    QSignalSpy progress(&ana->controller(), &SyncController::attachmentProgress);
    int failedRuns = 0;
    qint64 lastUploaded = -1;
    for (int run = 0; run < 20; ++run) {
        const SyncReport report = ana->sync();
        if (report.ok())
            break;
        ++failedRuns;
        const AttachmentInfo info = ana->attachment(id);
        QVERIFY(info.state == AttachmentState::Pending || info.state == AttachmentState::Uploading);
        QVERIFY(info.uploadedBytes >= lastUploaded); // never back to the start
        lastUploaded = info.uploadedBytes;
        // Never shown as synced while the server lacks the file.
        QCOMPARE(ana->store().syncState(permit).value(), RecordSyncState::Pending);
        QVERIFY(ana->store().counts().value().pending >= 1);
    }
    QCOMPARE(failedRuns, 6);
    const AttachmentInfo done = ana->attachment(id);
    QCOMPARE(done.state, AttachmentState::Synced);
    QCOMPARE(ana->store().syncState(permit).value(), RecordSyncState::Synced);
    QCOMPARE(ana->store().counts().value().pending, 0);
    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.last().at(1).toLongLong(), done.bytes);

    // Resumed, not restarted: each chunk went at most three times (twice into a cut, once more),
    // where restarting from the first byte after each cut would have sent 21 chunks or more.
    QVERIFY(proxy.requestsTo("PUT", u"/api/v1/attachments/%1/chunks/"_s.arg(id)).size() <= 15);
    auto ben = signedInDevice(u"ben"_s, m_ben);
    QVERIFY(ben->sync().ok());
    QString reason;
    const QString fetched = ben->fetch(id, &reason);
    QVERIFY2(!fetched.isEmpty(), qPrintable(reason));
    QCOMPARE(sha256OfFile(fetched), sha256OfFile(source));
}

void TestAttachments::aChunkRefusedForItsHashIsSentAgain()
{
    FaultProxy proxy;
    QVERIFY(proxy.start(m_server->url()).ok());
    auto ana = signedInDevice(u"ana"_s, m_ana, proxy.url());
    ana->setChunkBytes(32 * 1024);
    const QString permit = ana->createPermit(u"Damaged on the way"_s);
    const QString source = writeRandomFile(m_files.path(), u"damaged.jpg"_s, 100 * 1024);
    const QString id = ana->attachments().attachFile(permit, source).value();
    // The link damages chunk 1 once: the server's answer to a chunk whose bytes do not match
    // its SHA-256 (tst_attachmentapi proves the server gives it for real damaged bytes).
    FaultProxy::Fault damaged;
    damaged.method = "PUT";
    damaged.pathPrefix = u"/api/v1/attachments/%1/chunks/1"_s.arg(id);
    damaged.status = 422;
    damaged.body = R"({"error":"chunk_hash_mismatch","message":"the chunk does not match its SHA-256"})";
    proxy.addFault(damaged);

    const SyncReport report = ana->sync();
    QVERIFY2(report.ok(), qPrintable(report.failureReason()));
    QCOMPARE(report.uploaded, 1);
    QCOMPARE(ana->attachment(id).state, AttachmentState::Synced);
    const QList<FaultProxy::Request> chunk1 =
        proxy.requestsTo("PUT", u"/api/v1/attachments/%1/chunks/1"_s.arg(id));
    QCOMPARE(chunk1.size(), 2);
    QCOMPARE(chunk1.first().injectedStatus, 422);
    TestHttpClient client(m_server->url(), m_ben);
    const TestHttpResponse file =
        client.get(u"/api/v1/attachments/%1"_s.arg(id), {{"Accept-Encoding", "identity"}});
    QCOMPARE(QCryptographicHash::hash(file.body, QCryptographicHash::Sha256).toHex(), sha256OfFile(source));
}

void TestAttachments::aCliKilledMidUploadFinishesOnTheNextSync()
{
    FaultProxy proxy;
    QVERIFY(proxy.start(m_server->url()).ok());
    QTemporaryDir dataDir;
    const CliRunner cli(dataDir.path());
    // Commands that talk through the proxy run while this thread spins the proxy's event loop.
    const auto runThroughProxy = [&dataDir](const QStringList &arguments) {
        QProcess process;
        process.setProgram(CliRunner::binary());
        process.setArguments(QStringList{u"--data-dir"_s, dataDir.path()} + arguments);
        QEventLoop loop;
        QObject::connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(60000, &loop, &QEventLoop::quit);
        process.start();
        loop.exec();
        CliResult result;
        result.exitCode = process.state() == QProcess::NotRunning ? process.exitCode() : -1;
        result.out = process.readAllStandardOutput();
        result.err = process.readAllStandardError();
        return result;
    };
    QCOMPARE(
        runThroughProxy({u"login"_s, u"--server"_s, proxy.url().toString(), u"--token"_s, m_ana}).exitCode,
        0);
    const CliResult created = cli.run({u"create"_s, u"permit"_s, u"title=Crane lift"_s, u"--json"_s});
    QCOMPARE(created.exitCode, 0);
    const QString permit = created.json().object().value(u"id"_s).toString();
    const QString source = writeRandomFile(m_files.path(), u"killed.jpg"_s, 3 * 1024 * 1024);
    const CliResult attached = cli.run({u"attach"_s, permit, source, u"--json"_s});
    QCOMPARE(attached.exitCode, 0);
    QCOMPARE(attached.json().object().keys(), QStringList{u"id"_s});
    const QString id = attached.json().object().value(u"id"_s).toString();

    // Slow chunks, so the process is surely in the middle when it dies.
    FaultProxy::Fault slow;
    slow.method = "PUT";
    slow.pathPrefix = u"/api/v1/attachments/"_s;
    slow.count = -1;
    slow.delayMs = 100;
    proxy.addFault(slow);
    QProcess sync;
    sync.setProgram(CliRunner::binary());
    sync.setArguments({u"--data-dir"_s, dataDir.path(), u"sync"_s, u"--chunk-kb"_s, u"64"_s});
    sync.start();
    QVERIFY(sync.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(proxy.requestsTo("PUT", u"/api/v1/attachments/%1/chunks/"_s.arg(id)).size() >= 5,
                             30000);
    ::kill(pid_t(sync.processId()), SIGKILL);
    QVERIFY(sync.waitForFinished(10000));
    QCOMPARE(sync.exitStatus(), QProcess::CrashExit);

    TestHttpClient server(m_server->url(), m_ana);
    const QJsonObject half = server.get(u"/api/v1/attachments/%1/upload"_s.arg(id)).json();
    QCOMPARE(half.value(u"complete"_s).toBool(), false);
    const qint64 received = half.value(u"received"_s).toInteger();
    QVERIFY(received > 0 && received < 3 * 1024 * 1024);
    QCOMPARE(received % (64 * 1024), 0); // only whole, checked chunks count

    const CliResult listed = cli.run({u"attachments"_s, permit, u"--json"_s});
    QCOMPARE(listed.exitCode, 0);
    const QJsonObject before = listed.json().array().first().toObject();
    QCOMPARE(before.value(u"state"_s).toString(), u"uploading"_s);
    const QJsonObject statusBefore = cli.run({u"status"_s, u"--json"_s}).json().object();
    QCOMPARE(statusBefore.value(u"pending"_s).toInt(), 1);

    proxy.clearFaults();
    const CliResult resumed = runThroughProxy({u"sync"_s, u"--chunk-kb"_s, u"64"_s, u"--json"_s});
    QCOMPARE(resumed.exitCode, 0);
    QCOMPARE(resumed.json().object().value(u"uploaded"_s).toInt(), 1);
    // Resumed from what the server had: no chunk before `received` was sent again.
    const qint64 chunksAfterKill = 3 * 1024 * 1024 / (64 * 1024) - received / (64 * 1024);
    QVERIFY(proxy.requestsTo("PUT", u"/api/v1/attachments/%1/chunks/"_s.arg(id)).size() <=
            received / (64 * 1024) + 1 + chunksAfterKill);

    const QJsonArray after = cli.run({u"attachments"_s, permit, u"--json"_s}).json().array();
    QCOMPARE(after.size(), 1);
    const QJsonObject entry = after.first().toObject();
    QStringList keys = entry.keys();
    keys.sort();
    QCOMPARE(keys, (QStringList{u"bytes"_s, u"id"_s, u"name"_s, u"sha256"_s, u"state"_s}));
    QCOMPARE(entry.value(u"id"_s).toString(), id);
    QCOMPARE(entry.value(u"name"_s).toString(), u"killed.jpg"_s);
    QCOMPARE(entry.value(u"bytes"_s).toInteger(), 3 * 1024 * 1024);
    QCOMPARE(entry.value(u"sha256"_s).toString().toLatin1(), sha256OfFile(source));
    QCOMPARE(entry.value(u"state"_s).toString(), u"synced"_s);
    QCOMPARE(cli.run({u"status"_s, u"--json"_s}).json().object().value(u"pending"_s).toInt(), 0);

    // Another device's CLI gets the whole file, hash verified.
    QTemporaryDir otherDir;
    const CliRunner other(otherDir.path());
    QCOMPARE(other.run({u"login"_s, u"--server"_s, m_server->url().toString(), u"--token"_s, m_ben}).exitCode,
             0);
    QCOMPARE(other.run({u"sync"_s}).exitCode, 0);
    const QJsonArray seen = other.run({u"attachments"_s, permit, u"--json"_s}).json().array();
    QCOMPARE(seen.size(), 1);
    QCOMPARE(seen.first().toObject().value(u"state"_s).toString(), u"missing"_s);
    const QString out = QDir(m_files.path()).filePath(u"fetched.jpg"_s);
    const CliResult fetched = other.run({u"fetch-attachment"_s, id, out, u"--json"_s});
    QCOMPARE(fetched.exitCode, 0);
    QCOMPARE(sha256OfFile(out), sha256OfFile(source));
    QCOMPARE(other.run({u"attachments"_s, permit, u"--json"_s})
                 .json()
                 .array()
                 .first()
                 .toObject()
                 .value(u"state"_s),
             QJsonValue(u"synced"_s));
}

void TestAttachments::twoDevicesAttachingOfflineKeepBoth()
{
    auto ana = signedInDevice(u"ana"_s, m_ana);
    auto ben = signedInDevice(u"ben"_s, m_ben);
    const QString permit = ana->createPermit(u"Shared permit"_s);
    QVERIFY(ana->sync().ok());
    QVERIFY(ben->sync().ok());

    // Both offline: each attaches a photo to the same permit.
    const QString anaFile = writeRandomFile(m_files.path(), u"ana.jpg"_s, 70 * 1024);
    const QString benFile = writeRandomFile(m_files.path(), u"ben.jpg"_s, 90 * 1024);
    const QString anaPhoto = ana->attachments().attachFile(permit, anaFile).value();
    const QString benPhoto = ben->attachments().attachFile(permit, benFile).value();

    QVERIFY(ana->sync().ok());
    const SyncReport benReport = ben->sync();
    QVERIFY(benReport.ok());
    QCOMPARE(benReport.conflicts, 0);
    QCOMPARE(benReport.rejected, 0);
    QVERIFY(ana->sync().ok());

    for (AttachmentDevice *device : {ana.get(), ben.get()}) {
        QCOMPARE(device->store().counts().value().conflicts, 0);
        const QList<AttachmentInfo> list = device->attachments().forRecord(permit).value();
        QCOMPARE(list.size(), 2);
    }
    QCOMPARE(ana->attachment(benPhoto).state, AttachmentState::Missing);
    QCOMPARE(ben->attachment(anaPhoto).state, AttachmentState::Missing);
    QString reason;
    const QString anaGot = ana->fetch(benPhoto, &reason);
    QVERIFY2(!anaGot.isEmpty(), qPrintable(reason));
    QCOMPARE(sha256OfFile(anaGot), sha256OfFile(benFile));
    const QString benGot = ben->fetch(anaPhoto, &reason);
    QVERIFY2(!benGot.isEmpty(), qPrintable(reason));
    QCOMPARE(sha256OfFile(benGot), sha256OfFile(anaFile));
    QCOMPARE(ana->attachment(benPhoto).state, AttachmentState::Synced);
}

void TestAttachments::anEmptyFileTravels()
{
    auto ana = signedInDevice(u"ana"_s, m_ana);
    const QString permit = ana->createPermit(u"Empty file"_s);
    const QString source = writeRandomFile(m_files.path(), u"empty.jpg"_s, 0);
    const QString id = ana->attachments().attachFile(permit, source).value();
    const SyncReport report = ana->sync();
    QVERIFY2(report.ok(), qPrintable(report.failureReason()));
    QCOMPARE(report.uploaded, 1);
    QCOMPARE(ana->attachment(id).state, AttachmentState::Synced);

    auto ben = signedInDevice(u"ben"_s, m_ben);
    QVERIFY(ben->sync().ok());
    QString reason;
    const QString fetched = ben->fetch(id, &reason);
    QVERIFY2(!fetched.isEmpty(), qPrintable(reason));
    QCOMPARE(QFileInfo(fetched).size(), 0);
}

void TestAttachments::aFileOverTheLimitStaysVisibleAndWaits()
{
    auto ana = signedInDevice(u"ana"_s, m_ana);
    const QString permit = ana->createPermit(u"Too big"_s);
    const QString big = writeRandomFile(m_files.path(), u"big.jpg"_s, 5 * 1024 * 1024); // the limit is 4 MiB
    const QString small = writeRandomFile(m_files.path(), u"small.jpg"_s, 10 * 1024);
    const QString bigId = ana->attachments().attachFile(permit, big).value();
    const QString smallId = ana->attachments().attachFile(permit, small).value();

    const SyncReport report = ana->sync();
    QVERIFY2(report.ok(), qPrintable(report.failureReason())); // the records and the other file went
    QCOMPARE(report.uploaded, 1);
    QCOMPARE(report.problems.size(), 1);
    QVERIFY2(report.problems.first().contains(u"at most 4.0 MB"_s), qPrintable(report.problems.first()));

    const AttachmentInfo waiting = ana->attachment(bigId);
    QCOMPARE(waiting.state, AttachmentState::Pending);
    QVERIFY(waiting.uploadError.contains(u"too large"_s) || waiting.uploadError.contains(u"at most"_s));
    QCOMPARE(sha256OfFile(waiting.localPath), sha256OfFile(big)); // nothing lost
    QCOMPARE(ana->attachment(smallId).state, AttachmentState::Synced);
    QCOMPARE(ana->store().syncState(permit).value(), RecordSyncState::Pending);
    QCOMPARE(ana->store().counts().value().pendingFiles, 1);
    // keep-recent never drops it.
    QCOMPARE(ana->attachments().keepRecentOnly(1).value(), 0);

    // The next sync does not say it again: the file still waits, showing its reason.
    const SyncReport again = ana->sync();
    QVERIFY2(again.ok(), qPrintable(again.failureReason()));
    QCOMPARE(again.filesWaiting, 1);
    QVERIFY2(again.problems.isEmpty(), qPrintable(again.problems.join(u"; "_s)));
    QCOMPARE(ana->attachment(bigId).state, AttachmentState::Pending);
    QCOMPARE(ana->attachment(bigId).uploadError, waiting.uploadError);
}

void TestAttachments::anotherDeviceGetsAThumbnail()
{
    auto ana = signedInDevice(u"ana"_s, m_ana);
    const QString permit = ana->createPermit(u"Photo for the list"_s);
    QImage photo(1200, 900, QImage::Format_RGB32);
    photo.fill(Qt::blue);
    const QString source = QDir(m_files.path()).filePath(u"isolation.jpg"_s);
    QVERIFY(photo.save(source, "JPEG"));
    const QString id = ana->attachments().attachFile(permit, source).value();
    QCOMPARE(ana->attachment(id).mimeType, u"image/jpeg"_s);
    QVERIFY(ana->sync().ok());

    auto ben = signedInDevice(u"ben"_s, m_ben);
    QVERIFY(ben->sync().ok());
    QString reason;
    const QByteArray thumbnail = ben->fetchThumbnail(id, &reason);
    QVERIFY2(!thumbnail.isEmpty(), qPrintable(reason));
    const QImage image = QImage::fromData(thumbnail);
    QCOMPARE(image.size(), QSize(256, 192));
    // Kept on the device: lists show it offline too, without the full photo.
    QVERIFY(ben->attachment(id).localPath.isEmpty());
    QVERIFY(ben->attachments().localStorageBytes().value() > 0);
}

void TestAttachments::aCopyDamagedOnTheDeviceIsNeverTakenAsTheFile()
{
    auto ana = signedInDevice(u"ana"_s, m_ana);
    const QString permit = ana->createPermit(u"Damaged copy"_s);
    const QString source = writeRandomFile(m_files.path(), u"rot.jpg"_s, 40 * 1024);
    const QString id = ana->attachments().attachFile(permit, source).value();
    // The data dir's copy rots after it was hashed: same size, other bytes.
    QFile copy(ana->attachment(id).localPath);
    QVERIFY(copy.open(QIODevice::ReadWrite));
    QVERIFY(copy.seek(1000));
    QVERIFY(copy.write("rotten") == 6);
    copy.close();

    const SyncReport report = ana->sync();
    QVERIFY2(report.ok(), qPrintable(report.failureReason()));
    QCOMPARE(report.uploaded, 0);
    QCOMPARE(report.problems.size(), 1);
    QVERIFY2(report.problems.first().contains(u"changed on this device"_s),
             qPrintable(report.problems.first()));
    QCOMPARE(ana->attachment(id).state, AttachmentState::Pending);
    TestHttpClient server(m_server->url(), m_ben);
    QCOMPARE(server.get(u"/api/v1/attachments/%1"_s.arg(id)).status, 404);
    QCOMPARE(server.get(u"/api/v1/attachments/%1/upload"_s.arg(id)).json().value(u"received"_s).toInteger(),
             0);
}

QTEST_MAIN(TestAttachments)
#include "tst_attachments.moc"
