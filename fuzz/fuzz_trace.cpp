// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the trace importer (traceinput.h) with the parser backend chosen at build
// time (FORKLINE_FUZZ_BACKEND: Simdjson or QtJson), one target per backend.
#include "traceinput.h"

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    ForklineFuzz::quietQt();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    ForklineFuzz::traceInput(QByteArray::fromRawData(reinterpret_cast<const char*>(data), qsizetype(size)),
        Forkline::JsonBackend::FORKLINE_FUZZ_BACKEND);
    return 0;
}
