// SPDX-License-Identifier: GPL-3.0-or-later
#include "traceblockreader.h"

#include <algorithm>
#include <cstring>

namespace Forkline {

namespace {

// Read in blocks this big: large enough that simdjson runs at full speed, small enough that
// memory stays near the size of the model.
constexpr size_t kBlock = size_t(4) << 20;
// A file known to be smaller gets a buffer its size (but at least this): a 2 KB trace need not
// clear 4 MB, a thousand times over when a test or a fuzzer opens one trace after another.
constexpr size_t kMinBlock = size_t(64) << 10;

} // namespace

TraceBlockReader::TraceBlockReader(ReadFn read, std::function<QString()> readError, std::function<qint64()> position,
    qint64 expectedSize, qint64 maxFileSize, bool ahead)
    : m_read(std::move(read))
    , m_readError(std::move(readError))
    , m_position(std::move(position))
    , m_expectedSize(expectedSize)
    , m_maxFileSize(maxFileSize)
    , m_ahead(ahead)
{ }

TraceBlockReader::~TraceBlockReader()
{
    if (!m_thread.joinable())
        return;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_quit = true;
    }
    m_changed.notify_all();
    m_thread.join();
}

void TraceBlockReader::produce(Slot& slot, const Slot* previous)
{
    Block& b = slot.block;
    std::vector<EventRange> ranges = std::move(b.ranges); // its capacity stays
    ranges.clear();
    b = Block();
    b.ranges = std::move(ranges);
    slot.more = false;
    const size_t block = m_expectedSize > 0
        ? size_t(std::clamp<qint64>(m_expectedSize - m_total, qint64(kMinBlock), qint64(kBlock)))
        : kBlock;
    // The start of an event the previous block cut off comes first. Its bytes lie after that
    // block's last range, where no parser writes, so they are copied while that block is parsed.
    const size_t carry = previous ? previous->used - previous->keep : 0;
    // Grows past one block only for an event larger than a block.
    if (slot.buffer.size() < carry + block + kEventParserPadding)
        slot.buffer.resize(carry + block + kEventParserPadding);
    slot.used = carry;
    if (previous) {
        std::memcpy(slot.buffer.data(), previous->buffer.data() + previous->keep, carry);
        b.offset = previous->block.offset + qint64(previous->keep);
        m_framer.shift(previous->keep);
    }
    b.data = slot.buffer.data();
    const qint64 n = m_read(b.data + slot.used, qint64(block));
    if (n < 0) {
        b.readFailed = true;
        b.readError = m_readError();
        return;
    }
    m_total += n;
    if (m_total > m_maxFileSize) { // a pipe or a file that grew: no size to check beforehand
        b.tooLarge = true;
        return;
    }
    b.bytes = n;
    b.position = m_position ? m_position() : m_total;
    slot.more = n > 0 && (m_expectedSize <= 0 || m_total < m_expectedSize);
    slot.used += size_t(n);
    std::memset(b.data + slot.used, 0, kEventParserPadding);
    b.status = n == 0 ? m_framer.finish() : m_framer.scan(b.data, slot.used, &b.ranges);
    if (b.status == TraceEventFramer::Status::Error) {
        b.errorPos = m_framer.errorPos();
        b.errorText = m_framer.errorText();
    }
    slot.keep = m_framer.keepFrom();
}

void TraceBlockReader::run(int first, const Slot* previous)
{
    for (int i = first;; i ^= 1) {
        Slot& slot = m_slots[i];
        {
            std::unique_lock<std::mutex> lock(m_mutex);
            m_changed.wait(lock, [&] { return m_quit || slot.state == State::Free; });
            if (m_quit)
                return;
        }
        produce(slot, previous);
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            slot.state = State::Ready;
        }
        m_changed.notify_all();
        if (slot.block.last())
            return;
        previous = &slot;
    }
}

const TraceBlockReader::Block& TraceBlockReader::next()
{
    Slot& slot = m_slots[m_next];
    // The first block is read here: a file that fits in one costs no thread.
    if (m_ahead && m_taken && m_taken->more && !m_thread.joinable())
        m_thread = std::thread([this, first = m_next, previous = m_taken] { run(first, previous); });
    if (!m_thread.joinable()) {
        produce(slot, m_taken);
        slot.state = State::Taken;
        m_taken = &slot;
        m_next ^= 1;
        return slot.block;
    }
    std::unique_lock<std::mutex> lock(m_mutex);
    if (m_taken) {
        m_taken->state = State::Free;
        m_changed.notify_all();
    }
    m_changed.wait(lock, [&] { return slot.state == State::Ready; });
    slot.state = State::Taken;
    m_taken = &slot;
    m_next ^= 1;
    return slot.block;
}

} // namespace Forkline
