// SPDX-License-Identifier: GPL-3.0-or-later
// Process workers, daemon, terminate, crash, stop and input, through the real runner.
#include "runutil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace ForklineTest;

namespace {

// The line printed last, by the clock. Each process sends its prints on a channel of its own,
// so a child's last line can reach the collector after a line its parent printed later.
QString lastPrinted(const TraceModel& m)
{
    const PrintRecord* last = nullptr;
    for (const PrintRecord& p : m.prints()) {
        if (!last || p.t >= last->t)
            last = &p;
    }
    return last ? m.texts().at(last->text) : QString();
}

} // namespace

class TestProcesses : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void subProcessHasItsOwnPid();
    void parallelChildrenShareTheirParent();
    void daemonThreadsKilledWhenMainEnds();
    void nonDaemonThreadsRunToTheirEnd();
    void daemonProcessesAreTerminatedAtExit();
    void terminateStep();
    void terminateFromCollector();
    void terminatedBeforeItReports();
    void requestStopEndsAThreadAtAStepBoundary();
    void crashingProcessLeavesTheRunGoing();
    void threadsStartProcessesAtOnce();
    void workerThatCannotStart();
    void stopLeavesNoProcess();
    void stdinReachesTheWorker();
    void inputWithClosedStdinIsBadInput();
};

void TestProcesses::subProcessHasItsOwnPid()
{
    const RunResult r = runScenario(QStringLiteral("sub-process"));
    QCOMPARE(r.exitCode, 0);
    const TraceModel& m = r.model;
    QCOMPARE(m.processes().size(), size_t(2));
    const Lane& main = requireLane(m, QStringLiteral("MainThread"));
    const Lane& sub = requireLane(m, QStringLiteral("sub"));
    QVERIFY(sub.pid != main.pid);
    QCOMPARE(sub.kind, LaneKind::Process);
    QCOMPARE(m.process(sub.pid)->ppid, main.pid);
    QVERIFY(r.prints.contains(QStringLiteral("[sub] pid : %1").arg(sub.pid)));
    QVERIFY(r.prints.contains(QStringLiteral("[main] pid : %1").arg(main.pid)));
    QVERIFY(r.prints.contains(QStringLiteral("startcoding")));
    // The fork arrow crosses from the runner's main lane to the child, whose end is seen.
    bool fork = false;
    for (const Flow& f : m.flows())
        fork = fork || (f.kind == FlowKind::Fork && f.fromLane == laneNamed(m, QStringLiteral("MainThread")));
    QVERIFY(fork);
    QVERIFY(findInstant(sub, InstantKind::End));
    // Python joins a non-daemon child at exit: main's end follows the child's.
    QVERIFY(findInstant(main, InstantKind::End)->t >= findInstant(sub, InstantKind::End)->t);
}

void TestProcesses::parallelChildrenShareTheirParent()
{
    RunOptions o;
    o.timeScale = 0.2;
    const RunResult r = runScenario(QStringLiteral("parallel-functions"), o);
    QCOMPARE(r.exitCode, 0);
    const TraceModel& m = r.model;
    const Lane& main = requireLane(m, QStringLiteral("MainThread"));
    const Lane& foo = requireLane(m, QStringLiteral("foo"));
    const Lane& bar = requireLane(m, QStringLiteral("bar"));
    QVERIFY(foo.pid != bar.pid);
    QCOMPARE(m.process(foo.pid)->ppid, main.pid);
    QCOMPARE(m.process(bar.pid)->ppid, main.pid);
    // They run at the same time.
    QVERIFY(std::max(findInstant(foo, InstantKind::Start)->t, findInstant(bar, InstantKind::Start)->t)
        < std::min(findInstant(foo, InstantKind::End)->t, findInstant(bar, InstantKind::End)->t));
    // join() returned after both ended.
    const Instant* done = findInstant(main, InstantKind::Print, QStringLiteral("[parent] both children are done"), &m);
    QVERIFY(done);
    QVERIFY(done->t >= std::max(findInstant(foo, InstantKind::End)->t, findInstant(bar, InstantKind::End)->t));
    QCOMPARE(lastPrinted(m), QStringLiteral("[parent] both children are done"));
}

