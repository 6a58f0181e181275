// SPDX-License-Identifier: GPL-3.0-or-later
#include "processhost.h"

#include "eventchannel.h"
#include "memoryblocks.h"
#include "placeholders.h"
#include "platform.h"
#include "processworkers.h"
#include "queuebroker.h"
#include "simulatedgil.h"
#include "threadworker.h"

#include <QCoreApplication>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <string>
#include <thread>

#if defined(Q_OS_WIN)
#include <io.h>
#else
#include <unistd.h>
#endif

namespace Forkline {

namespace {
QString tr(const char* s)
{
    return QCoreApplication::translate("Forkline::ProcessHost", s);
}

bool stdinIsTerminal()
{
#if defined(Q_OS_WIN)
    return _isatty(_fileno(stdin));
#else
    return isatty(STDIN_FILENO);
#endif
}

void writeStdout(const QByteArray& bytes)
{
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

ChannelEvent instantEvent(qint64 pid, qint64 tid, InstantKind kind, qint64 t, qint32 code = 0)
{
    ChannelEvent ev;
    ev.type = ChannelEvent::Type::Instant;
    ev.t = t;
    ev.pid = pid;
    ev.tid = tid;
    ev.instant = kind;
    ev.code = code;
    return ev;
}
} // namespace

ProcessHost::ProcessHost(Config config, EventChannel* channel)
    : m_config(std::move(config))
    , m_channel(channel)
{
    m_workers.resize(m_config.scenario.workers.size());
    for (size_t i = 0; i < m_workers.size(); ++i)
        m_workers[i].isProcess = m_config.scenario.workers[i].kind == WorkerSpec::Kind::Process;
    m_pid = currentPid();
    m_channel->setControlHandler([this](const QByteArray& line) { control(line); });
    if (m_config.scenario.gil)
        m_gil = std::make_unique<SimulatedGil>(qint64(m_config.scenario.switchInterval * 1e9));
    for (const auto& kv : m_config.scenario.shared)
        m_shared[kv.first].store(kv.second);
    m_memory = std::make_unique<MemoryBlocks>();
    std::function<void(const std::vector<Step>&)> collectAllocs = [&](const std::vector<Step>& steps) {
        for (const Step& s : steps) {
            if (s.kind == Step::Kind::Alloc)
                m_allocSizes.insert(s.target, s.amount);
            collectAllocs(s.body);
        }
    };
    collectAllocs(m_config.scenario.main);
    for (const WorkerSpec& w : m_config.scenario.workers)
        collectAllocs(w.steps);
}

ProcessHost::~ProcessHost() = default;

qint64 ProcessHost::newFlowId()
{
    // Unique across the run's processes: the pid in the high bits, a counter below.
    return (m_pid << 24) | (++m_flowCounter & 0xFFFFFF);
}

QString ProcessHost::workerName(int index) const
{
    return index < 0 ? QStringLiteral("MainThread") : m_config.scenario.workers[size_t(index)].name;
}

bool ProcessHost::emitEvent(const ChannelEvent& ev)
{
    std::lock_guard<std::mutex> lock(m_emitMutex);
    if (m_dead)
        return false;
    m_channel->send(ev);
    return true;
}

void ProcessHost::emitState(const Flow& flow, State s, qint64 t)
{
    ChannelEvent ev;
    ev.type = ChannelEvent::Type::State;
    ev.t = t ? t : monotonicNs();
    ev.pid = flow.pid;
    ev.tid = flow.tid;
    ev.state = s;
    emitEvent(ev);
}

void ProcessHost::emitInstant(const Flow& flow, InstantKind kind, const QString& text, qint32 code, qint64 t)
{
    ChannelEvent ev = instantEvent(flow.pid, flow.tid, kind, t ? t : monotonicNs(), code);
    ev.text = text;
    emitEvent(ev);
}

void ProcessHost::emitFlow(const Flow& flow, qint64 id, FlowKind kind, bool start, qint64 t)
{
    ChannelEvent ev;
    ev.type = ChannelEvent::Type::Flow;
    ev.t = t ? t : monotonicNs();
    ev.pid = flow.pid;
    ev.tid = flow.tid;
    ev.flowId = id;
    ev.flow = kind;
    ev.flowStart = start;
    emitEvent(ev);
}

void ProcessHost::print(Flow& flow, const QString& text, PrintEnd end)
{
    ChannelEvent ev = instantEvent(flow.pid, flow.tid, InstantKind::Print, 0);
    ev.text = text;
    {
        std::lock_guard<std::mutex> lock(m_emitMutex);
        if (m_dead)
            return;
        // The text goes to the real stdout and the event to the channel under one lock, so
        // both streams keep the same order.
        ev.t = monotonicNs();
        writeStdout(end == PrintEnd::Line ? text.toUtf8() + '\n' : text.toUtf8());
        m_channel->send(ev);
    }
    // CPython lets go of the GIL while it writes: a thread waiting for it runs next.
    if (end == PrintEnd::Line)
        yieldGil(flow);
}

QString ProcessHost::expand(const Flow& flow, const QString& text) const
{
    return expandPlaceholders(text, [&](const QString& key) -> QString {
        if (key == QLatin1String("pid"))
            return QString::number(flow.pid);
        if (key == QLatin1String("tid"))
            return QString::number(flow.tid);
        if (key == QLatin1String("ppid"))
            return QString::number(parentPid());
        if (key == QLatin1String("name"))
            return workerName(flow.worker);
        if (flow.vars.contains(key))
            return flow.vars.value(key);
        auto shared = m_shared.find(key);
        return shared == m_shared.end() ? QString() : QString::number(shared->second.load());
    });
}

int ProcessHost::run()
{
    m_mainTid = currentTid();
    const qint64 started = m_config.startedAt ? m_config.startedAt : monotonicNs();
    const int rootIndex = m_config.rootWorker.isEmpty() ? -1 : m_config.scenario.workerIndex(m_config.rootWorker);
    Flow root;
    root.pid = m_pid;
    root.tid = m_mainTid;
    root.worker = rootIndex;

    ChannelEvent proc;
    proc.type = ChannelEvent::Type::Process;
    proc.t = started;
    proc.pid = m_pid;
    proc.tid = m_mainTid;
    proc.ppid = parentPid();
    proc.name = rootIndex < 0 ? m_config.scenario.name : workerName(rootIndex);
    emitEvent(proc);

    ChannelEvent lane;
    lane.type = ChannelEvent::Type::Lane;
    lane.t = started;
    lane.pid = m_pid;
    lane.tid = m_mainTid;
    lane.ppid = proc.ppid;
    lane.processLane = true;
    lane.name = workerName(rootIndex);
    if (rootIndex >= 0) {
        lane.label = m_config.scenario.workers[size_t(rootIndex)].label;
        lane.daemon = m_config.scenario.workers[size_t(rootIndex)].daemon;
    }
    lane.parentPid = m_config.parentPid;
    lane.parentTid = m_config.parentTid;
    emitEvent(lane);
    if (m_config.forkFlowId)
        emitFlow(root, m_config.forkFlowId, FlowKind::Fork, false, started);
    emitInstant(root, InstantKind::Start, {}, 0, started);
    emitState(root, State::Running, started);

    const bool hasProcesses = std::any_of(m_config.scenario.workers.begin(), m_config.scenario.workers.end(),
        [](const WorkerSpec& w) { return w.kind == WorkerSpec::Kind::Process; });
    if (rootIndex < 0 && hasProcesses) {
        m_broker = std::make_unique<QueueBroker>(&m_queues);
        QString error;
        if (!m_broker->listen(&error))
            m_broker.reset(); // the run goes on; only queues between processes are unavailable
    }
    m_sampler = std::make_unique<MemorySampler>([this](qint64 t, double mib) {
        ChannelEvent ev;
        ev.type = ChannelEvent::Type::Counter;
        ev.t = t;
        ev.pid = m_pid;
        ev.tid = m_mainTid;
        ev.name = QStringLiteral("memory");
        ev.text = QStringLiteral("MiB");
        ev.value = mib;
        emitEvent(ev);
    });

    const std::vector<Step>& steps
        = rootIndex < 0 ? m_config.scenario.main : m_config.scenario.workers[size_t(rootIndex)].steps;
    takeGil(root);
    const bool ok = runSteps(root, steps);
    finishRoot(root);
    return ok ? 0 : 1;
}

void ProcessHost::runWorker(int index)
{
    // The thread's first moment: the end of the fork arrow and its start mark.
    const qint64 started = monotonicNs();
    const WorkerSpec& spec = m_config.scenario.workers[size_t(index)];
    Flow flow;
    flow.pid = m_pid;
    flow.tid = currentTid();
    flow.worker = index;
    qint64 joinFlow = 0;
    {
        // The lane appears, and the thread becomes known to the exit code that marks daemon
        // threads killed, in one step: a lane is never killed before it exists.
        std::lock_guard<std::mutex> emitLock(m_emitMutex);
        std::lock_guard<std::mutex> lock(m_mutex);
        WorkerState& ws = m_workers[size_t(index)];
        ws.tid = flow.tid;
        joinFlow = ws.joinFlow;
        if (!m_dead) {
            ChannelEvent lane;
            lane.type = ChannelEvent::Type::Lane;
            lane.t = started;
            lane.pid = flow.pid;
            lane.tid = flow.tid;
            lane.ppid = parentPid();
            lane.name = spec.name;
            lane.label = spec.label;
            lane.daemon = spec.daemon;
            lane.parentPid = ws.parentPid;
            lane.parentTid = ws.parentTid;
            m_channel->send(lane);
            ChannelEvent fork;
            fork.type = ChannelEvent::Type::Flow;
            fork.t = started;
            fork.pid = flow.pid;
            fork.tid = flow.tid;
            fork.flowId = ws.forkFlow;
            fork.flow = FlowKind::Fork;
            fork.flowStart = false;
            m_channel->send(fork);
            m_channel->send(instantEvent(flow.pid, flow.tid, InstantKind::Start, started));
            ChannelEvent running;
            running.type = ChannelEvent::Type::State;
            running.t = started;
            running.pid = flow.pid;
            running.tid = flow.tid;
            running.state = State::Running;
            m_channel->send(running);
        }
    }
    // As in CPython, a new thread reports itself started once it holds the GIL, so it
    // runs until it first blocks before the thread that started it goes on.
    takeGil(flow);
    emitState(flow, State::Running);
    {
        std::unique_lock<std::mutex> lock(m_mutex);
        m_workers[size_t(index)].running = true;
        m_wake.notify_all(); // the parent's start() may return now
        // ... and queue for the GIL again before this thread's first step, so that the first
        // time this one lets go of it, the starter is there to take it.
        if (m_gil)
            m_wake.wait(lock, [&] { return m_aborting || m_workers[size_t(index)].starterQueued; });
    }

    runSteps(flow, spec.steps);

    emitInstant(flow, InstantKind::End, stopRequested(flow) ? tr("stopped on request") : QString());
    emitFlow(flow, joinFlow, FlowKind::Join, true);
    dropGil(flow);
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_workers[size_t(index)].phase = WorkerState::Ended;
    }
    m_wake.notify_all();
}

bool ProcessHost::takeGil(Flow& flow)
{
    if (!m_gil || flow.holdsGil)
        return true;
    if (!m_gil->acquire(flow.tid, [&] { emitState(flow, State::WaitingGil); }))
        return false;
    flow.holdsGil = true;
    return true;
}

void ProcessHost::dropGil(Flow& flow)
{
    if (!m_gil || !flow.holdsGil)
        return;
    m_gil->release(flow.tid);
    flow.holdsGil = false;
}

bool ProcessHost::yieldGil(Flow& flow)
{
    if (!m_gil || !flow.holdsGil)
        return true;
    // The wait starts at the release itself, whenever the OS lets this thread report it.
    const qint64 releasedAt = monotonicNs();
    if (!m_gil->handOver(flow.tid))
        return true; // nobody was waiting
    flow.holdsGil = false;
    emitState(flow, State::WaitingGil, releasedAt);
    if (!m_gil->waitTurn(flow.tid))
        return false;
    flow.holdsGil = true;
    emitState(flow, State::Running);
    return true;
}

bool ProcessHost::stopRequested(const Flow& flow)
{
    if (flow.worker < 0 || m_workers[size_t(flow.worker)].isProcess)
        return false;
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_workers[size_t(flow.worker)].stopRequested;
}

bool ProcessHost::runSteps(Flow& flow, const std::vector<Step>& steps)
{
    for (const Step& step : steps) {
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            if (m_aborting)
                return false;
            // A stop request is cooperative: it is honoured between steps, never inside one.
            if (flow.worker >= 0 && m_workers[size_t(flow.worker)].stopRequested)
                return false;
        }
        if (m_gil && flow.holdsGil && m_gil->shouldYield() && !yieldGil(flow))
            return false;
        if (!runStep(flow, step))
            return false;
    }
    return true;
}

