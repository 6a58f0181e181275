// SPDX-License-Identifier: GPL-3.0-or-later
// Real Python programs (tests/data/python) run by the real interpreter with the tracer: the
// model has the lanes, parents, states, arrows, exit codes and kills each program implies,
// and the program prints what it prints untraced.
#include "channelevent.h"
#include "collector.h"
#include "gilsampler.h"
#include "platform.h"
#include "pythonlauncher.h"
#include "pythontestutil.h"
#include "pythontracer.h"
#include "testutil.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QLocalServer>
#include <QLocalSocket>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>
#include <csignal>
#include <functional>

using namespace Forkline;
using namespace ForklineTest;

namespace {

QString program(const QString& name)
{
    return pythonProgram(name);
}

struct PyRun
{
    TraceModel model;
    int exitCode = -1;
    QStringList prints;
    QString error;
};

// `answer`, when given, is typed once a thread waits for input (as in the console).
// `watch`, when given, looks at the run every few milliseconds while it is on.
PyRun runPy(const QString& name, const QStringList& args = {}, const QString& answer = {},
    const std::function<void(const Collector&, const GilSampler&)>& watch = {})
{
    PyRun r;
    PythonLauncher::Request request;
    request.file = program(name);
    request.arguments = args;
    request.python = python();
    Collector::Launch launch;
    if (!PythonLauncher::prepare(request, &launch, &r.error))
        return r;
    Collector collector;
    GilSampler gil(&collector);
    QObject::connect(&collector, &Collector::printed, [&r](int, const QString& text) { r.prints << text; });
    QSignalSpy finished(&collector, &Collector::finished);
    QTimer watcher;
    if (watch) {
        QObject::connect(&watcher, &QTimer::timeout, [&] {
            if (collector.isRunning())
                watch(collector, gil);
        });
        watcher.start(5);
    }
    if (!collector.start(launch, &r.error))
        return r;
    if (!answer.isEmpty()) {
        const auto waiting = [&collector] {
            for (const Lane& l : collector.model().lanes()) {
                if (l.open && l.openState == State::WaitingInput)
                    return true;
            }
            return false;
        };
        // Answered once the program asks, as a person at the console would.
        if (!QTest::qWaitFor(waiting, 120000)) {
            r.error = QStringLiteral("the program never asked for input");
            collector.stop();
            finished.wait(10000);
            return r;
        }
        collector.sendInput(answer);
    }
    if (!finished.wait(180000)) {
        r.error = QStringLiteral("the run did not finish");
        collector.stop();
        finished.wait(10000);
        return r;
    }
    r.exitCode = finished.first().first().toInt();
    r.model = collector.takeModel();
    gil.apply(&r.model);
    return r;
}

// The lane of a thread or process by its name, failing the test cleanly when it is missing.
#define LANE(var, model, name)                                                                                         \
    const int var = laneNamed(model, QStringLiteral(name));                                                            \
    QVERIFY2(var >= 0, "no lane " name);

const Instant* lastInstant(const Lane& lane)
{
    return lane.instants.empty() ? nullptr : &lane.instants.back();
}

bool endsWith(const TraceModel& m, int lane, InstantKind kind, const QString& text = {}, int code = INT_MIN)
{
    const Instant* in = lastInstant(m.lane(lane));
    if (!in || in->kind != kind)
        return false;
    if (!text.isEmpty() && (in->text < 0 || m.texts().at(in->text) != text))
        return false;
    return code == INT_MIN || in->code == code;
}

int flowsBetween(const TraceModel& m, FlowKind kind, int from, int to)
{
    int n = 0;
    for (const Flow& f : m.flows()) {
        if (f.kind == kind && f.fromLane == from && f.toLane == to && f.complete())
            ++n;
    }
    return n;
}

qint64 longest(const Lane& l, State s)
{
    qint64 best = -1;
    for (const Span& sp : l.spans) {
        if (sp.state == s)
            best = std::max(best, sp.end - sp.start);
    }
    return best;
}

// What the longest span of the lane in state s is about ("" when it says nothing).
QString longestDetail(const TraceModel& m, const Lane& l, State s)
{
    const Span* best = nullptr;
    for (const Span& sp : l.spans) {
        if (sp.state == s && (!best || sp.end - sp.start > best->end - best->start))
            best = &sp;
    }
    return best ? m.detailOf(*best) : QStringLiteral("<none>");
}

int mainLane(const TraceModel& m)
{
    for (int i = 0; i < m.laneCount(); ++i) {
        if (m.lane(i).kind == LaneKind::Process && m.lane(i).name == QLatin1String("MainThread")
            && m.lane(i).parent < 0)
            return i;
    }
    return -1;
}

const Instant* printed(const TraceModel& m, int lane, const QString& text)
{
    return findInstant(m.lane(lane), InstantKind::Print, text, &m);
}

} // namespace

