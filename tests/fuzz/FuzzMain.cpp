// The libFuzzer entry of one target: FIELDSYNC_FUZZ_FUNCTION names it (see CMakeLists.txt).
// A broken property aborts, so that libFuzzer keeps the input as a crash.
#include "FuzzTargets.h"
#include "PushHandlerFuzzTarget.h"

#include <QCoreApplication>

#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    // Qt's plugins (the SQLite driver) and QTemporaryDir want an application object.
    static QCoreApplication app(*argc, *argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    if (const std::optional<QString> broken = fieldsync::fuzz::FIELDSYNC_FUZZ_FUNCTION(input)) {
        std::fprintf(stderr, "fuzz property broken: %s\n", qPrintable(*broken));
        std::abort();
    }
    return 0;
}
