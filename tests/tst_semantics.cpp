// SPDX-License-Identifier: GPL-3.0-or-later
// Scenarios behave as CPython 3.11 does: its unfair locks, exit codes, exceptions, daemon
// inheritance, terminate and kill seen from the caller. Each case is checked in the trace.
#include "chrometraceimport.h"
#include "runutil.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <limits>

#include <algorithm>

#if defined(Q_OS_UNIX)
#include <csignal>
#include <unistd.h>
#endif

using namespace ForklineTest;

namespace {

int spanCount(const Lane& l, State s)
{
    int n = 0;
    for (const Span& sp : l.spans)
        n += sp.state == s;
    return n;
}

struct Run
{
    RunResult result;
    QString err;
};

// runScenario() that also keeps what the run wrote to stderr.
Run runWithStderr(const QString& scenario, const RunOptions& options = {})
{
    Collector collector;
    Collector::Launch launch;
    launch.scenario = scenario;
    launch.options = options;
    launch.program = QStringLiteral(FORKLINE_BIN);
    Run run;
    QObject::connect(&collector, &Collector::printed, [&run](int, const QString& text) { run.result.prints << text; });
    QObject::connect(&collector, &Collector::stderrText, [&run](const QString& text) { run.err += text; });
    QSignalSpy finished(&collector, &Collector::finished);
    QString error;
    if (!collector.start(launch, &error) || !finished.wait(60000))
        return run;
    run.result.exitCode = finished.first().first().toInt();
    run.result.model = collector.takeModel();
    return run;
}

// The instant that ended the lane.
const Instant* ending(const Lane& l)
{
    for (auto it = l.instants.rbegin(); it != l.instants.rend(); ++it) {
        if (isTerminal(it->kind))
            return &*it;
    }
    return nullptr;
}

QString textOf(const TraceModel& m, const Instant* in)
{
    return in && in->text >= 0 ? m.texts().at(in->text) : QString();
}

// From the first worker's first span to the last worker's last: how long the threads other
// than main took.
qint64 workersSpan(const TraceModel& m)
{
    qint64 first = std::numeric_limits<qint64>::max();
    qint64 last = std::numeric_limits<qint64>::min();
    for (const Lane& l : m.lanes()) {
        if (l.name == QLatin1String("MainThread") || l.spans.empty())
            continue;
        first = std::min(first, l.spans.front().start);
        last = std::max(last, l.spans.back().end);
    }
    return last > first ? last - first : 0;
}

int completeFlows(const TraceModel& m, FlowKind kind)
{
    int n = 0;
    for (const Flow& f : m.flows())
        n += f.kind == kind && f.complete();
    return n;
}

} // namespace

class TestSemantics : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void counterLockContendsAsCPythonDoes();
    void releaserTakesTheLockBack();
    void exitCodesAsPython();
    void raiseInAThread();
    void raiseInMainWaitsForThreads();
    void daemonIsInherited_data();
    void daemonIsInherited();
    void terminateAndKillSeenFromTheCaller_data();
    void terminateAndKillSeenFromTheCaller();
    void signalStopsTheRunLikeCtrlC_data();
    void signalStopsTheRunLikeCtrlC();
    void buyerSellerSleepSideBySide();
};

void TestSemantics::counterLockContendsAsCPythonDoes()
{
    // Four threads, 1,000 increments each under one lock (`with lock: counter += 1`): CPython
    // 3.11 shows no contended acquire in 5 runs of 5, because a thread that releases the lock
    // and asks again before it lets go of the GIL keeps it. A fair lock made a convoy of it,
    // with a different number of hand-overs every run.
#if defined(__SANITIZE_THREAD__)
    // Many times slower, a critical section outlasts the GIL's 5 ms turn, which then ends
    // inside it, as it would in a CPython that slow: waits there are right, not a fault.
    QSKIP("ThreadSanitizer's slowdown makes critical sections span the GIL's turns");
#endif
    // The same holds only while the four threads' work fits in the GIL's first turns (5 ms
    // each): a machine slow enough to stretch it (a sanitizer's build, a busy one) switches
    // threads inside the lock now and then, and CPython at that speed would wait there too.
    constexpr qint64 kTurnsNs = 4 * 5 * 1000000LL;
    int fast = 0;
    for (int run = 0; run < 5; ++run) {
        const RunResult r = runScenario(QStringLiteral("counter-lock"));
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.prints.last(), QStringLiteral("counter = 4000 (expected 4000)"));
        if (workersSpan(r.model) >= kTurnsNs)
            continue;
        ++fast;
        int waits = 0;
        for (const Lane& l : r.model.lanes())
            waits += spanCount(l, State::WaitingLock);
        QCOMPARE(waits, 0);
        QCOMPARE(completeFlows(r.model, FlowKind::Lock), 0);
    }
    if (fast == 0)
        QSKIP("every run's threads outlasted their first GIL turns: too slow a machine to check");
}