class TestPythonRun : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void tracerFiles();
    void threadsAndJoins();
    void daemonThreadKilledAtExit();
    void exceptionEndsThread();
    void inputAnswered();
    void synchronisationWaits();
    void waitsNamedAsTheProgramNamesThem();
    void queueMessages();
    void processes_data();
    void processes();
    void forkWithoutExec();
    void osExit();
    void popenChildren();
    void poolWorkers();
    void gilMeasured();
    void memoryStrip();
    void stopEndsTheTree();
    void printMarkArrivesWhileComputing();
    void eventsCarryTheLine();
    void tracerImportsLittle();
    void collectorGoneEndsTheRun();
};

void TestPythonRun::initTestCase()
{
    if (python().isEmpty())
        QSKIP("no python3 on PATH");
}

void TestPythonRun::tracerFiles()
{
    QString error;
    const QString dir = PythonTracer::directory(&error);
    QVERIFY2(!dir.isEmpty(), qPrintable(error));
    QVERIFY(QFileInfo::exists(dir + QStringLiteral("/sitecustomize.py")));
    QVERIFY(QFileInfo::exists(dir + QStringLiteral("/forkline_trace/__init__.py")));
    QVERIFY(dir.contains(PythonTracer::digest()));
    QCOMPARE(PythonTracer::directory(&error), dir); // written once, then reused
}

void TestPythonRun::threadsAndJoins()
{
    const PyRun r = runPy(QStringLiteral("threads_join.py"));
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    QCOMPARE(r.exitCode, 0);
    const TraceModel& m = r.model;
    const int main = mainLane(m);
    QVERIFY(main >= 0);
    LANE(slow, m, "slow");
    LANE(quick, m, "quick");
    QCOMPARE(m.lane(slow).parent, main);
    QCOMPARE(m.lane(quick).parent, main);
    QCOMPARE(m.lane(slow).pid, m.lane(main).pid);
    QVERIFY(m.lane(slow).tid != m.lane(main).tid);
    QCOMPARE(flowsBetween(m, FlowKind::Fork, main, slow), 1);
    QCOMPARE(flowsBetween(m, FlowKind::Fork, main, quick), 1);
    QCOMPARE(flowsBetween(m, FlowKind::Join, quick, main), 1);
    QCOMPARE(flowsBetween(m, FlowKind::Join, slow, main), 1);
    QVERIFY(longest(m.lane(slow), State::Sleeping) >= 350000000);
    QVERIFY(printed(m, slow, QStringLiteral("slow: start")));
    QVERIFY(printed(m, quick, QStringLiteral("quick: end")));
    // join(timeout=0.05) returned with the thread still alive: a wait, then the main thread
    // printed before the slow thread ended.
    const Instant* alive = printed(m, main, QStringLiteral("after timeout, slow alive: True"));
    QVERIFY(alive);
    const Instant* slowEnd = findInstant(m.lane(slow), InstantKind::End);
    QVERIFY(slowEnd);
    QVERIFY(alive->t < slowEnd->t);
    QVERIFY(findInstant(m.lane(main), InstantKind::Join, QStringLiteral("slow"), &m));
    QVERIFY(findInstant(m.lane(main), InstantKind::Join, QStringLiteral("quick"), &m));
    int joinWaits = 0;
    for (const Span& sp : m.lane(main).spans)
        joinWaits += sp.state == State::WaitingJoin;
    QVERIFY2(joinWaits >= 3, "quick, slow with a timeout, slow for good");
    QVERIFY(endsWith(m, main, InstantKind::End));
    QVERIFY(findInstant(m.lane(main), InstantKind::MainExit));
    // One clock: everything lies inside the run.
    for (const Lane& l : m.lanes()) {
        for (const Span& sp : l.spans)
            QVERIFY(sp.start >= 0 && sp.end <= m.endTime());
    }
}

