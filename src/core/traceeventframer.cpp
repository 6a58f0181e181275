// SPDX-License-Identifier: GPL-3.0-or-later
#include "traceeventframer.h"

#include "blockmasks.h"

#include <QCoreApplication>
#include <QtAlgorithms>
#include <cstring>

namespace Forkline {

namespace {

// lupdate files these strings under the class whose members say tr().
QString tr(const char* s)
{
    return QCoreApplication::translate("Forkline::TraceEventFramer", s);
}

bool isSpace(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

// What a byte outside strings is to the framer: one table lookup a byte, not four compares.
enum ByteClass : uchar { kPlain, kQuote, kOpen, kClose };
struct ByteClasses
{
    uchar of[256];
    constexpr ByteClasses()
        : of {}
    {
        of[uchar('"')] = kQuote;
        of[uchar('{')] = of[uchar('[')] = kOpen;
        of[uchar('}')] = of[uchar(']')] = kClose;
    }
};
constexpr ByteClasses kByteClasses;

} // namespace

TraceEventFramer::Status TraceEventFramer::fail(size_t pos, const QString& what)
{
    m_errorPos = pos;
    m_error = what;
    return Status::Error;
}

TraceEventFramer::Status TraceEventFramer::tooDeep()
{
    // Parsers refuse such nesting too (simdjson and Qt stop at 1024); say it the same way for both.
    const QString where = m_state == State::InEvent ? tr("traceEvents[%1]").arg(m_elements) : tr("a value");
    return fail(m_pos, tr("%1 is nested more than %2 levels deep").arg(where).arg(kMaxDepth));
}

void TraceEventFramer::closeArray()
{
    if (m_bare) {
        m_state = State::End;
    } else {
        m_sawEvents = true;
        m_state = State::AfterObjectValue;
    }
}

bool TraceEventFramer::closeObject()
{
    if (!m_sawEvents) {
        fail(m_pos, tr("not a Chrome trace (the object has no traceEvents array)"));
        return false;
    }
    ++m_pos;
    m_state = State::End;
    return true;
}

TraceEventFramer::Scan TraceEventFramer::scanNested(const char* data, size_t size)
{
    // The hot loop of the framer: every byte of every event passes here once. Whole blocks of
    // 64 bytes without a backslash are crossed with bit masks: inside strings is where an odd
    // number of quotes lies before, and only brackets outside strings are looked at one by one.
    // A block with a backslash (or one that starts escaped), and the tail of the data, go byte
    // by byte: an escaped quote does not end a string.
    const char* p = data + m_pos;
    const char* const end = data + size;
    int depth = m_depth;
    bool escape = m_escape;
    bool inString = m_inString;
    auto closed = [&](const char* after) {
        m_pos = size_t(after - data);
        m_depth = 0;
        m_inString = false;
        m_escape = false;
        return Scan::Closed;
    };
    while (p < end) {
        if (!escape && size_t(end - p) >= BlockMasks::kSize) {
            const BlockMasks m = blockMasks(p);
            if (m.backslash == 0) {
                const quint64 inside = prefixXor(m.quote) ^ (inString ? ~quint64(0) : 0);
                for (quint64 brackets = (m.open | m.close) & ~inside; brackets; brackets &= brackets - 1) {
                    const int at = qCountTrailingZeroBits(brackets);
                    if ((m.open >> at) & 1) {
                        if (++depth > kMaxDepth) {
                            m_pos = size_t(p + at - data);
                            return Scan::TooDeep;
                        }
                    } else if (--depth == 0) {
                        return closed(p + at + 1);
                    }
                }
                inString = inString != bool(qPopulationCount(m.quote) & 1);
                p += BlockMasks::kSize;
                continue;
            }
        }
        for (const char* const stop = p + std::min<size_t>(BlockMasks::kSize, size_t(end - p)); p < stop;) {
            const char c = *p++;
            if (inString) {
                if (escape)
                    escape = false;
                else if (c == '\\')
                    escape = true;
                else if (c == '"')
                    inString = false;
                continue;
            }
            switch (kByteClasses.of[uchar(c)]) {
            case kPlain:
                break;
            case kQuote:
                inString = true;
                break;
            case kOpen:
                if (++depth > kMaxDepth) {
                    m_pos = size_t(p - 1 - data);
                    return Scan::TooDeep;
                }
                break;
            default: // kClose
                if (--depth == 0)
                    return closed(p);
                break;
            }
        }
    }
    m_pos = size;
    m_depth = depth;
    m_inString = inString;
    m_escape = escape;
    return Scan::More;
}

TraceEventFramer::Scan TraceEventFramer::skipScalar(const char* data, size_t size)
{
    if (m_inString) {
        while (m_pos < size) {
            const char c = data[m_pos++];
            if (m_escape)
                m_escape = false;
            else if (c == '\\')
                m_escape = true;
            else if (c == '"') {
                m_inString = false;
                return Scan::Closed;
            }
        }
        return Scan::More;
    }
    while (m_pos < size) {
        const char c = data[m_pos];
        if (isSpace(c) || c == ',' || c == '}' || c == ']')
            return Scan::Closed;
        ++m_pos;
    }
    return Scan::More;
}

// Over 80 lines on purpose: one switch over the framer's states inside the loop that reads
// every byte of a trace of up to gigabytes; a function per state would put a call on every byte
// and scatter one state machine over many places.
TraceEventFramer::Status TraceEventFramer::scan(const char* data, size_t size, std::vector<EventRange>* events)
{
    while (m_pos < size) {
        const char c = data[m_pos];
        switch (m_state) {
        case State::Start:
            if (isSpace(c) || uchar(c) == 0xEF || uchar(c) == 0xBB || uchar(c) == 0xBF) { // a UTF-8 BOM
                ++m_pos;
            } else if (c == '{') {
                m_state = State::ObjectKey;
                ++m_pos;
            } else if (c == '[') {
                m_bare = true;
                m_state = State::ArrayElement;
                ++m_pos;
            } else {
                return fail(m_pos, tr("not a Chrome trace (it should start with { or [)"));
            }
            break;
        case State::ObjectKey:
            if (isSpace(c)) {
                ++m_pos;
            } else if (c == '"') {
                m_start = m_pos++;
                m_escape = false;
                m_state = State::InKey;
            } else if (c == '}') {
                if (!closeObject())
                    return Status::Error;
            } else {
                return fail(m_pos, tr("not valid JSON (a member name should follow)"));
            }
            break;
        case State::InKey:
            ++m_pos;
            if (m_escape) {
                m_escape = false;
            } else if (c == '\\') {
                m_escape = true;
            } else if (c == '"') {
                static const char kEvents[] = "traceEvents";
                const size_t len = m_pos - m_start - 2;
                m_keyIsEvents = len == sizeof kEvents - 1 && std::memcmp(data + m_start + 1, kEvents, len) == 0;
                m_state = State::Colon;
            }
            break;
        case State::Colon:
            if (isSpace(c)) {
                ++m_pos;
            } else if (c == ':') {
                ++m_pos;
                m_state = State::ObjectValue;
            } else {
                return fail(m_pos, tr("not valid JSON (a colon should follow a member name)"));
            }
            break;
        case State::ObjectValue:
            if (isSpace(c)) {
                ++m_pos;
            } else if (m_keyIsEvents) {
                if (c != '[')
                    return fail(m_pos, tr("not a Chrome trace (traceEvents is not an array)"));
                ++m_pos;
                m_bare = false;
                m_state = State::ArrayElement;
            } else {
                m_afterSkip = State::AfterObjectValue;
                m_skipStarted = false;
                m_state = State::SkipValue;
            }
            break;
        case State::AfterObjectValue:
            if (isSpace(c)) {
                ++m_pos;
            } else if (c == ',') {
                ++m_pos;
                m_state = State::ObjectKey;
            } else if (c == '}') {
                if (!closeObject())
                    return Status::Error;
            } else {
                return fail(m_pos, tr("not valid JSON (a comma or } should follow a member)"));
            }
            break;
        case State::ArrayElement:
            if (isSpace(c)) {
                ++m_pos;
            } else if (c == ']') {
                ++m_pos;
                closeArray();
            } else if (c == '{') {
                m_start = m_pos;
                m_depth = 0;
                m_inString = false;
                m_escape = false;
                m_state = State::InEvent;
            } else {
                ++m_nonObjects;
                m_afterSkip = State::AfterElement;
                m_skipStarted = false;
                m_state = State::SkipValue;
            }
            break;
        case State::InEvent:
            if (const Scan scan = scanNested(data, size); scan != Scan::Closed)
                return scan == Scan::More ? Status::More : tooDeep();
            events->push_back({ m_start, m_pos - m_start, m_elements });
            ++m_elements;
            m_state = State::AfterElement;
            break;
        case State::AfterElement:
            if (isSpace(c)) {
                ++m_pos;
            } else if (c == ',') {
                ++m_pos;
                m_state = State::ArrayElement;
            } else if (c == ']') {
                ++m_pos;
                closeArray();
            } else {
                return fail(
                    m_pos, tr("not valid JSON (a comma or ] should follow traceEvents[%1])").arg(m_elements - 1));
            }
            break;
        case State::SkipValue:
            if (!m_skipStarted) {
                if (isSpace(c)) {
                    ++m_pos;
                    break;
                }
                if (c == ',' || c == '}' || c == ']' || c == ':')
                    return fail(m_pos, tr("not valid JSON (a value is missing)"));
                m_skipStarted = true;
                m_skipIsScalar = c != '{' && c != '[';
                m_depth = 0;
                m_escape = false;
                m_inString = c == '"';
                if (m_inString)
                    ++m_pos;
            }
            if (const Scan scan = m_skipIsScalar ? skipScalar(data, size) : scanNested(data, size);
                scan != Scan::Closed)
                return scan == Scan::More ? Status::More : tooDeep();
            if (m_afterSkip == State::AfterElement)
                ++m_elements;
            m_state = m_afterSkip;
            break;
        case State::End:
            if (!isSpace(c))
                return fail(m_pos, tr("not valid JSON (there is more text after the end of the trace)"));
            ++m_pos;
            break;
        }
    }
    return m_state == State::End ? Status::Done : Status::More;
}

TraceEventFramer::Status TraceEventFramer::finish()
{
    switch (m_state) {
    case State::End:
        return Status::Done;
    case State::ArrayElement:
    case State::AfterElement:
        if (m_bare)
            return Status::Done;
        break;
    case State::SkipValue:
        // A number or word at the very end of a bare array is complete at the end of input.
        if (m_bare && m_skipStarted && m_skipIsScalar && !m_inString) {
            ++m_elements;
            return Status::Done;
        }
        break;
    case State::Start:
        return fail(m_pos, tr("not a Chrome trace (the file is empty)"));
    case State::InEvent:
        return fail(m_start, tr("the file ends inside traceEvents[%1]: it is truncated").arg(m_elements));
    default:
        break;
    }
    return fail(m_pos, tr("the file ends before the trace is complete: it is truncated"));
}

size_t TraceEventFramer::keepFrom() const
{
    return m_state == State::InEvent || m_state == State::InKey ? m_start : m_pos;
}

void TraceEventFramer::shift(size_t n)
{
    m_pos -= n;
    m_start = m_start >= n ? m_start - n : 0;
}

} // namespace Forkline
