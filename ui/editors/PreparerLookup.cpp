#include "PreparerLookup.h"

#include "common/UiLogging.h"
#include "domain/Workflow.h"
#include "sync/SyncApiClient.h"

namespace fieldsync::ui {

PreparerLookup::PreparerLookup(QObject *parent)
    : QObject(parent)
{}

std::optional<QStringList> PreparerLookup::whoBroughtItTo(const QString &recordId, const QString &status,
                                                          qint64 version)
{
    const QString key = recordId + QLatin1Char('/') + status + QLatin1Char('/') + QString::number(version);
    if (const auto known = m_known.constFind(key); known != m_known.cend())
        return known.value();
    // A record the server has not seen yet has no trail to ask for.
    if (!m_api || !m_api->isConfigured() || version < 1 || m_asking.contains(key))
        return std::nullopt;
    m_asking.insert(key);
    m_api->audit(recordId, [this, guard = QPointer<PreparerLookup>(this), key, recordId,
                            status](const ApiResult<protocol::AuditTrail> &trail) {
        if (!guard)
            return;
        m_asking.remove(key);
        if (!trail.ok()) {
            // Offline, or not allowed to read the trail: the move stays offered, the server decides.
            qCDebug(lcUi) << "no audit trail for" << recordId << trail.error().describe();
            return;
        }
        m_known.insert(key, Workflow::whoBroughtItTo(trail.value().statusHistory(), status));
        emit learned(recordId);
    });
    return std::nullopt;
}

} // namespace fieldsync::ui