void TestPythonRun::daemonThreadKilledAtExit()
{
    const PyRun r = runPy(QStringLiteral("daemon_exit.py"));
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    const TraceModel& m = r.model;
    const int main = mainLane(m);
    QVERIFY(main >= 0);
    LANE(worker, m, "worker");
    LANE(watcher, m, "watcher");
    QVERIFY(m.lane(watcher).daemon);
    QVERIFY(!m.lane(worker).daemon);
    const Instant* exit = findInstant(m.lane(main), InstantKind::MainExit);
    QVERIFY(exit);
    // The interpreter's own join: the main thread waits after its code ended.
    bool waitsAfterExit = false;
    for (const Span& sp : m.lane(main).spans)
        waitsAfterExit |= sp.state == State::WaitingExit && sp.start >= exit->t;
    QVERIFY(waitsAfterExit);
    QCOMPARE(flowsBetween(m, FlowKind::Join, worker, main), 1);
    QVERIFY(endsWith(m, worker, InstantKind::End));
    QVERIFY(endsWith(m, watcher, InstantKind::Killed));
    QVERIFY(endsWith(m, main, InstantKind::End));
    QVERIFY(lastInstant(m.lane(watcher))->t >= findInstant(m.lane(worker), InstantKind::End)->t);
}

void TestPythonRun::exceptionEndsThread()
{
    const PyRun r = runPy(QStringLiteral("thread_error.py"));
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    QCOMPARE(r.exitCode, 0);
    const TraceModel& m = r.model;
    LANE(failing, m, "failing");
    QVERIFY(endsWith(m, failing, InstantKind::Failed, QStringLiteral("ZeroDivisionError: division by zero")));
    // The traceback is the failing thread's writing.
    QVERIFY(printed(m, failing, QStringLiteral("ZeroDivisionError: division by zero")));
    QCOMPARE(flowsBetween(m, FlowKind::Join, failing, mainLane(m)), 1);
}

void TestPythonRun::inputAnswered()
{
    const PyRun r = runPy(QStringLiteral("input_thread.py"), {}, QStringLiteral("pear"));
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    QCOMPARE(r.exitCode, 0);
    const TraceModel& m = r.model;
    LANE(asker, m, "asker");
    QVERIFY(longest(m.lane(asker), State::WaitingInput) >= 0);
    QVERIFY(printed(m, asker, QStringLiteral("word? ")));
    QVERIFY(printed(m, asker, QStringLiteral("got pear")));
    QVERIFY(r.prints.contains(QStringLiteral("got pear")));
}

void TestPythonRun::synchronisationWaits()
{
    const PyRun r = runPy(QStringLiteral("sync_waits.py"));
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    const TraceModel& m = r.model;
    const int main = mainLane(m);
    LANE(holder, m, "holder");
    LANE(locker, m, "locker");
    LANE(waiter, m, "waiter");
    LANE(condWaiter, m, "cond_waiter");
    LANE(barrier, m, "at_barrier");
    LANE(sem0, m, "sem0");
    LANE(sem1, m, "sem1");
    QVERIFY(longest(m.lane(locker), State::WaitingLock) >= 100000000);
    QCOMPARE(flowsBetween(m, FlowKind::Lock, holder, locker), 1); // Lock hand-over
    LANE(rholder, m, "rholder");
    LANE(rtaker, m, "rtaker");
    QVERIFY(longest(m.lane(rtaker), State::WaitingLock) >= 100000000);
    QCOMPARE(flowsBetween(m, FlowKind::Lock, rholder, rtaker), 1); // RLock: the release that frees it,
    const auto fromRholder = std::count_if(m.flows().begin(), m.flows().end(),
        [rholder](const Flow& f) { return f.kind == FlowKind::Lock && f.fromLane == rholder; });
    QCOMPARE(fromRholder, 1); // not the inner one too
    QVERIFY(longest(m.lane(waiter), State::WaitingEvent) >= 100000000);
    QCOMPARE(flowsBetween(m, FlowKind::Lock, holder, waiter), 1); // Event.set
    QVERIFY(longest(m.lane(condWaiter), State::WaitingEvent) >= 200000000);
    QCOMPARE(flowsBetween(m, FlowKind::Lock, main, condWaiter), 1); // Condition.notify
    QVERIFY(longest(m.lane(barrier), State::WaitingEvent) >= 200000000);
    QCOMPARE(flowsBetween(m, FlowKind::Lock, main, barrier), 1); // the last to reach the Barrier
    // One of the two users of the BoundedSemaphore waited for the other.
    QVERIFY(std::max(longest(m.lane(sem0), State::WaitingLock), longest(m.lane(sem1), State::WaitingLock)) >= 50000000);
    QVERIFY(flowsBetween(m, FlowKind::Lock, sem0, sem1) + flowsBetween(m, FlowKind::Lock, sem1, sem0) == 1);
    // Each wait says what it waits on, by the program's own name (drawn on its box).
    QCOMPARE(longestDetail(m, m.lane(locker), State::WaitingLock), QStringLiteral("lock"));
    QCOMPARE(longestDetail(m, m.lane(rtaker), State::WaitingLock), QStringLiteral("rlock"));
    QCOMPARE(longestDetail(m, m.lane(waiter), State::WaitingEvent), QStringLiteral("event"));
    QCOMPARE(longestDetail(m, m.lane(condWaiter), State::WaitingEvent), QStringLiteral("cond"));
    QCOMPARE(longestDetail(m, m.lane(barrier), State::WaitingEvent), QStringLiteral("barrier"));
}

