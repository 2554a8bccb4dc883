#pragma once

#include "SyncApiClient.h"
#include "SyncReport.h"
#include "SyncResultApplier.h"

#include <QObject>

namespace fieldsync {

// One sync run: push the outbox in batches, then pull by cursor until the server has nothing
// more, applying each answer as it comes. Observable by phase; never two runs at once.
class SyncEngine : public QObject
{
    Q_OBJECT

public:
    enum class Phase
    {
        Idle,
        Pushing,
        Pulling
    };
    Q_ENUM(Phase)

    struct Limits
    {
        int maxChanges = 500;
        qint64 maxBytes = 1024 * 1024;
        int pullLimit = protocol::DefaultPullLimit;
    };

    SyncEngine(DeviceStore &store, SyncApiClient &api, QObject *parent = nullptr);

    void setLimits(const Limits &limits) { m_limits = limits; }
    const Limits &limits() const { return m_limits; }
    Phase phase() const { return m_phase; }
    bool isRunning() const { return m_phase != Phase::Idle; }

    // Starts a run; false when one is already running or no server is configured.
    bool start();

signals:
    void phaseChanged(fieldsync::SyncEngine::Phase phase);
    // Changes the server has answered so far out of those queued when the run began.
    void progress(int done, int total);
    void recordsPulled(const QStringList &recordIds);
    void finished(const fieldsync::SyncReport &report);

private:
    void setPhase(Phase phase);
    void pushNextBatch();
    void onPushAnswered(const QList<OutboxEntry> &batch, const ApiResult<protocol::PushResponse> &answer);
    void pullNextPage();
    void finish();
    void fail(const ApiError &error);
    void failStore(const Error &error);
    void log(const QString &level, const QString &message);

    DeviceStore &m_store;
    SyncApiClient &m_api;
    SyncResultApplier m_applier;
    Limits m_limits;
    Phase m_phase = Phase::Idle;
    SyncReport m_report;
    qint64 m_lastSentSeq = 0;
    int m_batchSize = 0;
    int m_total = 0;
    int m_done = 0;
};

} // namespace fieldsync
