// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtNumeric>
#include <cmath>
#include <limits>

namespace Forkline {

// Times are qint64 nanoseconds, and a broken or hostile file can hold any of them. Sums and
// differences of times that feed pixels, labels and loops clamp at the ends of the range
// instead of overflowing: a wrong picture at worst, never undefined behaviour.
constexpr qint64 kMaxNs = std::numeric_limits<qint64>::max();
constexpr qint64 kMinNs = std::numeric_limits<qint64>::min();
constexpr double kAllNs = 18446744073709551616.0; // 2^64: from the first time to the last

inline qint64 addNs(qint64 a, qint64 b)
{
    qint64 r = 0;
    if (qAddOverflow(a, b, &r))
        return b > 0 ? kMaxNs : kMinNs;
    return r;
}

inline qint64 subNs(qint64 a, qint64 b)
{
    qint64 r = 0;
    if (qSubOverflow(a, b, &r))
        return b < 0 ? kMaxNs : kMinNs;
    return r;
}

// a - b as a double: exact whenever the difference fits in 53 bits, never an overflow.
inline double diffNs(qint64 a, qint64 b)
{
    qint64 r = 0;
    return qSubOverflow(a, b, &r) ? double(a) - double(b) : double(r);
}

// |t|, with the one value whose negation does not fit clamped.
inline qint64 absNs(qint64 t)
{
    return t == kMinNs ? kMaxNs : (t < 0 ? -t : t);
}

// Rounds a double to whole nanoseconds, clamped to the range; NaN gives 0.
inline qint64 roundNs(double v)
{
    constexpr double kTwo63 = 9223372036854775808.0;
    if (std::isnan(v))
        return 0;
    if (v >= kTwo63)
        return kMaxNs;
    if (v <= -kTwo63)
        return kMinNs;
    return qint64(std::llround(v));
}

} // namespace Forkline