// The name of what a thread waits on is the program's: an attribute of self, a local (a
// parameter); a lock in a list has none. A short sleep, sent later with others, keeps its
// length.
void TestPythonRun::waitsNamedAsTheProgramNamesThem()
{
    const PyRun r = runPy(QStringLiteral("wait_names.py"));
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    QCOMPARE(r.prints, QStringList({ QStringLiteral("getter: hello"), QStringLiteral("main: done") }));
    const TraceModel& m = r.model;
    LANE(taker, m, "taker");
    LANE(listedTaker, m, "listed_taker");
    LANE(napper, m, "napper");
    LANE(getter, m, "getter");
    QCOMPARE(longestDetail(m, m.lane(taker), State::WaitingLock), QStringLiteral("self.guard"));
    QCOMPARE(longestDetail(m, m.lane(listedTaker), State::WaitingLock), QString());
    QCOMPARE(longestDetail(m, m.lane(getter), State::WaitingQueue), QStringLiteral("inbox"));
    // napper sleeps nothing but its three naps. They are found by state, not by a wall-time
    // bound: a loaded machine wakes a 5 ms sleep tens of milliseconds late (CI saw one past
    // 20 ms), and the length on the box is the program's, not the wall time.
    int naps = 0;
    for (const Span& sp : m.lane(napper).spans) {
        if (sp.state == State::Sleeping) {
            QCOMPARE(m.detailOf(sp), QStringLiteral("0.005 s"));
            QVERIFY2(sp.end - sp.start >= 5000000, qPrintable(QString::number(sp.end - sp.start)));
            ++naps;
        }
    }
    QCOMPARE(naps, 3);
}

void TestPythonRun::queueMessages()
{
    const PyRun r = runPy(QStringLiteral("queue_messages.py"));
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    const TraceModel& m = r.model;
    LANE(producer, m, "producer");
    LANE(consumer, m, "consumer");
    QCOMPARE(flowsBetween(m, FlowKind::Message, producer, consumer), 4);
    QVERIFY(findInstant(m.lane(producer), InstantKind::Send, QStringLiteral("'item 0'"), &m));
    QVERIFY(findInstant(m.lane(consumer), InstantKind::Receive, QStringLiteral("'item 2'"), &m));
    QVERIFY(longest(m.lane(consumer), State::WaitingQueue) >= 20000000);
}

void TestPythonRun::processes_data()
{
    QTest::addColumn<QString>("method");
    QTest::newRow("fork") << QStringLiteral("fork");
    QTest::newRow("spawn") << QStringLiteral("spawn");
    QTest::newRow("forkserver") << QStringLiteral("forkserver");
}

