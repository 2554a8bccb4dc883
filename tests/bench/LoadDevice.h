#pragma once

#include "LoadConnection.h"

#include <QHash>
#include <QObject>
#include <QRandomGenerator>
#include <QTimer>

#include <vector>

class QWebSocket;

namespace fieldsync::bench {

// What all simulated devices of a load run add up to.
struct LoadStats
{
    std::vector<double> latenciesMs; // every answered request
    qint64 requests = 0;
    qint64 errors = 0; // anything but 200: network failures, 429, 5xx
    qint64 changesApplied = 0;
    qint64 events = 0;
    int watchersConnected = 0;
    QHash<int, int> errorStatuses; // status -> count, for the report when errors occur
};

// One simulated tablet: every ~second (jittered) it pushes a batch of 1 to 5 task changes
// (creates, and edits of its own tasks at the version it holds), then pulls its projects' changes
// from its cursor, as a device that stays online does. A watcher also keeps the events WebSocket
// open and pulls when told (at most once a second, as a real client coalesces).
class LoadDevice : public QObject
{
    Q_OBJECT

public:
    LoadDevice(int index, quint16 port, const QString &token, const QString &project, bool watch,
               LoadStats &stats, QObject *parent = nullptr);
    ~LoadDevice() override;

    void start();
    void stop();

private:
    void cycle();
    void push();
    void pull(bool thenSchedule);
    void scheduleCycle();
    void record(int status, double milliseconds);
    QByteArray makeBatch();

    int m_index;
    quint16 m_port;
    QString m_deviceId;
    QString m_token;
    QString m_project;
    bool m_watch;
    LoadStats &m_stats;
    LoadConnection m_http;
    QWebSocket *m_events = nullptr;
    QTimer m_timer;
    QRandomGenerator m_random;
    qint64 m_cursor = 0;
    QHash<QString, QPair<qint64, QString>> m_own; // id -> version, title
    bool m_running = false;
    bool m_eventPending = false;
    qint64 m_lastEventPullMs = 0;
    int m_counter = 0;
};

} // namespace fieldsync::bench
