#include "TimeOrderedUuid.h"

#include <QDateTime>
#include <QMutex>
#include <QRandomGenerator>
#include <QUuid>

#include <array>

namespace fieldsync {

namespace {

constexpr quint32 CounterBits = 12;
constexpr quint32 CounterMax = (1u << CounterBits) - 1;
// A new millisecond starts its counter at a random value in the lower half, leaving room to count
// up within it (RFC 9562 §6.2, method 1, with a randomly seeded counter).
constexpr quint32 CounterSeedMask = CounterMax >> 1;

struct Clock
{
    QMutex mutex;
    qint64 lastMs = 0;
    quint32 counter = 0;
};

Clock &clock()
{
    static Clock instance;
    return instance;
}

} // namespace

QString newTimeOrderedUuid()
{
    return timeOrderedUuidAt(QDateTime::currentMSecsSinceEpoch());
}

QString timeOrderedUuidAt(qint64 nowMs)
{
    qint64 ms = nowMs;
    quint32 counter = 0;
    {
        Clock &state = clock();
        QMutexLocker lock(&state.mutex);
        if (ms > state.lastMs) {
            counter = QRandomGenerator::global()->generate() & CounterSeedMask;
        } else if (state.counter < CounterMax) {
            // Same millisecond, or the clock went back: count on from the last id.
            ms = state.lastMs;
            counter = state.counter + 1;
        } else {
            // The counter ran out within one millisecond: borrow the next one.
            ms = state.lastMs + 1;
            counter = QRandomGenerator::global()->generate() & CounterSeedMask;
        }
        state.lastMs = ms;
        state.counter = counter;
    }
    const quint64 random = QRandomGenerator::global()->generate64();
    std::array<char, 16> bytes{};
    for (int index = 0; index < 6; ++index)
        bytes[index] = char((quint64(ms) >> (8 * (5 - index))) & 0xff);
    bytes[6] = char(0x70 | ((counter >> 8) & 0x0f)); // version 7
    bytes[7] = char(counter & 0xff);
    bytes[8] = char(0x80 | ((random >> 56) & 0x3f)); // variant 10
    for (int index = 9; index < 16; ++index)
        bytes[index] = char((random >> (8 * (15 - index))) & 0xff);
    return QUuid::fromRfc4122(QByteArrayView(bytes.data(), qsizetype(bytes.size())))
        .toString(QUuid::WithoutBraces);
}

} // namespace fieldsync