void TestSemantics::releaserTakesTheLockBack()
{
    // Python:
    //   def a():
    //       for i in range(3):
    //           with lock: print("a", i); time.sleep(0.05)
    //   def b():
    //       with lock: print("b")
    // b waits from a's first turn, but a takes the lock back each time it releases it, so b
    // gets it only after a's last release (a fair lock would let b in after "a 0").
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("unfair.json"), R"({"main": [
        {"start": "a"}, {"start": "b"}, {"join": "a"}, {"join": "b"}],
      "workers": [
        {"name": "a", "steps": [{"repeat": 3, "as": "i", "steps": [
            {"acquire": "lock"}, {"print": "a {i}"}, {"sleep": 0.05}, {"release": "lock"}]}]},
        {"name": "b", "steps": [{"acquire": "lock"}, {"print": "b"}, {"release": "lock"}]}]})");
    const RunResult r = runScenario(path);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.prints,
        QStringList({ QStringLiteral("a 0"), QStringLiteral("a 1"), QStringLiteral("a 2"), QStringLiteral("b") }));
    // One wait, drawn as one span, and one arrow from a's last release to b's acquire.
    const Lane& b = requireLane(r.model, QStringLiteral("b"));
    QCOMPARE(spanCount(b, State::WaitingLock), 1);
    QCOMPARE(spanCount(requireLane(r.model, QStringLiteral("a")), State::WaitingLock), 0);
    QCOMPARE(completeFlows(r.model, FlowKind::Lock), 1);
    for (const Flow& f : r.model.flows()) {
        if (f.kind == FlowKind::Lock) {
            QCOMPARE(f.fromLane, laneNamed(r.model, QStringLiteral("a")));
            QCOMPARE(f.toLane, laneNamed(r.model, QStringLiteral("b")));
            QVERIFY(f.toT >= f.fromT);
        }
    }
}

void TestSemantics::exitCodesAsPython()
{
    // p.exitcode after p.join(): 0; 1 after an exception; -15 after terminate(); -9 after
    // kill(); None before the process has ended.
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("codes.json"), R"({"main": [
        {"start": "ok"}, {"join": "ok"}, {"print": "ok {exitcode} {ok.exitcode}"},
        {"start": "bad"}, {"join": "bad"}, {"print": "bad {exitcode}"},
        {"start": "term"}, {"print": "term before {term.exitcode}"}, {"sleep": 0.5},
        {"terminate": "term"}, {"join": "term"}, {"print": "term {exitcode}"},
        {"start": "kil"}, {"sleep": 0.5}, {"kill": "kil"}, {"join": "kil"}, {"print": "kill {kil.exitcode}"}],
      "workers": [
        {"name": "ok", "kind": "process", "steps": []},
        {"name": "bad", "kind": "process", "steps": [{"raise": "ValueError", "message": "boom"}]},
        {"name": "term", "kind": "process", "steps": [{"sleep": 30}]},
        {"name": "kil", "kind": "process", "steps": [{"sleep": 30}]}]})");
    const Run run = runWithStderr(path);
    const RunResult& r = run.result;
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.prints,
        QStringList({ QStringLiteral("ok 0 0"), QStringLiteral("bad 1"), QStringLiteral("term before None"),
            QStringLiteral("term -15"), QStringLiteral("kill -9") }));
    // Each process lane ends with what Python reports: the exit code, or the signal's number.
    const Instant* ok = ending(requireLane(r.model, QStringLiteral("ok")));
    QVERIFY(ok && ok->kind == InstantKind::End && ok->code == 0);
    const Instant* bad = ending(requireLane(r.model, QStringLiteral("bad")));
    QVERIFY(bad && bad->kind == InstantKind::Failed);
    QCOMPARE(bad->code, 1);
    QCOMPARE(textOf(r.model, bad), QStringLiteral("ValueError: boom"));
    const Instant* term = ending(requireLane(r.model, QStringLiteral("term")));
    QVERIFY(term && term->kind == InstantKind::Terminated);
    QCOMPARE(term->code, 15);
    const Instant* kil = ending(requireLane(r.model, QStringLiteral("kil")));
    QVERIFY(kil && kil->kind == InstantKind::Killed);
    QCOMPARE(kil->code, 9);
    // A process's uncaught exception is printed as multiprocessing prints it.
    QVERIFY2(run.err.contains(QStringLiteral("Process bad:\nTraceback (most recent call last):\n  File \"%1\", line 9, "
                                             "in bad\n    raise ValueError(\"boom\")\nValueError: boom\n")
                                  .arg(path)),
        qPrintable(run.err));
}

