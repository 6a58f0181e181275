// SPDX-License-Identifier: GPL-3.0-or-later
#include "spliteventparser.h"

#include <QtGlobal>
#include <algorithm>
#include <chrono>
#include <cstring>

namespace Forkline {

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point t)
{
    return std::chrono::duration<double>(Clock::now() - t).count();
}

// A new figure counts half: a block or two is enough to follow a change of pace.
double blend(double old, double now)
{
    return old > 0 ? 0.5 * (old + now) : now;
}

} // namespace

// Where the helper's parser decodes events: one kept event per range, in place, so none is
// copied. The vector is sized before a job starts and never grows during it, so the calling
// thread may read the events already complete while the helper writes the next ones.
class SplitEventParser::KeepingSink : public RawTraceEventSink
{
public:
    KeepingSink(std::atomic<size_t>* ready, std::condition_variable* progress)
        : m_ready(ready)
        , m_progress(progress)
    { }

    void reset(size_t events)
    {
        if (m_events.size() < events)
            m_events.resize(events);
        m_count = 0;
    }

    RawTraceEvent* place() override { return m_count < m_events.size() ? &m_events[m_count] : nullptr; }

    void event(const RawTraceEvent& e) override
    {
        // A parser decodes each event where place() said (rawtraceevent.h).
        Q_ASSERT(&e == &m_events[m_count]);
        Q_UNUSED(e);
        m_ready->store(++m_count, std::memory_order_release);
        // Now and then, not each time: the calling thread waits only when it has caught up.
        if (m_count % 256 == 0)
            m_progress->notify_one();
    }

    const RawTraceEvent& at(size_t i) const { return m_events[i]; }

private:
    std::vector<RawTraceEvent> m_events;
    size_t m_count = 0;
    std::atomic<size_t>* m_ready;
    std::condition_variable* m_progress;
};

SplitEventParser::SplitEventParser(
    std::unique_ptr<TraceEventParser> front, std::unique_ptr<TraceEventParser> back, size_t minSplit)
    : m_front(std::move(front))
    , m_back(std::move(back))
    , m_minSplit(std::max<size_t>(minSplit, 2))
    , m_kept(std::make_unique<KeepingSink>(&m_ready, &m_progress))
{ }

SplitEventParser::~SplitEventParser()
{
    if (!m_helper.joinable())
        return;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_quit = true;
    }
    m_wake.notify_one();
    m_helper.join();
}

void SplitEventParser::helperLoop()
{
    std::unique_lock<std::mutex> lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [this] { return m_quit || m_hasJob; });
        if (m_quit)
            return;
        m_hasJob = false;
        lock.unlock();
        const Clock::time_point start = Clock::now();
        EventParseError error;
        const bool ok = m_back->parse(m_data, m_backRanges, m_fileOffset, m_kept.get(), &error);
        const double seconds = secondsSince(start);
        lock.lock();
        m_backOk = ok;
        m_backError = error;
        m_backSeconds = seconds;
        m_done = true;
        m_progress.notify_all();
    }
}

bool SplitEventParser::handOver(RawTraceEventSink* sink, size_t split, EventParseError* error)
{
    size_t handed = 0;
    double handing = 0;
    for (;;) {
        const size_t ready = m_ready.load(std::memory_order_acquire);
        if (handed < ready) {
            const Clock::time_point start = Clock::now();
            while (handed < ready)
                sink->event(m_kept->at(handed++));
            handing += secondsSince(start);
            continue;
        }
        std::unique_lock<std::mutex> lock(m_mutex);
        if (m_done && handed == m_ready.load(std::memory_order_acquire))
            break;
        m_progress.wait(lock, [&] { return m_done || m_ready.load(std::memory_order_acquire) > handed; });
    }
    if (!m_backOk) {
        *error = m_backError;
        error->range += split;
        return false;
    }
    if (handed > 0) {
        m_handRate = blend(m_handRate, handing / double(handed));
        m_backRate = blend(m_backRate, m_backSeconds / double(handed));
    }
    return true;
}

bool SplitEventParser::parse(char* data, const std::vector<EventRange>& ranges, qint64 fileOffset,
    RawTraceEventSink* sink, EventParseError* error)
{
    const size_t n = ranges.size();
    m_lastBackShare = 0;
    if (n < m_minSplit)
        return m_front->parse(data, ranges, fileOffset, sink, error);

    // The helper's share: the calling thread parses its part and then hands over the helper's
    // (at the cost of m_handRate an event), while the helper parses: both take as long when
    // share * back = (1 - share) * front + share * hand.
    double share = 0.5;
    if (m_frontRate > 0 && m_backRate > 0)
        share = m_frontRate / std::max(m_frontRate + m_backRate - m_handRate, m_frontRate * 1e-3);
    share = std::clamp(share, 0.1, 0.9);
    const size_t split = std::clamp<size_t>(size_t(double(n) * (1.0 - share)), 1, n - 1);
    m_lastBackShare = double(n - split) / double(n);

    // Parsers may blank the bytes between events. Those between the helper's events are blanked
    // here, before it starts: the calling thread's parser may read past its last event into
    // them (simdjson reads ahead), so no one may write them while both run.
    for (size_t k = split + 1; k < n; ++k) {
        const size_t gap = ranges[k - 1].offset + ranges[k - 1].length;
        std::memset(data + gap, ' ', ranges[k].offset - gap);
    }
    m_frontRanges.assign(ranges.begin(), ranges.begin() + qptrdiff(split));
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_backRanges.assign(ranges.begin() + qptrdiff(split), ranges.end());
        m_kept->reset(n - split);
        m_ready.store(0, std::memory_order_relaxed);
        m_data = data;
        m_fileOffset = fileOffset;
        m_done = false;
        m_hasJob = true;
    }
    if (!m_helper.joinable())
        m_helper = std::thread([this] { helperLoop(); });
    m_wake.notify_one();

    const Clock::time_point start = Clock::now();
    const bool frontOk = m_front->parse(data, m_frontRanges, fileOffset, sink, error);
    if (!frontOk) {
        // The first error is in the front part; the helper still reads the block: wait for it.
        std::unique_lock<std::mutex> lock(m_mutex);
        m_progress.wait(lock, [this] { return m_done; });
        return false;
    }
    m_frontRate = blend(m_frontRate, secondsSince(start) / double(split));
    return handOver(sink, split, error);
}

} // namespace Forkline
