// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "channelevent.h"
#include "locktable.h"
#include "processworkers.h"
#include "queuebroker.h"
#include "queuehub.h"
#include "scenario.h"
#include "waitforwarder.h"

#include <QHash>
#include <QString>
#include <QStringList>
#include <atomic>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

namespace Forkline {

class EventChannel;
class MemoryBlocks;
class MemorySampler;
class QueueBroker;
class SimulatedGil;
class ThreadWorker;

// Everything one scenario process (the runner, or a process worker) does: it runs its
// root flow on the calling thread (the process's real main thread), starts thread workers
// as QThreads and process workers as QProcess children, and reports every state change
// on the event channel.
class ProcessHost
{
public:
    struct Config
    {
        Scenario scenario;
        QString scenarioArg; // the scenario's name or path, for names and messages (children
                             // get its bytes from the collector, not from the file)
        RunOptions options; // passed on to children
        QString channelName;
        QString queueServer; // process workers: the runner's queue broker
        QString program; // this executable, for process workers
        QString rootWorker; // empty: this process runs `main`
        qint64 forkFlowId = 0; // for a process worker: the arrow from its parent's start()
        qint64 joinFlowId = 0; // ... and the one from its end to whoever joins it
        qint64 parentPid = 0;
        qint64 parentTid = 0;
        qint64 startedAt = 0; // the process's first moment (monotonic ns); 0: now
        // The run was started with stdin closed: input() fails as Python's does when
        // sys.stdin is None. (Each process has the null device as its stdin by then.)
        bool stdinClosed = false;
    };

    // The exit code of a process worker that could not reach the collector (runnermain.cpp):
    // its events are lost, so its parent says so and the run fails. No step ends a process
    // with it (exceptions give 1, crashes and terminate() signals).
    static constexpr int kChannelLostCode = 75;

    ProcessHost(Config config, EventChannel* channel);
    ~ProcessHost();

    // Runs the root flow, then Python's interpreter shutdown: joins non-daemon threads,
    // terminates daemon processes, joins non-daemon processes, and marks daemon threads
    // killed. Returns the process's exit code. An abort exits the process at once.
    int run();

    // A control line from the collector; called on the channel's I/O thread.
    void control(const QByteArray& line);

    // Executes one thread worker's steps on the calling thread (ThreadWorker::run).
    void runWorker(int workerIndex);

private:
    struct Flow
    {
        qint64 pid = 0;
        qint64 tid = 0;
        int worker = -1; // -1: main
        QHash<QString, QString> vars;
        bool holdsGil = false;
        // The last state the flow reported is a plain `running`: reporting it again says
        // nothing (the model keeps one span), and every start, join and GIL turn would.
        mutable bool showsRunning = false;
    };
    struct WorkerState
    {
        enum Phase { Idle, Running, Ended };
        Phase phase = Idle;
        bool isProcess = false;
        qint64 pid = 0; // process workers: the child's pid
        qint64 tid = 0; // thread workers: the native thread id, once the lane is shown
        bool running = false; // thread workers: past their start-up (start() may return)
        qint64 forkFlow = 0;
        qint64 joinFlow = 0;
        qint64 parentPid = 0;
        qint64 parentTid = 0;
        bool joined = false;
        bool stopRequested = false;
        bool killedAtExit = false;
        // Process workers, once ended: Process.exitcode (0, 1 after an exception, -N after
        // signal N).
        bool exited = false;
        int exitCode = 0;
        qint64 signalFlow = 0; // the arrow from the first terminate()/kill() to its end
        qint64 forkT = 0; // process workers: when start() started the child
        ThreadWorker* thread = nullptr;
    };

