// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>
#include <condition_variable>
#include <mutex>

namespace Forkline {

// The named locks (threading.Lock) of one process. Like CPython's, they are not fair: a
// released lock is free for whoever asks first, the releasing thread included, and nobody
// is handed it. A waiter woken by a release tries again; the caller decides when (under the
// GIL it first takes the GIL back, as a Python thread must before its acquire() returns, so
// a releaser that loops straight back to acquire() keeps the lock, as in CPython).
//
// A name declared as a semaphore (threading.Semaphore(value)) lets `value` holders in at once
// and is owned by nobody; one declared reentrant (threading.RLock) may be taken again by its
// owner, and only the owner releases it, as often as it took it.
class LockTable
{
public:
    // A release that a waiter may be let in by: the thread that released, and when.
    struct Release
    {
        qint64 tid = 0;
        qint64 t = 0;
        qint64 pid = 0; // a multiprocessing.Lock released by another process; 0: this one
    };
    enum class Result { Released, NotHeld, NotOwner };

    void declareSemaphore(const QString& name, qint64 value);
    void declareReentrant(const QString& name);

    // Takes the lock when it is free. Either way `*generation` tells which release was last
    // seen, for waitRelease(); on success `*last` is the release that freed it (tid 0: none).
    bool tryAcquire(const QString& name, qint64 tid, quint64* generation, Release* last);
    // Blocks until the lock has been released after `generation`. False when aborted.
    bool waitRelease(const QString& name, quint64 generation);
    // False when the lock is not held (Python: RuntimeError: release unlocked lock).
    // `t` is when it happened, for the arrow to whoever takes the lock next after waiting.
    bool release(const QString& name, qint64 tid, qint64 t) { return releaseChecked(name, tid, t) == Result::Released; }
    Result releaseChecked(const QString& name, qint64 tid, qint64 t, qint64 pid = 0);
    void abort();
    // Who holds the lock now (0: nobody, or a semaphore), for the wait graph.
    qint64 owner(const QString& name) const;
    // Condition.wait() and notify() need the lock: an RLock held by `tid`, a Lock held at all.
    bool isOwned(const QString& name, qint64 tid) const;
    // Condition.wait(): lets go of the lock whatever its depth, and returns the depth to give
    // back to restoreDepth() once the lock is taken again.
    qint64 releaseAll(const QString& name, qint64 tid, qint64 t);
    void restoreDepth(const QString& name, qint64 depth);
    // A semaphore's value now (Semaphore._value).
    qint64 value(const QString& name) const;

private:
    enum class Kind { Lock, Semaphore, Reentrant };
    struct Lock
    {
        Kind kind = Kind::Lock;
        qint64 owner = 0;
        qint64 depth = 0; // RLock: times taken by its owner; semaphore: its value
        quint64 releases = 0;
        Release last;
    };
    void released(Lock& l, qint64 tid, qint64 t, qint64 pid = 0);
    mutable std::mutex m_mutex;
    std::condition_variable m_cv;
    QHash<QString, Lock> m_locks;
    bool m_aborted = false;
};

} // namespace Forkline
