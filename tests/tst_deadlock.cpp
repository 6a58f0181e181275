// SPDX-License-Identifier: GPL-3.0-or-later
// A cycle of waits (joins, locks, the implicit join at exit) is found when it closes: its
// lanes are marked deadlocked, the message names the cycle, and `forkline run` keeps the
// trace and exits 1. Each case is checked in the trace that run wrote.
#include "chrometraceimport.h"
#include "runutil.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace ForklineTest;

namespace {

struct CliRun
{
    int exitCode = -1;
    QString err;
    TraceModel model;
    qint64 wallMs = 0;
};

CliRun runCli(const QTemporaryDir& dir, const QByteArray& json)
{
    CliRun run;
    const QString scenario = dir.filePath(QStringLiteral("deadlock.json"));
    const QString trace = dir.filePath(QStringLiteral("deadlock-trace.json"));
    QFile f(scenario);
    if (!f.open(QIODevice::WriteOnly) || f.write(json) != json.size())
        return run;
    f.close();
    QProcess p;
    QElapsedTimer clock;
    clock.start();
    p.start(QStringLiteral(FORKLINE_BIN), { QStringLiteral("run"), scenario, QStringLiteral("--trace"), trace });
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
        return run;
    }
    run.wallMs = clock.elapsed();
    run.exitCode = p.exitCode();
    run.err = QString::fromUtf8(p.readAllStandardError());
    QString error;
    loadChromeTrace(trace, &run.model, &error);
    return run;
}

const QByteArray kJoinCycle = R"({"format": 1, "name": "join-cycle",
  "main": [{"start": "th1"}, {"start": "th2"}, {"join": "th1"}],
  "workers": [
    {"name": "th1", "steps": [{"sleep": 0.2}, {"join": "th2"}]},
    {"name": "th2", "steps": [{"join": "th1"}]}
  ]})";

const QByteArray kLockCycle = R"({"format": 1, "name": "lock-cycle",
  "main": [{"start": "th1"}, {"start": "th2"}, {"join": "th1"}, {"join": "th2"}],
  "workers": [
    {"name": "th1", "steps": [{"acquire": "a"}, {"sleep": 0.2}, {"acquire": "b"}, {"release": "b"}, {"release": "a"}]},
    {"name": "th2", "steps": [{"acquire": "b"}, {"sleep": 0.2}, {"acquire": "a"}, {"release": "a"}, {"release": "b"}]}
  ]})";

// Main ends holding the lock its thread needs: Python's implicit join at exit waits for th1,
// which waits for main's lock.
const QByteArray kExitCycle = R"({"format": 1, "name": "exit-cycle",
  "main": [{"acquire": "a"}, {"start": "th1"}, {"sleep": 0.1}],
  "workers": [
    {"name": "th1", "steps": [{"acquire": "a"}, {"print": "never"}]}
  ]})";

// Waits that end: the same threads and locks taken in one order.
const QByteArray kNoCycle = R"({"format": 1, "name": "no-cycle",
  "main": [{"start": "th1"}, {"start": "th2"}, {"join": "th1"}, {"join": "th2"}, {"print": "done"}],
  "workers": [
    {"name": "th1", "steps": [{"acquire": "a"}, {"sleep": 0.1}, {"acquire": "b"}, {"release": "b"}, {"release": "a"}]},
    {"name": "th2", "steps": [{"join": "th1"}, {"acquire": "a"}, {"acquire": "b"}, {"release": "b"}, {"release": "a"}]}
  ]})";

// Two processes, each receiving what only the other sends: both wait for ever.
const QByteArray kQueueCycle = R"({"format": 1, "name": "queue-cycle",
  "main": [{"start": "p1"}, {"start": "p2"}, {"join": "p1"}, {"join": "p2"}],
  "workers": [
    {"name": "p1", "kind": "process", "steps": [{"recv": "a", "into": "x"}, {"send": "b", "value": "1"}]},
    {"name": "p2", "kind": "process", "steps": [{"sleep": 0.2}, {"recv": "b", "into": "y"}, {"send": "a", "value": "2"}]}
  ]})";

// The same between two threads of one process.
const QByteArray kQueueThreads = R"({"format": 1, "name": "queue-threads",
  "main": [{"start": "th1"}, {"start": "th2"}, {"join": "th1"}, {"join": "th2"}],
  "workers": [
    {"name": "th1", "steps": [{"recv": "a", "into": "x"}, {"send": "b", "value": "1"}]},
    {"name": "th2", "steps": [{"sleep": 0.2}, {"recv": "b", "into": "y"}, {"send": "a", "value": "2"}]}
  ]})";

