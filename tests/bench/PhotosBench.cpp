// photos: 100 photo-sized files (2-4 MiB of random bytes, as incompressible as JPEGs) attached to a
// permit on a device (the real core: AttachmentStore copies and hashes each one) and synced to a
// fieldsync-server process on loopback (record push, then chunked, hash-checked uploads). For
// comparison, the same bytes are sent raw over a loopback TCP socket to a sink that only counts
// them, in the same run:
//   {"bench":"photos","files":100,"mb":..,"seconds":..,"mb_per_s":..,"attach_seconds":..,
//    "upload_seconds":..,"raw_copy_mb_per_s":..}
// seconds covers attaching and syncing; mb_per_s is mb / seconds.
#include "BenchRegistry.h"
#include "SyncBenchSupport.h"

#include "attachments/AttachmentStore.h"
#include "attachments/AttachmentUploader.h"
#include "store/LocalEditor.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>

namespace fieldsync::bench {

namespace {

constexpr int DefaultFiles = 100;
constexpr double MiB = 1024.0 * 1024.0;

Result<QStringList> writePhotos(const QString &dir, int count, qint64 *totalBytes)
{
    QStringList paths;
    QByteArray block(256 * 1024, Qt::Uninitialized);
    for (int index = 0; index < count; ++index) {
        const qint64 size = 2 * 1024 * 1024 + QRandomGenerator::global()->bounded(2 * 1024 * 1024);
        const QString path =
            QDir(dir).filePath(QStringLiteral("IMG_%1.jpg").arg(index, 4, 10, QLatin1Char('0')));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return makeError(QStringLiteral("bench"), QStringLiteral("cannot write %1").arg(path));
        for (qint64 left = size; left > 0;) {
            QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(block.data()),
                                                  block.size() / 4);
            const qint64 n = std::min<qint64>(left, block.size());
            if (file.write(block.constData(), n) != n)
                return makeError(QStringLiteral("bench"), QStringLiteral("cannot write %1").arg(path));
            left -= n;
        }
        *totalBytes += size;
        paths.append(path);
    }
    return paths;
}

// Counts what arrives on a loopback port, on its own thread so that sending and receiving do not
// share one event loop (as the server process and the device do not).
class CountingSink : public QThread
{
public:
    quint16 listen()
    {
        start();
        while (m_port.loadAcquire() == 0)
            QThread::msleep(1);
        return quint16(m_port.loadAcquire());
    }
    qint64 received() const { return m_received.loadAcquire(); }

protected:
    void run() override
    {
        QTcpServer server;
        server.listen(QHostAddress::LocalHost, 0);
        m_port.storeRelease(server.serverPort());
        if (!server.waitForNewConnection(30000))
            return;
        QTcpSocket *socket = server.nextPendingConnection();
        QByteArray buffer(1024 * 1024, Qt::Uninitialized);
        while (socket->state() == QAbstractSocket::ConnectedState || socket->bytesAvailable() > 0) {
            if (socket->bytesAvailable() == 0 && !socket->waitForReadyRead(5000))
                break;
            const qint64 n = socket->read(buffer.data(), buffer.size());
            if (n > 0)
                m_received.fetchAndAddRelease(n);
        }
    }

private:
    QAtomicInteger<int> m_port = 0;
    QAtomicInteger<qint64> m_received = 0;
};

// MiB/s of sending the files' bytes (read from disk, as the upload reads them) over loopback.
Result<double> rawCopyRate(const QStringList &paths, qint64 totalBytes)
{
    CountingSink sink;
    const quint16 port = sink.listen();
    QTcpSocket socket;
    QElapsedTimer clock;
    clock.start();
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(10000))
        return makeError(QStringLiteral("bench"), QStringLiteral("raw copy: cannot connect to the sink"));
    for (const QString &path : paths) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return makeError(QStringLiteral("bench"), QStringLiteral("cannot read %1").arg(path));
        while (!file.atEnd()) {
            socket.write(file.read(1024 * 1024));
            while (socket.bytesToWrite() > 4 * 1024 * 1024)
                socket.waitForBytesWritten(5000);
        }
    }
    while (socket.bytesToWrite() > 0)
        socket.waitForBytesWritten(5000);
    socket.disconnectFromHost();
    sink.wait(30000);
    const double seconds = clock.nsecsElapsed() / 1e9;
    if (sink.received() != totalBytes)
        return makeError(
            QStringLiteral("bench"),
            QStringLiteral("raw copy: the sink got %1 of %2 bytes").arg(sink.received()).arg(totalBytes));
    return totalBytes / MiB / seconds;
}

