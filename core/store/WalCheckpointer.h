#pragma once

#include <atomic>
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
// wakes the thread, which runs a passive checkpoint on its own connection: it never blocks the
// writer or a reader, and SQLite's crash safety does not depend on which connection checkpoints.
// The WAL only starts over once every frame in it is back in the database file; under a steady
// stream of small commits the thread is always a few frames short of that, so once it has moved
// nearly all of them the writer checkpoints the few left itself (cheap) and the WAL starts over.
// Should the thread fall far behind, the writer checkpoints inline as SQLite would. (SQLite lets
// one checkpoint run at a time: while a thread starved of CPU holds that turn, the WAL grows
// until it gets the CPU back. It is a matter of the WAL's size, never of what it holds.)
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

    // SQLite's default threshold (about 4 MiB of WAL).
    static constexpr int FramesBeforeCheckpoint = 1000;
    // Past this (about 16 MiB) the writer checkpoints in its commit too, as long as the thread
    // does not have SQLite's one checkpoint turn at that moment.
    static constexpr int FramesBeforeInlineCheckpoint = 4 * FramesBeforeCheckpoint;
    // At most this many frames left behind by the thread are the writer's to move.
    static constexpr int FramesLeftForTheWriter = FramesBeforeCheckpoint / 4;

    // Checkpoints run so far by the thread, and the WAL's size in frames after the last commit
    // (for tests).
    int checkpointsRun() const;
    int framesAtLastCommit() const { return m_framesAtLastCommit.load(); }

private:
    WalCheckpointer(sqlite3 *writer, sqlite3 *own);
    static int onCommit(void *self, sqlite3 *db, const char *schema, int frames);
    void run();
    void wakeThread();

    // Written only in the writer's commit hook.
    std::atomic<int> m_framesAtLastCommit{0};

    sqlite3 *m_writer;
    sqlite3 *m_own;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_due = false;
    bool m_stopping = false;
    bool m_running = false;
    // Frames of the current WAL the thread's last checkpoint moved while the writer went on
    // committing (0: nothing left for the writer), and how many times the writer saw the WAL
    // start over (a checkpoint's count is only good for its own WAL).
    int m_framesMoved = 0;
    int m_walGeneration = 0;
    int m_checkpointsRun = 0;
    std::thread m_thread;
};

} // namespace fieldsync
