#pragma once

#include "SyncApiClient.h"
#include "SyncReport.h"
#include "SyncResultApplier.h"

#include <QObject>
#include <QSet>

#include <optional>

namespace fieldsync {

class AttachmentUploader;

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
        Pulling,
        Uploading // attachment files, once their records are on the server
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
    // Files go up at the end of every run; none set: records only.
    void setAttachmentUploader(AttachmentUploader *uploader) { m_uploader = uploader; }
    Phase phase() const { return m_phase; }
    bool isRunning() const { return m_phase != Phase::Idle; }

    // Starts a run; false when one is already running or no server is configured.
    bool start();
    // Ends the running run at once as a network failure with this reason (the connectivity
    // check says the server is gone): its requests in flight are dropped, which is harmless, as
    // a lost answer is (the changes stay queued; the server's stored answers settle them).
    void abandon(const QString &reason);

signals:
    void phaseChanged(fieldsync::SyncEngine::Phase phase);
    // Changes the server has answered so far out of those queued when the run began.
    void progress(int done, int total);
    void recordsPulled(const QStringList &recordIds);
    void finished(const fieldsync::SyncReport &report);
    // The server said who this device signs in as (user, role, projects), now in the account.
    void identityLearned();

private:
    void setPhase(Phase phase);
    // A batch read from the outbox and encoded, ready to send: the entries after afterSeq, as
    // they were then.
    struct PreparedBatch
    {
        qint64 afterSeq = 0;
        QList<OutboxEntry> entries;
        QByteArray body; // up to client_time: send() writes the rest
    };
    Result<PreparedBatch> readBatch(qint64 afterSeq);
    void learnIdentity();
    void pushNextBatch();
    void send(PreparedBatch batch);
    void prepareAhead(qint64 afterSeq);
    void onPushAccepted(qint64 lastSeq);
    void onPushAnswered(const QList<OutboxEntry> &batch, const ApiResult<protocol::PushResponse> &answer);
    void startPull();
    void pullPage(qint64 cursor);
    void onPulled(qint64 cursor, const protocol::PullResponse &page);
    // Whether the page holds a record version this run has not received yet (and notes them).
    bool bringsNews(const protocol::PullResponse &page);
    void uploadAttachments();
    void finish();
    void fail(const ApiError &error);
    void failStore(const Error &error);
    void log(const QString &level, const QString &message);

    DeviceStore &m_store;
    SyncApiClient &m_api;
    SyncResultApplier m_applier;
    AttachmentUploader *m_uploader = nullptr;
    Limits m_limits;
    Phase m_phase = Phase::Idle;
    SyncReport m_report;
    // What the server's push answers got wrong this run: any makes the run a failure.
    QStringList m_answerFaults;
    bool m_abandoned = false;
    qint64 m_lastSentSeq = 0;
    int m_batchSize = 0;
    // Read while the server works on the batch in flight, sent as soon as its answer is in.
    std::optional<PreparedBatch> m_prepared;
    // Set when the read-ahead batch went out as soon as the answer before it arrived, before
    // that answer was decoded and applied.
    bool m_sentAhead = false;
    // Which run an answer belongs to: one that comes after its run ended is dropped.
    quint64 m_run = 0;
    int m_total = 0;
    int m_done = 0;
    // Pull answers in a row that said more follows but brought nothing new.
    int m_emptyPages = 0;
    static constexpr int MaxEmptyPages = 3;
    // Each record version this run's pull received, hashed: a server that sends them again was
    // not moving on, whatever its cursor says (one version has one place in the change feed).
    QSet<size_t> m_pulledVersions;
};

} // namespace fieldsync
