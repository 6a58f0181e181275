// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QtGlobal>

namespace Forkline {

// A small single-threaded process that starts the run's process workers by fork(), as
// Python's `forkserver` start method does: a worker then runs code that is already loaded
// instead of loading a fresh copy of the program (a few ms rather than tens).
//
// The runner starts it first thing, before any thread or QCoreApplication exists, since only
// a process with one thread can fork safely. The server speaks plain POSIX over a Unix
// socket: a client (the runner, or a worker the server forked, each with a socket of its
// own) asks for a worker with its arguments, environment and standard streams (passed as
// file descriptors); the server forks, and the child returns from start() with the worker's
// argv in place of the runner's, to run the worker code path. Workers are the server's
// children: it reaps them and tells the client that asked how each ended (the raw wait
// status, so a signal reads as one), and sends signals for the client (so that a worker can
// tell Process.terminate(), which comes from its parent, from a SIGTERM to the whole group).
// The server ends when the runner's socket has closed (the runner exited or died, however it
// did) and it has no child left: at once after a run, or as soon as the collector has
// stopped what is left of a run whose runner died.
//
// Windows cannot fork: there, and when FORKLINE_SPAWN_WORKERS=1 asks for it, workers are
// spawned as a fresh copy of the program (ProcessWorkers with QProcess).
class ForkServer
{
public:
    // Messages on the socket: a fixed header, then `size` bytes.
    enum class Kind : quint32 {
        Fork = 1, // a = request id, b = number of arguments; payload: arguments then environment
        Signal = 2, // a = pid, b = signal
        Started = 3, // a = request id, b = pid, or -errno when the fork failed
        Exited = 4, // a = pid, b = wait status
    };
    struct Header
    {
        Kind kind = Kind::Fork;
        quint32 size = 0;
        qint64 a = 0;
        qint64 b = 0;
    };

    // Starts the server unless spawning is asked for or cannot be had. Returns false in the
    // runner (with connection() set), and true in every worker the server forks (with *argc
    // and *argv replaced by the worker's and connection() set to the worker's own socket).
    static bool start(int* argc, char*** argv);
    // The socket of requests to the server (Fork, answered by Started; Signal), or -1 when
    // there is none (spawn workers instead).
    static int connection();
    // The socket the server sends the ends of this process's workers on (Exited), apart from
    // the requests so that one thread can wait for ends while another asks for a worker.
    static int ends();
    // In a worker the server forked: the moment fork() returned in it, its first moment as a
    // process (the end of its fork arrow, as for a bare fork()). 0 elsewhere.
    static qint64 forkedAt();
    // Whether workers are spawned instead: Windows, FORKLINE_SPAWN_WORKERS=1, or
    // FORKLINE_WORKER_PROGRAM (another program than this one must be started by exec).
    static bool spawnWanted();

    // One message, with up to three file descriptors; false when the socket is gone.
    static bool send(
        int fd, const Header& header, const QByteArray& payload = {}, const int* fds = nullptr, int fdCount = 0);
    // Waits up to timeoutMs (-1: for ever) for a message; false on timeout or when the socket
    // is gone (*closed then true). Descriptors that came with it land in fds (up to three).
    static bool receive(int fd, Header* header, QByteArray* payload, int timeoutMs, bool* closed = nullptr,
        int* fds = nullptr, int* fdCount = nullptr);
};

} // namespace Forkline
