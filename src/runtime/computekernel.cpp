// SPDX-License-Identifier: GPL-3.0-or-later
#include "computekernel.h"

#include <atomic>

namespace Forkline {

QString WideSum::toString() const
{
    if (hi == 0)
        return QString::number(lo);
    // Long division of the 128-bit value by 10^9, in 32-bit limbs.
    quint32 limbs[4] = { quint32(hi >> 32), quint32(hi), quint32(lo >> 32), quint32(lo) };
    QString digits;
    bool nonZero = true;
    while (nonZero) {
        quint64 rem = 0;
        nonZero = false;
        for (quint32& limb : limbs) {
            const quint64 cur = (rem << 32) | limb;
            limb = quint32(cur / 1000000000u);
            rem = cur % 1000000000u;
            nonZero = nonZero || limb != 0;
        }
        QString chunk = QString::number(rem);
        if (nonZero)
            chunk = chunk.rightJustified(9, QLatin1Char('0'));
        digits.prepend(chunk);
    }
    return digits;
}

namespace {
inline quint64 mix(quint64 x)
{
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return x;
}
// Keeps the chain's result observable so the optimiser cannot drop the work.
std::atomic<quint64> g_sink { 0 };
} // namespace

void sumRange(qint64 from, qint64 to, WideSum* sum)
{
    quint64 state = 0x9E3779B97F4A7C15ull ^ quint64(from);
    for (qint64 i = from; i < to; ++i) {
        quint64 x = state;
        for (int r = 0; r < kRoundsPerElement; ++r)
            x = mix(x);
        state = x;
        sum->add(quint64(i));
    }
    g_sink.fetch_xor(state, std::memory_order_relaxed);
}

} // namespace Forkline
