// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <unordered_map>

namespace Forkline {

// One process's simulated global interpreter lock. A compute step must hold it; the holder
// gives it up once its switch interval is over and another thread waits (CPython's forced
// switching: the lock goes straight to the waiter that has waited longest, so the holder
// cannot take it back at once). The interval is over once it has passed and the holder has
// also been on a CPU for that long: time the OS gave to other programs is not time the thread
// ran, so a busy machine does not change where a run's switches fall (CPython counts wall
// time; on a quiet machine the two agree).
class SimulatedGil
{
public:
    explicit SimulatedGil(qint64 switchIntervalNs);

    // Blocks until `tid` holds the lock. `onWait` runs (without the lock's mutex) when the
    // caller has to wait. Returns false when aborted.
    bool acquire(qint64 tid, const std::function<void()>& onWait);
    // acquire() in two halves: enqueue() takes the lock if it is free (true) or joins the
    // queue; waitTurn() then blocks until the queued thread holds it.
    bool enqueue(qint64 tid);
    bool waitTurn(qint64 tid);
    // The holder hands the lock to the longest waiter and queues up behind the others in
    // one step, so the thread it hands over to always finds it waiting. False when nobody
    // was waiting (the caller still holds the lock).
    bool handOver(qint64 tid);
    void release(qint64 tid);
    // True when `tid` holds the lock now.
    bool owns(qint64 tid) const;
    // The holder's switch interval starts again now: time it spent blocked on something
    // other than the lock is not time it ran.
    void restartSlice(qint64 tid);
    // Cheap enough to call between small chunks of work. Called by the holder: it reads the
    // holder's CPU time once the interval has passed by the clock.
    bool shouldYield() const;
    void abort();

    qint64 switchIntervalNs() const { return m_interval; }

private:
    void startSlice(); // by the thread that now holds the lock
    void wakeOwner(); // m_mutex held
    const qint64 m_interval;
    mutable std::mutex m_mutex;
    // Each thread blocked in waitTurn(), by tid, with what wakes it alone.
    std::unordered_map<qint64, std::condition_variable*> m_turns;
    qint64 m_owner = 0;
    std::deque<qint64> m_queue;
    bool m_aborted = false;
    std::atomic<int> m_waiting { 0 };
    std::atomic<qint64> m_sliceEnd { 0 };
    std::atomic<qint64> m_sliceCpuEnd { 0 }; // the holder's CPU time at which the slice is over
};

} // namespace Forkline
