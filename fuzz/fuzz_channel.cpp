// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the channel decoder and the collector's model (channelinput.h).
#include "channelinput.h"

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    ForklineFuzz::quietQt();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    ForklineFuzz::channelInput(QByteArray::fromRawData(reinterpret_cast<const char*>(data), qsizetype(size)));
    return 0;
}