void TestProcesses::daemonThreadsKilledWhenMainEnds()
{
    RunOptions o;
    o.daemon.insert(QStringLiteral("all"), true);
    const RunResult r = runScenario(QStringLiteral("five-workers"), o);
    QCOMPARE(r.exitCode, 0);
    const TraceModel& m = r.model;
    const Lane& main = requireLane(m, QStringLiteral("MainThread"));
    const qint64 mainExit = findInstant(main, InstantKind::MainExit)->t;
    for (int i = 0; i < 5; ++i) {
        const Lane& w = requireLane(m, QStringLiteral("thread %1").arg(i));
        const Instant* killed = findInstant(w, InstantKind::Killed);
        QVERIFY(killed);
        QVERIFY(killed->t >= mainExit);
        QVERIFY2(killed->t - mainExit < 250'000'000, qPrintable(QString::number(killed->t - mainExit)));
        QVERIFY(!findInstant(w, InstantKind::End));
    }
    QVERIFY(!r.prints.contains(QStringLiteral("sub thread end  thread 0")));
    QCOMPARE(r.prints.last(), QStringLiteral("main thread end"));
}

void TestProcesses::nonDaemonThreadsRunToTheirEnd()
{
    RunOptions o;
    o.timeScale = 0.1;
    const RunResult r = runScenario(QStringLiteral("five-workers"), o);
    QCOMPARE(r.exitCode, 0);
    const TraceModel& m = r.model;
    const Lane& main = requireLane(m, QStringLiteral("MainThread"));
    const qint64 mainExit = findInstant(main, InstantKind::MainExit)->t;
    for (int i = 0; i < 5; ++i) {
        const Lane& w = requireLane(m, QStringLiteral("thread %1").arg(i));
        const Instant* end = findInstant(w, InstantKind::End);
        QVERIFY(end);
        QVERIFY(!findInstant(w, InstantKind::Killed));
        // 3 s at a time scale of 0.1: each slept about 0.3 s.
        QVERIFY(end->t - findInstant(w, InstantKind::Start)->t >= 280'000'000);
        QVERIFY(end->t > mainExit);
        QVERIFY(r.prints.contains(QStringLiteral("sub thread end  thread %1").arg(i)));
    }
    QVERIFY(findInstant(main, InstantKind::End)->t >= mainExit);
}

void TestProcesses::daemonProcessesAreTerminatedAtExit()
{
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("dp.json"),
        R"({"main": [{"start": "d"}, {"sleep": 0.3}, {"print": "main end"}],
            "workers": [{"name": "d", "kind": "process", "daemon": true,
                         "steps": [{"print": "d start"}, {"sleep": 30}, {"print": "d end"}]}]})");
    QElapsedTimer wall;
    wall.start();
    const RunResult r = runScenario(path);
    QCOMPARE(r.exitCode, 0);
    QVERIFY(wall.elapsed() < 20000);
    const Lane& d = requireLane(r.model, QStringLiteral("d"));
    QVERIFY(d.daemon);
    QVERIFY(findInstant(d, InstantKind::Killed));
    QVERIFY(!r.prints.contains(QStringLiteral("d end")));
    QVERIFY(!processAlive(d.pid));
}

void TestProcesses::terminateStep()
{
    const RunResult r = runScenario(QStringLiteral("subprocess-terminate"));
    QCOMPARE(r.exitCode, 0);
    const TraceModel& m = r.model;
    const Lane& main = requireLane(m, QStringLiteral("MainThread"));
    const Lane& sub = requireLane(m, QStringLiteral("startcoding"));
    const Instant* fork = findInstant(main, InstantKind::Fork);
    const Instant* terminated = findInstant(sub, InstantKind::Terminated);
    QVERIFY(fork && terminated);
    const double after = double(terminated->t - fork->t) / 1e9;
    // Main sleeps 1 s after start() returns; starting the child and seeing it exit add to that,
    // by a lot on a busy machine. Far below the child's own 5 s nap, which it never finishes.
    QVERIFY2(after > 0.9 && after < 3.0, qPrintable(QString::number(after)));
#if !defined(Q_OS_WIN)
    QCOMPARE(terminated->code, 15); // SIGTERM
#endif
    QVERIFY(!r.prints.contains(QStringLiteral("[sub] startcoding end")));
    QCOMPARE(lastPrinted(m), QStringLiteral("[main] end"));
}

