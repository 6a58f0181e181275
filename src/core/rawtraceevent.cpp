// SPDX-License-Identifier: GPL-3.0-or-later
#include "rawtraceevent.h"

#include "hexdigit.h"

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <type_traits>

namespace Forkline {

void RawTraceEvent::clear()
{
    // Runs once per event, so it writes as little as it can: the plain members copied from a
    // blank set in one go (a library copy is several times faster here than the assignment the
    // compiler makes of a temporary), the args only when there were any, and the numbers keep
    // their capacity.
    static_assert(std::is_trivially_copyable_v<RawTraceEventFields>);
    static_assert(std::is_trivially_copyable_v<RawTraceEventArgs>);
    static const RawTraceEvent kBlank;
    if (hasArgs) {
        std::memcpy(static_cast<RawTraceEventArgs*>(this), static_cast<const RawTraceEventArgs*>(&kBlank),
            sizeof(RawTraceEventArgs));
    }
    std::memcpy(static_cast<RawTraceEventFields*>(this), static_cast<const RawTraceEventFields*>(&kBlank),
        sizeof(RawTraceEventFields));
    numbers.clear();
    decoded.clear();
}

RawTraceEvent& startEvent(
    RawTraceEventSink* sink, RawTraceEvent* reused, const EventRange& range, const char* data, qint64 fileOffset)
{
    RawTraceEvent* e = sink->place();
    if (!e)
        e = reused;
    e->clear();
    e->index = range.index;
    e->offset = fileOffset + qint64(range.offset);
    e->raw = std::string_view(data + range.offset, range.length);
    return *e;
}

namespace {

std::string_view trimmed(std::string_view s)
{
    auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    while (!s.empty() && space(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && space(s.back()))
        s.remove_suffix(1);
    return s;
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// A JSON number's text as ±m × 10^exp10, m holding its first 17 significant digits (more
// cannot matter: such a number is out of range anyway); false when the text is no number.
struct Decimal
{
    bool negative = false;
    std::uint64_t m = 0;
    int exp10 = 0;
};

bool parseDecimal(std::string_view text, Decimal* d)
{
    const char* p = text.data();
    const char* const end = p + text.size();
    if (p < end && *p == '-') {
        d->negative = true;
        ++p;
    }
    if (p == end || !isDigit(*p))
        return false;
    constexpr std::uint64_t kMantissaLimit = 100000000000000000ULL; // 1e17: m * 10 + 9 still fits
    for (; p < end && isDigit(*p); ++p) {
        if (d->m < kMantissaLimit)
            d->m = d->m * 10 + std::uint64_t(*p - '0');
        else
            d->exp10 = std::min(d->exp10 + 1, 100000);
    }
    if (p < end && *p == '.') {
        ++p;
        if (p == end || !isDigit(*p))
            return false;
        for (; p < end && isDigit(*p); ++p) {
            if (d->m < kMantissaLimit) {
                d->m = d->m * 10 + std::uint64_t(*p - '0');
                --d->exp10;
            }
        }
    }
    if (p < end && (*p == 'e' || *p == 'E')) {
        ++p;
        bool expNegative = false;
        if (p < end && (*p == '+' || *p == '-'))
            expNegative = *p++ == '-';
        if (p == end || !isDigit(*p))
            return false;
        int e = 0;
        for (; p < end && isDigit(*p); ++p)
            e = std::min(e * 10 + (*p - '0'), 100000);
        d->exp10 += expNegative ? -e : e;
    }
    return p == end;
}

} // namespace

bool microsToNanos(std::string_view text, qint64* ns, bool* outOfRange)
{
    auto tooLarge = [outOfRange] {
        if (outOfRange)
            *outOfRange = true;
        return false;
    };
    // Decimal arithmetic on the text itself: a double cannot hold every nanosecond of a
    // trace that starts at boot time, and our own files must come back exactly.
    Decimal d;
    if (!parseDecimal(trimmed(text), &d))
        return false;
    std::uint64_t m = d.m;
    const int exp10 = d.exp10 + 3; // microseconds -> nanoseconds
    constexpr std::uint64_t kMax = std::uint64_t(std::numeric_limits<qint64>::max());
    if (m == 0) {
        *ns = 0;
        return true;
    }
    if (exp10 >= 0) {
        for (int i = 0; i < exp10; ++i) {
            if (m > kMax / 10)
                return tooLarge();
            m *= 10;
        }
    } else if (exp10 < -19) {
        m = 0;
    } else {
        std::uint64_t p10 = 1;
        for (int i = 0; i < -exp10; ++i)
            p10 *= 10;
        const std::uint64_t rest = m % p10;
        m /= p10;
        if (rest >= p10 - rest) // half away from zero
            ++m;
    }
    if (m > kMax)
        return tooLarge();
    *ns = d.negative ? -qint64(m) : qint64(m);
    return true;
}

bool microsToNanos(double us, qint64* ns, bool* outOfRange)
{
    if (std::isnan(us))
        return false;
    const double v = us * 1000.0;
    if (!(std::fabs(v) < 9.2e18)) {
        if (outOfRange)
            *outOfRange = true;
        return false;
    }
    // A whole number of microseconds is exact in a double up to 2^53 (about 285 years), but
    // its product with 1000 may not be: multiply as integers, so 4999999999999999 µs reads back
    // as the nanoseconds written, not the double nearest them.
    if (us == std::trunc(us)) {
        *ns = qint64(us) * 1000;
        return true;
    }
    *ns = qint64(std::llround(v));
    return true;
}

bool wholeFromDouble(double d, qint64* out)
{
    // The range first: converting a double beyond qint64 to one is undefined behaviour.
    if (!(d > -9.2e18 && d < 9.2e18) || d != std::trunc(d))
        return false;
    *out = qint64(d);
    return true;
}

namespace {

void appendUtf8(std::string& out, char32_t c)
{
    if (c < 0x80) {
        out += char(c);
    } else if (c < 0x800) {
        out += char(0xC0 | (c >> 6));
        out += char(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += char(0xE0 | (c >> 12));
        out += char(0x80 | ((c >> 6) & 0x3F));
        out += char(0x80 | (c & 0x3F));
    } else {
        out += char(0xF0 | (c >> 18));
        out += char(0x80 | ((c >> 12) & 0x3F));
        out += char(0x80 | ((c >> 6) & 0x3F));
        out += char(0x80 | (c & 0x3F));
    }
}

// The code unit of a \uXXXX at p (p at the backslash), or -1.
int escapedUnit(const char* p)
{
    if (p[0] != '\\' || p[1] != 'u')
        return -1;
    int v = 0;
    for (int i = 2; i < 6; ++i) {
        const int d = hexDigit(p[i]);
        if (d < 0)
            return -1;
        v = v * 16 + d;
    }
    return v;
}

} // namespace

bool decodeJsonString(const char* raw, std::string* result)
{
    std::string& out = *result;
    out.clear();
    const char* p = raw;
    while (*p && *p != '"') {
        if (*p != '\\') {
            out += *p++;
            continue;
        }
        const char e = p[1];
        if (e == 'u') {
            const int unit = escapedUnit(p);
            if (unit < 0)
                return false;
            p += 6;
            if (unit >= 0xD800 && unit < 0xDC00) {
                const int low = escapedUnit(p);
                if (low >= 0xDC00 && low < 0xE000) {
                    appendUtf8(out, 0x10000 + ((char32_t(unit) - 0xD800) << 10) + (char32_t(low) - 0xDC00));
                    p += 6;
                    continue;
                }
                appendUtf8(out, 0xFFFD);
            } else if (unit >= 0xDC00 && unit < 0xE000) {
                appendUtf8(out, 0xFFFD);
            } else {
                appendUtf8(out, char32_t(unit));
            }
            continue;
        }
        switch (e) {
        case 'b':
            out += '\b';
            break;
        case 'f':
            out += '\f';
            break;
        case 'n':
            out += '\n';
            break;
        case 'r':
            out += '\r';
            break;
        case 't':
            out += '\t';
            break;
        case '"':
        case '\\':
        case '/':
            out += e;
            break;
        default:
            return false;
        }
        p += 2;
    }
    return true;
}

bool integerFromText(std::string_view text, qint64* out)
{
    text = trimmed(text);
    bool negative = false;
    if (!text.empty() && text.front() == '-') {
        negative = true;
        text.remove_prefix(1);
    }
    int base = 10;
    if (text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
        base = 16;
        text.remove_prefix(2);
    }
    if (text.empty())
        return false;
    std::uint64_t v = 0;
    for (const char c : text) {
        int d = -1;
        if (c >= '0' && c <= '9')
            d = c - '0';
        else if (base == 16 && c >= 'a' && c <= 'f')
            d = c - 'a' + 10;
        else if (base == 16 && c >= 'A' && c <= 'F')
            d = c - 'A' + 10;
        if (d < 0)
            return false;
        if (v > (std::numeric_limits<std::uint64_t>::max() - std::uint64_t(d)) / std::uint64_t(base))
            return false;
        v = v * std::uint64_t(base) + std::uint64_t(d);
    }
    // Hex ids are often 64-bit patterns: keep their bits rather than refuse them.
    if (base == 10 && v > std::uint64_t(std::numeric_limits<qint64>::max()))
        return false;
    // Negated as unsigned: "-0x8000000000000000" is INT64_MIN, whose negation as a qint64
    // would overflow.
    *out = qint64(negative ? std::uint64_t(0) - v : v);
    return true;
}

} // namespace Forkline
