#include "AttachmentDevice.h"

#include "AccountSignIn.h"

#include "store/LocalEditor.h"

#include <QCryptographicHash>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QRandomGenerator>
#include <QTimer>

#include <functional>

namespace fieldsync::test {

AttachmentDevice::AttachmentDevice(const QString &name)
    : m_name(name)
{
    open();
}

AttachmentDevice::~AttachmentDevice()
{
    m_attachments.reset();
    m_controller.reset();
    m_store.reset();
}

void AttachmentDevice::open()
{
    m_attachments.reset();
    m_controller.reset();
    m_store.reset();
    Result<std::unique_ptr<DeviceStore>> opened = DeviceStore::open(m_dir.path());
    if (!opened)
        qFatal("%s: cannot open store: %s", qPrintable(m_name), qPrintable(opened.error().toString()));
    m_store = std::move(opened).value();
    SyncController::Options options;
    options.useEvents = false;
    m_controller = std::make_unique<SyncController>(*m_store, options);
    m_attachments = std::make_unique<AttachmentStore>(*m_store);
    if (m_chunkBytes > 0)
        m_controller->attachmentUploader()->setChunkBytes(m_chunkBytes);
}

void AttachmentDevice::reopen()
{
    open();
}

void AttachmentDevice::setChunkBytes(qint64 bytes)
{
    m_chunkBytes = bytes;
    m_controller->attachmentUploader()->setChunkBytes(bytes);
}

bool AttachmentDevice::signIn(const QString &url, const QString &token)
{
    SyncApiClient api;
    const SignInOutcome signIn = askServerForAccount(api, url, token);
    if (Result<void> saved = m_store->saveAccount(signIn.account); !saved)
        qFatal("%s: cannot save account: %s", qPrintable(m_name), qPrintable(saved.error().toString()));
    m_controller->reloadAccount();
    return signIn.verified;
}

SyncReport AttachmentDevice::sync()
{
    QEventLoop loop;
    SyncReport report;
    const QMetaObject::Connection finished = QObject::connect(
        m_controller.get(), &SyncController::syncFinished, &loop, [&](const SyncReport &done) {
            report = done;
            loop.quit();
        });
    if (!m_controller->syncNow())
        qFatal("%s: sync did not start", qPrintable(m_name));
    QTimer::singleShot(60000, &loop, [&] {
        report.storeError = QStringLiteral("test timeout: sync did not finish");
        loop.quit();
    });
    loop.exec();
    QObject::disconnect(finished);
    return report;
}

namespace {

// Runs request and waits for the controller's answer about one attachment: what the success
// signal carried, or (in reason) why it failed or that it timed out.
template<typename Value, typename Signal>
Value awaitAttachment(SyncController &controller, const QString &attachmentId, Signal succeeded,
                      const std::function<void()> &request, QString *reason)
{
    QEventLoop loop;
    Value value;
    QString failure = QStringLiteral("test timeout");
    const QMetaObject::Connection ok =
        QObject::connect(&controller, succeeded, &loop, [&](const QString &id, const Value &received) {
            if (id != attachmentId)
                return;
            value = received;
            failure.clear();
            loop.quit();
        });
    const QMetaObject::Connection failed =
        QObject::connect(&controller, &SyncController::attachmentFetchFailed, &loop,
                         [&](const QString &id, const QString &why) {
                             if (id != attachmentId)
                                 return;
                             failure = why;
                             loop.quit();
                         });
    QTimer::singleShot(0, &loop, request);
    QTimer::singleShot(30000, &loop, &QEventLoop::quit);
    loop.exec();
    QObject::disconnect(ok);
    QObject::disconnect(failed);
    if (reason)
        *reason = failure;
    return value;
}

} // namespace

QString AttachmentDevice::fetch(const QString &attachmentId, QString *reason)
{
    return awaitAttachment<QString>(
        *m_controller, attachmentId, &SyncController::attachmentFetched,
        [this, attachmentId] { m_controller->fetchAttachment(attachmentId); }, reason);
}

QByteArray AttachmentDevice::fetchThumbnail(const QString &attachmentId, QString *reason)
{
    return awaitAttachment<QByteArray>(
        *m_controller, attachmentId, &SyncController::thumbnailFetched,
        [this, attachmentId] { m_controller->fetchThumbnail(attachmentId); }, reason);
}

QString AttachmentDevice::createPermit(const QString &title)
{
    Result<QString> id =
        LocalEditor(*m_store).create(EntityKind::Permit, QJsonObject{{QStringLiteral("title"), title}});
    if (!id)
        qFatal("%s: cannot create a permit: %s", qPrintable(m_name), qPrintable(id.error().toString()));
    return id.value();
}

AttachmentInfo AttachmentDevice::attachment(const QString &id)
{
    Result<AttachmentInfo> found = m_attachments->find(id);
    if (!found)
        qFatal("%s: no attachment %s: %s", qPrintable(m_name), qPrintable(id),
               qPrintable(found.error().toString()));
    return found.value();
}

QString writeRandomFile(const QString &dir, const QString &name, qint64 size)
{
    const QString path = QDir(dir).filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    QByteArray block(64 * 1024, Qt::Uninitialized);
    qint64 left = size;
    while (left > 0) {
        const qint64 n = std::min<qint64>(left, block.size());
        QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(block.data()), block.size() / 4);
        file.write(block.constData(), n);
        left -= n;
    }
    return path;
}

QByteArray sha256OfFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return hash.result().toHex();
}

} // namespace fieldsync::test
