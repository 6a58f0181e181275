// SPDX-License-Identifier: GPL-3.0-or-later
#include "locktable.h"

namespace Forkline {

bool LockTable::tryAcquire(const QString& name, qint64 tid, quint64* generation, Release* last)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    Lock& l = m_locks[name];
    *generation = l.releases;
    *last = {};
    if (m_aborted || l.owner != 0)
        return false;
    l.owner = tid;
    *last = l.last;
    return true;
}

bool LockTable::waitRelease(const QString& name, quint64 generation)
{
    std::unique_lock<std::mutex> lock(m_mutex);
    // Looked up again on every wake: other names may have been added meanwhile.
    m_cv.wait(lock, [&] { return m_aborted || m_locks[name].releases != generation; });
    return !m_aborted;
}

bool LockTable::release(const QString& name, qint64 tid, qint64 t)
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        auto it = m_locks.find(name);
        if (it == m_locks.end() || it->owner == 0)
            return false;
        // Any thread may release a threading.Lock, not only its owner, as in Python.
        it->owner = 0;
        ++it->releases;
        it->last = { tid, t };
    }
    m_cv.notify_all();
    return true;
}

void LockTable::abort()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_aborted = true;
    }
    m_cv.notify_all();
}

} // namespace Forkline