// p1 holds a multiprocessing.Lock and waits on a pipe that only p2 feeds; p2 waits for the lock.
const QByteArray kPipeLockCycle = R"({"format": 1, "name": "pipe-lock-cycle",
  "pipes": [{"ends": ["c1", "c2"]}], "process_locks": ["L"],
  "main": [{"start": "p1"}, {"start": "p2"}, {"join": "p1"}, {"join": "p2"}],
  "workers": [
    {"name": "p1", "kind": "process", "steps": [{"acquire": "L"}, {"recv": "c1", "into": "x"}, {"release": "L"}]},
    {"name": "p2", "kind": "process", "steps": [{"sleep": 0.2}, {"acquire": "L"}, {"send": "c2", "value": "go"},
      {"release": "L"}]}
  ]})";

// p3 could feed "a" but fails before it does: once it has ended, nothing can end p1's wait.
const QByteArray kFeederEnds = R"({"format": 1, "name": "feeder-ends",
  "main": [{"start": "p1"}, {"start": "p2"}, {"start": "p3"}, {"join": "p1"}, {"join": "p2"}],
  "workers": [
    {"name": "p1", "kind": "process", "steps": [{"recv": "a", "into": "x"}, {"send": "b", "value": "1"}]},
    {"name": "p2", "kind": "process", "steps": [{"recv": "b", "into": "y"}, {"send": "a", "value": "2"}]},
    {"name": "p3", "kind": "process", "steps": [{"sleep": 0.3}, {"raise": "ValueError", "message": "no"},
      {"send": "a", "value": "3"}]}
  ]})";

// Not a deadlock: p1 and p2 wait on each other's queue for a while, but p3, still running,
// feeds "a" later, and then everything moves.
const QByteArray kFedLater = R"({"format": 1, "name": "fed-later",
  "main": [{"start": "p1"}, {"start": "p2"}, {"start": "p3"}, {"join": "p1"}, {"join": "p2"}, {"join": "p3"},
           {"print": "done"}],
  "workers": [
    {"name": "p1", "kind": "process", "steps": [{"recv": "a", "into": "x"}, {"send": "b", "value": "1"}]},
    {"name": "p2", "kind": "process", "steps": [{"recv": "b", "into": "y"}, {"send": "a", "value": "2"}]},
    {"name": "p3", "kind": "process", "steps": [{"sleep": 0.6}, {"send": "a", "value": "3"}]}
  ]})";

// Through a process's own join: main joins p, p joins its thread t, and t waits on a queue
// that only main feeds, after its join.
const QByteArray kProcessJoinCycle = R"({"format": 1, "name": "process-join-cycle",
  "main": [{"start": "p"}, {"join": "p"}, {"send": "q", "value": "go"}],
  "workers": [
    {"name": "p", "kind": "process", "steps": [{"start": "t"}, {"join": "t"}]},
    {"name": "t", "steps": [{"recv": "q", "into": "x"}]}
  ]})";

// Through a lock of a process's threads: p holds it and waits for main's message, main waits
// for t's, and t waits for p's lock.
const QByteArray kProcessLockCycle = R"({"format": 1, "name": "process-lock-cycle",
  "main": [{"start": "p"}, {"recv": "q", "into": "x"}, {"send": "r", "value": "go"}, {"join": "p"}],
  "workers": [
    {"name": "p", "kind": "process", "steps": [{"acquire": "a"}, {"start": "t"}, {"recv": "r", "into": "y"},
      {"release": "a"}, {"join": "t"}]},
    {"name": "t", "steps": [{"acquire": "a"}, {"send": "q", "value": "1"}, {"release": "a"}]}
  ]})";

// Not a deadlock: p joins its thread for a while, main waits for that thread's message, and
// the thread, asleep, sends it.
const QByteArray kProcessJoinEnds = R"({"format": 1, "name": "process-join-ends",
  "main": [{"start": "p"}, {"recv": "q", "into": "x"}, {"join": "p"}, {"print": "done"}],
  "workers": [
    {"name": "p", "kind": "process", "steps": [{"start": "t"}, {"join": "t"}]},
    {"name": "t", "steps": [{"sleep": 0.7}, {"send": "q", "value": "1"}]}
  ]})";

} // namespace

