// SPDX-License-Identifier: GPL-3.0-or-later
#include "processhost.h"

#include "eventchannel.h"
#include "platform.h"
#include "threadworker.h"

#include <QCoreApplication>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>

namespace Forkline {

namespace {
QString tr(const char* s)
{
    return QCoreApplication::translate("Forkline::ProcessHost", s);
}

void writeStdout(const QByteArray& bytes)
{
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}
} // namespace

ProcessHost::ProcessHost(Config config, EventChannel* channel)
    : m_config(std::move(config))
    , m_channel(channel)
{
    m_workers.resize(m_config.scenario.workers.size());
    m_pid = currentPid();
    m_channel->setControlHandler([this](const QByteArray& line) { control(line); });
}

ProcessHost::~ProcessHost() = default;

qint64 ProcessHost::newFlowId()
{
    // Unique across the run's processes: the pid in the high bits, a counter below.
    return (m_pid << 24) | (++m_flowCounter & 0xFFFFFF);
}

bool ProcessHost::emitEvent(ChannelEvent ev)
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
    ChannelEvent ev;
    ev.type = ChannelEvent::Type::Instant;
    ev.t = t ? t : monotonicNs();
    ev.pid = flow.pid;
    ev.tid = flow.tid;
    ev.instant = kind;
    ev.text = text;
    ev.code = code;
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

void ProcessHost::print(const Flow& flow, const QString& text)
{
    ChannelEvent ev;
    ev.type = ChannelEvent::Type::Instant;
    ev.pid = flow.pid;
    ev.tid = flow.tid;
    ev.instant = InstantKind::Print;
    ev.text = text;
    std::lock_guard<std::mutex> lock(m_emitMutex);
    if (m_dead)
        return;
    // The text goes to the real stdout and the event to the channel under one lock, so
    // both streams keep the same order.
    ev.t = monotonicNs();
    writeStdout(text.toUtf8() + '\n');
    m_channel->send(ev);
}

QString ProcessHost::expand(const Flow& flow, const QString& text) const
{
    if (!text.contains(QLatin1Char('{')) && !text.contains(QLatin1Char('}')))
        return text;
    QString out;
    out.reserve(text.size() + 16);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if ((c == QLatin1Char('{') || c == QLatin1Char('}')) && i + 1 < text.size() && text.at(i + 1) == c) {
            out += c; // "{{" and "}}" stand for one brace
            ++i;
            continue;
        }
        if (c != QLatin1Char('{')) {
            out += c;
            continue;
        }
        const qsizetype close = text.indexOf(QLatin1Char('}'), i + 1);
        if (close < 0) {
            out += text.mid(i);
            break;
        }
        const QString key = text.mid(i + 1, close - i - 1);
        QString value;
        bool known = true;
        if (key == QLatin1String("pid"))
            value = QString::number(flow.pid);
        else if (key == QLatin1String("tid"))
            value = QString::number(flow.tid);
        else if (key == QLatin1String("ppid"))
            value = QString::number(parentPid());
        else if (key == QLatin1String("name"))
            value
                = flow.worker < 0 ? QStringLiteral("MainThread") : m_config.scenario.workers[size_t(flow.worker)].name;
        else if (flow.vars.contains(key))
            value = flow.vars.value(key);
        else
            known = false;
        out += known ? value : text.mid(i, close - i + 1);
        i = close;
    }
    return out;
}

int ProcessHost::run()
{
    m_mainTid = currentTid();
    const int rootIndex = m_config.rootWorker.isEmpty() ? -1 : m_config.scenario.workerIndex(m_config.rootWorker);
    Flow root;
    root.pid = m_pid;
    root.tid = m_mainTid;
    root.worker = rootIndex;

    ChannelEvent proc;
    proc.type = ChannelEvent::Type::Process;
    proc.t = monotonicNs();
    proc.pid = m_pid;
    proc.tid = m_mainTid;
    proc.ppid = parentPid();
    proc.name = rootIndex < 0 ? m_config.scenario.name : m_config.scenario.workers[size_t(rootIndex)].name;
    emitEvent(proc);

    ChannelEvent lane;
    lane.type = ChannelEvent::Type::Lane;
    lane.t = proc.t;
    lane.pid = m_pid;
    lane.tid = m_mainTid;
    lane.ppid = proc.ppid;
    lane.processLane = true;
    lane.name = rootIndex < 0 ? QStringLiteral("MainThread") : m_config.scenario.workers[size_t(rootIndex)].name;
    if (rootIndex >= 0)
        lane.label = m_config.scenario.workers[size_t(rootIndex)].label;
    lane.daemon = rootIndex >= 0 && m_config.scenario.workers[size_t(rootIndex)].daemon;
    lane.parentPid = m_config.parentPid;
    lane.parentTid = m_config.parentTid;
    emitEvent(lane);
    if (m_config.forkFlowId)
        emitFlow(root, m_config.forkFlowId, FlowKind::Fork, false);
    emitInstant(root, InstantKind::Start);
    emitState(root, State::Running);

    const std::vector<Step>& steps
        = rootIndex < 0 ? m_config.scenario.main : m_config.scenario.workers[size_t(rootIndex)].steps;
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
    qint64 forkFlow = 0;
    qint64 joinFlow = 0;
    ChannelEvent lane;
    lane.type = ChannelEvent::Type::Lane;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        WorkerState& ws = m_workers[size_t(index)];
        ws.tid = flow.tid;
        forkFlow = ws.forkFlow;
        joinFlow = ws.joinFlow;
        lane.parentPid = ws.parentPid;
        lane.parentTid = ws.parentTid;
    }
    lane.t = started;
    lane.pid = flow.pid;
    lane.tid = flow.tid;
    lane.ppid = parentPid();
    lane.name = spec.name;
    lane.label = spec.label;
    lane.daemon = spec.daemon;
    emitEvent(lane);
    emitFlow(flow, forkFlow, FlowKind::Fork, false, started);
    emitInstant(flow, InstantKind::Start, {}, 0, started);
    emitState(flow, State::Running, started);

    runSteps(flow, spec.steps);

    emitInstant(flow, InstantKind::End);
    emitFlow(flow, joinFlow, FlowKind::Join, true);
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_workers[size_t(index)].phase = WorkerState::Ended;
    }
    m_wake.notify_all();
}