void TestProcesses::terminateFromCollector()
{
    // The runner may end the child before the collector's line reaches it too (tst_faults).
    QTest::failOnWarning(QRegularExpression(QStringLiteral("device not open")));
    Collector collector;
    Collector::Launch launch;
    launch.scenario = QStringLiteral("subprocess-join");
    launch.program = QStringLiteral(FORKLINE_BIN);
    QSignalSpy printed(&collector, &Collector::printed);
    QSignalSpy finished(&collector, &Collector::finished);
    QString error;
    QVERIFY(collector.start(launch, &error));
    QTRY_VERIFY_WITH_TIMEOUT(printed.count() >= 2, 20000); // the child is running
    collector.terminateWorker(QStringLiteral("startcoding"));
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.first().first().toInt(), 0);
    const TraceModel& m = collector.model();
    const Lane& sub = requireLane(m, QStringLiteral("startcoding"));
    QVERIFY(findInstant(sub, InstantKind::Terminated));
    // join() returned because the child ended; main goes on and ends normally.
    const Lane& main = requireLane(m, QStringLiteral("MainThread"));
    QVERIFY(findInstant(main, InstantKind::Join));
    QVERIFY(findInstant(main, InstantKind::End));
}

void TestProcesses::terminatedBeforeItReports()
{
    // terminate() right after start(): the child dies before it can report its lane. Its
    // parent still draws it, named, under its parent, for as long as it existed; exitcode -15.
    const RunResult r = runScenario(QStringLiteral(FORKLINE_TEST_DATA "/runs/terminate-at-once.json"));
    QCOMPARE(r.exitCode, 0);
    const TraceModel& m = r.model;
    const Lane& main = requireLane(m, QStringLiteral("MainThread"));
    const Lane& child = requireLane(m, QStringLiteral("child"));
    QCOMPARE(child.kind, LaneKind::Process);
    QVERIFY(child.pid != main.pid);
    QCOMPARE(m.process(child.pid)->ppid, main.pid);
    QCOMPARE(m.process(child.pid)->name, QStringLiteral("child"));
    QVERIFY(child.parent >= 0 && &m.lane(child.parent) == &main);
    QVERIFY(!child.spans.empty()); // from start() to its end, whoever reported it
    QVERIFY(findInstant(child, InstantKind::Terminated));
    int childLanes = 0;
    for (int li : m.process(child.pid)->lanes)
        childLanes += m.lane(li).kind == LaneKind::Process ? 1 : 0;
    QCOMPARE(childLanes, 1);
#if !defined(Q_OS_WIN)
    QVERIFY(r.prints.contains(QStringLiteral("code -15")));
#endif
}

void TestProcesses::requestStopEndsAThreadAtAStepBoundary()
{
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("stop.json"),
        R"({"main": [{"start": "w"}, {"join": "w"}, {"print": "joined"}],
            "workers": [{"name": "w", "steps": [{"repeat": 1000, "steps": [{"print": "tick"}, {"sleep": 0.05}]}]}]})");
    Collector collector;
    Collector::Launch launch;
    launch.scenario = path;
    launch.program = QStringLiteral(FORKLINE_BIN);
    QSignalSpy printed(&collector, &Collector::printed);
    QSignalSpy finished(&collector, &Collector::finished);
    QString error;
    QVERIFY(collector.start(launch, &error));
    QTRY_VERIFY_WITH_TIMEOUT(printed.count() >= 2, 20000);
    collector.requestStop(QStringLiteral("w"));
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.first().first().toInt(), 0);
    QVERIFY(printed.count() < 200);
    QCOMPARE(printed.last().at(1).toString(), QStringLiteral("joined"));
    const Lane& w = requireLane(collector.model(), QStringLiteral("w"));
    QVERIFY(findInstant(w, InstantKind::End));
}

