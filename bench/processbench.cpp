// SPDX-License-Identifier: GPL-3.0-or-later
// Process workers against the cheapest start of a child that runs code already loaded (a bare
// fork() of this process whose child reports its first moment and exits; on Windows, which
// cannot fork, a spawn of the same binary), and Terminate against a bare SIGTERM + waitpid.
#include "benchutil.h"

#include "collector.h"
#include "platform.h"

#include <QEventLoop>
#include <QFile>
#include <QTemporaryDir>
#include <QTimer>

#if !defined(Q_OS_WIN)
#include <csignal>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
extern char** environ;
#endif

using namespace ForklineBench;

namespace {

constexpr int kProcesses = 30;
constexpr int kTerminations = 15;

#if !defined(Q_OS_WIN)
// Spawns `argv` with stdout on a pipe; returns the pid, fills *readFd.
pid_t spawnWithPipe(const std::vector<QByteArray>& args, int* readFd)
{
    int fds[2];
    if (pipe(fds) != 0)
        return -1;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, fds[0]);
    std::vector<char*> argv;
    for (const QByteArray& a : args)
        argv.push_back(const_cast<char*>(a.constData()));
    argv.push_back(nullptr);
    pid_t pid = -1;
    if (posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ) != 0)
        pid = -1;
    posix_spawn_file_actions_destroy(&actions);
    close(fds[1]);
    *readFd = fds[0];
    return pid;
}

// fork() of this process: the child takes the clock first thing, writes it on a pipe and
// leaves. What Python's `fork` start method costs at least; returns the latency in us, or -1.
double bareForkLatencyUs()
{
    int fds[2];
    if (pipe(fds) != 0)
        return -1;
    const qint64 before = Forkline::monotonicNs();
    const pid_t pid = fork();
    if (pid == 0) {
        const qint64 t = Forkline::monotonicNs();
        (void)!write(fds[1], &t, sizeof t);
        _exit(0);
    }
    close(fds[1]);
    qint64 t = 0;
    const ssize_t n = pid > 0 ? read(fds[0], &t, sizeof t) : -1;
    close(fds[0]);
    if (pid > 0)
        waitpid(pid, nullptr, 0);
    return n == ssize_t(sizeof t) ? double(t - before) / 1000.0 : -1;
}
#endif

std::vector<Result> processStartLatency()
{
    QByteArray json = "{\"main\": [";
    for (int i = 0; i < kProcesses; ++i)
        json += QStringLiteral("{\"start\": \"p%1\"}, {\"join\": \"p%1\"},").arg(i).toUtf8();
    json += "{\"print\": \"done\"}], \"workers\": [";
    for (int i = 0; i < kProcesses; ++i)
        json += QStringLiteral("%1{\"name\": \"p%2\", \"kind\": \"process\", \"steps\": []}")
                    .arg(i ? QStringLiteral(",") : QString())
                    .arg(i)
                    .toUtf8();
    json += "]}";
    std::vector<double> ours;
    std::vector<double> bare;
    std::vector<double> spawned;
    for (int round = 0; round < 2; ++round) {
        const Forkline::TraceModel model = runScenarioJson(json);
        for (const Forkline::Flow& f : model.flows()) {
            if (f.kind == Forkline::FlowKind::Fork && f.complete())
                ours.push_back(double(f.toT - f.fromT) / 1000.0);
        }
#if !defined(Q_OS_WIN)
        const QByteArray program = forklineProgram().toLocal8Bit();
        for (int i = 0; i < kProcesses; ++i) {
            const double us = bareForkLatencyUs();
            if (us >= 0)
                bare.push_back(us);
            // A fresh executable, for reference: what process workers cost when spawned
            // (FORKLINE_SPAWN_WORKERS=1, Windows).
            int fd = -1;
            const qint64 before = Forkline::monotonicNs();
            const pid_t pid = spawnWithPipe({ program, QByteArrayLiteral("--fl-probe-start") }, &fd);
            if (pid < 0)
                continue;
            char buf[64] = {};
            const ssize_t n = read(fd, buf, sizeof buf - 1);
            close(fd);
            waitpid(pid, nullptr, 0);
            if (n > 0)
                spawned.push_back(double(QByteArray(buf, int(n)).trimmed().toLongLong() - before) / 1000.0);
        }
#else
        // Windows cannot fork: the cheapest start there is a spawn of the same binary, which
        // is what process workers do there too. Not measured by this bench yet.
#endif
    }
    Result r;
    r.bench = QStringLiteral("process_start_latency_us");
    r.unit = QStringLiteral("us");
    r.value = median(ours);
    if (!bare.empty())
        r.baseline = median(bare);
    r.extra = { { QStringLiteral("p99"), percentile(ours, 0.99) },
        { QStringLiteral("baseline_p99"), percentile(bare, 0.99) },
        { QStringLiteral("spawn_baseline_us"), spawned.empty() ? 0.0 : median(spawned) },
        { QStringLiteral("samples"), double(ours.size()) } };
    return { r };
}

std::vector<Result> terminateLatency()
{
    const QByteArray json = R"({"main": [{"start": "victim"}, {"join": "victim"}],
        "workers": [{"name": "victim", "kind": "process", "steps": [{"print": "up"}, {"sleep": 60}]}]})";
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("terminate.json"));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(json);
    f.close();
    std::vector<double> ours;
    for (int i = 0; i < kTerminations; ++i) {
        Forkline::Collector collector;
        Forkline::Collector::Launch launch;
        launch.scenario = path;
        launch.program = forklineProgram();
        QEventLoop loop;
        qint64 askedAt = -1;
        QObject::connect(&collector, &Forkline::Collector::printed, &loop, [&](int, const QString& text) {
            if (text == QLatin1String("up") && askedAt < 0) {
                askedAt = collector.elapsed();
                collector.terminateWorker(QStringLiteral("victim"));
            }
        });
        QObject::connect(&collector, &Forkline::Collector::finished, &loop, &QEventLoop::quit);
        QString error;
        if (!collector.start(launch, &error))
            return {};
        loop.exec();
        const Forkline::TraceModel& m = collector.model();
        for (const Forkline::Lane& l : m.lanes()) {
            for (const Forkline::Instant& in : l.instants) {
                if (in.kind == Forkline::InstantKind::Terminated && askedAt >= 0)
                    ours.push_back(double(in.t - askedAt) / 1e6);
            }
        }
    }
    std::vector<double> bare;
#if !defined(Q_OS_WIN)
    for (int i = 0; i < kTerminations; ++i) {
        int fd = -1;
        const pid_t pid = spawnWithPipe({ QByteArrayLiteral("/bin/sleep"), QByteArrayLiteral("60") }, &fd);
        if (pid < 0)
            break;
        close(fd);
        usleep(20000);
        const qint64 before = Forkline::monotonicNs();
        kill(pid, SIGTERM);
        waitpid(pid, nullptr, 0);
        bare.push_back(double(Forkline::monotonicNs() - before) / 1e6);
    }
#endif
    Result r;
    r.bench = QStringLiteral("terminate_latency_ms");
    r.unit = QStringLiteral("ms");
    r.value = median(ours);
    if (!bare.empty())
        r.baseline = median(bare);
    r.extra = { { QStringLiteral("p99"), percentile(ours, 0.99) }, { QStringLiteral("samples"), double(ours.size()) } };
    return { r };
}

const Registrar a(QStringLiteral("process_start_latency_us"), processStartLatency);
const Registrar b(QStringLiteral("terminate_latency_ms"), terminateLatency);

} // namespace
