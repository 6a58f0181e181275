// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace Forkline {

// The value of one hexadecimal digit of a \uXXXX escape or a 0x number, or -1 for any other
// character. Shared by the JSON reader (jsonvalue.cpp) and the trace event decoder
// (rawtraceevent.cpp), which must agree on what a JSON escape is.
constexpr int hexDigit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

} // namespace Forkline
