// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>
#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace Forkline {

// Named buffers of one process, for the memory lesson: threads share them; a process
// worker that touches a buffer its parent made gets its own copy, page by page, which is
// what the OS does (copy-on-write after fork, or a fresh copy with the spawn method).
class MemoryBlocks
{
public:
    ~MemoryBlocks();
    bool alloc(const QString& name, qint64 mib); // false: out of memory
    // Writes every page; creates the buffer (of `mibIfMissing`) when this process has none.
    bool touch(const QString& name, qint64 mibIfMissing);
    bool free(const QString& name);

private:
    mutable std::mutex m_mutex;
    QHash<QString, std::pair<char*, qint64>> m_blocks;
};

// Samples the process's resident memory and reports it as a counter while the process
// runs: every `periodMs`, when it changed by half a MiB or more, and at least once a second.
class MemorySampler
{
public:
    using Report = std::function<void(qint64 t, double mib)>;
    MemorySampler(Report report, int periodMs = 20);
    ~MemorySampler();
    void stop();

private:
    void loop();
    Report m_report;
    int m_period;
    std::mutex m_mutex;
    std::condition_variable m_cv;
    bool m_stop = false;
    std::thread m_thread;
};

} // namespace Forkline
