#include "SyncController.h"

#include "common/Logging.h"

namespace fieldsync {

SyncController::SyncController(DeviceStore &store, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_engine(store, m_api)
{
    connect(&m_engine, &SyncEngine::progress, this,
            [this](int done, int total) { m_status.setProgress(done, total); });
    connect(&m_engine, &SyncEngine::finished, this, &SyncController::onFinished);
    connect(&m_store, &DeviceStore::queueChanged, this, &SyncController::refreshCounts);
    Result<QString> lastSync = m_store.meta().value(MetaStore::LastSync);
    if (lastSync && !lastSync.value().isEmpty())
        m_status.setLastSync(QDateTime::fromString(lastSync.value(), Qt::ISODateWithMs));
    reloadAccount();
    refreshCounts();
}

void SyncController::reloadAccount()
{
    Result<DeviceAccount> account = m_store.account();
    if (!account) {
        m_status.setState(SyncStatus::State::Error, account.error().toString());
        return;
    }
    const QUrl url(account.value().serverUrl);
    m_api.setServer(url, account.value().token);
    m_status.setSignedOut(false);
    if (!m_api.isConfigured())
        m_status.setState(SyncStatus::State::NotConfigured);
    else if (m_status.state() == SyncStatus::State::NotConfigured)
        m_status.setState(m_status.lastSync().isValid() ? SyncStatus::State::Synced
                                                        : SyncStatus::State::Offline);
}

bool SyncController::syncNow()
{
    if (!m_engine.start())
        return false;
    m_status.setRetryInSeconds(-1);
    m_status.setState(SyncStatus::State::Syncing);
    return true;
}

void SyncController::refreshCounts()
{
    Result<QueueCounts> counts = m_store.counts();
    if (!counts) {
        qCWarning(lcSync) << "cannot count the queue:" << counts.error().toString();
        return;
    }
    m_status.setCounts(counts.value().pending, counts.value().conflicts, counts.value().rejected);
}

void SyncController::onFinished(const SyncReport &report)
{
    refreshCounts();
    if (report.ok()) {
        m_status.setLastSync(QDateTime::currentDateTimeUtc());
        m_status.setState(SyncStatus::State::Synced);
    } else if (report.error && report.error->kind == ApiError::Kind::Network) {
        m_status.setState(SyncStatus::State::Offline, report.failureReason());
    } else {
        if (report.error && report.error->kind == ApiError::Kind::Unauthorized)
            m_status.setSignedOut(true);
        m_status.setState(SyncStatus::State::Error, report.failureReason());
    }
    emit syncFinished(report);
}

} // namespace fieldsync
