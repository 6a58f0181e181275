// SPDX-License-Identifier: GPL-3.0-or-later
#include "forkserver.h"

#include "platform.h"

#if !defined(Q_OS_WIN)
#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <map>
#include <poll.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>
extern char** environ;
#endif

namespace Forkline {

namespace {
int g_connection = -1;
int g_ends = -1;
qint64 g_forkedAt = 0;
} // namespace

int ForkServer::connection()
{
    return g_connection;
}

int ForkServer::ends()
{
    return g_ends;
}

qint64 ForkServer::forkedAt()
{
    return g_forkedAt;
}

bool ForkServer::spawnWanted()
{
#if defined(Q_OS_WIN)
    return true;
#else
    return qEnvironmentVariableIntValue("FORKLINE_SPAWN_WORKERS") != 0
        || qEnvironmentVariableIsSet("FORKLINE_WORKER_PROGRAM");
#endif
}

#if defined(Q_OS_WIN)

bool ForkServer::start(int*, char***)
{
    return false;
}

bool ForkServer::send(int, const Header&, const QByteArray&, const int*, int)
{
    return false;
}

bool ForkServer::receive(int, Header*, QByteArray*, int, bool* closed, int*, int*)
{
    if (closed)
        *closed = true;
    return false;
}

#else

bool ForkServer::send(int fd, const Header& header, const QByteArray& payload, const int* fds, int fdCount)
{
    Header h = header;
    h.size = quint32(payload.size());
    iovec iov[2];
    iov[0].iov_base = &h;
    iov[0].iov_len = sizeof h;
    iov[1].iov_base = const_cast<char*>(payload.constData());
    iov[1].iov_len = size_t(payload.size());
    msghdr msg;
    std::memset(&msg, 0, sizeof msg);
    msg.msg_iov = iov;
    msg.msg_iovlen = payload.isEmpty() ? 1 : 2;
    alignas(cmsghdr) char control[CMSG_SPACE(3 * sizeof(int))];
    if (fdCount > 0) {
        std::memset(control, 0, sizeof control);
        msg.msg_control = control;
        msg.msg_controllen = CMSG_SPACE(size_t(fdCount) * sizeof(int));
        cmsghdr* c = CMSG_FIRSTHDR(&msg);
        c->cmsg_level = SOL_SOCKET;
        c->cmsg_type = SCM_RIGHTS;
        c->cmsg_len = CMSG_LEN(size_t(fdCount) * sizeof(int));
        std::memcpy(CMSG_DATA(c), fds, size_t(fdCount) * sizeof(int));
    }
    // The descriptors travel with the first bytes; the rest of a long message may follow.
    size_t total = sizeof h + size_t(payload.size());
    size_t sent = 0;
    while (sent < total) {
        const ssize_t n = sendmsg(fd, &msg, 0);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        sent += size_t(n);
        msg.msg_control = nullptr;
        msg.msg_controllen = 0;
        size_t skip = size_t(n);
        while (skip > 0 && msg.msg_iovlen > 0) {
            const size_t take = std::min(skip, msg.msg_iov[0].iov_len);
            msg.msg_iov[0].iov_base = static_cast<char*>(msg.msg_iov[0].iov_base) + take;
            msg.msg_iov[0].iov_len -= take;
            skip -= take;
            if (msg.msg_iov[0].iov_len == 0) {
                ++msg.msg_iov;
                --msg.msg_iovlen;
            }
        }
    }
    return true;
}

namespace {

// Reads exactly `size` bytes (the first read also takes any descriptors that came along).
bool readAll(int fd, char* data, size_t size, int* fds, int* fdCount)
{
    size_t got = 0;
    while (got < size) {
        iovec iov { data + got, size - got };
        msghdr msg;
        std::memset(&msg, 0, sizeof msg);
        msg.msg_iov = &iov;
        msg.msg_iovlen = 1;
        alignas(cmsghdr) char control[CMSG_SPACE(3 * sizeof(int))];
        msg.msg_control = control;
        msg.msg_controllen = sizeof control;
        const ssize_t n = recvmsg(fd, &msg, 0);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        for (cmsghdr* c = CMSG_FIRSTHDR(&msg); c; c = CMSG_NXTHDR(&msg, c)) {
            if (c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS)
                continue;
            const int count = int((c->cmsg_len - CMSG_LEN(0)) / sizeof(int));
            int received[3];
            std::memcpy(received, CMSG_DATA(c), size_t(std::min(count, 3)) * sizeof(int));
            for (int i = 0; i < std::min(count, 3); ++i) {
                if (fds && fdCount && *fdCount < 3)
                    fds[(*fdCount)++] = received[i];
                else
                    close(received[i]);
            }
        }
        got += size_t(n);
    }
    return true;
}

void setCloseOnExec(int fd)
{
    fcntl(fd, F_SETFD, fcntl(fd, F_GETFD) | FD_CLOEXEC);
}

} // namespace

bool ForkServer::receive(
    int fd, Header* header, QByteArray* payload, int timeoutMs, bool* closed, int* fds, int* fdCount)
{
    if (closed)
        *closed = false;
    if (fdCount)
        *fdCount = 0;
    pollfd p { fd, POLLIN, 0 };
    int ready = 0;
    do
        ready = poll(&p, 1, timeoutMs);
    while (ready < 0 && errno == EINTR);
    if (ready <= 0)
        return false;
    if (!readAll(fd, reinterpret_cast<char*>(header), sizeof *header, fds, fdCount)) {
        if (closed)
            *closed = true;
        return false;
    }
    payload->resize(qsizetype(header->size));
    if (header->size > 0 && !readAll(fd, payload->data(), header->size, fds, fdCount)) {
        if (closed)
            *closed = true;
        return false;
    }
    return true;
}

namespace {

int g_childPipe[2] = { -1, -1 };

extern "C" void onChildEnded(int)
{
    const int saved = errno;
    const char c = 0;
    [[maybe_unused]] const ssize_t n = write(g_childPipe[1], &c, 1);
    errno = saved;
}

// Two sockets, each end close-on-exec; false if they could not be made.
bool makePair(int pair[2])
{
    if (socketpair(AF_UNIX, SOCK_STREAM, 0, pair) != 0)
        return false;
    setCloseOnExec(pair[0]);
    setCloseOnExec(pair[1]);
    return true;
}

struct Client
{
    pid_t pid = 0; // the process on the other end
    int ends = -1; // the socket its workers' ends go to
};

// The server's whole state: plain POSIX, one thread, no Qt event loop.
struct Server
{
    std::map<int, Client> clients; // by the socket of its requests
    std::map<pid_t, int> children; // forked worker -> the socket of the client that asked (-1: gone)
    int root = -1; // the runner's socket
    bool rootGone = false; // the runner exited or died
    std::vector<QByteArray> workerArgs; // filled in a forked worker