    bool runSteps(Flow& flow, const std::vector<Step>& steps);
    bool runStep(Flow& flow, const Step& step);
    bool runGroupStep(Flow& flow, const Step& step, const Scenario::Group& group);
    bool sleepFor(Flow& flow, double seconds);
    bool startWorker(Flow& flow, const Step& step);
    bool startProcess(Flow& flow, int index);
    bool joinWorker(Flow& flow, const Step& step);
    bool terminateWorker(Flow& flow, const Step& step); // terminate and kill
    void raiseException(Flow& flow, const Step& step);
    bool isRoot(const Flow& flow) const { return flow.tid == m_mainTid; }
    bool input(Flow& flow, const Step& step);
    void failFlow(Flow& flow, const QString& message);
    // The flow ends with an uncaught exception: a thread's lane ends `failed` now; the root
    // flow's when its process ends (after the implicit joins), with exit code 1.
    void endWithError(Flow& flow, const QString& message);
    void finishRoot(Flow& root, int exitCode);
    bool waitForWorkers(Flow& root, const std::vector<int>& workers);
    void onProcessExit(const ProcessWorkers::Exit& exit);
    // The lane a process worker is drawn in, as its parent knows it.
    ChannelEvent childLane(const Flow& parent, int index, qint64 pid, qint64 tid, qint64 t) const;
    // A thread worker's lane, fork arrow and start mark; returns its join arrow's id.
    qint64 announceThread(const Flow& flow, int index, qint64 started);
    // The end mark of the process's lane and its join arrow, unless the process already died.
    void emitProcessEnd(const Flow& root, int exitCode);
    // The cycle of waits through `start` that a new wait closed, with why each waits for the
    // next, read from the thread started first; empty when there is none. Under m_mutex.
    std::vector<qint64> findWaitCycle(qint64 start, std::vector<QString>* whys);
    // A multiprocessing.Lock in a process worker: taken and released in the runner.
    bool acquireProcessLock(Flow& flow, const QString& name);
    bool releaseProcessLock(Flow& flow, const QString& name);
    bool isProcessLock(const QString& name) const
    {
        return !m_config.queueServer.isEmpty() && m_config.scenario.processLocks.contains(name);
    }
    [[noreturn]] void abortRun();
    bool stopRequested(const Flow& flow);
    // The flow's hold on its process's GIL (no-ops when the run has none). Python code runs
    // holding it; every blocking call lets go of it and takes it back afterwards.
    bool takeGil(Flow& flow);
    void dropGil(Flow& flow);
    // Lets threads that wait for the GIL run first; they run until they block.
    bool yieldGil(Flow& flow);
    // Waits until every thread started so far can take a turn: what a yield lets run.
    bool waitForStartingThreads();
    // A started thread has reached the point where it competes for a turn.
    void threadArrived();
    bool runDataStep(Flow& flow, const Step& step);
    // A queue's put() and get(), within this process or through the runner's broker.
    bool sendMessage(Flow& flow, const Step& step);
    bool receiveMessage(Flow& flow, const Step& step);
    bool compute(Flow& flow, const Step& step);
    bool acquireLock(Flow& flow, const QString& name);
    bool releaseLock(Flow& flow, const QString& name);
    // Events, conditions and the endless loop (processhostsync.cpp).
    bool syncStep(Flow& flow, const Step& step);
    bool waitEvent(Flow& flow, const Step& step);
    bool waitCondition(Flow& flow, const Step& step, const QString& lock);
    bool notifyCondition(Flow& flow, const Step& step, const QString& lock);
    bool spin(Flow& flow);
    // Waits on m_wake (`lock` holds m_mutex) until `woken`, for ever when `seconds` < 0, else
    // at most that long on the scenario's clock (the time scale applied), as Python's timeouts.
    void waitWoken(std::unique_lock<std::mutex>& lock, double seconds, const std::function<bool()>& woken);
    // An arrow from another thread's moment (a release, a set, a notify) to this flow's `t`.
    // `fromPid` 0: this process.
    void emitArrowFrom(const Flow& flow, FlowKind kind, qint64 fromTid, qint64 fromT, qint64 t, qint64 fromPid = 0);
    // The wait graph (processhostdeadlock.cpp). A flow that blocks on a join, a lock or the
    // implicit join at exit says so first; if that closes a cycle of waits, every lane of
    // the cycle is marked deadlocked and the run is told which cycle it is. The cycle is
    // found when it closes, not by polling: nothing in it can move again.
    struct Wait
    {
        QString who; // the waiter's name
        std::vector<int> workers; // join / exit: the workers it waits for
        QString lock; // acquire: the lock
        bool atExit = false; // the implicit join at exit
        QString queue; // recv: the queue or pipe end, as the scenario names it
        qint64 pid = 0; // a process worker's flow waiting in the runner (the broker); 0: this process
        qint64 since = 0; // when it began
        qint64 sentAs = 0; // a process worker's: the number it was forwarded to the runner under
        // In the runner, a process worker's own wait it forwarded (WaitForwarder): its number,
        // whom it waits for (by name) and why.
        bool forwarded = false;
        qint64 seq = 0;
        QStringList waitsFor;
        QString why;