void TestPythonRun::processes()
{
    QFETCH(QString, method);

    const PyRun r = runPy(QStringLiteral("processes.py"), { method });
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    QCOMPARE(r.exitCode, 0);
    const TraceModel& m = r.model;
    const int main = mainLane(m);
    QVERIFY(main >= 0);
    for (const char* name : { "good", "bad", "exits", "piper", "terminated", "killed" }) {
        const int l = laneNamed(m, QLatin1String(name));
        QVERIFY2(l >= 0, name);
        QCOMPARE(m.lane(l).kind, LaneKind::Process);
        QVERIFY(m.lane(l).pid != m.lane(main).pid);
        QCOMPARE(m.lane(l).parent, main);
        QCOMPARE(flowsBetween(m, FlowKind::Fork, main, l), 1);
        QVERIFY(findInstant(m.lane(main), InstantKind::Fork, QLatin1String(name), &m));
    }
    LANE(good, m, "good");
    LANE(bad, m, "bad");
    LANE(exits, m, "exits");
    LANE(piper, m, "piper");
    LANE(terminated, m, "terminated");
    LANE(killed, m, "killed");
    QVERIFY(endsWith(m, good, InstantKind::End, {}, 0));
    QVERIFY(endsWith(m, bad, InstantKind::Failed, QStringLiteral("RuntimeError: bad child"), 1));
    QVERIFY(endsWith(m, exits, InstantKind::End, {}, 3));
    QVERIFY(endsWith(m, terminated, InstantKind::Terminated, {}, SIGTERM));
    QVERIFY(endsWith(m, killed, InstantKind::Killed, {}, SIGKILL));
    for (int l : { good, bad, exits, piper })
        QCOMPARE(flowsBetween(m, FlowKind::Join, l, main), 1);
    QCOMPARE(flowsBetween(m, FlowKind::Message, good, main), 1); // multiprocessing.Queue
    QCOMPARE(flowsBetween(m, FlowKind::Message, piper, main), 1); // Pipe
    QVERIFY(printed(m, good, QStringLiteral("good: sending")));
    QVERIFY(printed(m, main, QStringLiteral("killed -9")));
    // Grouped by process, with the parent's pid.
    const ProcessInfo* child = m.process(m.lane(good).pid);
    QVERIFY(child);
    if (method != QLatin1String("forkserver")) // a forkserver child's parent is the server
        QCOMPARE(child->ppid, m.lane(main).pid);
    // multiprocessing's own threads (a queue's feeder) are not the program's: no lanes.
    QCOMPARE(laneNamed(m, QStringLiteral("QueueFeederThread")), -1);
}

void TestPythonRun::forkWithoutExec()
{
    const PyRun r = runPy(QStringLiteral("fork_wait.py"));
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    const TraceModel& m = r.model;
    const int main = mainLane(m);
    QVERIFY(main >= 0);
    int child = -1;
    for (int i = 0; i < m.laneCount(); ++i) {
        if (i != main && m.lane(i).kind == LaneKind::Process)
            child = i;
    }
    QVERIFY(child >= 0);
    QCOMPARE(m.lane(child).parent, main);
    QVERIFY(m.lane(child).pid != m.lane(main).pid);
    QVERIFY(printed(m, child, QStringLiteral("child: leaving")));
    QVERIFY(endsWith(m, child, InstantKind::End, {}, 4));
    QCOMPARE(flowsBetween(m, FlowKind::Fork, main, child), 1);
    QCOMPARE(flowsBetween(m, FlowKind::Join, child, main), 1);
    QVERIFY(printed(m, main, QStringLiteral("parent: child exit code 4")));
    QVERIFY(endsWith(m, main, InstantKind::End));
}

void TestPythonRun::osExit()
{
    const PyRun r = runPy(QStringLiteral("os_exit.py"));
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    QCOMPARE(r.exitCode, 5);
    const TraceModel& m = r.model;
    const int main = mainLane(m);
    LANE(sleeper, m, "sleeper");
    QVERIFY(endsWith(m, sleeper, InstantKind::Killed));
    QVERIFY(endsWith(m, main, InstantKind::End, {}, 5));
}

