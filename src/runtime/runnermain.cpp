// SPDX-License-Identifier: GPL-3.0-or-later
#include "runnermain.h"

#include "eventchannel.h"
#include "forkserver.h"
#include "platform.h"
#include "processhost.h"
#include "translations.h"

#include <QCoreApplication>
#include <QStringList>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#if !defined(Q_OS_WIN)
#include <unistd.h>
#endif

namespace Forkline {

bool isProbeInvocation(int argc, char** argv)
{
    return argc == 2 && std::strcmp(argv[1], "--fl-probe-start") == 0;
}

void probeMain()
{
    const qint64 t = monotonicNs();
    std::printf("%lld\n", static_cast<long long>(t));
    std::fflush(stdout);
    std::_Exit(0);
}

bool isRunnerInvocation(int argc, char** argv)
{
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--fl-runner") == 0 || std::strcmp(argv[i], "--fl-worker") == 0)
            return true;
    }
    return false;
}

namespace {
bool isRunnerArgument(int argc, char** argv)
{
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--fl-runner") == 0)
            return true;
    }
    return false;
}

#if !defined(Q_OS_WIN)
// SIGTERM from the parent is Process.terminate(): the process dies of it, as a Python child
// does. (A worker forked by the fork server has the server for parent, which sends the
// signal for the process that started the worker.) SIGTERM from anyone else (`timeout`, which signals the whole process
// group; a service manager) and SIGHUP (the terminal went away) are for the run as a whole: the collector got them too
// and stops every process in order, as for Ctrl+C, so that the trace is written and the lanes end `aborted` rather than
// dying one by one.
extern "C" void onOutsideSignal(int sig, siginfo_t* info, void*)
{
    if (sig == SIGTERM && info && info->si_pid == getppid()) {
        std::signal(SIGTERM, SIG_DFL);
        std::raise(SIGTERM); // delivered as the handler returns: the process ends by SIGTERM
    }
}

void leaveRunSignalsToTheCollector()
{
    struct sigaction sa;
    std::memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = onOutsideSignal;
    sa.sa_flags = SA_SIGINFO | SA_RESTART;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGTERM, &sa, nullptr);
    sigaction(SIGHUP, &sa, nullptr);
}
#endif

[[noreturn]] void die(const QString& message, int code)
{
    const QByteArray line = (message + QLatin1Char('\n')).toUtf8();
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    std::fflush(stderr);
    std::_Exit(code);
}

bool parseIds(const QString& text, qint64* pid, qint64* tid)
{
    const QStringList parts = text.split(QLatin1Char(':'));
    if (parts.size() != 2)
        return false;
    bool ok1 = false;
    bool ok2 = false;
    *pid = parts[0].toLongLong(&ok1);
    *tid = parts[1].toLongLong(&ok2);
    return ok1 && ok2;
}
} // namespace

