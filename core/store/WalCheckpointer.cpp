#include "WalCheckpointer.h"

#include "common/Logging.h"

#include <sqlite3.h>

#include <algorithm>
#include <cstring>

namespace fieldsync {

namespace {

constexpr int OpenBusyTimeoutMs = 5000;

bool isWalFile(sqlite3 *db)
{
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &statement, nullptr) != SQLITE_OK)
        return false;
    bool wal = false;
    if (sqlite3_step(statement) == SQLITE_ROW) {
        const auto *mode = reinterpret_cast<const char *>(sqlite3_column_text(statement, 0));
        wal = mode && sqlite3_stricmp(mode, "wal") == 0;
    }
    sqlite3_finalize(statement);
    return wal;
}

} // namespace

std::unique_ptr<WalCheckpointer> WalCheckpointer::attach(sqlite3 *writer)
{
    const char *file = writer ? sqlite3_db_filename(writer, "main") : nullptr;
    if (!file || !*file)
        return nullptr; // in memory or temporary: no WAL to move
    sqlite3 *own = nullptr;
    if (sqlite3_open_v2(file, &own, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
        qCWarning(lcStore) << "checkpoints stay in the writer's commits: cannot open a second connection:"
                           << sqlite3_errmsg(own);
        sqlite3_close(own);
        return nullptr;
    }
    sqlite3_busy_timeout(own, OpenBusyTimeoutMs);
    // The checkpoint syncs the database file before the WAL may be reused, as the writer's would.
    sqlite3_exec(own, "PRAGMA synchronous=FULL", nullptr, nullptr, nullptr);
    if (!isWalFile(own)) {
        sqlite3_close(own);
        return nullptr;
    }
    return std::unique_ptr<WalCheckpointer>(new WalCheckpointer(writer, own));
}

WalCheckpointer::WalCheckpointer(sqlite3 *writer, sqlite3 *own)
    : m_writer(writer)
    , m_own(own)
{
    m_thread = std::thread([this] { run(); });
    // Replaces SQLite's automatic checkpoint, which is itself a commit hook.
    sqlite3_wal_hook(m_writer, &WalCheckpointer::onCommit, this);
}

WalCheckpointer::~WalCheckpointer()
{
    sqlite3_wal_autocheckpoint(m_writer, FramesBeforeCheckpoint); // SQLite's own hook again
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_one();
    m_thread.join();
    sqlite3_close(m_own);
}

int WalCheckpointer::checkpointsRun() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_checkpointsRun;
}

int WalCheckpointer::onCommit(void *self, sqlite3 *db, const char *schema, int frames)
{
    auto *checkpointer = static_cast<WalCheckpointer *>(self);
    if (std::strcmp(schema, "main") != 0) {
        // An attached database's WAL is not the thread's: SQLite's own rule for it.
        if (frames >= FramesBeforeCheckpoint)
            sqlite3_wal_checkpoint_v2(db, schema, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
        return SQLITE_OK;
    }
    const bool walStartedOver = frames < checkpointer->m_framesAtLastCommit.exchange(frames);
    bool finishInline = frames >= FramesBeforeInlineCheckpoint;
    bool wake = false;
    {
        std::lock_guard<std::mutex> lock(checkpointer->m_mutex);
        if (walStartedOver) {
            // What the thread moved (or is moving) was in the WAL before.
            ++checkpointer->m_walGeneration;
            checkpointer->m_framesMoved = 0;
        }
        if (!finishInline && frames >= FramesBeforeCheckpoint && !checkpointer->m_running &&
            !checkpointer->m_due) {
            finishInline = checkpointer->m_framesMoved > 0 &&
                           frames - checkpointer->m_framesMoved <= FramesLeftForTheWriter;
            wake = !finishInline;
        }
        if (finishInline)
            checkpointer->m_framesMoved = 0;
    }
    if (finishInline) {
        // The commit has been made, so a failure here costs nothing but the WAL's size. (SQLite
        // runs one checkpoint at a time: while the thread has its turn this one does nothing.)
        sqlite3_wal_checkpoint_v2(db, schema, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    } else if (wake) {
        checkpointer->wakeThread();
    }
    return SQLITE_OK;
}

void WalCheckpointer::wakeThread()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_due = true;
    }
    m_wake.notify_one();
}

void WalCheckpointer::run()
{
    int lastFailure = SQLITE_OK;
    int generation = 0;
    while (true) {
        {
            std::unique_lock<std::mutex> lock(m_mutex);
            m_wake.wait(lock, [this] { return m_due || m_stopping; });
            if (m_stopping)
                return;
            m_due = false;
            m_running = true;
            generation = m_walGeneration;
        }
        int walFrames = 0;
        int moved = 0;
        const int status =
            sqlite3_wal_checkpoint_v2(m_own, "main", SQLITE_CHECKPOINT_PASSIVE, &walFrames, &moved);
        // Only when the writer committed more while this ran is anything left for it to finish;
        // otherwise the whole WAL is back in the file and its next transaction starts it over.
        const bool writerWentOn = m_framesAtLastCommit.load() > walFrames;
        // BUSY: another connection is checkpointing the same file right now, which is as good.
        const int failure = status == SQLITE_OK || status == SQLITE_BUSY ? SQLITE_OK : status;
        if (failure != SQLITE_OK && failure != lastFailure)
            qCWarning(lcStore) << "background checkpoint failed:" << sqlite3_errstr(failure)
                               << "(the data is safe in the WAL; the next one tries again)";
        lastFailure = failure;
        std::lock_guard<std::mutex> lock(m_mutex);
        m_running = false;
        m_framesMoved =
            status == SQLITE_OK && writerWentOn && generation == m_walGeneration ? std::max(moved, 0) : 0;
        ++m_checkpointsRun;
    }
}

} // namespace fieldsync
