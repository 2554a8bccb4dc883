#include "FaultDevice.h"

#include "AccountSignIn.h"

#include "store/LocalEditor.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QSqlQuery>
#include <QTimer>

namespace fieldsync::test {

FaultDevice::FaultDevice(QString dataDir)
    : m_dataDir(std::move(dataDir))
{
    open();
}

FaultDevice::~FaultDevice()
{
    close();
}

void FaultDevice::open()
{
    close();
    Result<std::unique_ptr<DeviceStore>> opened = DeviceStore::open(m_dataDir);
    if (!opened)
        qFatal("cannot open the store in %s: %s", qPrintable(m_dataDir),
               qPrintable(opened.error().toString()));
    m_store = std::move(opened).value();
    m_api = std::make_unique<SyncApiClient>();
    m_api->setTransferTimeout(m_timeoutMs);
    Result<DeviceAccount> account = m_store->account();
    const QUrl url = m_overrideUrl.isEmpty() && account ? QUrl(account.value().serverUrl) : m_overrideUrl;
    if (account && !url.isEmpty())
        m_api->setServer(url, account.value().token);
    m_engine = std::make_unique<SyncEngine>(*m_store, *m_api);
}

void FaultDevice::close()
{
    m_engine.reset();
    m_api.reset();
    m_store.reset();
}

bool FaultDevice::signIn(const QUrl &url, const QString &token)
{
    const SignInOutcome signIn = askServerForAccount(*m_api, url.toString(), token);
    if (Result<void> saved = m_store->saveAccount(signIn.account); !saved)
        qFatal("cannot save the account: %s", qPrintable(saved.error().toString()));
    if (!m_overrideUrl.isEmpty())
        setServerUrl(m_overrideUrl);
    return signIn.verified;
}

void FaultDevice::setServerUrl(const QUrl &url)
{
    m_overrideUrl = url;
    Result<DeviceAccount> account = m_store->account();
    m_api->setServer(url, account ? account.value().token : QString());
}

void FaultDevice::setTransferTimeout(int milliseconds)
{
    m_timeoutMs = milliseconds;
    m_api->setTransferTimeout(milliseconds);
}

SyncReport FaultDevice::sync(int timeoutMs)
{
    QEventLoop loop;
    SyncReport report;
    const QMetaObject::Connection done =
        QObject::connect(m_engine.get(), &SyncEngine::finished, &loop, [&](const SyncReport &finished) {
            report = finished;
            loop.quit();
        });
    if (!m_engine->start()) {
        QObject::disconnect(done);
        report.storeError = QStringLiteral("test: the sync did not start");
        return report;
    }
    bool timedOut = false;
    QTimer::singleShot(timeoutMs, &loop, [&] {
        timedOut = true;
        loop.quit();
    });
    if (m_engine->isRunning())
        loop.exec();
    QObject::disconnect(done);
    if (timedOut && m_engine->isRunning())
        report.storeError = QStringLiteral("test timeout: the sync did not finish");
    return report;
}

QString FaultDevice::create(EntityKind entity, const QJsonObject &fields)
{
    Result<QString> id = LocalEditor(*m_store).create(entity, fields);
    if (!id) {
        qWarning("create failed: %s", qPrintable(id.error().toString()));
        return {};
    }
    return id.value();
}

bool FaultDevice::edit(const QString &id, const QJsonObject &changes)
{
    Result<bool> edited = LocalEditor(*m_store).edit(id, changes);
    if (!edited) {
        qWarning("edit failed: %s", qPrintable(edited.error().toString()));
        return false;
    }
    return edited.value();
}

LocalRecord FaultDevice::record(const QString &id)
{
    Result<std::optional<LocalRecord>> found = m_store->records().find(id);
    return found && found.value() ? *found.value() : LocalRecord();
}

QueueCounts FaultDevice::counts()
{
    Result<QueueCounts> counts = m_store->counts();
    return counts ? counts.value() : QueueCounts{-1, -1, -1};
}

QStringList FaultDevice::rows(const QString &sql, int columns)
{
    QSqlQuery query(m_store->database().connection());
    QStringList lines;
    if (!query.exec(sql)) {
        lines.append(QStringLiteral("cannot read: ") + sql);
        return lines;
    }
    while (query.next()) {
        QStringList values;
        for (int column = 0; column < columns; ++column)
            values.append(query.value(column).toString());
        lines.append(values.join(QLatin1Char('|')));
    }
    return lines;
}

QStringList FaultDevice::recordsState()
{
    return rows(QStringLiteral("SELECT id, entity, version, deleted, data FROM records ORDER BY id"), 5);
}

QStringList FaultDevice::syncedState()
{
    QStringList state;
    state += rows(QStringLiteral("SELECT 'record', id, entity, version, deleted, data, server_version,"
                                 " server_deleted, server_data FROM records ORDER BY id"),
                  9);
    state += rows(QStringLiteral("SELECT 'queued', offline_id, op, record_id, client_version, base, data"
                                 " FROM outbox ORDER BY seq"),
                  7);
    state += rows(QStringLiteral("SELECT 'conflict', offline_id, record_id, reason, client_version,"
                                 " server_version, fields, server_state FROM conflicts ORDER BY offline_id"),
                  8);
    state +=
        rows(QStringLiteral("SELECT 'rejected', id, record_id, reason, detail FROM rejected ORDER BY id"), 5);
    state += rows(QStringLiteral("SELECT 'meta', key, value FROM meta WHERE key = 'pull_cursor'"), 3);
    return state;
}

bool copyDataDir(const QString &from, const QString &to)
{
    QDir(to).removeRecursively();
    if (!QDir().mkpath(to))
        return false;
    const QDir source(from);
    for (const QString &name : source.entryList(QDir::Files | QDir::Hidden)) {
        if (!QFile::copy(source.filePath(name), QDir(to).filePath(name)))
            return false;
    }
    return true;
}

} // namespace fieldsync::test
