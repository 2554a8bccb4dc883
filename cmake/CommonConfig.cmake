# One strict configuration that every FieldSync target links, so warnings and Qt's safety
# macros are the same everywhere.
add_library(fieldsync_common_config INTERFACE)
target_compile_options(fieldsync_common_config INTERFACE -Wall -Wextra -Wpedantic)
target_compile_definitions(fieldsync_common_config INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CONTEXTLESS_CONNECT
    QT_USE_QSTRINGBUILDER
    QT_DISABLE_DEPRECATED_UP_TO=0x060400
    FIELDSYNC_VERSION="${PROJECT_VERSION}")
if(FIELDSYNC_SANITIZE)
    target_compile_options(fieldsync_common_config INTERFACE
        -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_link_options(fieldsync_common_config INTERFACE -fsanitize=address,undefined)
endif()

# libFuzzer targets (tests/fuzz) need clang. Everything is built with the fuzzer's coverage
# instrumentation so that it can steer by what our code does; only the fuzz executables link
# libFuzzer's main (-fsanitize=fuzzer), the tests keep their own.
option(FIELDSYNC_FUZZ "Build the libFuzzer targets in tests/fuzz (clang only; implies FIELDSYNC_SANITIZE)" OFF)
set(FIELDSYNC_FUZZ_SECONDS 60 CACHE STRING "How long the CTest run of each fuzz target lasts")
if(FIELDSYNC_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
        message(FATAL_ERROR "FIELDSYNC_FUZZ needs clang (libFuzzer); configure with -DCMAKE_CXX_COMPILER=clang++-14")
    endif()
    if(NOT FIELDSYNC_SANITIZE)
        message(FATAL_ERROR "FIELDSYNC_FUZZ needs -DFIELDSYNC_SANITIZE=ON: the fuzz targets find bugs through ASan and UBSan")
    endif()
    target_compile_options(fieldsync_common_config INTERFACE -fsanitize=fuzzer-no-link)
endif()