bool ProcessHost::runStep(Flow& flow, const Step& step)
{
    switch (step.kind) {
    case Step::Kind::Print:
        print(flow, expand(flow, step.text));
        return true;
    case Step::Kind::Sleep:
        return sleepFor(flow, step.seconds);
    case Step::Kind::Start:
        return startWorker(flow, step);
    case Step::Kind::Join:
        return joinWorker(flow, step);
    case Step::Kind::Terminate:
        return terminateWorker(flow, step);
    case Step::Kind::Repeat:
        for (qint64 i = 0; i < step.count; ++i) {
            if (!step.var.isEmpty())
                flow.vars.insert(step.var, QString::number(i));
            if (!runSteps(flow, step.body))
                return false;
        }
        return true;
    case Step::Kind::Input:
        return input(flow, step);
    case Step::Kind::Compute:
    case Step::Kind::Acquire:
    case Step::Kind::Release:
    case Step::Kind::Send:
    case Step::Kind::Recv:
    case Step::Kind::Load:
    case Step::Kind::Store:
    case Step::Kind::Add:
    case Step::Kind::Alloc:
    case Step::Kind::Touch:
    case Step::Kind::Free:
        return runDataStep(flow, step);
    case Step::Kind::Crash:
        // Let what happened so far reach the collector before the signal.
        std::fflush(stdout);
        m_channel->flush();
        if (step.text == QLatin1String("segfault"))
            std::raise(SIGSEGV);
        std::abort();
    }
    return true;
}