    // Reaps every child that ended and tells its client how.
    void reap()
    {
        int status = 0;
        pid_t pid = 0;
        while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
            const auto it = children.find(pid);
            if (it == children.end())
                continue;
            const auto client = clients.find(it->second);
            if (client != clients.end())
                ForkServer::send(client->second.ends, { ForkServer::Kind::Exited, 0, pid, status });
            children.erase(it);
        }
        leaveIfDone();
    }

    // A client went away. Its children live on, as they would after their parent's death
    // without a server. Once the runner has gone, the server leaves with its last child:
    // straight away when it has none (the runner's end is the run's), else when whatever
    // still runs of the run (an orphan, or a worker the collector is about to stop) ends.
    void dropClient(int fd)
    {
        close(fd);
        const auto it = clients.find(fd);
        if (it != clients.end()) {
            close(it->second.ends);
            clients.erase(it);
        }
        for (auto& [pid, client] : children) {
            if (client == fd)
                client = -1;
        }
        if (fd == root)
            rootGone = true;
        leaveIfDone();
    }

    void leaveIfDone() const
    {
        if (rootGone && children.empty())
            _exit(0);
    }

    // In the child: leave the server behind and become the worker the client asked for. The
    // request is read here rather than before the fork, which it would only delay.
    void becomeWorker(int socket, int ends, const QByteArray& payload, qint64 wantedArgs, const int* fds)
    {
        const QList<QByteArray> parts = payload.split('\0');
        std::vector<QByteArray> strings(parts.begin(), parts.end());
        if (!strings.empty())
            strings.pop_back(); // after the last terminator
        const int argCount = int(std::min<qint64>(wantedArgs, qint64(strings.size())));
        close(g_childPipe[0]);
        close(g_childPipe[1]);
        for (const auto& [fd, client] : clients) {
            close(fd);
            close(client.ends);
        }
        for (int i = 0; i < 3; ++i) {
            dup2(fds[i], i);
            close(fds[i]);
        }
        // The environment the client had when it asked, as a spawn would have passed it.
        static std::vector<QByteArray> env;
        static std::vector<char*> envp;
        env.assign(strings.begin() + argCount, strings.end());
        for (QByteArray& e : env)
            envp.push_back(e.data());
        envp.push_back(nullptr);
        environ = envp.data();
        workerArgs.assign(strings.begin(), strings.begin() + argCount);
        g_connection = socket;
        g_ends = ends;
    }

