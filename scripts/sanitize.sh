#!/usr/bin/env bash
# The whole test suite once more under AddressSanitizer and UndefinedBehaviorSanitizer, in its own
# build (build-asan/, or $FIELDSYNC_ASAN_BUILD_DIR), plus the libFuzzer targets (tests/fuzz) for
# about $FIELDSYNC_FUZZ_SECONDS each when clang-14 is there. Any sanitizer report fails the test
# that caused it (halt_on_error). scripts/test.sh runs this after the normal suite.
#
# The tests that use PostgreSQL (label postgresql) run with ASan and UBSan but without the leak
# check: with a PostgreSQL connection open, LeakSanitizer's own tracer crashes at the server's exit
# ("Tracer caught signal 11 ... LeakSanitizer has encountered a fatal error", clang-14 on
# Debian 12), which says nothing about leaks. Their SQLite twins run the same code with it.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build_dir=${FIELDSYNC_ASAN_BUILD_DIR:-$root/build-asan}

args=(-G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFIELDSYNC_SANITIZE=ON
      -DFIELDSYNC_FUZZ_SECONDS="${FIELDSYNC_FUZZ_SECONDS:-60}")
if command -v clang++-14 >/dev/null 2>&1; then
    args+=(-DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_C_COMPILER=clang-14 -DFIELDSYNC_FUZZ=ON)
    echo "sanitize: clang-14, with the fuzz targets"
else
    echo "sanitize: clang-14 not found; gcc with ASan and UBSan, without the fuzz targets"
fi
if command -v ccache >/dev/null 2>&1; then
    args+=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
cmake -S "$root" -B "$build_dir" "${args[@]}" >/dev/null
cmake --build "$build_dir" -j "$(nproc)"

# halt_on_error: the first report ends the process, so the test fails instead of scrolling on.
# detect_stack_use_after_return stays off: Qt's event loop with it costs more than the suite has.
export ASAN_OPTIONS="halt_on_error=1:abort_on_error=1:print_stacktrace=1:detect_leaks=1:check_initialization_order=1:strict_init_order=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
# Reports name functions and lines when LLVM's symbolizer is there (Debian: llvm-14).
if command -v llvm-symbolizer-14 >/dev/null 2>&1; then
    export ASAN_SYMBOLIZER_PATH=$(command -v llvm-symbolizer-14)
fi
export LSAN_OPTIONS="suppressions=$root/tests/sanitizer/lsan.supp:print_suppressions=0"
cd "$build_dir"
ctest --output-on-failure --timeout 900 -j "$(nproc)" -LE postgresql
ASAN_OPTIONS=${ASAN_OPTIONS/detect_leaks=1/detect_leaks=0} \
    ctest --output-on-failure --timeout 900 -j "$(nproc)" -L postgresql