bool ProcessHost::sleepFor(Flow& flow, double seconds)
{
    const double scaled = seconds * m_config.options.timeScale;
    if (seconds == 0) {
        // time.sleep(0): no wait, just let the other threads run.
        if (m_gil)
            return yieldGil(flow);
        std::this_thread::yield();
        return true;
    }
    emitState(flow, State::Sleeping);
    dropGil(flow);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::nanoseconds(qint64(scaled * 1e9));
    {
        std::unique_lock<std::mutex> lock(m_mutex);
        m_wake.wait_until(lock, deadline, [this] { return m_aborting; });
        if (m_aborting)
            return false;
    }
    if (!takeGil(flow))
        return false;
    emitState(flow, State::Running);
    return true;
}

bool ProcessHost::startWorker(Flow& flow, const Step& step)
{
    const int index = m_config.scenario.workerIndex(step.target);
    const WorkerSpec& spec = m_config.scenario.workers[size_t(index)];
    ThreadWorker* thread = nullptr;
    qint64 forkFlow = 0;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        WorkerState& ws = m_workers[size_t(index)];
        if (ws.phase != WorkerState::Idle) {
            failFlow(flow,
                ws.isProcess ? tr("AssertionError: cannot start a process twice (%1)").arg(spec.name)
                             : tr("RuntimeError: threads can only be started once (%1)").arg(spec.name));
            return false;
        }
        ws.phase = WorkerState::Running;
        ws.forkFlow = forkFlow = newFlowId();
        ws.joinFlow = newFlowId();
        ws.parentPid = flow.pid;
        ws.parentTid = flow.tid;
        if (!ws.isProcess) {
            ws.thread = thread = new ThreadWorker(this, index);
            thread->setObjectName(spec.name);
        }
    }
    if (!thread)
        return startProcess(flow, index);
    // Python's Thread.start() returns only once the new thread is running, and waits with
    // the GIL let go. The fork is the moment start() is called; its marks are sent once the
    // new thread runs, so that nothing this thread does competes with the new one for a core.
    dropGil(flow);
    const qint64 forkT = monotonicNs();
    thread->start();
    bool holds = true;
    {
        std::unique_lock<std::mutex> lock(m_mutex);
        m_wake.wait(lock, [&] { return m_aborting || m_workers[size_t(index)].running; });
        if (m_aborting)
            return false;
        if (m_gil)
            holds = m_gil->enqueue(flow.tid);
        m_workers[size_t(index)].starterQueued = true;
    }
    m_wake.notify_all();
    emitInstant(flow, InstantKind::Fork, spec.name, 0, forkT);
    emitFlow(flow, forkFlow, FlowKind::Fork, true, forkT);
    if (m_gil) {
        if (!holds) {
            emitState(flow, State::WaitingGil);
            if (!m_gil->waitTurn(flow.tid))
                return false;
        }
        flow.holdsGil = true;
    }
    emitState(flow, State::Running);
    return true;
}

