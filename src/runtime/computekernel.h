// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QtGlobal>

namespace Forkline {

// An exact running sum of non-negative 64-bit numbers (a sum of up to 10^12 of them can
// pass 2^63, so it carries into a high word).
struct WideSum
{
    quint64 lo = 0;
    quint64 hi = 0;
    void add(quint64 v)
    {
        lo += v;
        if (lo < v)
            ++hi;
    }
    void add(const WideSum& other)
    {
        add(other.lo);
        hi += other.hi;
    }
    QString toString() const;
};

// Sums [from, to) one number at a time, the way an interpreted loop does: every element
// also costs kRoundsPerElement rounds of a dependent xorshift chain, which no compiler can
// vectorise away. 28 rounds made one element cost about 47 ns on the 2-core machine the
// numbers were measured on, close to CPython's ~49 ns for `total += i` (10^8 elements in
// 4.9 s), so a lesson's timings keep their Python shape.
constexpr int kRoundsPerElement = 28;
void sumRange(qint64 from, qint64 to, WideSum* sum);

} // namespace Forkline
