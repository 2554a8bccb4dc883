#include "SyncEngine.h"

#include "common/Logging.h"
#include "protocol/ProtocolInfo.h"

#include <QUuid>

namespace fieldsync {

SyncEngine::SyncEngine(DeviceStore &store, SyncApiClient &api, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_api(api)
    , m_applier(store)
{}

void SyncEngine::setPhase(Phase phase)
{
    if (m_phase == phase)
        return;
    m_phase = phase;
    emit phaseChanged(phase);
}

bool SyncEngine::start()
{
    if (isRunning() || !m_api.isConfigured())
        return false;
    m_report = SyncReport();
    m_lastSentSeq = 0;
    m_batchSize = m_limits.maxChanges;
    m_done = 0;
    Result<int> pending = m_store.outbox().count();
    m_total = pending ? pending.value() : 0;
    setPhase(Phase::Pushing);
    emit progress(0, m_total);
    qCInfo(lcSync) << "sync started with" << m_total << "queued changes";
    pushNextBatch();
    return true;
}

void SyncEngine::pushNextBatch()
{
    Result<QList<OutboxEntry>> batch =
        m_store.outbox().nextBatch(m_lastSentSeq, m_batchSize, m_limits.maxBytes);
    if (!batch) {
        failStore(batch.error());
        return;
    }
    if (batch.value().isEmpty()) {
        setPhase(Phase::Pulling);
        pullNextPage();
        return;
    }
    protocol::PushRequest request;
    request.deviceId = m_store.deviceId();
    request.clientTime = protocol::nowUtcString();
    request.batchId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    request.changes.reserve(batch.value().size());
    for (const OutboxEntry &entry : batch.value())
        request.changes.append(entry.change);
    qCDebug(lcSyncPush) << "pushing" << request.changes.size() << "changes";
    m_api.push(request, [this, sent = batch.value()](const ApiResult<protocol::PushResponse> &answer) {
        onPushAnswered(sent, answer);
    });
}

void SyncEngine::onPushAnswered(const QList<OutboxEntry> &batch,
                                const ApiResult<protocol::PushResponse> &answer)
{
    if (!answer.ok()) {
        if (answer.error().kind == ApiError::Kind::TooLarge) {
            if (batch.size() > 1) {
                // The server takes less than we sent: halve the batch and go on.
                m_batchSize = std::max(1, int(batch.size() / 2));
                log(QStringLiteral("info"),
                    tr("Server refused a batch as too large; sending %1 at a time").arg(m_batchSize));
                pushNextBatch();
                return;
            }
            const OutboxEntry &entry = batch.first();
            if (Result<void> rejected =
                    m_applier.rejectLocally(entry, QStringLiteral("too_large"), answer.error().describe());
                !rejected) {
                failStore(rejected.error());
                return;
            }
            ++m_report.rejected;
            m_lastSentSeq = entry.seq;
            m_store.notifyChanged({entry.change.id});
            pushNextBatch();
            return;
        }
        fail(answer.error());
        return;
    }
    Result<PushOutcome> outcome = m_applier.applyPush(batch, answer.value());
    if (!outcome) {
        failStore(outcome.error());
        return;
    }
    m_report.pushed += int(batch.size());
    m_report.applied += outcome.value().applied;
    m_report.conflicts += outcome.value().conflicts;
    m_report.rejected += outcome.value().rejected;
    for (const QString &problem : outcome.value().problems) {
        m_report.problems.append(problem);
        log(QStringLiteral("error"), problem);
    }
    m_lastSentSeq = batch.last().seq;
    m_done = std::min(m_total, m_done + int(batch.size()) - outcome.value().unanswered);
    emit progress(m_done, m_total);
    m_store.notifyChanged(outcome.value().touchedRecords);
    pushNextBatch();
}

void SyncEngine::pullNextPage()
{
    Result<QString> cursorText = m_store.meta().value(MetaStore::Cursor, QStringLiteral("0"));
    if (!cursorText) {
        failStore(cursorText.error());
        return;
    }
    const qint64 cursor = cursorText.value().toLongLong();
    m_api.pull(cursor, m_limits.pullLimit, [this, cursor](const ApiResult<protocol::PullResponse> &answer) {
        if (!answer.ok()) {
            fail(answer.error());
            return;
        }
        if (answer.value().cursor < cursor) {
            ApiError lie;
            lie.kind = ApiError::Kind::Protocol;
            lie.code = QStringLiteral("cursor_went_back");
            lie.message =
                tr("the server's cursor went backwards (%1 -> %2)").arg(cursor).arg(answer.value().cursor);
            fail(lie);
            return;
        }
        Result<QStringList> changed = m_applier.applyPull(answer.value());
        if (!changed) {
            failStore(changed.error());
            return;
        }
        m_report.pulled += int(answer.value().changes.size());
        if (!changed.value().isEmpty()) {
            emit recordsPulled(changed.value());
            m_store.notifyChanged(changed.value());
        }
        if (answer.value().hasMore && answer.value().cursor > cursor) {
            pullNextPage();
            return;
        }
        finish();
    });
}

void SyncEngine::finish()
{
    Result<int> pending = m_store.outbox().count();
    m_report.pending = pending ? pending.value() : 0;
    if (m_report.ok()) {
        if (Result<void> saved = m_store.meta().setValue(MetaStore::LastSync, protocol::nowUtcString());
            !saved)
            m_report.storeError = saved.error().toString();
        log(QStringLiteral("info"), tr("Synced: %1 sent, %2 applied, %3 conflicts, %4 rejected, %5 received")
                                        .arg(m_report.pushed)
                                        .arg(m_report.applied)
                                        .arg(m_report.conflicts)
                                        .arg(m_report.rejected)
                                        .arg(m_report.pulled));
    } else {
        log(QStringLiteral("error"), tr("Sync failed: %1").arg(m_report.failureReason()));
    }
    qCInfo(lcSync) << "sync finished" << (m_report.ok() ? "ok" : qPrintable(m_report.failureReason()));
    setPhase(Phase::Idle);
    emit finished(m_report);
}

void SyncEngine::fail(const ApiError &error)
{
    m_report.error = error;
    finish();
}

void SyncEngine::failStore(const Error &error)
{
    m_report.storeError = error.toString();
    finish();
}

void SyncEngine::log(const QString &level, const QString &message)
{
    if (Result<void> logged = m_store.syncLog().add(level, message); !logged)
        qCWarning(lcSync) << "cannot write the sync log:" << logged.error().toString();
}

} // namespace fieldsync