bool ProcessHost::startProcess(Flow& flow, int index)
{
    const WorkerSpec& spec = m_config.scenario.workers[size_t(index)];
    WorkerState& ws = m_workers[size_t(index)];
    {
        std::lock_guard<std::mutex> lock(m_processesMutex);
        if (!m_processes) {
            m_processes = std::make_unique<ProcessWorkers>([this](const ProcessWorkers::Exit& e) {
                onProcessExit(e.worker, e.code, e.crashed, e.terminated, e.t);
            });
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
    const QString queues = m_broker ? m_broker->serverName() : m_config.queueServer;
    if (!queues.isEmpty())
        args << QStringLiteral("--fl-queues") << queues;

    const qint64 forkT = monotonicNs();
    emitInstant(flow, InstantKind::Fork, spec.name, 0, forkT);
    QString error;
    const qint64 pid = m_processes->start(index, m_config.program, args, &error);
    if (!pid) {
        // No process, so no lane of its own: a stand-in lane shows why.
        const qint64 fakePid = -qint64(index + 1);
        ChannelEvent lane;
        lane.type = ChannelEvent::Type::Lane;
        lane.t = monotonicNs();
        lane.pid = fakePid;
        lane.tid = fakePid;
        lane.name = spec.name;
        lane.label = spec.label;
        lane.processLane = true;
        lane.daemon = spec.daemon;
        lane.ppid = m_pid;
        lane.parentPid = flow.pid;
        lane.parentTid = flow.tid;
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
    emitFlow(flow, ws.forkFlow, FlowKind::Fork, true, forkT);
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        ws.pid = pid;
    }
    return true;
}

void ProcessHost::onProcessExit(int worker, int code, bool crashed, bool terminated, qint64 t)
{
    // The child reports its own normal end; a signal or a terminate() is seen only here.
    // tid 0 stands for the child's main thread, whose id only the child knows.
    std::optional<InstantKind> kind;
    if (terminated)
        kind = InstantKind::Terminated;
    else if (crashed)
        kind = InstantKind::Crashed;
    bool killedAtExit = false;
    qint64 pid = 0;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        WorkerState& ws = m_workers[size_t(worker)];
        killedAtExit = ws.killedAtExit;
        pid = ws.pid;
        ws.phase = WorkerState::Ended;
    }
    if (kind && !killedAtExit)
        emitEvent(instantEvent(pid, 0, *kind, t, code));
    m_wake.notify_all();
}

bool ProcessHost::joinWorker(Flow& flow, const Step& step)
{
    const int index = m_config.scenario.workerIndex(step.target);
    const QString name = workerName(index);
    if (index == flow.worker) {
        failFlow(flow, tr("RuntimeError: cannot join current thread (%1)").arg(name));
        return false;
    }
    ThreadWorker* thread = nullptr;
    qint64 joinFlow = 0;
    {
        std::unique_lock<std::mutex> lock(m_mutex);
        WorkerState& ws = m_workers[size_t(index)];
        if (ws.phase == WorkerState::Idle) {
            lock.unlock();
            failFlow(flow,
                ws.isProcess ? tr("AssertionError: can only join a started process (%1)").arg(name)
                             : tr("RuntimeError: cannot join thread before it is started (%1)").arg(name));
            return false;
        }
        if (ws.phase != WorkerState::Ended) {
            lock.unlock();
            emitState(flow, State::WaitingJoin);
            dropGil(flow);
            lock.lock();
            m_wake.wait(lock, [&] { return m_aborting || ws.phase == WorkerState::Ended; });
            if (m_aborting)
                return false;
        }
        ws.joined = true;
        thread = ws.thread;
        joinFlow = ws.joinFlow;
    }
    if (thread)
        thread->wait(); // the flow ended; reap the QThread itself
    if (!takeGil(flow))
        return false;
    emitFlow(flow, joinFlow, FlowKind::Join, false);
    emitInstant(flow, InstantKind::Join, name);
    emitState(flow, State::Running);
    return true;
}

bool ProcessHost::terminateWorker(Flow& flow, const Step& step)
{
    const int index = m_config.scenario.workerIndex(step.target);
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        const WorkerState& ws = m_workers[size_t(index)];
        if (ws.phase == WorkerState::Idle) {
            // Python: terminating a process that was never started fails.
            failFlow(flow,
                tr("AttributeError: cannot terminate a process that was never started (%1)").arg(workerName(index)));
            return false;
        }
        if (ws.phase == WorkerState::Ended || !ws.pid)
            return true; // already gone: terminate() does nothing, as in Python
    }
    // Like Process.terminate(): send the signal and go on without waiting.
    m_processes->terminate(index);
    return true;
}

