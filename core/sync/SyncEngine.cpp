#include "SyncEngine.h"

#include "AccountIdentity.h"
#include "attachments/AttachmentUploader.h"
#include "common/Logging.h"
#include "protocol/ProtocolInfo.h"

#include <QUuid>

#include <utility>

namespace fieldsync {

namespace {

// An answer that breaks the protocol's promises (not one that fails to decode).
ApiError serverLie(const QString &code, const QString &message)
{
    ApiError lie;
    lie.kind = ApiError::Kind::Protocol;
    lie.code = code;
    lie.message = message;
    return lie;
}

} // namespace

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
    m_answerFaults.clear();
    m_abandoned = false;
    ++m_run;
    m_prepared.reset();
    m_sentAhead = false;
    m_lastSentSeq = 0;
    m_batchSize = m_limits.maxChanges;
    m_done = 0;
    Result<int> pending = m_store.outbox().count();
    m_total = pending ? pending.value() : 0;
    setPhase(Phase::Pushing);
    emit progress(0, m_total);
    if (!pending) {
        // A store that cannot even be counted is not pushed from. Queued, so that finished()
        // comes after start() returned, as it does for every other run.
        QMetaObject::invokeMethod(
            this, [this, error = pending.error()] { failStore(error); }, Qt::QueuedConnection);
        return true;
    }
    qCInfo(lcSync) << "sync started with" << m_total << "queued changes";
    if (identityKnown(m_store))
        pushNextBatch();
    else
        learnIdentity();
    return true;
}

void SyncEngine::abandon(const QString &reason)
{
    if (!isRunning())
        return;
    m_abandoned = true;
    m_api.abandonRequests(reason);
}

void SyncEngine::learnIdentity()
{
    // A device signed in with no signal has a token but no user, role or projects: the first
    // server that answers says them, or the device would go on treating a PM as a foreman.
    m_api.me([this, run = m_run](const ApiResult<protocol::MeResponse> &me) {
        if (run != m_run || m_phase != Phase::Pushing)
            return;
        if (me.ok()) {
            Result<DeviceAccount> account = m_store.account();
            if (!account) {
                failStore(account.error());
                return;
            }
            DeviceAccount updated = account.value();
            adoptIdentity(updated, me.value());
            if (Result<void> saved = m_store.saveAccount(updated); !saved) {
                failStore(saved.error());
                return;
            }
            qCInfo(lcSync) << "the server says who this device signs in as";
            emit identityLearned();
        } else if (m_abandoned) {
            fail(me.error());
            return;
        } else {
            // The push meets the same trouble and reports it; a later run asks again.
            qCInfo(lcSync) << "could not learn who this device signs in as:" << me.error().describe();
        }
        pushNextBatch();
    });
}

Result<SyncEngine::PreparedBatch> SyncEngine::readBatch(qint64 afterSeq)
{
    Result<QList<OutboxEntry>> entries =
        m_store.outbox().nextPushBatch(afterSeq, m_batchSize, m_limits.maxBytes);
    if (!entries)
        return entries.error();
    PreparedBatch batch;
    batch.afterSeq = afterSeq;
    batch.entries = std::move(entries).value();
    if (batch.entries.isEmpty())
        return batch;
    // Encoded here, while the server works on the batch before it, so that sending it costs the
    // server no wait; send() adds client_time, so that it says when the batch left.
    protocol::PushRequest request;
    request.batchId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    request.changes.reserve(batch.entries.size());
    QList<protocol::PushRequest::EncodedObjects> stored;
    stored.reserve(batch.entries.size());
    for (const OutboxEntry &entry : std::as_const(batch.entries)) {
        request.changes.append(entry.change);
        stored.append({entry.storedBase, entry.storedData});
    }
    batch.body = request.toJsonUntilClientTime(stored);
    return batch;
}

void SyncEngine::pushNextBatch()
{
    m_prepared.reset();
    Result<PreparedBatch> batch = readBatch(m_lastSentSeq);
    if (!batch) {
        failStore(batch.error());
        return;
    }
    if (batch.value().entries.isEmpty()) {
        startPull();
        return;
    }
    send(std::move(batch).value());
}

