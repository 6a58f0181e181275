// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>

namespace Forkline {

// The named locks (threading.Lock) of one process. A released lock goes straight to the
// thread that has waited longest, and the release -> acquire hand-over gets a flow id so
// the timeline can draw it.
class LockTable
{
public:
    enum class Result { Acquired, Aborted };
    // `handoffFlow` receives the id of the arrow from the releaser (0 when nobody held it).
    Result acquire(const QString& name, qint64 tid, const std::function<void()>& onWait, qint64* handoffFlow);
    // False when the lock is not held (Python: RuntimeError: release unlocked lock).
    // When a waiter takes it over, *handedOver is set and `flowId` becomes the arrow's id.
    bool release(const QString& name, qint64 flowId, bool* handedOver);
    void abort();

private:
    struct Lock
    {
        qint64 owner = 0;
        std::deque<qint64> waiters;
        qint64 handoffTo = 0;
        qint64 handoffFlow = 0;
    };
    std::mutex m_mutex;
    std::condition_variable m_cv;
    QHash<QString, Lock> m_locks;
    bool m_aborted = false;
};

} // namespace Forkline