bool ProcessHost::input(Flow& flow, const Step& step)
{
    // At a console, CPython's input() lets go of the GIL before it shows the prompt, so
    // threads waiting for the GIL get to run (and print) first.
    if (!yieldGil(flow))
        return false;
    // Like Python's input(prompt): the prompt has no newline of its own.
    print(flow, expand(flow, step.text), PrintEnd::Prompt);
    emitState(flow, State::WaitingInput);
    dropGil(flow);
    std::string line;
    bool got = false;
    {
        std::lock_guard<std::mutex> lock(m_inputMutex);
        got = bool(std::getline(std::cin, line));
    }
    if (!got) {
        failFlow(flow, QStringLiteral("EOFError: EOF when reading a line"));
        return false;
    }
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    const QString text = QString::fromStdString(line);
    if (!stdinIsTerminal()) {
        // A terminal has echoed what was typed; from a pipe, echo it so the transcript
        // reads like the lesson's.
        std::lock_guard<std::mutex> lock(m_emitMutex);
        if (!m_dead)
            writeStdout(text.toUtf8() + '\n');
    }
    if (!step.target.isEmpty())
        flow.vars.insert(step.target, text);
    if (!takeGil(flow))
        return false;
    emitState(flow, State::Running);
    return true;
}

void ProcessHost::failFlow(Flow& flow, const QString& message)
{
    const QByteArray line
        = (tr("Exception in %1: %2").arg(workerName(flow.worker), message) + QLatin1Char('\n')).toUtf8();
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    std::fflush(stderr);
    emitInstant(flow, InstantKind::Failed, message);
}

