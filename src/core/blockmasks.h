// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtEndian>
#include <QtGlobal>

#if defined(__SSE2__) || defined(_M_X64) || (defined(_M_IX86_FP) && _M_IX86_FP >= 2)
#include <emmintrin.h>
#define FORKLINE_BLOCKMASKS_SSE2 1
#endif

namespace Forkline {

// Where the bytes that matter to the trace framer lie in 64 bytes of JSON: bit i of each mask is
// byte i. `open` is { and [, `close` is } and ]. With these the framer crosses a block of an
// event in a few instructions instead of 64 steps (traceeventframer.cpp).
struct BlockMasks
{
    static constexpr size_t kSize = 64;
    quint64 quote = 0;
    quint64 backslash = 0;
    quint64 open = 0;
    quint64 close = 0;
};

namespace BlockMaskDetail {

// 0x80 in each byte of `word` that is `c`, exactly (no borrow reaches the next byte).
inline quint64 bytesAre(quint64 word, unsigned char c)
{
    constexpr quint64 kLow7 = 0x7f7f7f7f7f7f7f7fULL;
    const quint64 x = word ^ (0x0101010101010101ULL * c);
    return ~(((x & kLow7) + kLow7) | x | kLow7);
}

// The high bit of each of the eight bytes, as eight bits (byte 0 -> bit 0).
inline unsigned highBits(quint64 m)
{
    // Bit 8i moved to bit 56 + i by one multiply: the eight products fall on distinct bits, so
    // nothing carries into the top byte.
    return unsigned((((m >> 7) & 0x0101010101010101ULL) * 0x0102040810204080ULL) >> 56);
}

} // namespace BlockMaskDetail

// The masks of data[0, 64) a word at a time: any CPU, any byte order.
inline BlockMasks blockMasksPortable(const char* data)
{
    using namespace BlockMaskDetail;
    BlockMasks m;
    for (int w = 0; w < 8; ++w) {
        // Byte i of the word is data[8w + i] whatever the byte order.
        const quint64 word = qFromLittleEndian<quint64>(data + 8 * w);
        // ( | 0x20 ) is { for [ and {, } for ] and }: no other byte maps to either.
        const quint64 folded = word | 0x2020202020202020ULL;
        m.quote |= quint64(highBits(bytesAre(word, '"'))) << (8 * w);
        m.backslash |= quint64(highBits(bytesAre(word, '\\'))) << (8 * w);
        m.open |= quint64(highBits(bytesAre(folded, '{'))) << (8 * w);
        m.close |= quint64(highBits(bytesAre(folded, '}'))) << (8 * w);
    }
    return m;
}

#if defined(FORKLINE_BLOCKMASKS_SSE2)
// The same with SSE2, which every x86-64 CPU has: 16 bytes a compare.
inline BlockMasks blockMasksSse2(const char* data)
{
    BlockMasks m;
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i backslash = _mm_set1_epi8('\\');
    const __m128i lower = _mm_set1_epi8(0x20);
    const __m128i open = _mm_set1_epi8('{');
    const __m128i close = _mm_set1_epi8('}');
    for (int k = 0; k < 4; ++k) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + 16 * k));
        const __m128i folded = _mm_or_si128(v, lower);
        const int shift = 16 * k;
        m.quote |= quint64(unsigned(_mm_movemask_epi8(_mm_cmpeq_epi8(v, quote)))) << shift;
        m.backslash |= quint64(unsigned(_mm_movemask_epi8(_mm_cmpeq_epi8(v, backslash)))) << shift;
        m.open |= quint64(unsigned(_mm_movemask_epi8(_mm_cmpeq_epi8(folded, open)))) << shift;
        m.close |= quint64(unsigned(_mm_movemask_epi8(_mm_cmpeq_epi8(folded, close)))) << shift;
    }
    return m;
}
#endif

inline BlockMasks blockMasks(const char* data)
{
#if defined(FORKLINE_BLOCKMASKS_SSE2)
    return blockMasksSse2(data);
#else
    return blockMasksPortable(data);
#endif
}

// Bit i is the XOR of bits 0..i of x: over a quote mask, 1 from an opening quote up to (not
// including) its closing one.
inline quint64 prefixXor(quint64 x)
{
    x ^= x << 1;
    x ^= x << 2;
    x ^= x << 4;
    x ^= x << 8;
    x ^= x << 16;
    x ^= x << 32;
    return x;
}

} // namespace Forkline