void TestProcesses::crashingProcessLeavesTheRunGoing()
{
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("crash.json"),
        R"({"main": [{"start": "c"}, {"join": "c"}, {"print": "main goes on"}],
            "workers": [{"name": "c", "kind": "process", "steps": [{"print": "about to crash"}, {"crash": "abort"}]}]})");
    const RunResult r = runScenario(path);
    QCOMPARE(r.exitCode, 0);
    const Lane& c = requireLane(r.model, QStringLiteral("c"));
    const Instant* crashed = findInstant(c, InstantKind::Crashed);
    QVERIFY(crashed);
#if !defined(Q_OS_WIN)
    QCOMPARE(crashed->code, 6); // SIGABRT
#endif
    QVERIFY(r.prints.contains(QStringLiteral("about to crash")));
    QCOMPARE(lastPrinted(r.model), QStringLiteral("main goes on"));
}

// Four threads start eight processes each at the same moment, half of which die at once of
// a signal: every start is answered to the thread that asked, and every end, however soon
// after its start, reaches its lane.
void TestProcesses::threadsStartProcessesAtOnce()
{
    QJsonArray main;
    QJsonArray workers;
    for (int t = 0; t < 4; ++t) {
        const QString thread = QStringLiteral("t%1").arg(t);
        main.append(QJsonObject { { QStringLiteral("start"), thread } });
        QJsonArray steps;
        for (int c = 0; c < 8; ++c) {
            const QString child = QStringLiteral("p%1_%2").arg(t).arg(c);
            steps.append(QJsonObject { { QStringLiteral("start"), child } });
            const QJsonArray childSteps = c % 2
                ? QJsonArray { QJsonObject { { QStringLiteral("crash"), QStringLiteral("abort") } } }
                : QJsonArray { QJsonObject { { QStringLiteral("print"), child } } };
            workers.append(QJsonObject { { QStringLiteral("name"), child },
                { QStringLiteral("kind"), QStringLiteral("process") }, { QStringLiteral("steps"), childSteps } });
        }
        for (int c = 0; c < 8; ++c)
            steps.append(QJsonObject { { QStringLiteral("join"), QStringLiteral("p%1_%2").arg(t).arg(c) } });
        workers.append(QJsonObject { { QStringLiteral("name"), thread },
            { QStringLiteral("kind"), QStringLiteral("thread") }, { QStringLiteral("steps"), steps } });
    }
    for (int t = 0; t < 4; ++t)
        main.append(QJsonObject { { QStringLiteral("join"), QStringLiteral("t%1").arg(t) } });
    main.append(QJsonObject { { QStringLiteral("print"), QStringLiteral("all joined") } });
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("many-starters.json"),
        QJsonDocument(QJsonObject { { QStringLiteral("main"), main }, { QStringLiteral("workers"), workers } })
            .toJson());
    const RunResult r = runScenario(path);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(lastPrinted(r.model), QStringLiteral("all joined"));
    for (int t = 0; t < 4; ++t) {
        for (int c = 0; c < 8; ++c) {
            const QString child = QStringLiteral("p%1_%2").arg(t).arg(c);
            const Lane& lane = requireLane(r.model, child);
            QVERIFY2(lane.pid > 0, qPrintable(child));
            if (c % 2) {
                const Instant* crashed = findInstant(lane, InstantKind::Crashed);
                QVERIFY2(crashed, qPrintable(child));
#if !defined(Q_OS_WIN)
                QCOMPARE(crashed->code, 6); // SIGABRT
#endif
            } else {
                QVERIFY2(findInstant(lane, InstantKind::End), qPrintable(child));
                QVERIFY2(r.prints.contains(child), qPrintable(child));
            }
        }
    }
}

