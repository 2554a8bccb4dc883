#pragma once

#include <QString>

namespace fieldsync {

// A new UUID of version 7 (RFC 9562) in its text form without braces: 48 bits of Unix time in
// milliseconds, a 12-bit counter, then 62 random bits. Ids a device makes one after another sort
// one after another, so that the indexes keyed by them (record ids and offline ids, on the device
// and on the server) grow at their end: a batch of 500 new changes then writes a handful of index
// pages instead of one page per change, however large the tables have grown. Within one process
// the ids are strictly increasing, even when the clock stands still or is set back; across
// processes and devices the random bits keep them unique. Clocks decide nothing here but order.
QString newTimeOrderedUuid();

// The same as if the clock read nowMs: for tests of a clock that stands still or goes back.
QString timeOrderedUuidAt(qint64 nowMs);

} // namespace fieldsync
