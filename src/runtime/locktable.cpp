// SPDX-License-Identifier: GPL-3.0-or-later
#include "locktable.h"

namespace Forkline {

void LockTable::declareSemaphore(const QString& name, qint64 value)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    Lock& l = m_locks[name];
    l.kind = Kind::Semaphore;
    l.depth = value;
}

void LockTable::declareReentrant(const QString& name)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    m_locks[name].kind = Kind::Reentrant;
}

bool LockTable::tryAcquire(const QString& name, qint64 tid, quint64* generation, Release* last)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    Lock& l = m_locks[name];
    *generation = l.releases;
    *last = {};
    if (m_aborted)
        return false;
    switch (l.kind) {
    case Kind::Semaphore:
        if (l.depth == 0)
            return false;
        --l.depth;
        break;
    case Kind::Reentrant:
        if (l.owner != 0 && l.owner != tid)
            return false;
        if (l.owner == tid) {
            ++l.depth;
            return true; // taken again by its owner: no hand-over to draw
        }
        l.owner = tid;
        l.depth = 1;
        break;
    case Kind::Lock:
        if (l.owner != 0)
            return false;
        l.owner = tid;
        break;
    }
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

void LockTable::released(Lock& l, qint64 tid, qint64 t, qint64 pid)
{
    ++l.releases;
    l.last = { tid, t, pid };
}

LockTable::Result LockTable::releaseChecked(const QString& name, qint64 tid, qint64 t, qint64 pid)
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        auto it = m_locks.find(name);
        if (it == m_locks.end())
            return Result::NotHeld;
        switch (it->kind) {
        case Kind::Semaphore:
            // Any thread may release a semaphore, as often as it likes (it is not bounded).
            ++it->depth;
            break;
        case Kind::Reentrant:
            if (it->owner != tid)
                return Result::NotOwner;
            if (--it->depth > 0)
                return Result::Released;
            it->owner = 0;
            break;
        case Kind::Lock:
            // Any thread may release a threading.Lock, not only its owner, as in Python.
            if (it->owner == 0)
                return Result::NotHeld;
            it->owner = 0;
            break;
        }
        released(*it, tid, t, pid);
    }
    m_cv.notify_all();
    return Result::Released;
}

qint64 LockTable::owner(const QString& name) const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    const auto it = m_locks.constFind(name);
    return it == m_locks.constEnd() ? 0 : it->owner;
}

bool LockTable::isOwned(const QString& name, qint64 tid) const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    const auto it = m_locks.constFind(name);
    if (it == m_locks.constEnd())
        return false;
    return it->kind == Kind::Reentrant ? it->owner == tid : it->owner != 0;
}

qint64 LockTable::releaseAll(const QString& name, qint64 tid, qint64 t)
{
    qint64 depth = 1;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        Lock& l = m_locks[name];
        if (l.kind == Kind::Reentrant)
            depth = l.depth;
        l.owner = 0;
        l.depth = 0;
        released(l, tid, t);
    }
    m_cv.notify_all();
    return depth;
}

void LockTable::restoreDepth(const QString& name, qint64 depth)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    Lock& l = m_locks[name];
    if (l.kind == Kind::Reentrant)
        l.depth = depth;
}

qint64 LockTable::value(const QString& name) const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    const auto it = m_locks.constFind(name);
    return it == m_locks.constEnd() || it->kind != Kind::Semaphore ? 0 : it->depth;
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