void TestProcesses::workerThatCannotStart()
{
    qputenv("FORKLINE_WORKER_PROGRAM", "/nonexistent/forkline");
    RunOptions o;
    o.timeScale = 0.1;
    const RunResult r = runScenario(QStringLiteral("parallel-functions"), o);
    qunsetenv("FORKLINE_WORKER_PROGRAM");
    QCOMPARE(r.exitCode, 0);
    const Lane& foo = requireLane(r.model, QStringLiteral("foo"));
    const Instant* failed = findInstant(foo, InstantKind::Failed);
    QVERIFY(failed);
    QVERIFY(r.model.texts().at(failed->text).contains(QStringLiteral("could not start")));
    QCOMPARE(lastPrinted(r.model), QStringLiteral("[parent] both children are done"));
}

void TestProcesses::stopLeavesNoProcess()
{
    Collector collector;
    Collector::Launch launch;
    launch.scenario = QStringLiteral("parallel-functions");
    launch.options.timeScale = 20; // long enough to be stopped mid-way
    launch.program = QStringLiteral(FORKLINE_BIN);
    QSignalSpy printed(&collector, &Collector::printed);
    QSignalSpy finished(&collector, &Collector::finished);
    QString error;
    QVERIFY(collector.start(launch, &error));
    QTRY_VERIFY_WITH_TIMEOUT(printed.count() >= 3, 20000); // both children printed
    std::vector<qint64> pids;
    for (const ProcessInfo& p : collector.model().processes())
        pids.push_back(p.pid);
    QCOMPARE(pids.size(), size_t(3));
    QElapsedTimer t;
    t.start();
    collector.stop();
    QVERIFY(finished.wait(10000));
    QVERIFY2(t.elapsed() < 2500, qPrintable(QString::number(t.elapsed())));
    for (qint64 pid : pids)
        QTRY_VERIFY_WITH_TIMEOUT(!processAlive(pid), 2000);
    for (const Lane& l : collector.model().lanes()) {
        QVERIFY(l.ended);
        QVERIFY2(findInstant(l, InstantKind::Aborted), qPrintable(l.name));
    }
}

void TestProcesses::stdinReachesTheWorker()
{
    const CliResult r = runCli({ QStringLiteral("run"), QStringLiteral("input-worker") }, "안녕\n");
    QCOMPARE(r.exitCode, 0);
    const QString out = QString::fromUtf8(r.out);
    QVERIFY2(out.contains(QStringLiteral("[sub] 안녕로 검색을 시작")), qPrintable(out));
    QVERIFY(out.contains(QStringLiteral("[sub] end")));

    // Through the collector, as the console pane sends it.
    Collector collector;
    Collector::Launch launch;
    launch.scenario = QStringLiteral("input-worker");
    launch.program = QStringLiteral(FORKLINE_BIN);
    QSignalSpy printed(&collector, &Collector::printed);
    QSignalSpy finished(&collector, &Collector::finished);
    QString error;
    QVERIFY(collector.start(launch, &error));
    QTRY_VERIFY_WITH_TIMEOUT(collector.model().laneCount() == 2
            && firstStart(requireLane(collector.model(), QStringLiteral("work")), State::Running) >= 0
            && requireLane(collector.model(), QStringLiteral("work")).openState == State::WaitingInput,
        20000);
    collector.sendInput(QStringLiteral("forkline"));
    QVERIFY(finished.wait(10000));
    bool found = false;
    for (const auto& args : printed)
        found = found || args.at(1).toString() == QStringLiteral("[sub] forkline로 검색을 시작");
    QVERIFY(found);
}

void TestProcesses::inputWithClosedStdinIsBadInput()
{
    QProcess p;
    p.setStandardInputFile(QProcess::nullDevice());
    p.start(QStringLiteral(FORKLINE_BIN), { QStringLiteral("run"), QStringLiteral("input-worker") });
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 2);
    QVERIFY(p.readAllStandardError().contains("asks for input"));
    // A daemon's unanswered question does not stop the run.
    QProcess d;
    d.setStandardInputFile(QProcess::nullDevice());
    d.start(QStringLiteral(FORKLINE_BIN), { QStringLiteral("run"), QStringLiteral("input-worker-daemon") });
    QVERIFY(d.waitForFinished(30000));
    QCOMPARE(d.exitCode(), 0);
}

QTEST_GUILESS_MAIN(TestProcesses)
#include "tst_processes.moc"