void TestPythonRun::popenChildren()
{
    const PyRun r = runPy(QStringLiteral("popen_children.py"));
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    const TraceModel& m = r.model;
    const int main = mainLane(m);
    QVERIFY(main >= 0);
    std::vector<int> children;
    for (int i = 0; i < m.laneCount(); ++i) {
        if (m.lane(i).kind == LaneKind::Process && m.lane(i).parent == main)
            children.push_back(i);
    }
    QCOMPARE(children.size(), size_t(2));
    std::sort(children.begin(), children.end(),
        [&m](int a, int b) { return m.lane(a).instants.front().t < m.lane(b).instants.front().t; });
    QVERIFY(printed(m, children[0], QStringLiteral("child: hi")));
    QVERIFY(endsWith(m, children[0], InstantKind::End, {}, 0));
    QVERIFY(endsWith(m, children[1], InstantKind::Killed, {}, SIGKILL));
    QCOMPARE(flowsBetween(m, FlowKind::Join, children[0], main), 1);
}

void TestPythonRun::poolWorkers()
{
    const PyRun r = runPy(QStringLiteral("pools.py"));
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    QCOMPARE(r.exitCode, 0);
    const TraceModel& m = r.model;
    const int main = mainLane(m);
    QVERIFY(main >= 0);
    int poolProcesses = 0;
    int executorThreads = 0;
    int executorProcesses = 0;
    for (const Lane& l : m.lanes()) {
        if (l.parent != main)
            continue;
        if (l.name.startsWith(QLatin1String("ForkPoolWorker-")) && l.kind == LaneKind::Process) {
            ++poolProcesses;
            QVERIFY(l.daemon); // a Pool's workers are daemon processes
        }
        executorThreads += l.name.startsWith(QLatin1String("ThreadPoolExecutor-")) && l.kind == LaneKind::Thread;
        executorProcesses += l.name.startsWith(QLatin1String("ForkProcess-")) && l.kind == LaneKind::Process;
    }
    QCOMPARE(poolProcesses, 2);
    QCOMPARE(executorThreads, 2);
    QCOMPARE(executorProcesses, 2);
}

qint64 total(const Lane& l, State s)
{
    qint64 sum = 0;
    for (const Span& sp : l.spans)
        sum += sp.state == s ? sp.end - sp.start : 0;
    return sum;
}

void TestPythonRun::gilMeasured()
{
    if (!GilSampler::available())
        QSKIP("no view of threads on a core here");
    // Two threads take turns: each waits for the GIL while the other runs. (On an idle machine
    // about half the time; on a busy one less, since both also wait for a core.)
    // While the run is on, the waits measured so far are there for the live view to draw.
    qint64 seenLive = 0;
    const auto watch = [&seenLive](const Collector& collector, const GilSampler& sampler) {
        qint64 sum = 0;
        const TraceModel& live = collector.model();
        for (auto it = sampler.liveStretches().constBegin(); it != sampler.liveStretches().constEnd(); ++it) {
            if (!live.lane(it.key()).name.startsWith(QLatin1String("adder")))
                continue;
            for (const auto& [from, to] : it.value())
                sum += to - from;
        }
        seenLive = std::max(seenLive, sum);
    };
    const PyRun threads = runPy(QStringLiteral("gil_threads.py"), {}, {}, watch);
    QVERIFY2(threads.error.isEmpty(), qPrintable(threads.error));
    QVERIFY2(seenLive > 5000000, qPrintable(QString::number(seenLive)));
    qint64 waited = 0;
    for (const char* name : { "adder0", "adder1" }) {
        const int l = laneNamed(threads.model, QLatin1String(name));
        QVERIFY2(l >= 0, name);
        waited += total(threads.model.lane(l), State::WaitingGil);
    }
    QVERIFY2(waited > 20000000, qPrintable(QString::number(waited)));
    QVERIFY(threads.model.gilInferred); // its tooltip says so
    // (The main thread may wait for it too: between its two start() calls the first adder
    // holds the GIL.)

    // Two processes, two GILs: nobody waits for one.
    const PyRun processes = runPy(QStringLiteral("gil_processes.py"));
    QVERIFY2(processes.error.isEmpty(), qPrintable(processes.error));
    QVERIFY(laneNamed(processes.model, QStringLiteral("adder0")) >= 0);
    for (const Lane& lane : processes.model.lanes())
        QCOMPARE(total(lane, State::WaitingGil), qint64(0));
}

