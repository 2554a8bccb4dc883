#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace fieldsync::fuzz {

// One fuzz target: feeds an input to the code under test and checks what must hold for every
// input (no crash is checked by the sanitizers; these are the properties on top). Returns the
// broken property, or nullopt. The libFuzzer executables and the corpus regression test share
// these functions, so a crash found by fuzzing replays as an ordinary test.
using FuzzFunction = std::optional<QString> (*)(const QByteArray &input);

struct FuzzTarget
{
    QString name; // also the folder of its corpus: tests/fuzz/corpus/<name>
    FuzzFunction run;
};

// The protocol decoders, as the device and the server use them.
std::optional<QString> fuzzPushRequest(const QByteArray &input);
std::optional<QString> fuzzPushResponse(const QByteArray &input);
std::optional<QString> fuzzPullResponse(const QByteArray &input);
std::optional<QString> fuzzServerEvent(const QByteArray &input);
std::optional<QString> fuzzJsonReader(const QByteArray &input);

QList<FuzzTarget> protocolTargets();

} // namespace fieldsync::fuzz
