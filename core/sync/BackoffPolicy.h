#pragma once

#include <QtGlobal>

#include <functional>

namespace fieldsync {

// When to try again after a failure: exponential growth from an initial delay up to a cap, with
// jitter so that a hundred tablets that lost the same Wi-Fi do not come back in the same
// millisecond, and never earlier than a server's Retry-After.
//
// Pure arithmetic over an injected clock and random source, so tests can drive it exactly.
class BackoffPolicy
{
public:
    struct Options
    {
        int initialMs = 1000;
        int maxMs = 5 * 60 * 1000;
        double multiplier = 2.0;
        // Share of each delay that is random: 0.5 gives a delay between half and all of the step.
        double jitter = 0.5;
        // A Retry-After longer than this is clamped: a broken or hostile answer must not park a
        // device for a day.
        int maxRetryAfterMs = 60 * 60 * 1000;
    };

    using Clock = std::function<qint64()>;  // monotonic milliseconds
    using Random = std::function<double()>; // uniform in [0, 1)

    BackoffPolicy();
    explicit BackoffPolicy(const Options &options, Clock clock = {}, Random random = {});

    const Options &options() const { return m_options; }
    void setOptions(const Options &options) { m_options = options; }

    // Records one more failure and returns how long to wait before the next attempt. A
    // retryAfterSeconds >= 0 is the server's own wish and is honoured.
    qint64 recordFailure(int retryAfterSeconds = -1);
    // Back to square one: the next failure waits initialMs again.
    void reset();

    int failures() const { return m_failures; }
    // Milliseconds until the attempt recordFailure() planned is due; 0 when it is.
    qint64 remainingMs() const;
    bool isWaiting() const { return remainingMs() > 0; }
    // The current wait came from a server's Retry-After, which no local hint may shorten.
    bool serverAskedToWait() const { return m_serverAsked && isWaiting(); }

private:
    Options m_options;
    Clock m_clock;
    Random m_random;
    int m_failures = 0;
    qint64 m_notBefore = 0;
    bool m_serverAsked = false;
};

} // namespace fieldsync