bool ProcessHost::waitForWorkers(Flow& root, const std::vector<int>& workers)
{
    std::unique_lock<std::mutex> lock(m_mutex);
    auto allEnded = [&] {
        for (int i : workers) {
            if (m_workers[size_t(i)].phase != WorkerState::Ended)
                return false;
        }
        return true;
    };
    if (!allEnded()) {
        lock.unlock();
        emitState(root, State::WaitingJoin);
        dropGil(root);
        lock.lock();
        m_wake.wait(lock, [&] { return m_aborting || allEnded(); });
    }
    return !m_aborting;
}

void ProcessHost::finishRoot(Flow& root)
{
    if (root.worker < 0)
        emitInstant(root, InstantKind::MainExit);
    // On its way out the main thread lets go of the GIL (its last output released it too),
    // so threads already waiting for it run until they block, daemons included.
    if (!yieldGil(root))
        return;
    // Python's order at exit: join non-daemon threads; terminate daemon processes; join
    // non-daemon processes; the process ends and daemon threads die wherever they are.
    std::vector<int> threads;
    std::vector<int> processes;
    std::vector<int> daemonProcesses;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        for (size_t i = 0; i < m_workers.size(); ++i) {
            const WorkerState& ws = m_workers[i];
            if (ws.phase == WorkerState::Idle)
                continue;
            const bool daemon = m_config.scenario.workers[i].daemon;
            if (ws.isProcess && daemon && ws.phase == WorkerState::Running)
                daemonProcesses.push_back(int(i));
            else if (!daemon && !ws.joined)
                (ws.isProcess ? processes : threads).push_back(int(i));
        }
    }
    auto joinArrows = [&](const std::vector<int>& workers) {
        for (int i : workers) {
            if (ThreadWorker* t = m_workers[size_t(i)].thread)
                t->wait();
            emitFlow(root, m_workers[size_t(i)].joinFlow, FlowKind::Join, false);
        }
    };
    if (!waitForWorkers(root, threads))
        return;
    joinArrows(threads);

    if (!daemonProcesses.empty()) {
        const qint64 now = monotonicNs();
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            for (int i : daemonProcesses)
                m_workers[size_t(i)].killedAtExit = true;
        }
        for (int i : daemonProcesses)
            emitEvent(instantEvent(m_workers[size_t(i)].pid, 0, InstantKind::Killed, now, SIGTERM));
        m_processes->terminateAndWait(daemonProcesses);
    }

    if (!waitForWorkers(root, processes))
        return;
    joinArrows(processes);
    if (m_sampler)
        m_sampler->stop(); // its last sample comes before the end mark
    dropGil(root);

    std::lock_guard<std::mutex> emitLock(m_emitMutex);
    if (m_dead)
        return;
    m_dead = true;
    const qint64 now = monotonicNs();
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        for (const WorkerState& ws : m_workers) {
            if (!ws.isProcess && ws.phase == WorkerState::Running && ws.tid)
                m_channel->send(instantEvent(m_pid, ws.tid, InstantKind::Killed, now));
        }
    }
    m_channel->send(instantEvent(root.pid, root.tid, InstantKind::End, now));
    if (m_config.joinFlowId) {
        ChannelEvent join;
        join.type = ChannelEvent::Type::Flow;
        join.t = now;
        join.pid = root.pid;
        join.tid = root.tid;
        join.flowId = m_config.joinFlowId;
        join.flow = FlowKind::Join;
        join.flowStart = true;
        m_channel->send(join);
    }
    std::fflush(stdout);
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

