// SPDX-License-Identifier: GPL-3.0-or-later
#include "processworkers.h"

#include "forkserver.h"
#include "platform.h"

#include <QTimer>

namespace Forkline {

ProcessWorkers::ProcessWorkers(ExitHandler onExit)
    : m_onExit(std::move(onExit))
    , m_server(ForkServer::connection())
    , m_ends(ForkServer::ends())
{
    m_thread.setObjectName(QStringLiteral("forkline-processes"));
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    m_thread.start();
    watchEnds();
}

ProcessWorkers::~ProcessWorkers()
{
    killAll();
    QMetaObject::invokeMethod(
        m_context, [this] { delete m_context; }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

qint64 ProcessWorkers::start(int worker, const QString& program, const QStringList& args, QString* error)
{
    // The server forks this very program: `program` is what a spawn would run.
    if (m_server >= 0)
        return forkWorker(worker, args, error);
    qint64 pid = 0;
    QMetaObject::invokeMethod(
        m_context,
        [&] {
            auto* p = new QProcess(m_context);
            // The child's printed text is the program's own output: it goes where ours goes.
            p->setProcessChannelMode(QProcess::ForwardedChannels);
            p->setInputChannelMode(QProcess::ForwardedInputChannel);
            p->start(program, args);
            if (!p->waitForStarted(10000)) {
                *error = p->errorString();
                delete p;
                return;
            }
            pid = p->processId();
            m_processes[worker] = p;
            QObject::connect(p, &QProcess::finished, m_context, [this, worker](int code, QProcess::ExitStatus status) {
                onFinished(worker, code, status == QProcess::CrashExit);
            });
        },
        Qt::BlockingQueuedConnection);
    return pid;
}

void ProcessWorkers::onFinished(int worker, int code, bool crashed)
{
    Exit e;
    e.worker = worker;
    e.code = code;
    e.crashed = crashed;
    // Asked to terminate or kill, but it had already ended by itself (its exit not yet seen
    // here): it was not signalled, and its own end mark stands. The signal (on Windows,
    // TerminateProcess) makes a crash exit.
    e.killed = m_killing[worker] && e.crashed;
    e.terminated = m_terminating[worker] && !m_killing[worker] && e.crashed;
    e.t = monotonicNs();
    if (m_onExit)
        m_onExit(e);
}

bool ProcessWorkers::running(int worker) const
{
    if (m_server >= 0) {
        const std::lock_guard<std::mutex> lock(m_forkedMutex);
        const auto it = m_forked.find(worker);
        return it != m_forked.end() && it->second.running;
    }
    const auto it = m_processes.find(worker);
    return it != m_processes.end() && it->second->state() != QProcess::NotRunning;
}

void ProcessWorkers::signal(int worker, bool kill)
{
    if (m_server >= 0) {
        signalForked(worker, kill);
        return;
    }
    QProcess* p = m_processes.at(worker);
#if defined(Q_OS_WIN)
    // No SIGTERM on Windows: terminate() kills too.
    kill = true;
#endif
    if (kill)
        p->kill();
    else
        p->terminate();
}

bool ProcessWorkers::waitFinished(int worker, int ms)
{
    if (m_server >= 0)
        return waitForked(worker, ms);
    return m_processes.at(worker)->waitForFinished(ms);
}

void ProcessWorkers::terminate(int worker, int graceMs)
{
    QMetaObject::invokeMethod(m_context, [this, worker, graceMs] {
        if (!running(worker))
            return;
        m_terminating[worker] = true;
        signal(worker, false);
#if !defined(Q_OS_WIN)
        QTimer::singleShot(graceMs, m_context, [this, worker] {
            if (running(worker))
                signal(worker, true);
        });
#else
        Q_UNUSED(graceMs);
#endif
    });
}

void ProcessWorkers::kill(int worker)
{
    QMetaObject::invokeMethod(m_context, [this, worker] {
        if (!running(worker))
            return;
        m_killing[worker] = true;
        signal(worker, true);
    });
}

void ProcessWorkers::terminateAndWait(const std::vector<int>& workers, int graceMs)
{
    QMetaObject::invokeMethod(
        m_context,
        [&] {
            std::vector<int> signalled;
            for (int w : workers) {
                if (!running(w))
                    continue;
                m_terminating[w] = true;
                signal(w, false);
                signalled.push_back(w);
            }
            for (int w : signalled) {
                if (!waitFinished(w, graceMs)) {
                    signal(w, true);
                    waitFinished(w, graceMs);
                }
            }
        },
        Qt::BlockingQueuedConnection);
}

void ProcessWorkers::killAll()
{
    if (!m_context)
        return;
    auto work = [this] {
        std::vector<int> workers;
        for (const auto& [worker, p] : m_processes)
            workers.push_back(worker);
        {
            const std::lock_guard<std::mutex> lock(m_forkedMutex);
            for (const auto& [worker, f] : m_forked)
                workers.push_back(worker);
        }
        for (int w : workers) {
            if (!running(w))
                continue;
            signal(w, true);
            waitFinished(w, 2000);
        }
    };
    if (QThread::currentThread() == &m_thread)
        work();
    else
        QMetaObject::invokeMethod(m_context, work, Qt::BlockingQueuedConnection);
}

} // namespace Forkline