bool ProcessHost::runSteps(Flow& flow, const std::vector<Step>& steps)
{
    for (const Step& step : steps) {
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            if (m_aborting)
                return false;
        }
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
    case Step::Kind::Crash:
        std::fflush(stdout);
        m_channel->flush();
        if (step.text == QLatin1String("segfault"))
            std::raise(SIGSEGV);
        std::abort();
    case Step::Kind::Terminate:
        failFlow(flow, tr("terminate of a process worker is not available in this build"));
        return false;
    }
    return true;
}

bool ProcessHost::sleepFor(Flow& flow, double seconds)
{
    const double scaled = seconds * m_config.timeScale;
    emitState(flow, State::Sleeping);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::nanoseconds(qint64(scaled * 1e9));
    {
        std::unique_lock<std::mutex> lock(m_mutex);
        m_wake.wait_until(lock, deadline, [this] { return m_aborting; });
        if (m_aborting)
            return false;
    }
    emitState(flow, State::Running);
    return true;
}

bool ProcessHost::startWorker(Flow& flow, const Step& step)
{
    const int index = m_config.scenario.workerIndex(step.target);
    const WorkerSpec& spec = m_config.scenario.workers[size_t(index)];
    if (spec.kind == WorkerSpec::Kind::Process) {
        failFlow(flow, tr("process workers are not available in this build"));
        return false;
    }
    ThreadWorker* thread = nullptr;
    qint64 forkFlow = 0;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        WorkerState& ws = m_workers[size_t(index)];
        if (ws.phase != WorkerState::Idle) {
            failFlow(flow, tr("RuntimeError: threads can only be started once (%1)").arg(spec.name));
            return false;
        }
        ws.phase = WorkerState::Running;
        ws.forkFlow = forkFlow = newFlowId();
        ws.joinFlow = newFlowId();
        ws.parentPid = flow.pid;
        ws.parentTid = flow.tid;
        ws.thread = thread = new ThreadWorker(this, index);
        thread->setObjectName(spec.name);
    }
    // The fork is the moment start() is called; its marks are sent once the thread runs.
    const qint64 forkT = monotonicNs();
    thread->start();
    emitInstant(flow, InstantKind::Fork, spec.name, 0, forkT);
    emitFlow(flow, forkFlow, FlowKind::Fork, true, forkT);
    return true;
}

