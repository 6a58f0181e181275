// SPDX-License-Identifier: GPL-3.0-or-later
// Stepping a flow: the step loop, the flow's hold on the GIL, sleep, input, and starting and
// joining workers, as Python's threading and multiprocessing calls behave.
#include "processhost.h"

#include "eventchannel.h"
#include "platform.h"
#include "processhost_p.h"
#include "simulatedgil.h"
#include "threadworker.h"

#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <thread>

#if defined(Q_OS_WIN)
#include <io.h>
#else
#include <unistd.h>
#endif

namespace Forkline {

using namespace ProcessHostPrivate;

namespace {
bool stdinIsTerminal()
{
#if defined(Q_OS_WIN)
    return _isatty(_fileno(stdin));
#else
    return isatty(STDIN_FILENO);
#endif
}
} // namespace

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

bool ProcessHost::waitForStartingThreads()
{
    // A thread that start() has launched is one of the others a yield lets run, even before
    // the OS has got it to the point of asking for the GIL. Without this wait, whether it runs
    // depends on how fast the OS creates threads: a short read-yield-write loop could end
    // before the next thread exists, and a race lesson would lose no update.
    std::unique_lock<std::mutex> lock(m_mutex);
    m_arrivedWake.wait(lock, [this] { return m_aborting || m_startingThreads == 0; });
    return !m_aborting;
}

void ProcessHost::threadArrived()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        --m_startingThreads;
    }
    m_arrivedWake.notify_all();
}

bool ProcessHost::yieldGil(Flow& flow)
{
    if (!m_gil || !flow.holdsGil)
        return true;
    if (!waitForStartingThreads())
        return false;
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

bool ProcessHost::runGroupStep(Flow& flow, const Step& step, const Scenario::Group& group)
{
    // `for t in threads: t.start()`: the same step on each member, in order.
    Step one = step;
    for (int i = group.first; i < group.first + group.count; ++i) {
        one.target = m_config.scenario.workers[size_t(i)].name;
        if (!runStep(flow, one))
            return false;
    }
    return true;
}

bool ProcessHost::runStep(Flow& flow, const Step& step)
{
    if (step.kind == Step::Kind::Start || step.kind == Step::Kind::Join || step.kind == Step::Kind::Terminate
        || step.kind == Step::Kind::Kill) {
        if (const Scenario::Group* group = m_config.scenario.group(step.target))
            return runGroupStep(flow, step, *group);
    }
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
    case Step::Kind::Kill:
        return terminateWorker(flow, step);
    case Step::Kind::Raise:
        raiseException(flow, step);
        return false;
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
    case Step::Kind::Set:
    case Step::Kind::Clear:
    case Step::Kind::Wait:
    case Step::Kind::Notify:
    case Step::Kind::NotifyAll:
    case Step::Kind::Spin:
        return syncStep(flow, step);
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
        if (!waitForStartingThreads())
            return false;
        std::this_thread::yield();
        return true;
    }
    emitState(flow, State::Sleeping, 0, QString::number(seconds, 'g', 6) + QStringLiteral(" s"));
    dropGil(flow);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::nanoseconds(qint64(scaled * 1e9));
    {
        std::unique_lock<std::mutex> lock(m_mutex);
        m_sleepWake.wait_until(lock, deadline, [this] { return m_aborting; });
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
            ++m_startingThreads;
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
    {
        std::unique_lock<std::mutex> lock(m_mutex);
        m_runningWake.wait(lock, [&] { return m_aborting || m_workers[size_t(index)].running; });
        if (m_aborting)
            return false;
    }
    emitInstant(flow, InstantKind::Fork, spec.name, 0, forkT);
    emitFlow(flow, forkFlow, FlowKind::Fork, true, forkT);
    if (m_gil) {
        // The new thread has queued this one for the GIL (runWorker).
        if (!m_gil->owns(flow.tid))
            emitState(flow, State::WaitingGil);
        if (!m_gil->waitTurn(flow.tid))
            return false;
        flow.holdsGil = true;
    }
    emitState(flow, State::Running);
    return true;
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
        if (ws.phase != WorkerState::Ended && step.seconds >= 0) {
            // join(timeout): no cycle can hold it, and when the time is up it returns with
            // the worker still running: no join mark, no arrow.
            lock.unlock();
            emitState(flow, State::WaitingJoin, 0, name);
            dropGil(flow);
            lock.lock();
            waitWoken(lock, step.seconds, [&] { return m_aborting || ws.phase == WorkerState::Ended; });
            if (m_aborting)
                return false;
            if (ws.phase != WorkerState::Ended) {
                lock.unlock();
                if (!takeGil(flow))
                    return false;
                emitState(flow, State::Running);
                return true;
            }
        }
        if (ws.phase != WorkerState::Ended) {
            lock.unlock();
            emitState(flow, State::WaitingJoin, 0, name);
            dropGil(flow);
            beginWait(flow, Wait::join(workerName(flow.worker), { index }));
            lock.lock();
            m_wake.wait(lock, [&] { return m_aborting || ws.phase == WorkerState::Ended; });
            if (m_aborting)
                return false;
            dropWaitLocked(flow.tid);
        }
        ws.joined = true;
        thread = ws.thread;
        joinFlow = ws.joinFlow;
        // What a lesson prints after p.join(): {exitcode}, as p.exitcode.
        if (ws.isProcess && ws.exited)
            flow.vars.insert(QStringLiteral("exitcode"), QString::number(ws.exitCode));
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

void ProcessHost::raiseException(Flow& flow, const Step& step)
{
    // What CPython writes to stderr for an uncaught exception: a thread's comes from
    // threading.excepthook, a process worker's from multiprocessing's bootstrap, main's from
    // the interpreter. The traceback names the step as the line of source that raised.
    const QString message = expand(flow, step.text);
    const QString last = message.isEmpty() ? step.target : step.target + QStringLiteral(": ") + message;
    QString source = QStringLiteral("raise ") + step.target;
    if (!step.text.isEmpty()) {
        QString quoted = step.text;
        quoted.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('"'), QStringLiteral("\\\""));
        source += QStringLiteral("(\"%1\")").arg(quoted);
    }
    QString text;
    if (!isRoot(flow))
        text = QStringLiteral("Exception in thread %1:\n").arg(workerName(flow.worker));
    else if (flow.worker >= 0)
        text = QStringLiteral("Process %1:\n").arg(workerName(flow.worker));
    text += QStringLiteral("Traceback (most recent call last):\n  File \"%1\", line %2, in %3\n    %4\n%5\n")
                .arg(m_config.scenarioArg, QString::number(step.line),
                    flow.worker >= 0 ? workerName(flow.worker) : QStringLiteral("<module>"), source, last);
    const QByteArray bytes = text.toUtf8();
    {
        // Under the lock that orders printed lines, so the traceback is not cut by another
        // thread's line, as CPython writes it in one go.
        std::lock_guard<std::mutex> lock(m_emitMutex);
        std::fflush(stdout);
        std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
        std::fflush(stderr);
    }
    endWithError(flow, last);
}

bool ProcessHost::input(Flow& flow, const Step& step)
{
    // Started with stdin closed, Python has no sys.stdin, and input() fails at once: before
    // its prompt, without letting go of the GIL.
    if (m_config.stdinClosed) {
        failFlow(flow, QStringLiteral("RuntimeError: input(): lost sys.stdin"));
        return false;
    }
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

} // namespace Forkline