void SyncEngine::send(PreparedBatch batch)
{
    const qint64 lastSeq = batch.entries.last().seq;
    qCDebug(lcSyncPush) << "pushing" << batch.entries.size() << "changes";
    protocol::PushRequest::finishJson(batch.body, protocol::nowUtcString(), m_store.deviceId());
    // The next batch is read once this request has left, while the server works on it: read
    // before, it would hold up the upload (this thread feeds it), so the server would wait too.
    m_api.push(batch.body, {[this, run = m_run, lastSeq] {
                                if (run != m_run || m_phase != Phase::Pushing)
                                    return;
                                // Queued, so that the network code finishes its bookkeeping of the upload
                                // first.
                                QMetaObject::invokeMethod(
                                    this,
                                    [this, run, lastSeq] {
                                        if (run == m_run && m_phase == Phase::Pushing)
                                            prepareAhead(lastSeq);
                                    },
                                    Qt::QueuedConnection);
                            },
                            [this, run = m_run, lastSeq] {
                                if (run == m_run && m_phase == Phase::Pushing)
                                    onPushAccepted(lastSeq);
                            },
                            [this, run = m_run, sent = std::move(batch.entries)](
                                const ApiResult<protocol::PushResponse> &answer) {
                                if (run == m_run && m_phase == Phase::Pushing)
                                    onPushAnswered(sent, answer);
                            }});
}

void SyncEngine::prepareAhead(qint64 afterSeq)
{
    Result<PreparedBatch> batch = readBatch(afterSeq);
    // A store error here is met again, and reported, when the batch is read in turn.
    if (batch)
        m_prepared = std::move(batch).value();
}

void SyncEngine::onPushAccepted(qint64 lastSeq)
{
    // The batch read ahead goes out before this answer is decoded and applied, so that the server
    // works while the device does. Its entries were read after this batch's, so the server still
    // sees every change in queue order; a batch read before the outbox ran dry is read again
    // instead, as edits made since belong in it. Should this answer turn out unusable, the run
    // fails and the answer to the batch in flight is dropped with it: its changes stay queued,
    // and the server's stored answers settle them on the next sync.
    m_lastSentSeq = lastSeq;
    std::optional<PreparedBatch> next = std::exchange(m_prepared, std::nullopt);
    m_sentAhead = next && next->afterSeq == lastSeq && !next->entries.isEmpty();
    if (m_sentAhead)
        send(std::move(*next));
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
            // It was sent, and refused: counted like any change the server rejects.
            ++m_report.pushed;
            ++m_report.rejected;
            m_lastSentSeq = entry.seq;
            m_store.notifyChanged({entry.change.id});
            pushNextBatch();
            return;
        }
        fail(answer.error());
        return;
    }
    // onPushAccepted() has moved m_lastSentSeq past this batch already: it runs for every 2xx answer.
    const bool sentNext = std::exchange(m_sentAhead, false);
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
        m_answerFaults.append(problem);
        log(QStringLiteral("error"), problem);
    }
    m_done = std::min(m_total, m_done + int(batch.size()) - outcome.value().unanswered);
    emit progress(m_done, m_total);
    m_store.notifyChanged(outcome.value().touchedRecords);
    if (!sentNext)
        pushNextBatch();
}

void SyncEngine::startPull()
{
    setPhase(Phase::Pulling);
    Result<QString> cursorText = m_store.meta().value(MetaStore::Cursor, QStringLiteral("0"));
    if (!cursorText) {
        failStore(cursorText.error());
        return;
    }
    m_emptyPages = 0;
    m_pulledVersions.clear();
    pullPage(cursorText.value().toLongLong());
}

void SyncEngine::pullPage(qint64 cursor)
{
    m_api.pull(cursor, m_limits.pullLimit, [this, cursor](const ApiResult<protocol::PullResponse> &answer) {
        if (!answer.ok()) {
            fail(answer.error());
            return;
        }
        onPulled(cursor, answer.value());
    });
}

