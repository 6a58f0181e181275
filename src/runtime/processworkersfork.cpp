// SPDX-License-Identifier: GPL-3.0-or-later
// Process workers forked by the fork server (forkserver.h): the request, the ends the server
// reports, and the signals it sends for us. A request is made on the thread that starts the
// worker; ends are read, and signals asked for, on ProcessWorkers' thread.
#include "processworkers.h"

#include "forkserver.h"

#include <QDeadlineTimer>
#include <QSocketNotifier>
#include <cstring>

#if !defined(Q_OS_WIN)
#include <csignal>
#include <sys/wait.h>
extern char** environ;
#endif

namespace Forkline {

#if defined(Q_OS_WIN)

void ProcessWorkers::watchEnds()
{ }

qint64 ProcessWorkers::forkWorker(int, const QStringList&, QString*)
{
    return 0;
}

void ProcessWorkers::takeEarlyExit(qint64)
{ }

bool ProcessWorkers::readServer(int)
{
    return false;
}

void ProcessWorkers::onServerExit(qint64, int)
{ }

void ProcessWorkers::signalForked(int, bool)
{ }

bool ProcessWorkers::waitForked(int, int)
{
    return true;
}

#else

void ProcessWorkers::watchEnds()
{
    if (m_ends < 0)
        return;
    // Queued to m_thread, where the notifier lives; an end that comes before it is made
    // waits in the socket.
    QMetaObject::invokeMethod(m_context, [this] {
        m_serverNotifier = new QSocketNotifier(qintptr(m_ends), QSocketNotifier::Read, m_context);
        QObject::connect(m_serverNotifier, &QSocketNotifier::activated, m_context, [this] {
            while (readServer(0)) { }
        });
    });
}

qint64 ProcessWorkers::forkWorker(int worker, const QStringList& args, QString* error)
{
    // The arguments, then the environment as it is now (a spawn would pass the same), each
    // ending in a NUL; our standard streams go along, as a spawned worker would inherit them.
    QByteArray payload;
    for (const QString& a : args)
        payload += a.toLocal8Bit() + '\0';
    for (char** e = environ; *e; ++e)
        payload.append(*e, qsizetype(std::strlen(*e) + 1));
    const int streams[3] = { 0, 1, 2 };
    qint64 pid = 0;
    {
        // Only answers come on this socket (ends have their own), one request at a time.
        const std::lock_guard<std::mutex> lock(m_serverMutex);
        const qint64 request = m_nextRequest++;
        if (!ForkServer::send(
                m_server, { ForkServer::Kind::Fork, 0, request, qint64(args.size()) }, payload, streams, 3)) {
            *error = tr("the fork server has gone");
            return 0;
        }
        const QDeadlineTimer deadline(10000);
        while (pid == 0) {
            ForkServer::Header h;
            QByteArray reply;
            bool closed = false;
            if (!ForkServer::receive(m_server, &h, &reply, int(deadline.remainingTime()), &closed)) {
                *error = closed ? tr("the fork server has gone") : tr("the fork server did not answer");
                return 0;
            }
            if (h.kind != ForkServer::Kind::Started || h.a != request)
                continue;
            if (h.b <= 0) {
                *error = QString::fromLocal8Bit(std::strerror(int(-h.b)));
                return 0;
            }
            pid = h.b;
        }
    }
    const std::lock_guard<std::mutex> lock(m_forkedMutex);
    m_forked[worker] = { pid, true };
    m_workerOfPid[pid] = worker;
    if (m_earlyExits.count(pid))
        QMetaObject::invokeMethod(m_context, [this, pid] { takeEarlyExit(pid); });
    return pid;
}

void ProcessWorkers::takeEarlyExit(qint64 pid)
{
    int status = 0;
    {
        const std::lock_guard<std::mutex> lock(m_forkedMutex);
        const auto it = m_earlyExits.find(pid);
        if (it == m_earlyExits.end())
            return;
        status = it->second;
        m_earlyExits.erase(it);
    }
    onServerExit(pid, status);
}

bool ProcessWorkers::readServer(int timeoutMs)
{
    ForkServer::Header h;
    QByteArray payload;
    bool closed = false;
    if (!ForkServer::receive(m_ends, &h, &payload, timeoutMs, &closed)) {
        // The server died (killed with the rest of the run): nothing more will come.
        if (closed && m_serverNotifier)
            m_serverNotifier->setEnabled(false);
        return false;
    }
    if (h.kind == ForkServer::Kind::Exited)
        onServerExit(h.a, int(h.b));
    return true;
}

void ProcessWorkers::onServerExit(qint64 pid, int status)
{
    int worker = -1;
    {
        const std::lock_guard<std::mutex> lock(m_forkedMutex);
        const auto it = m_workerOfPid.find(pid);
        if (it == m_workerOfPid.end()) {
            // Ended before forkWorker(), on another thread, has taken the answer in.
            m_earlyExits[pid] = status;
            return;
        }
        worker = it->second;
        m_workerOfPid.erase(it);
        m_forked[worker].running = false;
    }
    // The numbers QProcess gives: the exit code, or the signal for a crash.
    const bool crashed = WIFSIGNALED(status);
    onFinished(worker, crashed ? WTERMSIG(status) : WEXITSTATUS(status), crashed);
}

void ProcessWorkers::signalForked(int worker, bool kill)
{
    // The server signals its child: the worker sees its parent's signal (Process.terminate()),
    // and a pid the server has reaped is never signalled.
    qint64 pid = 0;
    {
        const std::lock_guard<std::mutex> lock(m_forkedMutex);
        pid = m_forked[worker].pid;
    }
    const std::lock_guard<std::mutex> lock(m_serverMutex);
    ForkServer::send(m_server, { ForkServer::Kind::Signal, 0, pid, kill ? SIGKILL : SIGTERM });
}

bool ProcessWorkers::waitForked(int worker, int ms)
{
    const QDeadlineTimer deadline(ms);
    while (running(worker)) {
        if (deadline.hasExpired() || !readServer(int(deadline.remainingTime())))
            return !running(worker);
    }
    return true;
}

#endif

} // namespace Forkline
