// SPDX-License-Identifier: GPL-3.0-or-later
#include "processworkers.h"

#include "platform.h"

#include <QTimer>

namespace Forkline {

ProcessWorkers::ProcessWorkers(ExitHandler onExit)
    : m_onExit(std::move(onExit))
{
    m_thread.setObjectName(QStringLiteral("forkline-processes"));
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    m_thread.start();
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
            QObject::connect(p, &QProcess::finished, m_context,
                [this, worker](int code, QProcess::ExitStatus status) { onFinished(worker, code, status); });
        },
        Qt::BlockingQueuedConnection);
    return pid;
}

void ProcessWorkers::onFinished(int worker, int code, QProcess::ExitStatus status)
{
    auto it = m_processes.find(worker);
    if (it == m_processes.end())
        return;
    Exit e;
    e.worker = worker;
    e.code = code;
    e.crashed = status == QProcess::CrashExit;
    e.killed = m_killing[worker];
    e.terminated = m_terminating[worker] && !e.killed;
    e.t = monotonicNs();
    if (m_onExit)
        m_onExit(e);
}

void ProcessWorkers::terminate(int worker, int graceMs)
{
    QMetaObject::invokeMethod(m_context, [this, worker, graceMs] {
        auto it = m_processes.find(worker);
        if (it == m_processes.end() || it->second->state() == QProcess::NotRunning)
            return;
        QProcess* p = it->second;
        m_terminating[worker] = true;
#if defined(Q_OS_WIN)
        Q_UNUSED(graceMs);
        p->kill();
#else
        p->terminate();
        QTimer::singleShot(graceMs, p, [p] {
            if (p->state() != QProcess::NotRunning)
                p->kill();
        });
#endif
    });
}

void ProcessWorkers::kill(int worker)
{
    QMetaObject::invokeMethod(m_context, [this, worker] {
        auto it = m_processes.find(worker);
        if (it == m_processes.end() || it->second->state() == QProcess::NotRunning)
            return;
        m_killing[worker] = true;
        it->second->kill();
    });
}

void ProcessWorkers::terminateAndWait(const std::vector<int>& workers, int graceMs)
{
    QMetaObject::invokeMethod(
        m_context,
        [&] {
            std::vector<QProcess*> running;
            for (int w : workers) {
                auto it = m_processes.find(w);
                if (it == m_processes.end() || it->second->state() == QProcess::NotRunning)
                    continue;
                m_terminating[w] = true;
#if defined(Q_OS_WIN)
                it->second->kill();
#else
                it->second->terminate();
#endif
                running.push_back(it->second);
            }
            for (QProcess* p : running) {
                if (!p->waitForFinished(graceMs)) {
                    p->kill();
                    p->waitForFinished(graceMs);
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
        for (auto& [worker, p] : m_processes) {
            if (p->state() == QProcess::NotRunning)
                continue;
            p->kill();
            p->waitForFinished(2000);
        }
    };
    if (QThread::currentThread() == &m_thread)
        work();
    else
        QMetaObject::invokeMethod(m_context, work, Qt::BlockingQueuedConnection);
}

} // namespace Forkline