// Each process's resident memory, read from the OS while it runs, is its memory strip: the
// track scenario runs have.
void TestPythonRun::memoryStrip()
{
    if (!GilSampler::available())
        QSKIP("no view of processes here");
    const PyRun r = runPy(QStringLiteral("memory.py"));
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    QCOMPARE(r.prints, QStringList { QStringLiteral("done") });
    const qint64 pid = r.model.lane(mainLane(r.model)).pid;
    double most = 0;
    int tracks = 0;
    for (const CounterTrack& track : r.model.counters()) {
        if (track.pid != pid || track.name != QLatin1String("memory"))
            continue;
        ++tracks;
        QCOMPARE(track.unit, QStringLiteral("MiB"));
        for (const CounterSample& s : track.samples)
            most = std::max(most, s.value);
    }
    QCOMPARE(tracks, 1);
    QVERIFY2(most >= 64, qPrintable(QString::number(most)));
}

void TestPythonRun::stopEndsTheTree()
{
    PythonLauncher::Request request;
    request.file = program(QStringLiteral("forever.py"));
    request.python = python();
    Collector::Launch launch;
    QString error;
    QVERIFY2(PythonLauncher::prepare(request, &launch, &error), qPrintable(error));
    Collector collector;
    bool started = false;
    connect(&collector, &Collector::printed, this,
        [&started](int, const QString& t) { started |= t == QLatin1String("started"); });
    QSignalSpy finished(&collector, &Collector::finished);
    QVERIFY(collector.start(launch, &error));
    QTRY_VERIFY_WITH_TIMEOUT(started, 120000);
    // Every process of the run has reported by now: the main one, its process and its fork.
    QTRY_VERIFY_WITH_TIMEOUT(collector.model().processes().size() >= 3, 60000);
    std::vector<qint64> pids;
    for (const ProcessInfo& p : collector.model().processes())
        pids.push_back(p.pid);
    QElapsedTimer clock;
    clock.start();
    collector.stop();
    QVERIFY(finished.wait(30000));
    // The target is 1 s; a loaded test machine gets more.
    QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(finished.first().first().toInt(), 130);
    for (qint64 pid : pids)
        QTRY_VERIFY_WITH_TIMEOUT(!processAlive(pid), 5000);
    const TraceModel m = collector.takeModel();
    LANE(napper, m, "napper");
    QVERIFY(endsWith(m, napper, InstantKind::Aborted));
    QVERIFY(endsWith(m, mainLane(m), InstantKind::Aborted));
}

void TestPythonRun::printMarkArrivesWhileComputing()
{
    // The tracer sends a buffered line's mark a little later, with others; a program that then
    // computes for minutes without another event must not keep it back until it ends.
    PythonLauncher::Request request;
    request.file = program(QStringLiteral("print_then_compute.py"));
    request.python = python();
    Collector::Launch launch;
    QString error;
    QVERIFY2(PythonLauncher::prepare(request, &launch, &error), qPrintable(error));
    Collector collector;
    QStringList prints;
    connect(&collector, &Collector::printed, this, [&prints](int, const QString& t) { prints << t; });
    QSignalSpy finished(&collector, &Collector::finished);
    QVERIFY(collector.start(launch, &error));
    // The program computes for 120 s: a mark that waited for its end would miss this by far.
    QTRY_VERIFY_WITH_TIMEOUT(prints.contains(QLatin1String("computing")), 60000);
    QVERIFY(finished.isEmpty());
    collector.stop();
    QVERIFY(finished.wait(30000));
    QVERIFY(!prints.contains(QLatin1String("done")));
}