        static Wait join(const QString& who, std::vector<int> workers, bool atExit = false)
        {
            Wait w;
            w.who = who;
            w.workers = std::move(workers);
            w.atExit = atExit;
            return w;
        }
        static Wait acquire(const QString& who, const QString& lock, qint64 pid = 0)
        {
            Wait w;
            w.who = who;
            w.lock = lock;
            w.pid = pid;
            return w;
        }
        static Wait recv(const QString& who, const QString& queue, qint64 pid = 0)
        {
            Wait w;
            w.who = who;
            w.queue = queue;
            w.pid = pid;
            return w;
        }
    };
    void beginWait(const Flow& flow, Wait wait) { beginWaitOf(flow.tid, std::move(wait)); }
    void endWait(const Flow& flow) { endWaitOf(flow.tid); }
    void beginWaitOf(qint64 tid, Wait wait);
    void endWaitOf(qint64 tid);
    // Drops tid's wait; under m_mutex. A wait the runner was told of is over for it too.
    void dropWaitLocked(qint64 tid);
    // A process worker's: its own waits that have lasted go to the runner (WaitForwarder).
    void forwardLongWaits(WaitForwarder& forwarder);
    // The runner's: a process worker's forwarded wait, its end, and the process's end.
    void beginForwardedWait(const QueueBroker::ForwardedWait& w);
    void endForwardedWait(qint64 tid, qint64 seq);
    void dropForwardedWaitsOf(qint64 pid);
    // `confirmed`: the cycle found a while ago with these waits (tid, seq); a cycle through
    // forwarded waits is reported only when found twice (their news may be late).
    using WaitSignature = std::vector<std::pair<qint64, qint64>>;
    void checkDeadlock(qint64 tid, const WaitSignature* confirmed = nullptr);
    void confirmLater(qint64 start, WaitSignature signature);
    // A worker has ended: a recv that only it could still feed may now wait for ever.
    void checkFeedersOf(int worker);
    // Who a waiter waits for now, and whether it waits for all of them (a recv: any of its
    // feeders could end it) or for any one (a join, a lock). Under m_mutex.
    struct Edges
    {
        std::vector<qint64> to;
        std::vector<QString> why;
        bool all = false;
    };
    Edges waitEdges(qint64 tid);
    bool parseWhole(Flow& flow, const QString& text, qint64* out);

    QString expand(const Flow& flow, const QString& text) const;
    QString workerName(int index) const;
    // The lane of worker `index` (of main, for -1) with its name, label and daemon flag; the
    // caller adds what only it knows: whose child it is.
    ChannelEvent workerLane(int index, qint64 pid, qint64 tid, qint64 t) const;
    qint64 newFlowId();

    // Emitters drop everything once the process is going down, so that no event of a
    // daemon thread can follow its `killed` mark. t = 0: now.
    bool emitEvent(const ChannelEvent& ev);
    // `detail` says what the state is about (the timeline writes it on the box): "1 s" of a
    // sleep, the worker a join waits for, the lock, queue or event waited on.
    void emitState(const Flow& flow, State s, qint64 t = 0, const QString& detail = {});
    void emitInstant(const Flow& flow, InstantKind kind, const QString& text = {}, qint32 code = 0, qint64 t = 0);
    void emitExpectOutcomes(const Flow& root);
    void emitFlow(const Flow& flow, qint64 id, FlowKind kind, bool start, qint64 t = 0);
    enum class PrintEnd { Line, Prompt }; // a prompt has no newline and keeps the GIL
    void print(Flow& flow, const QString& text, PrintEnd end = PrintEnd::Line);

    Config m_config;
    EventChannel* m_channel;
    qint64 m_pid = 0;
    qint64 m_mainTid = 0;
    std::atomic<qint64> m_flowCounter { 0 };