void ProcessHost::abortRun()
{
    m_abortFlag = true;
    {
        // Mark the process dead before waking anyone: a flow woken from its sleep must not
        // get to report a normal end after its `aborted` mark.
        std::lock_guard<std::mutex> emitLock(m_emitMutex);
        if (!m_dead) {
            m_dead = true;
            const qint64 now = monotonicNs();
            m_channel->send(instantEvent(m_pid, m_mainTid, InstantKind::Aborted, now));
            std::lock_guard<std::mutex> lock(m_mutex);
            for (const WorkerState& ws : m_workers) {
                if (!ws.isProcess && ws.phase == WorkerState::Running && ws.tid)
                    m_channel->send(instantEvent(m_pid, ws.tid, InstantKind::Aborted, now));
            }
        }
    }
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_aborting = true;
    }
    m_wake.notify_all();
    if (m_gil)
        m_gil->abort();
    // Children were told to abort by the collector too; whatever still runs is killed.
    {
        std::lock_guard<std::mutex> lock(m_processesMutex);
        if (m_processes)
            m_processes->killAll();
    }
    m_channel->flush();
    std::fflush(stdout);
    // Threads may be anywhere (blocked on stdin, mid-sleep): leave at once, as a killed
    // Python process would, without running QThread destructors on live threads.
    std::_Exit(130);
}

} // namespace Forkline
