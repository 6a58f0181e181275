// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the scenario loader (scenarioinput.h).
#include "scenarioinput.h"

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    ForklineFuzz::quietQt();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    ForklineFuzz::scenarioInput(QByteArray::fromRawData(reinterpret_cast<const char*>(data), qsizetype(size)));
    return 0;
}
