#include "TestDevice.h"

#include "AccountSignIn.h"

#include <QEventLoop>
#include <QTest>
#include <QTimer>

namespace fieldsync::test {

TestDevice::TestDevice(const QString &name)
    : m_name(name)
{
    open();
}

TestDevice::~TestDevice() = default;

void TestDevice::open()
{
    m_engine.reset();
    m_api.reset();
    m_store.reset();
    Result<std::unique_ptr<DeviceStore>> opened = DeviceStore::open(m_dir.path());
    if (!opened)
        qFatal("%s: cannot open store: %s", qPrintable(m_name), qPrintable(opened.error().toString()));
    m_store = std::move(opened).value();
    m_api = std::make_unique<SyncApiClient>();
    m_api->setTransferTimeout(30000);
    Result<DeviceAccount> account = m_store->account();
    if (account && !account.value().serverUrl.isEmpty())
        m_api->setServer(QUrl(account.value().serverUrl), account.value().token);
    m_engine = std::make_unique<SyncEngine>(*m_store, *m_api);
}

void TestDevice::reopen()
{
    open();
}

bool TestDevice::signIn(const QString &url, const QString &token)
{
    const SignInOutcome signIn = askServerForAccount(*m_api, url, token);
    if (Result<void> saved = m_store->saveAccount(signIn.account); !saved)
        qFatal("%s: cannot save account: %s", qPrintable(m_name), qPrintable(saved.error().toString()));
    return signIn.verified;
}

SyncReport TestDevice::sync()
{
    QEventLoop loop;
    SyncReport report;
    QObject::connect(m_engine.get(), &SyncEngine::finished, &loop, [&](const SyncReport &finished) {
        report = finished;
        loop.quit();
    });
    if (!m_engine->start())
        qFatal("%s: sync did not start", qPrintable(m_name));
    QTimer::singleShot(120000, &loop, [&] {
        report.storeError = QStringLiteral("test timeout: sync did not finish");
        loop.quit();
    });
    loop.exec();
    QObject::disconnect(m_engine.get(), &SyncEngine::finished, &loop, nullptr);
    return report;
}

QString TestDevice::create(EntityKind entity, const QJsonObject &fields)
{
    Result<QString> id = LocalEditor(*m_store).create(entity, fields);
    if (!id) {
        qWarning("%s: create failed: %s", qPrintable(m_name), qPrintable(id.error().toString()));
        return {};
    }
    return id.value();
}

bool TestDevice::edit(const QString &id, const QJsonObject &changes)
{
    Result<bool> edited = LocalEditor(*m_store).edit(id, changes);
    if (!edited) {
        qWarning("%s: edit failed: %s", qPrintable(m_name), qPrintable(edited.error().toString()));
        return false;
    }
    return edited.value();
}

LocalRecord TestDevice::record(const QString &id)
{
    Result<std::optional<LocalRecord>> found = m_store->records().find(id);
    if (!found || !found.value())
        return {};
    return *found.value();
}

QList<StoredConflict> TestDevice::conflicts()
{
    Result<QList<StoredConflict>> all = m_store->conflicts().all();
    return all ? all.value() : QList<StoredConflict>();
}

QList<StoredRejection> TestDevice::rejections()
{
    Result<QList<StoredRejection>> all = m_store->conflicts().rejections();
    return all ? all.value() : QList<StoredRejection>();
}

QueueCounts TestDevice::counts()
{
    Result<QueueCounts> counts = m_store->counts();
    return counts ? counts.value() : QueueCounts{-1, -1, -1};
}

int TestDevice::recordCount(EntityKind entity)
{
    RecordQuery query;
    query.entity = entity;
    Result<int> count = m_store->records().count(query);
    return count ? count.value() : -1;
}

} // namespace fieldsync::test
