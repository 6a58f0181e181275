// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace Forkline {

// Tells the runner's wait graph (QueueBroker) of the waits a process worker's flows wait in
// their own process, a join, a lock of its threads, its exit, once each has lasted kAfterNs.
// The runner sees every queue and process lock wait already (they are served there); with
// these it also sees a cycle that runs through a process's own joins or locks and through
// another process. Waits that end sooner, most of them, are never sent: a lock taken in turn
// a thousand times costs nothing. A thread of its own scans the process's waits every
// kIntervalMs (ProcessHost) and sends what it posted, in the order it was posted, so that the
// end of a wait never overtakes its beginning.
class WaitForwarder
{
public:
    static constexpr qint64 kAfterNs = 100000000;
    static constexpr int kIntervalMs = 100;

    struct Message
    {
        bool begin = true; // false: the wait numbered `seq` is over
        qint64 tid = 0;
        qint64 seq = 0;
        QString who;
        QString why;
        QStringList waitsFor;
    };

    // `scan` runs on the forwarder's thread every kIntervalMs and posts what is to be sent.
    WaitForwarder(const QString& server, qint64 pid, std::function<void(WaitForwarder&)> scan);
    ~WaitForwarder();
    WaitForwarder(const WaitForwarder&) = delete;
    WaitForwarder& operator=(const WaitForwarder&) = delete;

    // From any thread; sent in this order.
    void post(Message message);

private:
    void run();

    QString m_server;
    qint64 m_pid = 0;
    std::function<void(WaitForwarder&)> m_scan;
    std::mutex m_mutex; // guards m_queue and m_stop; a leaf
    std::condition_variable m_wake;
    std::vector<Message> m_queue;
    bool m_stop = false;
    std::thread m_thread;
};

} // namespace Forkline