class TestDeadlock : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cycleIsNamed_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QStringList>("lanes");
        QTest::addColumn<QString>("closing"); // the lane whose wait closed the cycle
        QTest::addColumn<int>("closingWait");
        QTest::newRow("join") << kJoinCycle << QStringLiteral("th1 waits for th2 (join), th2 waits for th1 (join)")
                              << QStringList { QStringLiteral("th1"), QStringLiteral("th2") } << QStringLiteral("th1")
                              << int(State::WaitingJoin);
        QTest::newRow("lock") << kLockCycle << QStringLiteral("th1 waits for th2 (lock b), th2 waits for th1 (lock a)")
                              << QStringList { QStringLiteral("th1"), QStringLiteral("th2") } << QString()
                              << int(State::WaitingLock);
        QTest::newRow("exit") << kExitCycle
                              << QStringLiteral("MainThread waits for th1 (exit), th1 waits for MainThread (lock a)")
                              << QStringList { QStringLiteral("MainThread"), QStringLiteral("th1") }
                              << QStringLiteral("MainThread") << int(State::WaitingExit);
        QTest::newRow("queue, processes")
            << kQueueCycle << QStringLiteral("p1 waits for p2 (recv a), p2 waits for p1 (recv b)")
            << QStringList { QStringLiteral("p1"), QStringLiteral("p2") } << QString() << int(State::WaitingQueue);
        QTest::newRow("queue, threads") << kQueueThreads
                                        << QStringLiteral("th1 waits for th2 (recv a), th2 waits for th1 (recv b)")
                                        << QStringList { QStringLiteral("th1"), QStringLiteral("th2") }
                                        << QStringLiteral("th2") << int(State::WaitingQueue);
        QTest::newRow("pipe and process lock")
            << kPipeLockCycle << QStringLiteral("p1 waits for p2 (recv c1), p2 waits for p1 (lock L)")
            << QStringList { QStringLiteral("p1"), QStringLiteral("p2") } << QString() << int(State::WaitingLock);
        QTest::newRow("a process's own join")
            << kProcessJoinCycle
            << QStringLiteral("MainThread waits for p (join), p waits for t (join), t waits for MainThread (recv q)")
            << QStringList { QStringLiteral("MainThread"), QStringLiteral("p"), QStringLiteral("t") }
            << QStringLiteral("p") << int(State::WaitingJoin);
        QTest::newRow("a process's own lock")
            << kProcessLockCycle
            << QStringLiteral(
                   "MainThread waits for t (recv q), t waits for p (lock a), p waits for MainThread (recv r)")
            << QStringList { QStringLiteral("MainThread"), QStringLiteral("p"), QStringLiteral("t") }
            << QStringLiteral("t") << int(State::WaitingLock);
        QTest::newRow("feeder ends") << kFeederEnds
                                     << QStringLiteral("p1 waits for p2 (recv a), p2 waits for p1 (recv b)")
                                     << QStringList { QStringLiteral("p1"), QStringLiteral("p2") } << QString()
                                     << int(State::WaitingQueue);
    }

    void cycleIsNamed()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, message);
        QFETCH(QStringList, lanes);
        QFETCH(QString, closing);
        QFETCH(int, closingWait);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const CliRun run = runCli(dir, json);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("Deadlock: ") + message), qPrintable(run.err));
        for (const QString& name : lanes) {
            const Lane& lane = requireLane(run.model, name);
            const Instant* mark = findInstant(lane, InstantKind::Deadlocked, message, &run.model);
            QVERIFY2(mark, qPrintable(name));
            bool deadlockedSpan = false;
            for (const Span& s : lane.spans)
                deadlockedSpan = deadlockedSpan || (s.state == State::Deadlocked && s.start == mark->t);
            QVERIFY2(deadlockedSpan, qPrintable(name));
            if (name != closing)
                continue;
            // Found within a second of the wait that closed the cycle.
            qint64 waitStart = -1;
            for (const Span& s : lane.spans) {
                if (int(s.state) == closingWait && s.start <= mark->t)
                    waitStart = s.start;
            }
            QVERIFY(waitStart >= 0);
            QVERIFY2(mark->t - waitStart <= 1000000000LL, qPrintable(QString::number(mark->t - waitStart)));
        }
        // Lanes outside the cycle have no mark (main only waits for th1 in the join case).
        for (const Lane& lane : run.model.lanes()) {
            if (!lanes.contains(lane.name))
                QVERIFY2(!findInstant(lane, InstantKind::Deadlocked), qPrintable(lane.name));
        }
    }

    void noCycleNoReport_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<int>("lanes");
        QTest::newRow("waits that end") << kNoCycle << 3;
        // A queue that a running worker feeds later, however long the others wait.
        QTest::newRow("queue fed later") << kFedLater << 4;
        // A process's own join that lasts, told to the runner, once what it waits for moves.
        QTest::newRow("long join inside a process") << kProcessJoinEnds << 3;
    }

    void noCycleNoReport()
    {
        QFETCH(QByteArray, json);
        QFETCH(int, lanes);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const CliRun run = runCli(dir, json);
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(!run.err.contains(QStringLiteral("Deadlock")), qPrintable(run.err));
        QVERIFY(run.model.laneCount() >= lanes);
        for (const Lane& lane : run.model.lanes())
            QVERIFY2(!findInstant(lane, InstantKind::Deadlocked), qPrintable(lane.name));
    }

    // Contended locks under the GIL, again and again: no cycle is ever reported.
    void contentionIsNoDeadlock()
    {
        for (int i = 0; i < 3; ++i) {
            const RunResult r = runScenario(QStringLiteral("counter-lock"));
            QCOMPARE(r.exitCode, 0);
            for (const Lane& lane : r.model.lanes())
                QVERIFY2(!findInstant(lane, InstantKind::Deadlocked), qPrintable(lane.name));
        }
    }
};

QTEST_GUILESS_MAIN(TestDeadlock)
#include "tst_deadlock.moc"