bool runPhotos(const BenchOptions &options)
{
    const QString name = QStringLiteral("photos");
    const int files = options.n > 0 ? options.n : DefaultFiles;
    QTemporaryDir photoDir(options.workDir + QStringLiteral("/photos-XXXXXX"));
    qint64 totalBytes = 0;
    Result<QStringList> photos = writePhotos(photoDir.path(), files, &totalBytes);
    if (!photos) {
        reportError(name, photos.error().toString());
        return false;
    }

    BenchServer server;
    if (Result<void> started = server.start(); !started) {
        reportError(name, started.error().toString());
        return false;
    }
    Result<QString> token = server.addForeman(QStringLiteral("bench-photographer"));
    if (!token) {
        reportError(name, token.error().toString());
        return false;
    }
    Result<std::unique_ptr<BenchDevice>> device =
        BenchDevice::open(options.workDir, server.url(), QStringLiteral("bench-photographer"), token.value());
    if (!device) {
        reportError(name, device.error().toString());
        return false;
    }
    DeviceStore &store = device.value()->store();
    Result<QString> permit = LocalEditor(store).create(
        EntityKind::Permit, QJsonObject{{QStringLiteral("title"), QStringLiteral("Photos")}});
    if (!permit) {
        reportError(name, permit.error().toString());
        return false;
    }

    QElapsedTimer clock;
    clock.start();
    AttachmentStore attachments(store);
    for (const QString &path : photos.value()) {
        if (Result<QString> attached = attachments.attachFile(permit.value(), path); !attached) {
            reportError(name, attached.error().toString());
            return false;
        }
    }
    const double attachSeconds = clock.nsecsElapsed() / 1e9;

    SyncApiClient api;
    api.setServer(server.url(), token.value());
    AttachmentApiClient attachmentApi(api);
    attachmentApi.setToken(token.value());
    AttachmentUploader uploader(store, attachmentApi);
    SyncEngine engine(store, api);
    engine.setAttachmentUploader(&uploader);
    QEventLoop loop;
    SyncReport report;
    QObject::connect(&engine, &SyncEngine::finished, &loop, [&](const SyncReport &finished) {
        report = finished;
        loop.quit();
    });
    QTimer::singleShot(600000, &loop, &QEventLoop::quit);
    QElapsedTimer uploadClock;
    uploadClock.start();
    if (!engine.start()) {
        reportError(name, QStringLiteral("the sync did not start"));
        return false;
    }
    loop.exec();
    const double uploadSeconds = uploadClock.nsecsElapsed() / 1e9;
    const double seconds = clock.nsecsElapsed() / 1e9;
    if (!report.ok() || report.uploaded != files) {
        reportError(name, QStringLiteral("uploaded %1 of %2 files: %3")
                              .arg(report.uploaded)
                              .arg(files)
                              .arg(report.ok() ? report.problems.join(QStringLiteral("; "))
                                               : report.failureReason()));
        return false;
    }
    Result<double> raw = rawCopyRate(photos.value(), totalBytes);
    if (!raw) {
        reportError(name, raw.error().toString());
        return false;
    }
    const double mb = totalBytes / MiB;
    emitResult(QJsonObject{{QStringLiteral("bench"), name},
                           {QStringLiteral("files"), files},
                           {QStringLiteral("mb"), roundTo(mb)},
                           {QStringLiteral("seconds"), roundTo(seconds, 2)},
                           {QStringLiteral("mb_per_s"), roundTo(mb / seconds)},
                           {QStringLiteral("attach_seconds"), roundTo(attachSeconds, 2)},
                           {QStringLiteral("upload_seconds"), roundTo(uploadSeconds, 2)},
                           {QStringLiteral("raw_copy_mb_per_s"), roundTo(raw.value())}});
    return true;
}

} // namespace

FIELDSYNC_BENCH("photos", 35, runPhotos);

} // namespace fieldsync::bench
