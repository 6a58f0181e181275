// SPDX-License-Identifier: GPL-3.0-or-later
#include "waitforwarder.h"

#include "queuebroker.h"

#include <chrono>

namespace Forkline {

WaitForwarder::WaitForwarder(const QString& server, qint64 pid, std::function<void(WaitForwarder&)> scan)
    : m_server(server)
    , m_pid(pid)
    , m_scan(std::move(scan))
{
    m_thread = std::thread([this] { run(); });
}

WaitForwarder::~WaitForwarder()
{
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void WaitForwarder::post(Message message)
{
    const std::lock_guard<std::mutex> lock(m_mutex);
    m_queue.push_back(std::move(message));
}

void WaitForwarder::run()
{
    for (;;) {
        {
            std::unique_lock<std::mutex> lock(m_mutex);
            if (m_wake.wait_for(lock, std::chrono::milliseconds(kIntervalMs), [this] { return m_stop; }))
                return;
        }
        m_scan(*this);
        std::vector<Message> out;
        {
            const std::lock_guard<std::mutex> lock(m_mutex);
            out.swap(m_queue);
        }
        for (const Message& m : out) {
            // A runner that has gone cannot be told; the run is over then.
            QString error;
            if (m.begin)
                QueueClient::forwardWait(m_server, { m_pid, m.tid, m.who }, m.seq, m.why, m.waitsFor, &error);
            else
                QueueClient::forwardUnwait(m_server, m.tid, m.seq, &error);
        }
    }
}

} // namespace Forkline