void TestPythonRun::eventsCarryTheLine()
{
    // Straight from the channel: the tracer's lines, before any model.
    QString error;
    const QString tracer = PythonTracer::directory(&error);
    QVERIFY2(!tracer.isEmpty(), qPrintable(error));
    QLocalServer server;
    QVERIFY(server.listen(QStringLiteral("forkline-test-%1").arg(QCoreApplication::applicationPid())));
    QByteArray received;
    std::vector<QLocalSocket*> sockets;
    connect(&server, &QLocalServer::newConnection, this, [&] {
        while (QLocalSocket* s = server.nextPendingConnection()) {
            sockets.push_back(s);
            connect(s, &QLocalSocket::readyRead, this, [s, &received] { received += s->readAll(); });
        }
    });
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("FORKLINE_CHANNEL"), server.fullServerName());
    env.insert(QStringLiteral("FORKLINE_ROOT"), QStringLiteral("1"));
    env.insert(QStringLiteral("PYTHONPATH"), tracer);
    p.setProcessEnvironment(env);
    p.start(python(), { program(QStringLiteral("threads_join.py")) });
    QTRY_VERIFY_WITH_TIMEOUT(p.state() == QProcess::NotRunning, 120000);
    QTRY_VERIFY_WITH_TIMEOUT(received.contains("\"end\""), 10000);
    bool sawPrint = false;
    bool sawSleep = false;
    const QString file = QFileInfo(program(QStringLiteral("threads_join.py"))).absoluteFilePath();
    for (const QByteArray& line : received.split('\n')) {
        if (line.isEmpty())
            continue;
        ChannelEvent ev;
        QVERIFY2(ChannelEvent::decode(line, &ev), line.constData());
        if (ev.type == ChannelEvent::Type::Instant && ev.text == QLatin1String("slow: start")) {
            QCOMPARE(ev.file, file);
            QCOMPARE(ev.line, 7);
            sawPrint = true;
        }
        if (ev.type == ChannelEvent::Type::State && ev.state == State::Sleeping && ev.line == 8)
            sawSleep = true;
    }
    QVERIFY(sawPrint);
    QVERIFY(sawSleep);
}

void TestPythonRun::tracerImportsLittle()
{
    // Every process of a traced run imports the tracer before its own code: what it pulls in
    // is start-up time that each process pays. A program that imports nothing finds the same
    // modules loaded, traced or not.
    QProcess plain;
    plain.setProcessChannelMode(QProcess::SeparateChannels);
    plain.start(python(), { program(QStringLiteral("few_imports.py")) });
    QVERIFY(plain.waitForFinished(60000));
    const QStringList untraced = QString::fromUtf8(plain.readAllStandardOutput()).split(QLatin1Char('\n'));
    QVERIFY2(untraced.size() >= 2 && untraced.at(1).startsWith(QLatin1String("loaded:")),
        qPrintable(untraced.join(QLatin1Char('|'))));
    const PyRun r = runPy(QStringLiteral("few_imports.py"));
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.prints, (QStringList { QStringLiteral("line"), untraced.at(1) }));
    // And what it does still reaches the trace: the sleep and both prints.
    const int main = laneNamed(r.model, QStringLiteral("MainThread"));
    QVERIFY(main >= 0);
    bool slept = false;
    for (const Span& s : r.model.lane(main).spans)
        slept = slept || s.state == State::Sleeping;
    QVERIFY(slept);
}

void TestPythonRun::collectorGoneEndsTheRun()
{
    // Nobody left to show or stop the run (the window crashed, say): every process of it
    // ends at its next event instead of running on unseen.
    QString error;
    const QString tracer = PythonTracer::directory(&error);
    QVERIFY2(!tracer.isEmpty(), qPrintable(error));
    auto server = std::make_unique<QLocalServer>();
    QVERIFY(server->listen(QStringLiteral("forkline-gone-%1").arg(QCoreApplication::applicationPid())));
    std::vector<QLocalSocket*> sockets;
    connect(server.get(), &QLocalServer::newConnection, this, [&] {
        while (QLocalSocket* s = server->nextPendingConnection())
            sockets.push_back(s);
    });
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("FORKLINE_CHANNEL"), server->fullServerName());
    env.insert(QStringLiteral("FORKLINE_ROOT"), QStringLiteral("1"));
    env.insert(QStringLiteral("PYTHONPATH"), tracer);
    p.setProcessEnvironment(env);
    p.start(python(), { program(QStringLiteral("forever.py")) });
    QTRY_VERIFY_WITH_TIMEOUT(sockets.size() >= 3, 120000); // the program, its process, its fork
    const qint64 root = p.processId();
    std::vector<qint64> pids { root };
    for (qint64 child : descendantProcesses(root))
        pids.push_back(child);
    QVERIFY(pids.size() >= 3);
    for (QLocalSocket* s : sockets)
        s->abort();
    server.reset();
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 130);
    for (qint64 pid : pids)
        QTRY_VERIFY_WITH_TIMEOUT(!processAlive(pid), 30000);
}

QTEST_GUILESS_MAIN(TestPythonRun)
#include "tst_pythonrun.moc"