// Over 80 lines on purpose: a runner's or worker's whole start-up, argument by argument and
// step by step in the order the process needs them (signals, arguments, scenario, channel,
// host).
void runnerMain(int argc, char** argv)
{
    // A process worker's first moment, before any start-up work: the end of its fork arrow.
    qint64 startedAt = monotonicNs();
    // The runner starts the fork server while it is still one thread with no Qt state; a
    // worker the server forks comes back here with its own arguments and goes on as a
    // spawned worker would (forkserver.h). Its first moment is fork()'s return in it.
    if (isRunnerArgument(argc, argv) && ForkServer::start(&argc, &argv))
        startedAt = ForkServer::forkedAt();
#if !defined(Q_OS_WIN)
    // Ctrl+C in a terminal reaches the whole process group: the collector turns it into an
    // orderly abort, so the scenario processes ignore it themselves.
    std::signal(SIGINT, SIG_IGN);
    // A reader of the printed text that goes away (`| head -1`) must not end the run: a write
    // fails with EPIPE instead, and the text goes on to the trace only (ProcessHost::print).
    // Qt ignores SIGPIPE too, but only once it first writes to a socket: too late for a print
    // that comes first.
    std::signal(SIGPIPE, SIG_IGN);
    leaveRunSignalsToTheCollector();
#endif
    QCoreApplication app(argc, argv);
    installTranslators(); // a worker's failure reaches the user in their language
    const QStringList args = app.arguments();
    QString channelName;
    QString scenarioName;
    ProcessHost::Config config;
    RunOptions options;
    for (int i = 1; i < args.size(); ++i) {
        const QString& a = args[i];
        const QString next = i + 1 < args.size() ? args[i + 1] : QString();
        if (a == QLatin1String("--fl-runner")) {
            continue;
        } else if (a == QLatin1String("--fl-worker")) {
            config.rootWorker = next;
            ++i;
        } else if (a == QLatin1String("--fl-channel")) {
            channelName = next;
            ++i;
        } else if (a == QLatin1String("--scenario")) {
            scenarioName = next;
            ++i;
        } else if (a == QLatin1String("--time-scale")) {
            options.timeScale = next.toDouble();
            ++i;
        } else if (a == QLatin1String("--daemon")) {
            const qsizetype eq = next.indexOf(QLatin1Char('='));
            options.daemon.insert(next.left(eq), next.mid(eq + 1) == QLatin1String("on"));
            ++i;
        } else if (a == QLatin1String("--work-scale")) {
            options.workScale = next.toDouble();
            ++i;
        } else if (a == QLatin1String("--gil")) {
            options.gil = next == QLatin1String("on") ? 1 : 0;
            ++i;
        } else if (a == QLatin1String("--switch-interval")) {
            options.switchInterval = next.toDouble();
            ++i;
        } else if (a == QLatin1String("--fl-queues")) {
            config.queueServer = next;
            ++i;
        } else if (a == QLatin1String("--join-flow")) {
            config.joinFlowId = next.toLongLong();
            ++i;
        } else if (a == QLatin1String("--fork-flow")) {
            config.forkFlowId = next.toLongLong();
            ++i;
        } else if (a == QLatin1String("--fl-stdin-closed")) {
            config.stdinClosed = true;
        } else if (a == QLatin1String("--parent")) {
            if (!parseIds(next, &config.parentPid, &config.parentTid))
                die(QStringLiteral("forkline: bad --parent %1").arg(next), 2);
            ++i;
        }
    }
    if (channelName.isEmpty() || scenarioName.isEmpty())
        die(QStringLiteral("forkline: runner mode needs --fl-channel and --scenario"), 2);

    // The scenario comes from the collector, never from the disk: the run executes the bytes
    // that were checked when it started, whatever happens to the file meanwhile.
    EventChannel channel;
    QString reason;
    QByteArray scenarioData;
    if (!channel.open(channelName, &reason, &scenarioData)) {
        die(QStringLiteral("forkline: cannot reach the event channel: %1").arg(reason),
            config.rootWorker.isEmpty() ? 1 : ProcessHost::kChannelLostCode);
    }
    ScenarioError error;
    if (!loadScenarioData(scenarioName, scenarioData, &config.scenario, &error)
        || !applyRunOptions(&config.scenario, options, &error))
        die(error.toString(), 2);
    if (!config.rootWorker.isEmpty() && config.scenario.workerIndex(config.rootWorker) < 0)
        die(QStringLiteral("forkline: unknown worker %1").arg(config.rootWorker), 2);
    config.scenarioArg = scenarioName;
    config.options = options;
    config.channelName = channelName;
    config.stdinClosed = config.stdinClosed || standardInputWasClosed();
    // FORKLINE_WORKER_PROGRAM replaces the program of process workers (to show, and
    // test, what a worker that cannot start looks like).
    config.program = qEnvironmentVariableIsSet("FORKLINE_WORKER_PROGRAM")
        ? qEnvironmentVariable("FORKLINE_WORKER_PROGRAM")
        : QCoreApplication::applicationFilePath();
    config.startedAt = startedAt;

    ProcessHost host(std::move(config), &channel);
    const int code = host.run();
    channel.flush();
    std::fflush(stdout);
    std::fflush(stderr);
    // Daemon threads may still be running: leave without destroying them, as Python does.
    std::_Exit(code);
}

} // namespace Forkline
