// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "rawtraceevent.h"

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

namespace Forkline {

// Parses the events of a block on two threads, with the result one parser gives: the same
// events handed to the sink in the same order, and the same first error.
//
// The calling thread parses the first part of the block and hands each event to the sink at
// once. A helper thread parses the rest into events it keeps; the calling thread then hands
// those over, in order, as they become ready. Where the split falls follows the times of the
// blocks before it, so that both threads finish together. Blocks of fewer than `minSplit`
// events are parsed on the calling thread alone.
class SplitEventParser : public TraceEventParser
{
public:
    // Two parsers of the same kind: `front` runs on the calling thread, `back` on the helper.
    SplitEventParser(
        std::unique_ptr<TraceEventParser> front, std::unique_ptr<TraceEventParser> back, size_t minSplit = 4096);
    ~SplitEventParser() override;

    bool parse(char* data, const std::vector<EventRange>& ranges, qint64 fileOffset, RawTraceEventSink* sink,
        EventParseError* error) override;

    // The share of the last block the helper parsed (0 when it was not split): for tests.
    double lastBackShare() const { return m_lastBackShare; }

private:
    class KeepingSink;
    void helperLoop();
    // Hands the kept events to the sink as the helper finishes them; false with *error when
    // the helper found a malformed one.
    bool handOver(RawTraceEventSink* sink, size_t split, EventParseError* error);

    std::unique_ptr<TraceEventParser> m_front;
    std::unique_ptr<TraceEventParser> m_back;
    const size_t m_minSplit;
    std::unique_ptr<KeepingSink> m_kept;

    // The helper's job and its outcome, under m_mutex (m_ready is also read without it).
    std::mutex m_mutex;
    std::condition_variable m_wake; // the helper: a job or the end
    std::condition_variable m_progress; // the calling thread: more events ready, or done
    std::thread m_helper;
    bool m_quit = false;
    bool m_hasJob = false;
    bool m_done = false;
    bool m_backOk = true;
    char* m_data = nullptr;
    qint64 m_fileOffset = 0;
    std::vector<EventRange> m_frontRanges;
    std::vector<EventRange> m_backRanges;
    EventParseError m_backError;
    std::atomic<size_t> m_ready { 0 }; // kept events complete so far
    double m_backSeconds = 0;

    // Seconds per event, learnt from the blocks so far (0: not yet known).
    double m_frontRate = 0; // parsing and handing over at once
    double m_backRate = 0; // parsing on the helper
    double m_handRate = 0; // handing over a kept event
    double m_lastBackShare = 0;
};

} // namespace Forkline