void TestSemantics::raiseInAThread()
{
    // Python: the thread ends with a traceback from threading.excepthook; the others go on,
    // and the program's exit code stays 0.
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("raise.json"), R"({"main": [
        {"start": "w"}, {"start": "other"}, {"join": "w"}, {"join": "other"}, {"print": "main end"}],
      "workers": [
        {"name": "w", "steps": [{"print": "w start"},
            {"raise": "ValueError", "message": "boom"}, {"print": "never"}]},
        {"name": "other", "steps": [{"sleep": 0.2}, {"print": "other end"}]}]})");
    const Run run = runWithStderr(path);
    const RunResult& r = run.result;
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(
        r.prints, QStringList({ QStringLiteral("w start"), QStringLiteral("other end"), QStringLiteral("main end") }));
    QCOMPARE(run.err,
        QStringLiteral("Exception in thread w:\nTraceback (most recent call last):\n  File \"%1\", line 5, in w\n"
                       "    raise ValueError(\"boom\")\nValueError: boom\n")
            .arg(path));
    const Lane& w = requireLane(r.model, QStringLiteral("w"));
    const Instant* end = ending(w);
    QVERIFY(end && end->kind == InstantKind::Failed);
    QCOMPARE(textOf(r.model, end), QStringLiteral("ValueError: boom"));
    const Instant* otherEnd = ending(requireLane(r.model, QStringLiteral("other")));
    QVERIFY(otherEnd && otherEnd->kind == InstantKind::End);
    QVERIFY(otherEnd->t > end->t);
    // main's join still gets its arrow from the failed thread's end.
    QCOMPARE(completeFlows(r.model, FlowKind::Join), 2);
}

void TestSemantics::raiseInMainWaitsForThreads()
{
    // Python prints main's traceback at once, then still waits for non-daemon threads, and
    // exits with 1.
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("mainraise.json"), R"({"main": [
        {"start": "w"}, {"raise": "KeyError"}, {"print": "never"}],
      "workers": [{"name": "w", "steps": [{"sleep": 0.3}, {"print": "w end"}]}]})");
    const Run run = runWithStderr(path);
    const RunResult& r = run.result;
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.prints, QStringList({ QStringLiteral("w end") }));
    QCOMPARE(run.err,
        QStringLiteral("Traceback (most recent call last):\n  File \"%1\", line 2, in <module>\n    raise KeyError\n"
                       "KeyError\n")
            .arg(path));
    const Instant* mainEnd = ending(requireLane(r.model, QStringLiteral("MainThread")));
    QVERIFY(mainEnd && mainEnd->kind == InstantKind::Failed);
    QCOMPARE(mainEnd->code, 1);
    QCOMPARE(textOf(r.model, mainEnd), QStringLiteral("KeyError"));
    const Instant* wEnd = ending(requireLane(r.model, QStringLiteral("w")));
    QVERIFY(wEnd && wEnd->kind == InstantKind::End);
    QVERIFY(mainEnd->t >= wEnd->t);
}

void TestSemantics::daemonIsInherited_data()
{
    QTest::addColumn<QString>("option"); // a --daemon override, or none
    QTest::addColumn<bool>("bDaemon");
    // Python: a thread started by a daemon thread is a daemon, unless it is told otherwise.
    QTest::newRow("inherited") << QString() << true;
    QTest::newRow("starter overridden") << QStringLiteral("a=off") << false;
    QTest::newRow("own override") << QStringLiteral("b=off") << false;
    QTest::newRow("all") << QStringLiteral("all=on") << true;
}

