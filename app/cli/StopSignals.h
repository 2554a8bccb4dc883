#pragma once

#include "common/Result.h"

#include <QObject>

#include <initializer_list>

class QSocketNotifier;

namespace fieldsync::cli {

// Turns SIGINT/SIGTERM into a Qt signal for `watch`. The handler only writes a byte to a socket
// pair (about the only thing a signal handler may safely do); the event loop reads it and emits
// received(), so stopping runs as ordinary code that lets a sync in flight finish.
class StopSignals : public QObject
{
    Q_OBJECT

public:
    explicit StopSignals(QObject *parent = nullptr);
    ~StopSignals() override;

    Result<void> watch(std::initializer_list<int> signalNumbers);

signals:
    void received(int signalNumber);

private:
    void onReadable();
    static void handle(int signalNumber);

    QSocketNotifier *m_notifier = nullptr;
};

} // namespace fieldsync::cli
