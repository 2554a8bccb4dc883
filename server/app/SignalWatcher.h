#pragma once

#include "common/Result.h"

#include <QObject>

#include <initializer_list>

class QSocketNotifier;

namespace fieldsync::server {

// Turns SIGTERM/SIGINT into a Qt signal. The handler only writes one byte to a socket pair (the
// only async-signal-safe thing to do); the event loop reads it and emits signalled(), so the
// shutdown runs as ordinary code (destructors close the database cleanly).
class SignalWatcher : public QObject
{
    Q_OBJECT

public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

    Result<void> watch(std::initializer_list<int> signalNumbers);

Q_SIGNALS:
    void signalled(int signalNumber);

private:
    void onReadable();
    static void handle(int signalNumber);

    QSocketNotifier *m_notifier = nullptr;
};

} // namespace fieldsync::server