void TestSemantics::daemonIsInherited()
{
    QFETCH(QString, option);
    QFETCH(bool, bDaemon);
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("inherit.json"), R"({"main": [
        {"start": "a"}, {"sleep": 0.3}, {"print": "main end"}],
      "workers": [
        {"name": "a", "daemon": true, "steps": [{"start": "b"}, {"sleep": 0.1}]},
        {"name": "b", "steps": [{"print": "b start"}, {"sleep": 1}, {"print": "b end"}]}]})");
    RunOptions o;
    if (!option.isEmpty())
        o.daemon.insert(option.section(QLatin1Char('='), 0, 0), option.endsWith(QLatin1String("=on")));
    const RunResult r = runScenario(path, o);
    QCOMPARE(r.exitCode, 0);
    const Lane& b = requireLane(r.model, QStringLiteral("b"));
    QCOMPARE(b.daemon, bDaemon);
    const Instant* end = ending(b);
    QVERIFY(end);
    if (bDaemon) {
        QCOMPARE(end->kind, InstantKind::Killed);
        QVERIFY(!r.prints.contains(QStringLiteral("b end")));
    } else {
        QCOMPARE(end->kind, InstantKind::End);
        QCOMPARE(r.prints.last(), QStringLiteral("b end"));
    }
}

void TestSemantics::terminateAndKillSeenFromTheCaller_data()
{
    QTest::addColumn<QString>("step");
    QTest::addColumn<int>("signal");
    QTest::addColumn<int>("childEnd"); // an InstantKind
    QTest::newRow("terminate") << QStringLiteral("terminate") << 15 << int(InstantKind::Terminated);
    QTest::newRow("kill") << QStringLiteral("kill") << 9 << int(InstantKind::Killed);
}

void TestSemantics::terminateAndKillSeenFromTheCaller()
{
    QFETCH(QString, step);
    QFETCH(int, signal);
    QFETCH(int, childEnd);
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("signal.json"),
        QStringLiteral(R"({"main": [
        {"start": "p"}, {"sleep": 0.5}, {"%1": "p"}, {"join": "p"}, {"print": "{exitcode}"}],
      "workers": [{"name": "p", "kind": "process", "steps": [{"sleep": 30}]}]})")
            .arg(step)
            .toUtf8());
    const RunResult r = runScenario(path);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.prints, QStringList({ QString::number(-signal) }));
    const int mainIndex = laneNamed(r.model, QStringLiteral("MainThread"));
    const int childIndex = laneNamed(r.model, QStringLiteral("p"));
    QVERIFY(mainIndex >= 0 && childIndex >= 0);
    // A mark on the caller's lane where it sent the signal, naming the child and the signal.
    const Instant* sent = findInstant(r.model.lane(mainIndex), InstantKind::Signal);
    QVERIFY(sent);
    QCOMPARE(sent->code, signal);
    QCOMPARE(textOf(r.model, sent), QStringLiteral("p"));
    const Instant* end = ending(r.model.lane(childIndex));
    QVERIFY(end && int(end->kind) == childEnd);
    QVERIFY(end->t >= sent->t);
    // An arrow from the mark to the child's end, and the end -> join arrow after it.
    int signalArrows = 0;
    int joinArrows = 0;
    for (const Flow& f : r.model.flows()) {
        if (!f.complete())
            continue;
        if (f.kind == FlowKind::Signal) {
            ++signalArrows;
            QCOMPARE(f.fromLane, mainIndex);
            QCOMPARE(f.toLane, childIndex);
            QCOMPARE(f.fromT, sent->t);
            QCOMPARE(f.toT, end->t);
        } else if (f.kind == FlowKind::Join) {
            ++joinArrows;
            QCOMPARE(f.fromLane, childIndex);
            QCOMPARE(f.toLane, mainIndex);
            QCOMPARE(f.fromT, end->t);
        }
    }
    QCOMPARE(signalArrows, 1);
    QCOMPARE(joinArrows, 1);
}

void TestSemantics::signalStopsTheRunLikeCtrlC_data()
{
    QTest::addColumn<int>("sig");
    QTest::addColumn<bool>("wholeGroup"); // as `timeout` and a closing terminal send it
    QTest::addColumn<int>("exitCode");
    QTest::newRow("SIGTERM to forkline") << int(SIGTERM) << false << 143;
    QTest::newRow("SIGTERM to the group") << int(SIGTERM) << true << 143;
    QTest::newRow("SIGHUP to forkline") << int(SIGHUP) << false << 129;
    QTest::newRow("SIGHUP to the group") << int(SIGHUP) << true << 129;
}

