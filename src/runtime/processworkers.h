// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QProcess>
#include <QStringList>
#include <QThread>
#include <functional>
#include <map>
#include <mutex>

class QSocketNotifier;

namespace Forkline {

// The process workers one scenario process starts. Where there is a fork server
// (forkserver.h), each is forked by it and its end comes on the server's socket of ends
// (processworkersfork.cpp); else (Windows, FORKLINE_SPAWN_WORKERS=1) each is a QProcess
// running a fresh copy of the program. Either needs an event loop, and the flows that start,
// terminate and join children are busy running steps, so the children live on a thread of
// their own; the calls below may come from any thread. A fork is asked for on the calling
// thread itself (a hop to that thread and back would add to every start what a thread's
// wake-up costs); the answer comes on the socket of requests, and ends on their own.
class ProcessWorkers : public QObject
{
    Q_OBJECT
public:
    struct Exit
    {
        int worker = -1;
        int code = 0; // exit code, or the signal for a crash
        bool crashed = false; // ended by a signal (or, on Windows, killed)
        bool terminated = false; // after terminate() was asked for
        bool killed = false; // after kill() was asked for
        qint64 t = 0; // when the exit was seen
    };
    using ExitHandler = std::function<void(const Exit&)>;

    explicit ProcessWorkers(ExitHandler onExit);
    ~ProcessWorkers() override;

    // Starts `program args` for `worker`; returns its pid, or 0 with the reason.
    qint64 start(int worker, const QString& program, const QStringList& args, QString* error);
    // SIGTERM now, SIGKILL after `graceMs` (Windows: kill at once, as there is no SIGTERM).
    void terminate(int worker, int graceMs = 2000);
    // SIGKILL now, like Process.kill() (Windows: the same kill as terminate()).
    void kill(int worker);
    // Ends every child still running (SIGKILL) and waits for them; used by abort.
    void killAll();
    // SIGTERM to the given workers, SIGKILL to whatever is left after graceMs, and waits.
    void terminateAndWait(const std::vector<int>& workers, int graceMs = 2000);

private:
    void onFinished(int worker, int code, bool crashed);
    // On m_thread, whichever way the workers start.
    bool running(int worker) const;
    void signal(int worker, bool kill);
    bool waitFinished(int worker, int ms);

    // The fork server's path (processworkersfork.cpp).
    struct Forked
    {
        qint64 pid = 0;
        bool running = false;
    };
    qint64 forkWorker(int worker, const QStringList& args, QString* error);
    // Reads ends as they come, on m_thread.
    void watchEnds();
    // Handles one message from the server, waiting up to timeoutMs; false if none came.
    bool readServer(int timeoutMs);
    void onServerExit(qint64 pid, int status);
    void signalForked(int worker, bool kill);
    bool waitForked(int worker, int ms);

    // Ends reported before forkWorker() has recorded the pid (the server can be that quick).
    void takeEarlyExit(qint64 pid);

    QThread m_thread;
    QObject* m_context = nullptr; // lives in m_thread; parent of the QProcess objects
    std::map<int, QProcess*> m_processes; // touched only on m_thread
    std::map<int, bool> m_terminating;
    std::map<int, bool> m_killing;
    ExitHandler m_onExit;
    int m_server = -1; // the fork server's socket of requests, or -1 to spawn
    int m_ends = -1; // its socket of ends, read on m_thread only
    std::mutex m_serverMutex; // one request and its answer at a time on m_server
    QSocketNotifier* m_serverNotifier = nullptr; // in m_thread, on m_ends
    mutable std::mutex m_forkedMutex; // the three below: forkWorker() runs on any thread
    std::map<int, Forked> m_forked;
    std::map<qint64, int> m_workerOfPid;
    std::map<qint64, int> m_earlyExits; // pid -> wait status
    qint64 m_nextRequest = 1;
};

} // namespace Forkline
