// SPDX-License-Identifier: GPL-3.0-or-later
// Process workers: starting the child, seeing it end, terminating it (a step, or the GUI's
// button through a control line).
#include "processhost.h"

#include "platform.h"
#include "processhost_p.h"
#include "processworkers.h"
#include "queuebroker.h"

#include <csignal>
#include <cstdio>
#include <optional>

namespace Forkline {

using namespace ProcessHostPrivate;

bool ProcessHost::startProcess(Flow& flow, int index)
{
    const WorkerSpec& spec = m_config.scenario.workers[size_t(index)];
    WorkerState& ws = m_workers[size_t(index)];
    {
        std::lock_guard<std::mutex> lock(m_processesMutex);
        if (!m_processes) {
            m_processes = std::make_unique<ProcessWorkers>([this](const ProcessWorkers::Exit& e) { onProcessExit(e); });
        }
    }
    QStringList args { QStringLiteral("--fl-worker"), spec.name, QStringLiteral("--fl-channel"), m_config.channelName,
        QStringLiteral("--scenario"), m_config.scenarioArg, QStringLiteral("--time-scale"),
        QString::number(m_config.options.timeScale, 'g', 17), QStringLiteral("--work-scale"),
        QString::number(m_config.options.workScale, 'g', 17), QStringLiteral("--gil"),
        m_config.scenario.gil ? QStringLiteral("on") : QStringLiteral("off"), QStringLiteral("--switch-interval"),
        QString::number(m_config.scenario.switchInterval, 'g', 17), QStringLiteral("--fork-flow"),
        QString::number(ws.forkFlow), QStringLiteral("--join-flow"), QString::number(ws.joinFlow),
        QStringLiteral("--parent"), QStringLiteral("%1:%2").arg(flow.pid).arg(flow.tid) };
    for (auto it = m_config.options.daemon.constBegin(); it != m_config.options.daemon.constEnd(); ++it)
        args << QStringLiteral("--daemon") << it.key() + (it.value() ? QLatin1String("=on") : QLatin1String("=off"));
    if (m_config.stdinClosed)
        args << QStringLiteral("--fl-stdin-closed");
    const QString queues = m_broker ? m_broker->serverName() : m_config.queueServer;
    if (!queues.isEmpty())
        args << QStringLiteral("--fl-queues") << queues;

    // The fork mark is sent once the child exists: sending it first would put the channel's
    // work between start() and the child's first moment.
    const qint64 forkT = monotonicNs();
    QString error;
    const qint64 pid = m_processes->start(index, m_config.program, args, &error);
    emitInstant(flow, InstantKind::Fork, spec.name, 0, forkT);
    if (!pid) {
        // No process, so no lane of its own: a stand-in lane shows why.
        const qint64 fakePid = -qint64(index + 1);
        ChannelEvent lane = childLane(flow, index, fakePid, fakePid, monotonicNs());
        emitEvent(lane);
        ChannelEvent failed = instantEvent(fakePid, fakePid, InstantKind::Failed, lane.t);
        failed.text = tr("could not start: %1").arg(error);
        emitEvent(failed);
        const QByteArray line
            = (tr("Process %1 could not start: %2").arg(spec.name, error) + QLatin1Char('\n')).toUtf8();
        std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
        std::fflush(stderr);
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            ws.phase = WorkerState::Ended;
        }
        m_wake.notify_all();
        return true; // the run goes on
    }
    // The child's lane exists from now, named and under its parent, whether or not the child
    // lives long enough to report it (a terminate() soon after start() can end it before it
    // has said anything). tid 0 stands for its main thread until the child names it.
    emitEvent(childLane(flow, index, pid, 0, forkT));
    emitFlow(flow, ws.forkFlow, FlowKind::Fork, true, forkT);
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        ws.pid = pid;
        ws.forkT = forkT;
    }
    return true;
}

ChannelEvent ProcessHost::childLane(const Flow& parent, int index, qint64 pid, qint64 tid, qint64 t) const
{
    ChannelEvent lane = workerLane(index, pid, tid, t);
    lane.processLane = true;
    lane.ppid = m_pid;
    lane.parentPid = parent.pid;
    lane.parentTid = parent.tid;
    return lane;
}