void SyncEngine::onPulled(qint64 cursor, const protocol::PullResponse &page)
{
    if (page.cursor < cursor) {
        fail(serverLie(QStringLiteral("cursor_went_back"),
                       tr("the server's cursor went backwards (%1 -> %2)").arg(cursor).arg(page.cursor)));
        return;
    }
    if (page.hasMore && page.cursor == cursor) {
        // More to come from the very same cursor would be the same page forever: stop, say so.
        fail(serverLie(
            QStringLiteral("cursor_stuck"),
            tr("the server says more changes follow but its cursor did not move (%1)").arg(cursor)));
        return;
    }
    if (page.hasMore && !bringsNews(page)) {
        // Not progress: a cursor that creeps on with nothing behind it, or with the same records
        // again, would be pulled from forever. Nothing new in such a page to apply, so the stored
        // cursor stays where the last page that brought changes left it, and a failed run starts
        // from there again.
        if (++m_emptyPages >= MaxEmptyPages) {
            fail(serverLie(
                QStringLiteral("empty_pages"),
                QStringLiteral("the server says more changes follow but sent nothing new in %1 answers "
                               "in a row (cursor %2)")
                    .arg(m_emptyPages)
                    .arg(page.cursor)));
            return;
        }
        pullPage(page.cursor);
        return;
    }
    m_emptyPages = 0;
    Result<PullOutcome> outcome = m_applier.applyPull(page);
    if (!outcome) {
        failStore(outcome.error());
        return;
    }
    const QStringList &changed = outcome.value().changed;
    m_report.pulled += int(changed.size());
    for (const QString &problem : outcome.value().problems) {
        m_report.problems.append(problem);
        log(QStringLiteral("error"), problem);
    }
    if (!changed.isEmpty()) {
        emit recordsPulled(changed);
        m_store.notifyChanged(changed);
    }
    if (page.hasMore) {
        pullPage(page.cursor);
        return;
    }
    uploadAttachments();
}

bool SyncEngine::bringsNews(const protocol::PullResponse &page)
{
    bool news = false;
    for (const protocol::PulledRecord &record : page.changes) {
        const size_t key = qHashMulti(0, record.id, record.version);
        if (!m_pulledVersions.contains(key)) {
            m_pulledVersions.insert(key);
            news = true;
        }
    }
    return news;
}

void SyncEngine::uploadAttachments()
{
    if (!m_uploader) {
        finish();
        return;
    }
    setPhase(Phase::Uploading);
    m_uploader->run([this](const AttachmentUploader::Outcome &outcome) {
        m_report.uploaded += outcome.uploaded;
        m_report.filesWaiting = outcome.waiting;
        for (const QString &problem : outcome.problems) {
            m_report.problems.append(problem);
            log(QStringLiteral("error"), problem);
        }
        if (outcome.error) {
            fail(*outcome.error);
            return;
        }
        finish();
    });
}

void SyncEngine::finish()
{
    if (m_report.ok() && !m_answerFaults.isEmpty()) {
        // A push answer that leaves changes unanswered or contradicts what was sent is a lying or
        // broken server: the run goes on with what it could trust, but it has not synced.
        QString message = QStringLiteral("the server's answer does not match the changes sent: ") +
                          m_answerFaults.constFirst();
        if (m_answerFaults.size() > 1)
            message += QStringLiteral(" (and %1 more, see the sync log)").arg(m_answerFaults.size() - 1);
        m_report.error = serverLie(QStringLiteral("inconsistent_answer"), message);
    }
    Result<int> pending = m_store.outbox().count();
    m_report.pending = pending ? pending.value() : m_total - m_done;
    if (!pending && m_report.storeError.isEmpty())
        m_report.storeError = pending.error().toString();
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
    if (Result<void> logged = m_store.syncLog().add(level, message); !logged) {
        qCWarning(lcSync) << "cannot write the sync log:" << logged.error().toString();
        // The sync log is how a person learns what a run did: a run that could not tell them
        // did not succeed.
        if (m_report.storeError.isEmpty())
            m_report.storeError = logged.error().toString();
    }
}

} // namespace fieldsync
