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
class LockTable
{
public:
    // A release that a waiter may be let in by: the thread that released, and when.
    struct Release
    {
        qint64 tid = 0;
        qint64 t = 0;
    };

    // Takes the lock when it is free. Either way `*generation` tells which release was last
    // seen, for waitRelease(); on success `*last` is the release that freed it (tid 0: none).
    bool tryAcquire(const QString& name, qint64 tid, quint64* generation, Release* last);
    // Blocks until the lock has been released after `generation`. False when aborted.
    bool waitRelease(const QString& name, quint64 generation);
    // False when the lock is not held (Python: RuntimeError: release unlocked lock).
    // `t` is when it happened, for the arrow to whoever takes the lock next after waiting.
    bool release(const QString& name, qint64 tid, qint64 t);
    void abort();

private:
    struct Lock
    {
        qint64 owner = 0;
        quint64 releases = 0;
        Release last;
    };
    mutable std::mutex m_mutex;
    std::condition_variable m_cv;
    QHash<QString, Lock> m_locks;
    bool m_aborted = false;
};

} // namespace Forkline