void ProcessHost::onProcessExit(const ProcessWorkers::Exit& e)
{
    // What it told the runner's wait graph of its own waits is over.
    qint64 exited = 0;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        exited = m_workers[size_t(e.worker)].pid;
    }
    if (exited)
        dropForwardedWaitsOf(exited);
    // The child reports its own normal end; a signal, terminate() or kill() is seen only here.
    // tid 0 stands for the child's main thread, whose id only the child knows. The trace keeps
    // the signal's number; Python's exitcode is its negative.
    std::optional<InstantKind> kind;
    if (e.killed)
        kind = InstantKind::Killed;
    else if (e.terminated)
        kind = InstantKind::Terminated;
    else if (e.crashed)
        kind = InstantKind::Crashed;
    bool killedAtExit = false;
    qint64 pid = 0;
    qint64 signalFlow = 0;
    qint64 joinFlow = 0;
    qint64 forkT = 0;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        WorkerState& ws = m_workers[size_t(e.worker)];
        killedAtExit = ws.killedAtExit;
        pid = ws.pid;
        signalFlow = ws.signalFlow;
        joinFlow = ws.joinFlow;
        forkT = ws.forkT;
        ws.exited = true;
        ws.exitCode = e.crashed ? -e.code : e.code;
        ws.phase = WorkerState::Ended;
    }
    checkFeedersOf(e.worker);
    if (!e.crashed && e.code == kChannelLostCode) {
        // It said why on stderr; its lane, made here at its start, says so too.
        ++m_lostWorkers;
        ChannelEvent failed = instantEvent(pid, 0, InstantKind::Failed, e.t);
        failed.text = tr("could not reach the collector: its events are missing");
        emitEvent(failed);
    }
    if (kind && !killedAtExit) {
        // The process ran from its start: when it died before reporting anything, this is the
        // only state its lane has (the collector keeps the child's own, later, states over it),
        // and the arrows below have a slice to leave from in any trace reader.
        emitEvent(stateEvent(pid, 0, State::Running, forkT));
        emitEvent(instantEvent(pid, 0, *kind, e.t, e.code));
    }
    if (kind) {
        // A process that a signal ended never reports its own end: its arrows to the caller
        // of terminate()/kill() and to whoever joins it start here.
        Flow child;
        child.pid = pid;
        child.tid = 0;
        if (signalFlow)
            emitFlow(child, signalFlow, FlowKind::Signal, false, e.t);
        emitFlow(child, joinFlow, FlowKind::Join, true, e.t);
    }
    m_wake.notify_all();
}

bool ProcessHost::terminateWorker(Flow& flow, const Step& step)
{
    const int index = m_config.scenario.workerIndex(step.target);
    const bool kill = step.kind == Step::Kind::Kill;
    qint64 arrow = 0;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        WorkerState& ws = m_workers[size_t(index)];
        if (ws.phase == WorkerState::Idle) {
            // Python: terminating a process that was never started fails.
            failFlow(flow,
                tr("AttributeError: cannot terminate a process that was never started (%1)").arg(workerName(index)));
            return false;
        }
        if (ws.phase == WorkerState::Ended || !ws.pid)
            return true; // already gone: terminate() does nothing, as in Python
        if (!ws.signalFlow)
            ws.signalFlow = arrow = newFlowId();
    }
    // The caller's lane shows where it sent the signal, with an arrow to the end it causes.
    const qint64 t = monotonicNs();
    constexpr int kSigKill = 9; // the same number on every system (Windows has no name for it)
    emitInstant(flow, InstantKind::Signal, step.target, kill ? kSigKill : SIGTERM, t);
    if (arrow)
        emitFlow(flow, arrow, FlowKind::Signal, true, t);
    // Like Process.terminate() and kill(): send the signal and go on without waiting.
    if (kill)
        m_processes->kill(index);
    else
        m_processes->terminate(index);
    return true;
}

void ProcessHost::control(const QByteArray& line)
{
    const int space = line.indexOf(' ');
    const QByteArray command = space < 0 ? line : line.left(space);
    const QString arg = space < 0 ? QString() : QString::fromUtf8(line.mid(space + 1));
    if (command == "abort") {
        abortRun();
    } else if (command == "terminate" || command == "stop") {
        const int index = m_config.scenario.workerIndex(arg);
        if (index < 0)
            return;
        bool terminate = false;
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            WorkerState& ws = m_workers[size_t(index)];
            if (ws.phase != WorkerState::Running)
                return; // not ours, or over: another process of the run may own it
            if (ws.isProcess)
                terminate = ws.pid != 0;
            else
                ws.stopRequested = true;
        }
        if (terminate)
            m_processes->terminate(index);
    }
}

} // namespace Forkline
