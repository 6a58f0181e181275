// SPDX-License-Identifier: GPL-3.0-or-later
// threading.Event and threading.Condition between the threads of one process, and the
// endless loop a lesson terminates.
#include "computekernel.h"
#include "platform.h"
#include "processhost.h"
#include "processhost_p.h"
#include "simulatedgil.h"

#include <algorithm>
#include <chrono>

namespace Forkline {

using namespace ProcessHostPrivate;

namespace {
const QString kTrue = QStringLiteral("True");
const QString kFalse = QStringLiteral("False");
constexpr qint64 kSpinChunk = 2048; // elements between checks for the end, as a compute step
constexpr qint64 kSpinWrap = 1LL << 40; // keeps the summed numbers small
} // namespace

void ProcessHost::emitArrowFrom(const Flow& flow, FlowKind kind, qint64 fromTid, qint64 fromT, qint64 t, qint64 fromPid)
{
    const qint64 id = newFlowId();
    emitEvent(flowEvent(fromPid ? fromPid : flow.pid, fromTid, id, kind, true, fromT));
    emitFlow(flow, id, kind, false, t);
}

bool ProcessHost::syncStep(Flow& flow, const Step& step)
{
    const QString lock = m_config.scenario.conditions.value(step.target);
    switch (step.kind) {
    case Step::Kind::Set: {
        {
            std::lock_guard<std::mutex> guard(m_mutex);
            EventState& e = m_events[step.target];
            e.flag = true;
            ++e.sets;
            e.setTid = flow.tid;
            e.setT = monotonicNs();
        }
        m_wake.notify_all();
        return true;
    }
    case Step::Kind::Clear: {
        std::lock_guard<std::mutex> guard(m_mutex);
        m_events[step.target].flag = false;
        return true;
    }
    case Step::Kind::Wait:
        return lock.isEmpty() ? waitEvent(flow, step) : waitCondition(flow, step, lock);
    case Step::Kind::Notify:
    case Step::Kind::NotifyAll:
        if (lock.isEmpty()) {
            failFlow(
                flow, tr("AttributeError: \"%1\" is not a condition (declare it in \"conditions\")").arg(step.target));
            return false;
        }
        return notifyCondition(flow, step, lock);
    case Step::Kind::Spin:
        return spin(flow);
    default:
        break;
    }
    return true;
}

void ProcessHost::waitWoken(std::unique_lock<std::mutex>& lock, double seconds, const std::function<bool()>& woken)
{
    if (seconds < 0) {
        m_wake.wait(lock, woken);
        return;
    }
    const auto deadline = std::chrono::steady_clock::now()
        + std::chrono::nanoseconds(qint64(seconds * m_config.options.timeScale * 1e9));
    m_wake.wait_until(lock, deadline, woken);
}

bool ProcessHost::waitEvent(Flow& flow, const Step& step)
{
    std::unique_lock<std::mutex> guard(m_mutex);
    EventState& e = m_events[step.target]; // std::map: the reference outlives other insertions
    if (e.flag) {
        if (!step.var.isEmpty())
            flow.vars.insert(step.var, kTrue);
        return true; // already set: wait() returns at once, nothing to draw
    }
    const quint64 seen = e.sets;
    guard.unlock();
    emitState(flow, State::WaitingEvent, 0, step.target);
    dropGil(flow);
    guard.lock();
    waitWoken(guard, step.seconds, [&] { return m_aborting || e.sets != seen; });
    if (m_aborting)
        return false;
    const bool set = e.sets != seen;
    const qint64 setTid = e.setTid;
    const qint64 setT = e.setT;
    guard.unlock();
    const qint64 wokeAt = monotonicNs();
    if (!takeGil(flow))
        return false;
    if (set)
        emitArrowFrom(flow, FlowKind::Notify, setTid, setT, wokeAt);
    emitState(flow, State::Running);
    if (!step.var.isEmpty())
        flow.vars.insert(step.var, set ? kTrue : kFalse);
    return true;
}

bool ProcessHost::waitCondition(Flow& flow, const Step& step, const QString& lock)
{
    if (!m_locks.isOwned(lock, flow.tid)) {
        failFlow(flow, tr("RuntimeError: cannot wait on un-acquired lock (%1)").arg(lock));
        return false;
    }
    auto me = std::make_shared<ConditionWaiter>();
    {
        std::lock_guard<std::mutex> guard(m_mutex);
        m_conditionWaiters[step.target].push_back(me);
    }
    // As Condition.wait(): queue up first, then let go of the lock (an RLock whatever its
    // depth), so that a notify() made as soon as the lock is free finds this waiter.
    emitState(flow, State::WaitingEvent, 0, step.target);
    const qint64 depth = m_locks.releaseAll(lock, flow.tid, monotonicNs());
    dropGil(flow);
    {
        std::unique_lock<std::mutex> guard(m_mutex);
        waitWoken(guard, step.seconds, [&] { return m_aborting || me->notified; });
        if (m_aborting)
            return false;
        if (!me->notified) {
            auto& queue = m_conditionWaiters[step.target];
            queue.erase(std::remove(queue.begin(), queue.end(), me), queue.end());
        }
    }
    const qint64 wokeAt = monotonicNs();
    if (me->notified)
        emitArrowFrom(flow, FlowKind::Notify, me->byTid, me->t, wokeAt);
    // Back to the caller only with the lock again, as Python's wait() returns.
    if (!takeGil(flow) || !acquireLock(flow, lock))
        return false;
    m_locks.restoreDepth(lock, depth);
    emitState(flow, State::Running);
    if (!step.var.isEmpty())
        flow.vars.insert(step.var, me->notified ? kTrue : kFalse);
    return true;
}

bool ProcessHost::notifyCondition(Flow& flow, const Step& step, const QString& lock)
{
    if (!m_locks.isOwned(lock, flow.tid)) {
        failFlow(flow, tr("RuntimeError: cannot notify on un-acquired lock (%1)").arg(lock));
        return false;
    }
    {
        std::lock_guard<std::mutex> guard(m_mutex);
        auto& queue = m_conditionWaiters[step.target];
        const size_t n = step.kind == Step::Kind::NotifyAll
            ? queue.size()
            : std::min(queue.size(), size_t(std::max<qint64>(step.count, 1)));
        const qint64 t = monotonicNs();
        for (size_t i = 0; i < n; ++i) {
            queue[i]->notified = true;
            queue[i]->byTid = flow.tid;
            queue[i]->t = t;
        }
        queue.erase(queue.begin(), queue.begin() + qsizetype(n));
    }
    m_wake.notify_all();
    return true;
}

bool ProcessHost::spin(Flow& flow)
{
    // while True: pass. Real work on a core, handing the GIL over every switch interval as
    // a compute step does, until terminate(), kill() or Stop ends it.
    emitState(flow, State::Computing);
    WideSum sum;
    for (qint64 i = 0;; i = (i + kSpinChunk) % kSpinWrap) {
        sumRange(i, i + kSpinChunk, &sum);
        if (m_abortFlag.load(std::memory_order_relaxed) || stopRequested(flow))
            return false;
        if (m_gil && flow.holdsGil && m_gil->shouldYield()) {
            if (!yieldGil(flow))
                return false;
            emitState(flow, State::Computing);
        }
    }
}

} // namespace Forkline
