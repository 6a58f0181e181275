// SPDX-License-Identifier: GPL-3.0-or-later
// ProcessHost's set-up, its event emitters, and the two kinds of flow it runs: the process's
// root flow and a thread worker's. Stepping a flow is in processhostflow.cpp, child
// processes in processhostchildren.cpp, the end of the process in processhostexit.cpp.
#include "processhost.h"

#include "eventchannel.h"
#include "memoryblocks.h"
#include "placeholders.h"
#include "platform.h"
#include "processhost_p.h"
#include "processworkers.h"
#include "queuebroker.h"
#include "simulatedgil.h"
#include "threadworker.h"

#include <algorithm>
#include <functional>

namespace Forkline {

using namespace ProcessHostPrivate;

ProcessHost::ProcessHost(Config config, EventChannel* channel)
    : m_config(std::move(config))
    , m_channel(channel)
{
    m_workers.resize(m_config.scenario.workers.size());
    for (size_t i = 0; i < m_workers.size(); ++i)
        m_workers[i].isProcess = m_config.scenario.workers[i].kind == WorkerSpec::Kind::Process;
    m_pid = currentPid();
    m_startedAt = m_config.startedAt ? m_config.startedAt : monotonicNs();
    for (auto it = m_config.scenario.semaphores.cbegin(); it != m_config.scenario.semaphores.cend(); ++it)
        m_locks.declareSemaphore(it.key(), it.value());
    for (const QString& name : std::as_const(m_config.scenario.rlocks))
        m_locks.declareReentrant(name);
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

ProcessHost::~ProcessHost()
{
    {
        const std::lock_guard<std::mutex> lock(m_confirmMutex);
        m_confirmStop = true;
    }
    m_confirmWake.notify_all();
    if (m_confirmer.joinable())
        m_confirmer.join();
    m_forwarder.reset(); // its scans read this host's waits
}

qint64 ProcessHost::newFlowId()
{
    // Unique across the run's processes: the pid in the high bits, a counter below.
    return (m_pid << 24) | (++m_flowCounter & 0xFFFFFF);
}

QString ProcessHost::workerName(int index) const
{
    return index < 0 ? QStringLiteral("MainThread") : m_config.scenario.workers[size_t(index)].name;
}

ChannelEvent ProcessHost::workerLane(int index, qint64 pid, qint64 tid, qint64 t) const
{
    ChannelEvent lane = eventAt(ChannelEvent::Type::Lane, pid, tid, t);
    lane.name = workerName(index);
    if (index >= 0) {
        lane.label = m_config.scenario.workers[size_t(index)].label;
        lane.daemon = m_config.scenario.workers[size_t(index)].daemon;
    }
    return lane;
}

bool ProcessHost::emitEvent(const ChannelEvent& ev)
{
    std::lock_guard<std::mutex> lock(m_emitMutex);
    if (m_dead)
        return false;
    m_channel->send(ev);
    return true;
}

void ProcessHost::emitState(const Flow& flow, State s, qint64 t, const QString& detail)
{
    const bool plainRunning = s == State::Running && detail.isEmpty();
    if (plainRunning && flow.showsRunning)
        return;
    flow.showsRunning = plainRunning;
    ChannelEvent ev = stateEvent(flow.pid, flow.tid, s, t ? t : monotonicNs());
    ev.detail = detail;
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
    emitEvent(flowEvent(flow.pid, flow.tid, id, kind, start, t ? t : monotonicNs()));
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
        // time.time() - start, where start is the process's first moment.
        if (key == QLatin1String("elapsed"))
            return QString::number(double(monotonicNs() - m_startedAt) / 1e9, 'f', 2);
        // t.is_alive() / p.is_alive(): started and not yet ended.
        if (key.endsWith(QLatin1String(".alive"))) {
            const int index = m_config.scenario.workerIndex(key.chopped(6));
            if (index >= 0) {
                std::lock_guard<std::mutex> lock(m_mutex);
                return m_workers[size_t(index)].phase == WorkerState::Running ? QStringLiteral("True")
                                                                              : QStringLiteral("False");
            }
        }
        // A semaphore's value now (Semaphore._value).
        if (key.endsWith(QLatin1String(".value")) && m_config.scenario.semaphores.contains(key.chopped(6)))
            return QString::number(m_locks.value(key.chopped(6)));
        // p.exitcode: None until the process has ended.
        if (key.endsWith(QLatin1String(".exitcode"))) {
            const int index = m_config.scenario.workerIndex(key.chopped(9));
            if (index >= 0 && m_workers[size_t(index)].isProcess) {
                std::lock_guard<std::mutex> lock(m_mutex);
                const WorkerState& ws = m_workers[size_t(index)];
                return ws.exited ? QString::number(ws.exitCode) : QStringLiteral("None");
            }
        }
        if (flow.vars.contains(key))
            return flow.vars.value(key);
        auto shared = m_shared.find(key);
        return shared == m_shared.end() ? QString() : QString::number(shared->second.load());
    });
}

void ProcessHost::failFlow(Flow& flow, const QString& message)
{
    const QByteArray line
        = (tr("Exception in %1: %2").arg(workerName(flow.worker), message) + QLatin1Char('\n')).toUtf8();
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    std::fflush(stderr);
    endWithError(flow, message);
}

