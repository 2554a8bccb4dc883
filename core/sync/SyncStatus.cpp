#include "SyncStatus.h"

namespace fieldsync {

SyncStatus::SyncStatus(QObject *parent)
    : QObject(parent)
{}

QString SyncStatus::stateName(State state)
{
    switch (state) {
    case State::NotConfigured:
        return QStringLiteral("not_configured");
    case State::Offline:
        return QStringLiteral("offline");
    case State::Syncing:
        return QStringLiteral("syncing");
    case State::Synced:
        return QStringLiteral("synced");
    case State::Error:
        return QStringLiteral("error");
    }
    return {};
}

QString SyncStatus::connectivityName(Connectivity connectivity)
{
    switch (connectivity) {
    case Connectivity::Unknown:
        return QStringLiteral("unknown");
    case Connectivity::Online:
        return QStringLiteral("online");
    case Connectivity::NoNetwork:
        return QStringLiteral("no_network");
    case Connectivity::ServerUnreachable:
        return QStringLiteral("server_unreachable");
    case Connectivity::SignedOut:
        return QStringLiteral("signed_out");
    }
    return {};
}

void SyncStatus::setState(State state, const QString &reason)
{
    if (m_state == state && m_reason == reason)
        return;
    m_state = state;
    m_reason = reason;
    emit changed();
}

void SyncStatus::setCounts(int pending, int conflicts, int rejected)
{
    if (m_pending == pending && m_conflicts == conflicts && m_rejected == rejected)
        return;
    m_pending = pending;
    m_conflicts = conflicts;
    m_rejected = rejected;
    emit changed();
}

void SyncStatus::setProgress(int done, int total)
{
    if (m_progressDone == done && m_progressTotal == total)
        return;
    m_progressDone = done;
    m_progressTotal = total;
    emit changed();
}

void SyncStatus::setLastSync(const QDateTime &when)
{
    if (m_lastSync == when)
        return;
    m_lastSync = when;
    emit changed();
}

void SyncStatus::setSignedOut(bool signedOut)
{
    if (m_signedOut == signedOut)
        return;
    m_signedOut = signedOut;
    emit changed();
}

void SyncStatus::setConnectivity(Connectivity connectivity)
{
    if (m_connectivity == connectivity)
        return;
    m_connectivity = connectivity;
    emit changed();
}

void SyncStatus::setRetryInSeconds(int seconds)
{
    if (m_retryInSeconds == seconds)
        return;
    m_retryInSeconds = seconds;
    emit changed();
}

} // namespace fieldsync
