// SPDX-License-Identifier: GPL-3.0-or-later
// The steps of the data lessons (compute under the GIL, locks, queues, shared values,
// memory), kept apart from the process and thread lifecycle.
#include "processhost.h"

#include "computekernel.h"
#include "memoryblocks.h"
#include "platform.h"
#include "processhost_p.h"
#include "queuebroker.h"
#include "scenariochannels.h"
#include "simulatedgil.h"

namespace Forkline {

using namespace ProcessHostPrivate;

namespace {
// Small enough (~0.1 ms of work) that a thread notices quickly when it must hand over the GIL.
constexpr qint64 kComputeChunk = 2048;

// A bound of a compute range as a lesson writes it: 50000000 as "5e7", which fits on a box.
QString compactWhole(qint64 v)
{
    qint64 mantissa = v;
    int exponent = 0;
    while (mantissa != 0 && mantissa % 10 == 0) {
        mantissa /= 10;
        ++exponent;
    }
    return exponent >= 4 ? QString::number(mantissa) + QLatin1Char('e') + QString::number(exponent)
                         : QString::number(v);
}

// What Python raises for the release of a lock nobody holds: a multiprocessing.Lock is a
// semaphore underneath and says so.
QString releasedTooOften(const Scenario& scenario, const QString& name)
{
    return scenario.processLocks.contains(name)
        ? tr("ValueError: semaphore or lock released too many times (%1)").arg(name)
        : tr("RuntimeError: release unlocked lock (%1)").arg(name);
}
} // namespace

bool ProcessHost::parseWhole(Flow& flow, const QString& text, qint64* out)
{
    bool ok = false;
    *out = text.trimmed().toLongLong(&ok);
    if (!ok)
        failFlow(flow, tr("ValueError: \"%1\" is not a whole number that fits in 64 bits").arg(text));
    return ok;
}

bool ProcessHost::compute(Flow& flow, const Step& step)
{
    // The flow already holds the GIL (Python code always does); it hands it over when its
    // switch interval is up and another thread waits.
    const QString range = compactWhole(step.from) + QStringLiteral("..") + compactWhole(step.to);
    emitState(flow, State::Computing, 0, range);
    WideSum sum;
    for (qint64 i = step.from; i < step.to; i += kComputeChunk) {
        sumRange(i, std::min(step.to, i + kComputeChunk), &sum);
        if (m_abortFlag.load(std::memory_order_relaxed))
            return false;
        if (m_gil && flow.holdsGil && m_gil->shouldYield()) {
            if (!yieldGil(flow))
                return false;
            emitState(flow, State::Computing, 0, range);
        }
    }
    emitState(flow, State::Running);
    if (!step.var.isEmpty())
        flow.vars.insert(step.var, sum.toString());
    return true;
}

bool ProcessHost::acquireLock(Flow& flow, const QString& name)
{
    if (isProcessLock(name))
        return acquireProcessLock(flow, name);
    quint64 generation = 0;
    LockTable::Release last;
    if (m_locks.tryAcquire(name, flow.tid, &generation, &last))
        return true; // not contended: nothing to draw
    emitState(flow, State::WaitingLock, 0, name);
    dropGil(flow); // the holder needs it to get to its release
    beginWait(flow, Wait::acquire(workerName(flow.worker), name));
    for (;;) {
        if (!m_locks.waitRelease(name, generation))
            return false;
        // A Python thread tries again only once it holds the GIL: a releaser that runs on
        // and asks again before letting go of the GIL keeps the lock (CPython's locks are
        // not fair). The lane goes on showing one wait for the lock: what it waits for.
        if (m_gil && !flow.holdsGil) {
            if (!m_gil->acquire(flow.tid, {}))
                return false;
            flow.holdsGil = true;
        }
        if (m_locks.tryAcquire(name, flow.tid, &generation, &last))
            break;
        dropGil(flow);
    }
    endWait(flow);
    emitArrowFrom(flow, FlowKind::Lock, last.tid, last.t, monotonicNs(), last.pid);
    emitState(flow, State::Running);
    return true;
}

bool ProcessHost::releaseLock(Flow& flow, const QString& name)
{
    if (isProcessLock(name))
        return releaseProcessLock(flow, name);
    switch (m_locks.releaseChecked(name, flow.tid, monotonicNs())) {
    case LockTable::Result::Released:
        return true;
    case LockTable::Result::NotOwner:
        failFlow(flow, tr("RuntimeError: cannot release un-acquired lock (%1)").arg(name));
        return false;
    case LockTable::Result::NotHeld:
        break;
    }
    failFlow(flow, releasedTooOften(m_config.scenario, name));
    return false;
}

bool ProcessHost::acquireProcessLock(Flow& flow, const QString& name)
{
    LockTable::Release last;
    bool waited = false;
    QString error;
    // The wait is drawn from the request on: the runner may find it closes a cycle, and mark
    // the lane deadlocked, before this process hears that it has to wait.
    const qint64 asked = monotonicNs();
    const bool taken = QueueClient::acquire(
        m_config.queueServer, name, { m_pid, flow.tid, workerName(flow.worker) },
        [&] {
            waited = true;
            emitState(flow, State::WaitingLock, asked, name);
            dropGil(flow); // the holder may be a thread of this process
        },
        &last, &error);
    if (!taken) {
        if (!error.isEmpty())
            failFlow(flow, tr("BrokenPipeError: %1").arg(error));
        return false;
    }
    if (!waited)
        return true; // not contended: nothing to draw
    if (!takeGil(flow))
        return false;
    emitArrowFrom(flow, FlowKind::Lock, last.tid, last.t, monotonicNs(), last.pid);
    emitState(flow, State::Running);
    return true;
}

bool ProcessHost::releaseProcessLock(Flow& flow, const QString& name)
{
    bool held = true;
    QString error;
    if (QueueClient::release(m_config.queueServer, name, { m_pid, flow.tid, workerName(flow.worker) }, &held, &error))
        return true;
    failFlow(flow, held ? tr("BrokenPipeError: %1").arg(error) : releasedTooOften(m_config.scenario, name));
    return false;
}

bool ProcessHost::sendMessage(Flow& flow, const Step& step)
{
    const QueueMessage message { newFlowId(), expand(flow, step.text) };
    const qint64 t = monotonicNs();
    emitInstant(flow, InstantKind::Send, message.text, 0, t);
    emitFlow(flow, message.flowId, FlowKind::Message, true, t);
    const QString queue = ScenarioChannels::sendQueue(m_config.scenario, step.target);
    if (m_config.queueServer.isEmpty()) {
        m_queues.send(queue, message);
        return true;
    }
    QString error;
    if (!QueueClient::send(m_config.queueServer, queue, message, &error)) {
        failFlow(flow, tr("BrokenPipeError: %1").arg(error));
        return false;
    }
    return true;
}

bool ProcessHost::receiveMessage(Flow& flow, const Step& step)
{
    QueueMessage message;
    const qint64 timeout = step.seconds < 0 ? -1 : qint64(step.seconds * m_config.options.timeScale * 1e9);
    QueueHub::Result r;
    const QString queue = ScenarioChannels::recvQueue(m_config.scenario, step.target);
    if (m_config.queueServer.isEmpty()) {
        bool waited = false;
        r = m_queues.recv(
            queue, timeout, &message,
            [&] {
                emitState(flow, State::WaitingQueue, 0, step.target);
                dropGil(flow);
                // A recv with a timeout ends by itself: never part of a deadlock.
                waited = timeout < 0;
                if (waited)
                    beginWait(flow, Wait::recv(workerName(flow.worker), step.target));
            },
            flow.tid);
        if (waited)
            endWait(flow);
    } else {
        // Whether it waits is known only to the runner: show the wait for the whole call.
        emitState(flow, State::WaitingQueue, 0, step.target);
        dropGil(flow);
        QString error;
        r = QueueClient::recv(m_config.queueServer, queue, step.target, { m_pid, flow.tid, workerName(flow.worker) },
            timeout, &message, &error);
    }
    if (r == QueueHub::Result::Aborted || !takeGil(flow))
        return false;
    if (r == QueueHub::Result::TimedOut) {
        failFlow(flow, tr("queue.Empty: nothing arrived on \"%1\" within %2 s").arg(step.target).arg(step.seconds));
        return false;
    }
    const qint64 t = monotonicNs();
    emitFlow(flow, message.flowId, FlowKind::Message, false, t);
    emitInstant(flow, InstantKind::Receive, message.text, 0, t);
    emitState(flow, State::Running);
    if (!step.var.isEmpty())
        flow.vars.insert(step.var, message.text);
    return true;
}

bool ProcessHost::runDataStep(Flow& flow, const Step& step)
{
    switch (step.kind) {
    case Step::Kind::Compute:
        return compute(flow, step);
    case Step::Kind::Acquire:
        return acquireLock(flow, step.target);
    case Step::Kind::Release:
        return releaseLock(flow, step.target);
    case Step::Kind::Send:
        return sendMessage(flow, step);
    case Step::Kind::Recv:
        return receiveMessage(flow, step);
    case Step::Kind::Load:
        flow.vars.insert(step.var, QString::number(m_shared.at(step.target).load()));
        return true;
    case Step::Kind::Store: {
        qint64 v = 0;
        if (!parseWhole(flow, expand(flow, step.text), &v))
            return false;
        m_shared.at(step.target).store(v + step.amount);
        return true;
    }
    case Step::Kind::Add: {
        qint64 v = 0;
        if (!parseWhole(flow, expand(flow, step.text), &v))
            return false;
        auto shared = m_shared.find(step.target);
        if (shared != m_shared.end()) {
            shared->second.fetch_add(v); // one atomic step, as list.append is under the GIL
            return true;
        }
        qint64 current = 0;
        if (flow.vars.contains(step.target) && !parseWhole(flow, flow.vars.value(step.target), &current))
            return false;
        flow.vars.insert(step.target, QString::number(current + v));
        return true;
    }
    case Step::Kind::Alloc:
        if (!m_memory->alloc(step.target, step.amount)) {
            failFlow(flow, tr("MemoryError: cannot allocate %1 MiB").arg(step.amount));
            return false;
        }
        return true;
    case Step::Kind::Touch:
        if (!m_memory->touch(step.target, m_allocSizes.value(step.target))) {
            failFlow(flow, tr("NameError: no buffer \"%1\"").arg(step.target));
            return false;
        }
        return true;
    case Step::Kind::Free:
        m_memory->free(step.target);
        return true;
    default:
        return true;
    }
}

} // namespace Forkline
