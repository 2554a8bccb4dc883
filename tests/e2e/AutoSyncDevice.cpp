#include "AutoSyncDevice.h"

namespace fieldsync::test {

AutoSyncDevice::AutoSyncDevice(const QUrl &server, const QString &token, const QString &project,
                               const SyncController::Options &options)
    : m_project(project)
{
    Result<std::unique_ptr<DeviceStore>> opened = DeviceStore::open(m_dir.path());
    if (!opened)
        qFatal("cannot open a device store: %s", qPrintable(opened.error().toString()));
    m_store = std::move(opened).value();
    DeviceAccount account;
    account.serverUrl = server.toString();
    account.token = token;
    account.projects = {project};
    account.currentProject = project;
    if (Result<void> saved = m_store->saveAccount(account); !saved)
        qFatal("cannot save the account: %s", qPrintable(saved.error().toString()));
    m_sync = std::make_unique<SyncController>(*m_store, options);
}

SyncController::Options AutoSyncDevice::fastOptions()
{
    SyncController::Options options;
    options.scheduler.debounceMs = 20;
    options.scheduler.periodicMs = 0;
    options.scheduler.backoff.initialMs = 200;
    options.scheduler.backoff.maxMs = 2000;
    options.scheduler.backoff.jitter = 0;
    options.connectivity.useSystemNetworkInformation = false;
    options.connectivity.probeTimeoutMs = 2000;
    options.connectivity.probeBackoff.initialMs = 100;
    options.connectivity.probeBackoff.maxMs = 300;
    options.events.reconnect.initialMs = 100;
    options.events.reconnect.maxMs = 300;
    return options;
}

QString AutoSyncDevice::createTask(const QString &title)
{
    Result<QString> id = LocalEditor(*m_store).create(
        EntityKind::Task,
        QJsonObject{{QStringLiteral("title"), title}, {QStringLiteral("project_id"), m_project}});
    if (!id) {
        qWarning("create failed: %s", qPrintable(id.error().toString()));
        return {};
    }
    return id.value();
}

bool AutoSyncDevice::edit(const QString &id, const QJsonObject &changes)
{
    Result<bool> edited = LocalEditor(*m_store).edit(id, changes);
    return edited && edited.value();
}

bool AutoSyncDevice::hasRecord(const QString &id)
{
    Result<std::optional<LocalRecord>> found = m_store->records().find(id);
    return found && found.value().has_value();
}

QString AutoSyncDevice::title(const QString &id)
{
    Result<std::optional<LocalRecord>> found = m_store->records().find(id);
    if (!found || !found.value())
        return {};
    return found.value()->data.value(QStringLiteral("title")).toString();
}

void AutoSyncDevice::setToken(const QString &token)
{
    Result<DeviceAccount> account = m_store->account();
    if (!account)
        return;
    DeviceAccount changed = account.value();
    changed.token = token;
    if (Result<void> saved = m_store->saveAccount(changed); !saved)
        qWarning("cannot save the account: %s", qPrintable(saved.error().toString()));
    m_sync->reloadAccount();
}

} // namespace fieldsync::test