void TestSemantics::signalStopsTheRunLikeCtrlC()
{
#if defined(Q_OS_UNIX)
    QFETCH(int, sig);
    QFETCH(bool, wholeGroup);
    QFETCH(int, exitCode);
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("forever.json"), R"({"main": [
        {"start": "t"}, {"start": "p"}, {"sleep": 0.2}, {"print": "main {pid}"}, {"sleep": 60}],
      "workers": [
        {"name": "t", "steps": [{"sleep": 60}]},
        {"name": "p", "kind": "process", "steps": [{"print": "child {pid}"}, {"sleep": 60}]}]})");
    const QString trace = dir.filePath(QStringLiteral("trace.json"));
    QProcess cli;
    // Its own process group, so that the whole run can be signalled at once as `timeout` does.
    cli.setChildProcessModifier([] { ::setpgid(0, 0); });
    cli.start(QStringLiteral(FORKLINE_BIN), { QStringLiteral("run"), path, QStringLiteral("--trace"), trace });
    QVERIFY(cli.waitForStarted());
    QByteArray out;
    const auto bothPrinted = [&] {
        out += cli.readAllStandardOutput();
        return out.contains("main ") && out.contains("child ");
    };
    QTRY_VERIFY_WITH_TIMEOUT(bothPrinted(), 60000);
    QList<qint64> pids;
    const QRegularExpression pidLine(QStringLiteral("(?:main|child) (\\d+)"));
    for (auto it = pidLine.globalMatch(QString::fromUtf8(out)); it.hasNext();)
        pids << it.next().captured(1).toLongLong();
    QCOMPARE(pids.size(), 2);
    QElapsedTimer clock;
    clock.start();
    ::kill(wholeGroup ? -pid_t(cli.processId()) : pid_t(cli.processId()), sig);
    QVERIFY(cli.waitForFinished(30000));
    const qint64 cliGone = clock.elapsed();
    QCOMPARE(cli.exitStatus(), QProcess::NormalExit);
    QCOMPARE(cli.exitCode(), exitCode);
    // Every process of the run is gone too (generous bound; the figure is printed).
    QTRY_VERIFY_WITH_TIMEOUT(!processAlive(pids[0]) && !processAlive(pids[1]), 5000);
    qInfo(
        "forkline exited %lld ms after the signal; its processes were gone %lld ms after it", cliGone, clock.elapsed());
    QVERIFY2(clock.elapsed() < 3000, qPrintable(QString::number(clock.elapsed())));
    // The trace is written, and the run's lanes end as a stop ends them.
    TraceModel m;
    QString error;
    QVERIFY2(loadChromeTrace(trace, &m, &error), qPrintable(error));
    for (const QString& name : { QStringLiteral("MainThread"), QStringLiteral("t"), QStringLiteral("p") }) {
        const Instant* end = ending(requireLane(m, name));
        QVERIFY2(end && end->kind == InstantKind::Aborted, qPrintable(name));
    }
#else
    QSKIP("signals are a Unix matter");
#endif
}

QTEST_GUILESS_MAIN(TestSemantics)
// What buyer-seller's description says its picture shows: a sleeping thread holds nothing,
// so the two threads sleep at the same time, and the run takes about one thread's time.
void TestSemantics::buyerSellerSleepSideBySide()
{
    RunOptions o;
    o.timeScale = 0.05; // 20 one-second sleeps each, 50 ms apiece
    const RunResult r = runScenario(QStringLiteral("buyer-seller"), o);
    QCOMPARE(r.exitCode, 0);
    const Lane& buyer = requireLane(r.model, QStringLiteral("buyer"));
    const Lane& seller = requireLane(r.model, QStringLiteral("seller"));
    qint64 buyerSleep = 0;
    qint64 together = 0;
    for (const Span& b : buyer.spans) {
        if (b.state != State::Sleeping)
            continue;
        buyerSleep += b.end - b.start;
        for (const Span& s : seller.spans) {
            if (s.state == State::Sleeping)
                together += std::max<qint64>(0, std::min(b.end, s.end) - std::max(b.start, s.start));
        }
    }
    QVERIFY(buyerSleep > 0);
    // Each of the 20 steps starts with a print, so the two drift apart by little; a loaded
    // machine can delay a wake-up, hence a generous share rather than all of it.
    QVERIFY2(double(together) > 0.7 * double(buyerSleep),
        qPrintable(QStringLiteral("%1 of %2 ns asleep together").arg(together).arg(buyerSleep)));
}

#include "tst_semantics.moc"
