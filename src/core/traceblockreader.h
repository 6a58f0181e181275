// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "rawtraceevent.h"
#include "traceeventframer.h"

#include <QString>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace Forkline {

// The blocks of a trace file, read and framed (TraceEventFramer) in order. With `ahead`, a
// thread of its own reads and frames the next block while the caller parses this one (from the
// second block on); without, next() does it on the calling thread. The blocks are the same
// either way.
class TraceBlockReader
{
public:
    using ReadFn = std::function<qint64(char*, qint64)>; // bytes read, 0 at the end, -1 on error

    struct Block
    {
        char* data = nullptr; // the events' bytes, with kEventParserPadding bytes after the last
        std::vector<EventRange> ranges; // the events complete in this block (offsets into data)
        qint64 offset = 0; // file offset of data[0]
        qint64 bytes = 0; // bytes this block read; 0: the input ended before it
        qint64 position = 0; // how far the input is read (the compressed bytes of a gzip file)
        TraceEventFramer::Status status = TraceEventFramer::Status::More;
        size_t errorPos = 0; // the framer's, when status is Error (into data)
        QString errorText;
        bool readFailed = false; // then readError says why, and nothing else is set
        QString readError;
        bool tooLarge = false; // more than maxFileSize was read: nothing else is set
        // The last block: after it next() must not be called.
        bool last() const { return readFailed || tooLarge || bytes == 0 || status == TraceEventFramer::Status::Error; }
    };

    TraceBlockReader(ReadFn read, std::function<QString()> readError, std::function<qint64()> position,
        qint64 expectedSize, qint64 maxFileSize, bool ahead);
    ~TraceBlockReader();

    // The next block; valid until the next call. The caller may overwrite the bytes between two
    // of its ranges with blanks (parsers do), nothing else.
    const Block& next();

    // Whether a thread reads ahead (it starts at the second block of an input known not to end
    // with the first).
    bool readsAhead() const { return m_thread.joinable(); }

    // After the last block: what the framer counted.
    qint64 elements() const { return m_framer.elements(); }
    qint64 nonObjects() const { return m_framer.nonObjects(); }

private:
    enum class State { Free, Ready, Taken };
    struct Slot
    {
        std::vector<char> buffer;
        size_t used = 0;
        size_t keep = 0; // the framer's keepFrom() after this block: where the next one starts
        bool more = false; // the input is not known to end after it
        Block block;
        State state = State::Free;
    };

    // Reads and frames the block after `previous` (nullptr: the first) into `slot`.
    void produce(Slot& slot, const Slot* previous);
    // The reading thread: blocks into m_slots[first], then the other, and so on.
    void run(int first, const Slot* previous);

    const ReadFn m_read;
    const std::function<QString()> m_readError;
    const std::function<qint64()> m_position;
    const qint64 m_expectedSize;
    const qint64 m_maxFileSize;
    const bool m_ahead;
    TraceEventFramer m_framer; // the reading thread's only, until the last block is out
    qint64 m_total = 0;
    Slot m_slots[2];
    int m_next = 0; // the slot next() takes next
    Slot* m_taken = nullptr;

    std::mutex m_mutex;
    std::condition_variable m_changed;
    bool m_quit = false;
    std::thread m_thread;
};

} // namespace Forkline
