// SPDX-License-Identifier: GPL-3.0-or-later
// Process workers forked by the fork server (forkserver.h): the request, the ends the server
// reports, and the signals it sends for us. Everything here runs on ProcessWorkers' thread.
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

qint64 ProcessWorkers::forkWorker(int, const QStringList&, QString*)
{
    return 0;
}

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

qint64 ProcessWorkers::forkWorker(int worker, const QStringList& args, QString* error)
{
    if (!m_serverNotifier) {
        // Ends come whenever a worker ends; the notifier is this thread's, as m_context is.
        m_serverNotifier = new QSocketNotifier(qintptr(m_server), QSocketNotifier::Read, m_context);
        QObject::connect(m_serverNotifier, &QSocketNotifier::activated, m_context, [this] {
            while (readServer(0)) { }
        });
    }
    // The arguments, then the environment as it is now (a spawn would pass the same), each
    // ending in a NUL; our standard streams go along, as a spawned worker would inherit them.
    QByteArray payload;
    for (const QString& a : args)
        payload += a.toLocal8Bit() + '\0';
    for (char** e = environ; *e; ++e)
        payload.append(*e, qsizetype(std::strlen(*e) + 1));
    const qint64 request = m_nextRequest++;
    const int streams[3] = { 0, 1, 2 };
    if (!ForkServer::send(m_server, { ForkServer::Kind::Fork, 0, request, qint64(args.size()) }, payload, streams, 3)) {
        *error = tr("the fork server has gone");
        return 0;
    }
    const QDeadlineTimer deadline(10000);
    for (;;) {
        ForkServer::Header h;
        QByteArray reply;
        bool closed = false;
        if (!ForkServer::receive(m_server, &h, &reply, int(deadline.remainingTime()), &closed)) {
            *error = closed ? tr("the fork server has gone") : tr("the fork server did not answer");
            return 0;
        }
        if (h.kind == ForkServer::Kind::Exited) {
            // Another worker's end: seen after this call returns, as a QProcess's would be.
            QMetaObject::invokeMethod(
                m_context, [this, h] { onServerExit(h.a, int(h.b)); }, Qt::QueuedConnection);
            continue;
        }
        if (h.kind != ForkServer::Kind::Started || h.a != request)
            continue;
        if (h.b <= 0) {
            *error = QString::fromLocal8Bit(std::strerror(int(-h.b)));
            return 0;
        }
        m_forked[worker] = { h.b, true };
        m_workerOfPid[h.b] = worker;
        return h.b;
    }
}

bool ProcessWorkers::readServer(int timeoutMs)
{
    ForkServer::Header h;
    QByteArray payload;
    bool closed = false;
    if (!ForkServer::receive(m_server, &h, &payload, timeoutMs, &closed)) {
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
    const auto it = m_workerOfPid.find(pid);
    if (it == m_workerOfPid.end())
        return;
    const int worker = it->second;
    m_workerOfPid.erase(it);
    m_forked[worker].running = false;
    // The numbers QProcess gives: the exit code, or the signal for a crash.
    const bool crashed = WIFSIGNALED(status);
    onFinished(worker, crashed ? WTERMSIG(status) : WEXITSTATUS(status), crashed);
}

void ProcessWorkers::signalForked(int worker, bool kill)
{
    // The server signals its child: the worker sees its parent's signal (Process.terminate()),
    // and a pid the server has reaped is never signalled.
    ForkServer::send(m_server, { ForkServer::Kind::Signal, 0, m_forked[worker].pid, kill ? SIGKILL : SIGTERM });
}

bool ProcessWorkers::waitForked(int worker, int ms)
{
    const QDeadlineTimer deadline(ms);
    while (m_forked[worker].running) {
        if (deadline.hasExpired() || !readServer(int(deadline.remainingTime())))
            return !m_forked[worker].running;
    }
    return true;
}

#endif

} // namespace Forkline