bool ProcessHost::joinWorker(Flow& flow, const Step& step)
{
    const int index = m_config.scenario.workerIndex(step.target);
    const WorkerSpec& spec = m_config.scenario.workers[size_t(index)];
    if (index == flow.worker) {
        failFlow(flow, tr("RuntimeError: cannot join current thread (%1)").arg(spec.name));
        return false;
    }
    ThreadWorker* thread = nullptr;
    qint64 joinFlow = 0;
    {
        std::unique_lock<std::mutex> lock(m_mutex);
        WorkerState& ws = m_workers[size_t(index)];
        if (ws.phase == WorkerState::Idle) {
            lock.unlock();
            failFlow(flow, tr("RuntimeError: cannot join thread before it is started (%1)").arg(spec.name));
            return false;
        }
        if (ws.phase != WorkerState::Ended) {
            lock.unlock();
            emitState(flow, State::WaitingJoin);
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
    emitFlow(flow, joinFlow, FlowKind::Join, false);
    emitInstant(flow, InstantKind::Join, spec.name);
    emitState(flow, State::Running);
    return true;
}

bool ProcessHost::input(Flow& flow, const Step& step)
{
    emitState(flow, State::WaitingInput);
    {
        const QString prompt = expand(flow, step.text);
        std::lock_guard<std::mutex> lock(m_emitMutex);
        if (m_dead)
            return false;
        // Like Python's input(prompt): the prompt has no newline of its own.
        writeStdout(prompt.toUtf8());
        ChannelEvent ev;
        ev.type = ChannelEvent::Type::Instant;
        ev.t = monotonicNs();
        ev.pid = flow.pid;
        ev.tid = flow.tid;
        ev.instant = InstantKind::Print;
        ev.text = prompt;
        m_channel->send(ev);
    }
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
    writeStdout("\n");
    if (!step.target.isEmpty())
        flow.vars.insert(step.target, QString::fromStdString(line));
    emitState(flow, State::Running);
    return true;
}

void ProcessHost::failFlow(Flow& flow, const QString& message)
{
    const QString who
        = flow.worker < 0 ? QStringLiteral("MainThread") : m_config.scenario.workers[size_t(flow.worker)].name;
    const QByteArray line = (tr("Exception in %1: %2").arg(who, message) + QLatin1Char('\n')).toUtf8();
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    std::fflush(stderr);
    emitInstant(flow, InstantKind::Failed, message);
}

void ProcessHost::finishRoot(Flow& root)
{
    emitInstant(root, InstantKind::MainExit);
    // Python's interpreter shutdown joins every non-daemon thread that is still alive.
    std::vector<int> toJoin;
    {
        std::unique_lock<std::mutex> lock(m_mutex);
        bool waiting = false;
        for (size_t i = 0; i < m_workers.size(); ++i) {
            const WorkerState& ws = m_workers[i];
            if (ws.phase == WorkerState::Idle || ws.joined || m_config.scenario.workers[i].daemon)
                continue;
            toJoin.push_back(int(i));
            waiting = waiting || ws.phase != WorkerState::Ended;
        }
        if (waiting) {
            lock.unlock();
            emitState(root, State::WaitingJoin);
            lock.lock();
            m_wake.wait(lock, [&] {
                if (m_aborting)
                    return true;
                for (int i : toJoin) {
                    if (m_workers[size_t(i)].phase != WorkerState::Ended)
                        return false;
                }
                return true;
            });
        }
    }
    for (int i : toJoin) {
        if (ThreadWorker* t = m_workers[size_t(i)].thread)
            t->wait();
        emitFlow(root, m_workers[size_t(i)].joinFlow, FlowKind::Join, false);
    }

    std::lock_guard<std::mutex> emitLock(m_emitMutex);
    if (m_dead)
        return;
    m_dead = true;
    const qint64 now = monotonicNs();
    {
        // Daemon threads die with the process, wherever they are.
        std::lock_guard<std::mutex> lock(m_mutex);
        for (size_t i = 0; i < m_workers.size(); ++i) {
            const WorkerState& ws = m_workers[i];
            if (ws.phase != WorkerState::Running || !ws.tid)
                continue;
            ChannelEvent ev;
            ev.type = ChannelEvent::Type::Instant;
            ev.t = now;
            ev.pid = m_pid;
            ev.tid = ws.tid;
            ev.instant = InstantKind::Killed;
            m_channel->send(ev);
        }
    }
    ChannelEvent end;
    end.type = ChannelEvent::Type::Instant;
    end.t = now;
    end.pid = root.pid;
    end.tid = root.tid;
    end.instant = InstantKind::End;
    m_channel->send(end);
    std::fflush(stdout);
}

void ProcessHost::control(const QByteArray& line)
{
    if (line == "abort")
        abortRun();
}

void ProcessHost::abortRun()
{
    {
        // Mark the process dead before waking anyone: a flow woken from its sleep must not
        // get to report a normal end after its `aborted` mark.
        std::lock_guard<std::mutex> emitLock(m_emitMutex);
        if (!m_dead) {
            m_dead = true;
            const qint64 now = monotonicNs();
            auto aborted = [&](qint64 tid) {
                ChannelEvent ev;
                ev.type = ChannelEvent::Type::Instant;
                ev.t = now;
                ev.pid = m_pid;
                ev.tid = tid;
                ev.instant = InstantKind::Aborted;
                m_channel->send(ev);
            };
            aborted(m_mainTid);
            std::lock_guard<std::mutex> lock(m_mutex);
            for (const WorkerState& ws : m_workers) {
                if (ws.phase == WorkerState::Running && ws.tid)
                    aborted(ws.tid);
            }
        }
    }
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_aborting = true;
    }
    m_wake.notify_all();
    m_channel->flush();
    std::fflush(stdout);
    // Threads may be anywhere (blocked on stdin, mid-sleep): leave at once, as a killed
    // Python process would, without running QThread destructors on live threads.
    std::_Exit(130);
}

} // namespace Forkline
