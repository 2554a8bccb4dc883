#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

struct sqlite3;

namespace fieldsync {

// Copies a WAL database's committed pages back into the database file on a thread of its own.
//
// SQLite's default is to do it inside the COMMIT that takes the WAL past 1000 pages: that commit
// then also copies about 4 MiB and syncs the database file, and the server's push (or the device
// settling a batch of answers) stalls behind it every few batches. Here the writer's commit hook
// only wakes the thread, which runs a passive checkpoint on its own connection: it never blocks
// the writer or a reader, and SQLite's crash safety does not depend on which connection
// checkpoints. Should the thread fall far behind (a long read holding old pages), the writer
// checkpoints inline again, so the WAL cannot grow without bound.
class WalCheckpointer
{
public:
    // Takes over checkpointing of writer's main database, or returns nullptr (and leaves SQLite's
    // own automatic checkpoints in place) when the database is not a WAL file or a second
    // connection cannot be opened. Must be destroyed before writer is closed.
    static std::unique_ptr<WalCheckpointer> attach(sqlite3 *writer);
    ~WalCheckpointer();
    WalCheckpointer(const WalCheckpointer &) = delete;
    WalCheckpointer &operator=(const WalCheckpointer &) = delete;

    // SQLite's default threshold: the WAL stays about 4 MiB.
    static constexpr int FramesBeforeCheckpoint = 1000;
    // Past this the writer stops waiting for the thread.
    static constexpr int FramesBeforeInlineCheckpoint = 16 * FramesBeforeCheckpoint;

    // Checkpoints run so far by the thread (for tests).
    int checkpointsRun() const;

private:
    WalCheckpointer(sqlite3 *writer, sqlite3 *own);
    static int onCommit(void *self, sqlite3 *db, const char *schema, int frames);
    void run();

    sqlite3 *m_writer;
    sqlite3 *m_own;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_due = false;
    bool m_stopping = false;
    int m_checkpointsRun = 0;
    std::thread m_thread;
};

} // namespace fieldsync
