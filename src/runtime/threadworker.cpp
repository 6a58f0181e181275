// SPDX-License-Identifier: GPL-3.0-or-later
#include "threadworker.h"

#include "processhost.h"

#include <QAbstractEventDispatcher>

namespace Forkline {

namespace {
// A worker thread runs scenario steps, never an event loop. Without a dispatcher of its
// own QThread would build a full one (a glib context, wake-up descriptors) before run(),
// which is most of a thread's start-up time.
class NoEventLoop : public QAbstractEventDispatcher
{
public:
    bool processEvents(QEventLoop::ProcessEventsFlags) override { return false; }
    void registerSocketNotifier(QSocketNotifier*) override { }
    void unregisterSocketNotifier(QSocketNotifier*) override { }
    void registerTimer(int, qint64, Qt::TimerType, QObject*) override { }
    bool unregisterTimer(int) override { return false; }
    bool unregisterTimers(QObject*) override { return false; }
    QList<TimerInfo> registeredTimers(QObject*) const override { return {}; }
    int remainingTime(int) override { return -1; }
    void wakeUp() override { }
    void interrupt() override { }
};
} // namespace

ThreadWorker::ThreadWorker(ProcessHost* host, int workerIndex)
    : m_host(host)
    , m_worker(workerIndex)
{
    setEventDispatcher(new NoEventLoop);
}

void ThreadWorker::run()
{
    m_host->runWorker(m_worker);
}

} // namespace Forkline
