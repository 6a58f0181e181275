// SPDX-License-Identifier: GPL-3.0-or-later
#include "memoryblocks.h"

#include "platform.h"

#include <chrono>
#include <cstdlib>
#include <cstring>

namespace Forkline {

namespace {
constexpr qint64 kMiB = 1024 * 1024;
constexpr qint64 kPage = 4096;

void writePages(char* p, qint64 bytes)
{
    for (qint64 off = 0; off < bytes; off += kPage)
        p[off] = char(off >> 12);
}
} // namespace

MemoryBlocks::~MemoryBlocks()
{
    for (auto& b : m_blocks)
        std::free(b.first);
}

bool MemoryBlocks::alloc(const QString& name, qint64 mib)
{
    char* p = static_cast<char*>(std::malloc(size_t(mib * kMiB)));
    if (!p)
        return false;
    writePages(p, mib * kMiB);
    std::lock_guard<std::mutex> lock(m_mutex);
    if (m_blocks.contains(name))
        std::free(m_blocks.value(name).first);
    m_blocks.insert(name, { p, mib });
    return true;
}

bool MemoryBlocks::touch(const QString& name, qint64 mibIfMissing)
{
    std::unique_lock<std::mutex> lock(m_mutex);
    auto it = m_blocks.find(name);
    if (it == m_blocks.end()) {
        lock.unlock();
        return mibIfMissing > 0 && alloc(name, mibIfMissing);
    }
    writePages(it->first, it->second * kMiB);
    return true;
}

bool MemoryBlocks::free(const QString& name)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    auto it = m_blocks.find(name);
    if (it == m_blocks.end())
        return false;
    std::free(it->first);
    m_blocks.erase(it);
    return true;
}

MemorySampler::MemorySampler(Report report, int periodMs)
    : m_report(std::move(report))
    , m_period(periodMs)
    , m_thread([this] { loop(); })
{ }

MemorySampler::~MemorySampler()
{
    stop();
}

void MemorySampler::stop()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        if (m_stop)
            return;
        m_stop = true;
    }
    m_cv.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void MemorySampler::loop()
{
    double last = -1;
    qint64 lastT = 0;
    std::unique_lock<std::mutex> lock(m_mutex);
    while (!m_stop) {
        const qint64 rss = residentBytes();
        const qint64 now = monotonicNs();
        const double mib = double(rss) / double(kMiB);
        if (rss > 0 && (last < 0 || std::abs(mib - last) >= 0.5 || now - lastT >= 1000000000LL)) {
            lock.unlock();
            m_report(now, mib);
            lock.lock();
            last = mib;
            lastT = now;
        }
        m_cv.wait_for(lock, std::chrono::milliseconds(m_period), [this] { return m_stop; });
    }
}

} // namespace Forkline