    // Returns true in the forked child.
    bool fork(int client, const ForkServer::Header& h, const QByteArray& payload, const int* fds, int fdCount)
    {
        int pair[2] = { -1, -1 };
        int ends[2] = { -1, -1 };
        pid_t pid = -1;
        int error = EMFILE;
        if (fdCount == 3 && makePair(pair) && makePair(ends)) {
            // The server ignores SIGTERM: one sent right after the fork (terminate() soon after
            // start()) must wait, blocked, until the child has its default action back.
            sigset_t all;
            sigset_t before;
            sigfillset(&all);
            sigprocmask(SIG_SETMASK, &all, &before);
            pid = ::fork();
            error = errno;
            if (pid == 0) {
                g_forkedAt = monotonicNs();
                for (int sig : { SIGCHLD, SIGINT, SIGTERM, SIGHUP, SIGPIPE })
                    std::signal(sig, SIG_DFL);
                sigprocmask(SIG_SETMASK, &before, nullptr);
                close(pair[0]);
                close(ends[0]);
                setParentPidOverride(clients[client].pid);
                becomeWorker(pair[1], ends[1], payload, h.b, fds);
                return true;
            }
            sigprocmask(SIG_SETMASK, &before, nullptr);
        }
        for (int fd : { pair[1], ends[1] }) {
            if (fd >= 0)
                close(fd);
        }
        if (pid <= 0) {
            for (int fd : { pair[0], ends[0] }) {
                if (fd >= 0)
                    close(fd);
            }
        }
        for (int i = 0; i < fdCount; ++i)
            close(fds[i]);
        if (pid > 0) {
            clients[pair[0]] = { pid, ends[0] };
            children[pid] = client;
        }
        ForkServer::send(client, { ForkServer::Kind::Started, 0, h.a, pid > 0 ? qint64(pid) : -qint64(error) });
        return false;
    }

    // One message from a client; returns true in a forked child.
    bool serveClient(int fd)
    {
        ForkServer::Header h;
        QByteArray payload;
        int fds[3];
        int fdCount = 0;
        bool closed = false;
        if (!ForkServer::receive(fd, &h, &payload, -1, &closed, fds, &fdCount)) {
            for (int i = 0; i < fdCount; ++i)
                close(fds[i]);
            if (closed)
                dropClient(fd);
            return false;
        }
        if (h.kind == ForkServer::Kind::Fork)
            return fork(fd, h, payload, fds, fdCount);
        for (int i = 0; i < fdCount; ++i)
            close(fds[i]);
        // Only a child not yet reaped: its pid cannot have gone to another process.
        if (h.kind == ForkServer::Kind::Signal && children.count(pid_t(h.a)))
            kill(pid_t(h.a), int(h.b));
        return false;
    }

    // Returns only in a forked worker.
    void run()
    {
        for (;;) {
            std::vector<pollfd> polled { { g_childPipe[0], POLLIN, 0 } };
            for (const auto& [fd, client] : clients)
                polled.push_back({ fd, POLLIN, 0 });
            if (poll(polled.data(), nfds_t(polled.size()), -1) < 0)
                continue; // EINTR: SIGCHLD
            if (polled[0].revents) {
                char drain[64];
                while (read(g_childPipe[0], drain, sizeof drain) > 0) { }
            }
            reap();
            for (size_t i = 1; i < polled.size(); ++i) {
                if (polled[i].revents && serveClient(polled[i].fd))
                    return;
            }
        }
    }
};

// Runs the server in the process just forked from the runner; returns the worker's argv in
// a process the server forked.
std::vector<QByteArray> serve(int root, int rootEnds, pid_t runner)
{
    // Signals for the run (Ctrl+C, SIGTERM to the group, a closed terminal) are the runner's
    // to handle: the server goes when the runner does, after its children.
    for (int sig : { SIGINT, SIGTERM, SIGHUP, SIGPIPE })
        std::signal(sig, SIG_IGN);
    // Its own standard streams are the runner's, which a reader may wait to see closed: it
    // passes each worker the client's instead, and keeps none.
    const int null = open("/dev/null", O_RDWR);
    for (int i = 0; i < 3 && null >= 0; ++i)
        dup2(null, i);
    if (null > 2)
        close(null);
    if (pipe(g_childPipe) != 0)
        _exit(1);
    for (int fd : g_childPipe) {
        setCloseOnExec(fd);
        fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
    }
    struct sigaction sa;
    std::memset(&sa, 0, sizeof sa);
    sa.sa_handler = onChildEnded;
    sa.sa_flags = SA_NOCLDSTOP;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGCHLD, &sa, nullptr);
    Server server;
    server.root = root;
    server.clients[root] = { runner, rootEnds };
    server.run();
    return server.workerArgs;
}

} // namespace

bool ForkServer::start(int* argc, char*** argv)
{
    if (spawnWanted())
        return false;
    int pair[2];
    int ends[2];
    if (!makePair(pair))
        return false;
    if (!makePair(ends)) {
        close(pair[0]);
        close(pair[1]);
        return false;
    }
    const pid_t runner = getpid();
    const pid_t pid = fork();
    if (pid != 0) {
        close(pair[1]);
        close(ends[1]);
        if (pid > 0) {
            g_connection = pair[0];
            g_ends = ends[0];
        } else {
            close(pair[0]); // no server: workers are spawned
            close(ends[0]);
        }
        return false;
    }
    close(pair[0]);
    close(ends[0]);
    static std::vector<QByteArray> args;
    static std::vector<char*> argvStorage;
    args = serve(pair[1], ends[1], runner);
    argvStorage.push_back((*argv)[0]);
    for (QByteArray& a : args)
        argvStorage.push_back(a.data());
    argvStorage.push_back(nullptr);
    *argc = int(argvStorage.size()) - 1;
    *argv = argvStorage.data();
    return true;
}

#endif

} // namespace Forkline
