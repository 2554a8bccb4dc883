#pragma once

#include "common/Result.h"

#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace fieldsync::test {

// `fieldsync-cli --data-dir DIR watch --json ...` running beside a test: its JSON lines are
// collected as they come, with the time each arrived, while the test waits for the one it needs.
//
//     WatchProcess watch(dataDir, {QStringLiteral("--poll-ms"), QStringLiteral("50")});
//     QVERIFY(watch.start().ok());
//     QVERIFY(watch.waitForStatus(QStringLiteral("synced"), 10000));
//     ...
//     QCOMPARE(watch.terminate(), 0); // SIGTERM, then its exit code
//
// The binary is $FIELDSYNC_BIN_DIR/fieldsync-cli, else the one next to the test executable.
// The process is killed with the test process even when the test crashes.
class WatchProcess
{
public:
    struct Line
    {
        QJsonObject json;
        qint64 atNs = 0; // steady clock, as steadyNowNs() counts
    };

    WatchProcess(QString dataDir, QStringList extraArgs = {});
    ~WatchProcess();
    WatchProcess(const WatchProcess &) = delete;
    WatchProcess &operator=(const WatchProcess &) = delete;

    Result<void> start();
    bool isRunning() const;

    // Spins the event loop until a line from index `from` on satisfies the predicate; that
    // line's index, or nullopt after timeoutMs.
    std::optional<int> waitFor(const std::function<bool(const QJsonObject &)> &predicate, int timeoutMs,
                               int from = 0);
    // A status line in this state (and, when given, with this many pending).
    std::optional<int> waitForStatus(const QString &state, int timeoutMs, int from = 0, int pending = -1);

    const QList<Line> &lines() const { return m_lines; }
    int lineCount() const { return int(m_lines.size()); }
    QJsonObject lastStatus() const;
    QString errors() const { return m_errors; }
    // Everything printed so far, for failure messages.
    QString transcript() const;

    // SIGTERM, then waits; the exit code, or -1 when it crashed or did not stop in time (killed).
    int terminate(int timeoutMs = 20000);

    static QString binary();
    static qint64 steadyNowNs();

private:
    void readOutput();

    QString m_dataDir;
    QStringList m_extraArgs;
    std::unique_ptr<QProcess> m_process;
    QByteArray m_buffer;
    QList<Line> m_lines;
    QString m_errors;
};

} // namespace fieldsync::test