    // The lock order. Four mutexes of this class, taken only in this order, and never the
    // other way round:
    //   1. m_emitMutex: before m_mutex where both are held (a thread's lane appearing, the
    //      end and abort marks), so a flow never emits while it holds m_mutex;
    //   2. m_mutex: alone or inside m_emitMutex; the LockTable's own mutex may be taken inside
    //      it (the deadlock search asks who owns a lock), nothing of ProcessHost's;
    //   3. m_processesMutex and m_inputMutex: leaves, each taken with no other lock held.
    // The GIL (SimulatedGil), LockTable and QueueHub lock for themselves; no flow holds
    // m_emitMutex or m_mutex while it waits on them.
    std::mutex m_emitMutex; // orders stdout and events; guards m_dead
    bool m_dead = false;
    std::atomic<int> m_lostWorkers { 0 }; // process workers that could not reach the collector

    // Guards m_workers, m_aborting, m_startingThreads, m_waits, m_events,
    // m_conditionWaiters and m_deadlocked; m_wake is its condition.
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    // Sleeping flows wait here, woken only by an abort: on m_wake, every start, end and join
    // of a thread would wake each of a thousand sleepers to find it is not their time yet.
    std::condition_variable m_sleepWake;
    // Flows waiting for m_startingThreads to reach 0 (waitForStartingThreads) wait here, so
    // that a thread's arrival does not also wake the starter that waits for it to run.
    std::condition_variable m_arrivedWake;
    // A starter waiting for its new thread to run (start() returning) waits here: on m_wake,
    // every worker that ends while a thousand are being started would wake it for nothing.
    std::condition_variable m_runningWake;
    bool m_aborting = false;
    std::vector<WorkerState> m_workers; // by scenario worker index
    int m_startingThreads = 0; // started, not yet competing for a turn (queued for the GIL)
    std::map<qint64, Wait> m_waits; // by tid, guarded by m_mutex
    QHash<QString, qint64> m_waitingByName; // who -> tid of m_waits, guarded by m_mutex
    struct EventState
    {
        bool flag = false;
        quint64 sets = 0; // set() calls so far: a waiter wakes on the next, even if cleared again
        qint64 setTid = 0;
        qint64 setT = 0;
    };
    std::map<QString, EventState> m_events; // guarded by m_mutex
    struct ConditionWaiter
    {
        bool notified = false;
        qint64 byTid = 0;
        qint64 t = 0;
    };
    // Condition name -> its waiters in the order they began to wait (notify wakes the first).
    std::map<QString, std::vector<std::shared_ptr<ConditionWaiter>>> m_conditionWaiters; // guarded by m_mutex
    qint64 m_startedAt = 0; // the process's first moment, for {elapsed}
    std::vector<qint64> m_deadlocked; // tids already reported, guarded by m_mutex

    QString m_rootFailure; // the root flow's uncaught exception, reported at its end
    std::mutex m_inputMutex; // guards stdin: one input() reads a line at a time (a leaf)
    std::unique_ptr<ProcessWorkers> m_processes; // created with the first process worker
    std::mutex m_processesMutex; // guards m_processes' creation and killAll() (a leaf)

    std::atomic<bool> m_abortFlag { false }; // read between chunks of a compute step
    std::unique_ptr<SimulatedGil> m_gil; // null when the run has no GIL
    LockTable m_locks;
    QueueHub m_queues;
    std::unique_ptr<QueueBroker> m_broker; // the runner's, when it has process workers
    // A process worker's, made with its first wait of its own (a leaf lock inside).
    std::unique_ptr<WaitForwarder> m_forwarder;
    std::once_flag m_forwarderOnce;
    qint64 m_forwardSeq = 0; // guarded by m_mutex
    // The runner's: cycles through forwarded waits, looked at again after kConfirmMs on a
    // thread of their own. m_confirmMutex is a leaf, taken inside m_mutex or alone.
    static constexpr int kConfirmMs = 300;
    std::mutex m_confirmMutex;
    std::condition_variable m_confirmWake;
    std::vector<std::pair<qint64, WaitSignature>> m_toConfirm;
    bool m_confirmStop = false;
    std::thread m_confirmer;
    std::map<QString, std::atomic<qint64>> m_shared; // fixed after construction
    std::unique_ptr<MemoryBlocks> m_memory;
    QHash<QString, qint64> m_allocSizes; // buffer name -> MiB, from the scenario's alloc steps
    std::unique_ptr<MemorySampler> m_sampler;
};

} // namespace Forkline