void ProcessHost::endWithError(Flow& flow, const QString& message)
{
    if (!isRoot(flow)) {
        emitInstant(flow, InstantKind::Failed, message);
        return;
    }
    // As in Python, the process goes on to its implicit joins first; its lane ends there.
    if (m_rootFailure.isEmpty())
        m_rootFailure = message;
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

    ChannelEvent proc = eventAt(ChannelEvent::Type::Process, m_pid, m_mainTid, started);
    proc.ppid = parentPid();
    proc.name = rootIndex < 0 ? m_config.scenario.name : workerName(rootIndex);
    emitEvent(proc);

    ChannelEvent lane = workerLane(rootIndex, m_pid, m_mainTid, started);
    lane.ppid = proc.ppid;
    lane.processLane = true;
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
        QueueBroker::WaitHooks hooks;
        hooks.begin = [this](const QueueBroker::RemoteWait& w) {
            beginWaitOf(
                w.tid, w.lock.isEmpty() ? Wait::recv(w.who, w.queue, w.pid) : Wait::acquire(w.who, w.lock, w.pid));
        };
        hooks.end = [this](qint64 tid) { endWaitOf(tid); };
        hooks.forwarded = [this](const QueueBroker::ForwardedWait& w) { beginForwardedWait(w); };
        hooks.unforwarded = [this](qint64 tid, qint64 seq) { endForwardedWait(tid, seq); };
        m_broker = std::make_unique<QueueBroker>(&m_queues, &m_locks, std::move(hooks));
        QString error;
        if (!m_broker->listen(&error))
            m_broker.reset(); // the run goes on; only queues between processes are unavailable
    }
    m_sampler = std::make_unique<MemorySampler>([this](qint64 t, double mib) {
        ChannelEvent ev = eventAt(ChannelEvent::Type::Counter, m_pid, m_mainTid, t);
        ev.name = QStringLiteral("memory");
        ev.text = QStringLiteral("MiB");
        ev.value = mib;
        emitEvent(ev);
    });

    const std::vector<Step>& steps
        = rootIndex < 0 ? m_config.scenario.main : m_config.scenario.workers[size_t(rootIndex)].steps;
    takeGil(root);
    const bool ok = runSteps(root, steps);
    const int code = ok ? 0 : 1;
    finishRoot(root, code);
    // A worker whose events never reached the collector: the run is not what it shows.
    if (const int lost = m_lostWorkers.load()) {
        const QString what = lost == 1
            ? tr("forkline: 1 process worker could not reach the collector; its events are missing from the run")
            : tr("forkline: %1 process workers could not reach the collector; their events are missing from the run")
                  .arg(lost);
        const QByteArray line = (what + QLatin1Char('\n')).toUtf8();
        std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
        std::fflush(stderr);
        return 1;
    }
    return code;
}

qint64 ProcessHost::announceThread(const Flow& flow, int index, qint64 started)
{
    // The lane appears, and the thread becomes known to the exit code that marks daemon
    // threads killed, in one step: a lane is never killed before it exists.
    std::lock_guard<std::mutex> emitLock(m_emitMutex);
    std::lock_guard<std::mutex> lock(m_mutex);
    WorkerState& ws = m_workers[size_t(index)];
    ws.tid = flow.tid;
    if (!m_dead) {
        ChannelEvent lane = workerLane(index, flow.pid, flow.tid, started);
        lane.ppid = parentPid();
        lane.parentPid = ws.parentPid;
        lane.parentTid = ws.parentTid;
        m_channel->send(lane);
        m_channel->send(flowEvent(flow.pid, flow.tid, ws.forkFlow, FlowKind::Fork, false, started));
        m_channel->send(instantEvent(flow.pid, flow.tid, InstantKind::Start, started));
        m_channel->send(stateEvent(flow.pid, flow.tid, State::Running, started));
        flow.showsRunning = true;
    }
    return ws.joinFlow;
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
    const qint64 joinFlow = announceThread(flow, index, started);
    // As in CPython, a new thread reports itself started once it holds the GIL, so it
    // runs until it first blocks before the thread that started it goes on. It takes turns
    // from the moment it queues: a thread that yields from then on hands it the GIL.
    if (m_gil) {
        flow.holdsGil = m_gil->enqueue(flow.tid);
        threadArrived();
        if (!flow.holdsGil) {
            emitState(flow, State::WaitingGil);
            flow.holdsGil = m_gil->waitTurn(flow.tid); // false: aborted, and the steps end at once
            emitState(flow, State::Running);
        }
    } else {
        threadArrived();
    }
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        WorkerState& ws = m_workers[size_t(index)];
        // Queue the starter for the GIL again before this thread's first step, so that the
        // first time this one lets go of it, the starter is there to take it. Done here on the
        // starter's behalf: were the starter to queue itself once woken, this thread would
        // have to wait for that, and each start would cost two more hand-overs.
        if (m_gil && flow.holdsGil)
            m_gil->enqueue(ws.parentTid);
        ws.running = true;
    }
    m_runningWake.notify_all(); // the parent's start() may return now
    // Reporting the start is not Python code running: on a busy machine it can outlast a
    // whole switch interval, and the thread would hand the GIL over before its first step.
    if (m_gil && flow.holdsGil)
        m_gil->restartSlice(flow.tid);

    runSteps(flow, spec.steps);

    emitInstant(flow, InstantKind::End, stopRequested(flow) ? tr("stopped on request") : QString());
    emitFlow(flow, joinFlow, FlowKind::Join, true);
    dropGil(flow);
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_workers[size_t(index)].phase = WorkerState::Ended;
    }
    m_wake.notify_all();
    checkFeedersOf(index);
}

} // namespace Forkline
