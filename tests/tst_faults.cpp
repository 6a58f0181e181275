// SPDX-License-Identifier: GPL-3.0-or-later
// What the world outside a run can do to it: edit or delete its scenario file, start it with
// stdin closed, stop reading what it prints, kill its runner. Through the real binary.
#include "collector.h"
#include "eventchannel.h"
#include "runutil.h"
#include "testutil.h"

#include <QElapsedTimer>
#include <QLocalServer>
#include <QLocalSocket>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <atomic>
#include <chrono>
#include <memory>
#include <thread>

#if !defined(Q_OS_WIN)
#include <csignal>
#endif

using namespace ForklineTest;

namespace {

// A process worker that starts after main has slept: by then, only what the run read at its
// start can tell the worker what to do.
const QByteArray kLateWorker = R"({"main": [{"print": "main start"}, {"sleep": 1}, {"start": "w"}, {"join": "w"},
                                   {"print": "main end"}],
    "workers": [{"name": "w", "kind": "process", "steps": [{"print": "w original"}]}]})";
const QByteArray kLateWorkerRewritten = R"({"main": [{"print": "rewritten"}],
    "workers": [{"name": "w", "kind": "process", "steps": [{"print": "w rewritten"}]},
                {"name": "x", "kind": "process", "steps": [{"print": "x"}]}]})";

bool changeFile(const QString& path, const QString& how)
{
    if (how == QLatin1String("deleted"))
        return QFile::remove(path);
    QFile f(path);
    const QByteArray content = how == QLatin1String("rewritten") ? kLateWorkerRewritten : QByteArray("{ not json");
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(content) == content.size();
}

// `sh -c SCRIPT forkline ARGS...`: the script sees the binary as "$0" and the rest as "$@".
struct ShellRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

ShellRun runThroughShell(const QString& script, const QStringList& args, int timeoutMs = 120000)
{
    QProcess p;
    p.start(
        QStringLiteral("/bin/sh"), QStringList { QStringLiteral("-c"), script, QStringLiteral(FORKLINE_BIN) } + args);
    ShellRun r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

int countPrints(const QByteArray& chromeTrace)
{
    return int(chromeTrace.count("\"name\":\"print\""));
}

} // namespace

class TestFaults : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void scenarioFileChangedDuringRun_data();
    void scenarioFileChangedDuringRun();
    void scenarioFileChangedDuringCliRun();
    void closedStdinIsRefusedWhenTheRunNeedsInput();
    void closedStdinFailsInputAsPythonDoes();
    void brokenPipeBeforeTheFirstPrint();
    void brokenPipeEndsTheRunNormally();
    void killedRunnerLeavesItsWorkersAborted();
    void endedWorkerLosesNothingToABroadcast();
    void channelWaitsForABusyCollector();
    void workerThatCannotReachTheCollectorFailsTheRun();
};

void TestFaults::scenarioFileChangedDuringRun_data()
{
    QTest::addColumn<QString>("how");
    QTest::newRow("deleted") << QStringLiteral("deleted");
    QTest::newRow("rewritten") << QStringLiteral("rewritten");
    QTest::newRow("broken") << QStringLiteral("broken");
}

void TestFaults::scenarioFileChangedDuringRun()
{
    QFETCH(QString, how);
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("late.json"), kLateWorker);
    Collector collector;
    Collector::Launch launch;
    launch.scenario = path;
    launch.program = QStringLiteral(FORKLINE_BIN);
    QStringList prints;
    connect(&collector, &Collector::printed, this, [&prints](int, const QString& text) { prints << text; });
    QSignalSpy finished(&collector, &Collector::finished);
    QString error;
    QVERIFY(collector.start(launch, &error));
    QTRY_VERIFY_WITH_TIMEOUT(prints.contains(QStringLiteral("main start")), 20000);
    QVERIFY(changeFile(path, how)); // main is asleep; the worker starts after it wakes
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.first().first().toInt(), 0);
    const TraceModel& m = collector.model();
    const int w = laneNamed(m, QStringLiteral("w"));
    QVERIFY2(w >= 0, "the worker's lane is missing");
    QVERIFY(findInstant(m.lane(w), InstantKind::End));
    QVERIFY(!findInstant(m.lane(w), InstantKind::Failed));
    QCOMPARE(laneNamed(m, QStringLiteral("x")), -1);
    QCOMPARE(printedByTime(m),
        QStringList({ QStringLiteral("main start"), QStringLiteral("w original"), QStringLiteral("main end") }));
}

void TestFaults::scenarioFileChangedDuringCliRun()
{
    // The command line checks the file and runs those same bytes.
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("late.json"), kLateWorker);
    QProcess p;
    p.start(QStringLiteral(FORKLINE_BIN), { QStringLiteral("run"), path });
    QTRY_VERIFY_WITH_TIMEOUT(p.canReadLine(), 20000);
    QCOMPARE(p.readLine(), QByteArray("main start\n"));
    QVERIFY(changeFile(path, QStringLiteral("deleted")));
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 0);
    QCOMPARE(p.readAllStandardOutput(), QByteArray("w original\nmain end\n"));
    QCOMPARE(p.readAllStandardError(), QByteArray());
}

void TestFaults::closedStdinIsRefusedWhenTheRunNeedsInput()
{
#if defined(Q_OS_WIN)
    QSKIP("no shell to close stdin with");
#endif
    // Closed, not the null device: the number 0 is free for whatever the program opens next.
    const ShellRun r = runThroughShell(
        QStringLiteral("exec \"$0\" \"$@\" <&-"), { QStringLiteral("run"), QStringLiteral("input-worker") }, 30000);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("standard input is closed"), r.err.constData());
    QCOMPARE(r.out, QByteArray());
}

void TestFaults::closedStdinFailsInputAsPythonDoes()
{
#if defined(Q_OS_WIN)
    QSKIP("no shell to close stdin with");
#endif
    // A daemon's question does not hold the run up, so the run goes on with stdin closed.
    // CPython has no sys.stdin then: input() raises at once, before its prompt, and only that
    // thread ends.
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("ask.json"),
        R"({"main": [{"start": "ask"}, {"sleep": 0.5}, {"print": "main goes on"}],
            "workers": [{"name": "ask", "daemon": true, "steps": [{"input": "q? ", "into": "a"}, {"print": "got {a}"}]}]})");
    const QString trace = dir.filePath(QStringLiteral("t.json"));
    const ShellRun r = runThroughShell(QStringLiteral("exec \"$0\" \"$@\" <&-"),
        { QStringLiteral("run"), path, QStringLiteral("--trace"), trace }, 30000);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QByteArray("main goes on\n"));
    QVERIFY2(r.err.contains("Exception in ask: RuntimeError: input(): lost sys.stdin"), r.err.constData());
    const QByteArray t = readAll(trace);
    QVERIFY(t.contains("\"name\":\"failed\""));
    QVERIFY(t.contains("RuntimeError: input(): lost sys.stdin"));
}

void TestFaults::brokenPipeBeforeTheFirstPrint()
{
#if defined(Q_OS_WIN)
    QSKIP("no SIGPIPE on Windows");
#endif
    // The reader is gone before the program starts, and its first step is a print: whether that
    // write comes before anything else the program writes must not matter. Several runs, as it
    // is a matter of which of two threads writes first.
    QTemporaryDir dir;
    const QString path = writeFile(
        dir, QStringLiteral("p.json"), R"({"main": [{"repeat": 50, "as": "i", "steps": [{"print": "line {i}"}]}]})");
    const QString trace = dir.filePath(QStringLiteral("t.json"));
    const ShellRun r
        = runThroughShell(QStringLiteral("for i in 1 2 3 4 5 6 7 8; do"
                                         "  rm -f \"$4\"; { sleep 0.2; \"$0\" \"$@\"; echo \"exit $?\" >&2; } | true;"
                                         "  grep -o '\"name\":\"print\"' \"$4\" | wc -l >&2;"
                                         "done"),
            { QStringLiteral("run"), path, QStringLiteral("--trace"), trace }, 120000);
    QCOMPARE(r.exitCode, 0);
    const QString err = QString::fromUtf8(r.err);
    QCOMPARE(err.count(QStringLiteral("exit 0\n50\n")), 8);
    QVERIFY2(!err.contains(QStringLiteral("crashed")), qPrintable(err));
}

void TestFaults::brokenPipeEndsTheRunNormally()
{
#if defined(Q_OS_WIN)
    QSKIP("no SIGPIPE on Windows");
#endif
    // The issue's own command: the reader takes one line and goes. The run goes on to its end,
    // and the trace has every printed line.
    QTemporaryDir dir;
    const QString trace = dir.filePath(QStringLiteral("t.json"));
    const QString status = dir.filePath(QStringLiteral("status"));
    const ShellRun r = runThroughShell(QStringLiteral("{ \"$0\" \"$@\"; echo $? >'%1'; } | head -n 1").arg(status),
        { QStringLiteral("run"), QStringLiteral("buyer-seller"), QStringLiteral("--time-scale"), QStringLiteral("0.05"),
            QStringLiteral("--trace"), trace },
        120000);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(readAll(status), QByteArray("0\n"));
    QCOMPARE(r.out, QStringLiteral("[메인] start\n").toUtf8());
    const QString err = QString::fromUtf8(r.err);
    QVERIFY2(!err.contains(QStringLiteral("crashed")), qPrintable(err));
    QVERIFY2(err.contains(QStringLiteral("broken pipe")), qPrintable(err));
    QCOMPARE(err.count(QLatin1Char('\n')), 1); // one line says it
    QCOMPARE(countPrints(readAll(trace)), 42);
}

void TestFaults::killedRunnerLeavesItsWorkersAborted()
{
#if defined(Q_OS_WIN)
    QSKIP("SIGKILL");
#else
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("k.json"),
        R"({"main": [{"start": "c"}, {"start": "s"}, {"sleep": 30}],
            "workers": [{"name": "c", "kind": "process", "steps": [{"crash": "abort"}]},
                        {"name": "s", "kind": "process", "steps": [{"print": "s up"}, {"sleep": 30}]}]})");
    Collector collector;
    Collector::Launch launch;
    launch.scenario = path;
    launch.program = QStringLiteral(FORKLINE_BIN);
    QSignalSpy printed(&collector, &Collector::printed);
    QSignalSpy finished(&collector, &Collector::finished);
    QString error;
    QVERIFY(collector.start(launch, &error));
    const TraceModel& m = collector.model();
    QTRY_VERIFY_WITH_TIMEOUT(printed.count() == 1 && laneNamed(m, QStringLiteral("c")) >= 0
            && findInstant(m.lane(laneNamed(m, QStringLiteral("c"))), InstantKind::Crashed),
        20000);
    const qint64 survivor = requireLane(m, QStringLiteral("s")).pid;
    QVERIFY(processAlive(survivor));
    QElapsedTimer sinceKill;
    sinceKill.start();
    QCOMPARE(::kill(pid_t(collector.runnerPid()), SIGKILL), 0);
    QVERIFY(finished.wait(10000));
    // Nothing of the run is left soon after: the survivor is told to end at once.
    QTRY_VERIFY_WITH_TIMEOUT(!processAlive(survivor), 5000);
    QVERIFY2(sinceKill.elapsed() < 1500, qPrintable(QString::number(sinceKill.elapsed())));
    QCOMPARE(finished.first().first().toInt(), 1);
    QCOMPARE(collector.errorText(), QStringLiteral("the runner crashed (signal 9)"));

    const Instant* mainCrash = findInstant(requireLane(m, QStringLiteral("MainThread")), InstantKind::Crashed);
    QVERIFY(mainCrash);
    QCOMPARE(mainCrash->code, SIGKILL);
    // The worker that was still running was cut short; it did not crash.
    const Lane& s = requireLane(m, QStringLiteral("s"));
    QVERIFY(findInstant(s, InstantKind::Aborted));
    QVERIFY(!findInstant(s, InstantKind::Crashed));
    // The one that crashed by itself before stays crashed, with its own signal.
    const Lane& c = requireLane(m, QStringLiteral("c"));
    const Instant* cCrash = findInstant(c, InstantKind::Crashed);
    QVERIFY(cCrash);
    QCOMPARE(cCrash->code, SIGABRT);
    QVERIFY(!findInstant(c, InstantKind::Aborted));
#endif
}

void TestFaults::endedWorkerLosesNothingToABroadcast()
{
#if defined(Q_OS_WIN)
    QSKIP("a write to a peer that has gone fails this way on POSIX sockets only");
#endif
    // A control line (Stop, terminate) goes to every process of the run, including one that has
    // just ended and whose end the collector has not yet taken in. Writing to it must not
    // throw away its last events, nor warn about a closed socket.
    QTest::failOnWarning(QRegularExpression(QStringLiteral("device not open")));
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("q.json"),
        R"({"main": [{"start": "q"}, {"sleep": 30}],
            "workers": [{"name": "q", "kind": "process", "steps": [{"print": "q up"}, {"sleep": 0.3}, {"print": "q bye"}]}]})");
    Collector collector;
    Collector::Launch launch;
    launch.scenario = path;
    launch.program = QStringLiteral(FORKLINE_BIN);
    QStringList prints;
    connect(&collector, &Collector::printed, this, [&prints](int, const QString& text) { prints << text; });
    QSignalSpy finished(&collector, &Collector::finished);
    QString error;
    QVERIFY(collector.start(launch, &error));
    QTRY_VERIFY_WITH_TIMEOUT(prints.contains(QStringLiteral("q up")), 20000);
    const qint64 q = requireLane(collector.model(), QStringLiteral("q")).pid;
    // No event loop from here: the collector cannot see q end.
    QElapsedTimer wait;
    wait.start();
    while (processAlive(q) && wait.elapsed() < 20000)
        QThread::msleep(20);
    QVERIFY(!processAlive(q));
    collector.terminateWorker(QStringLiteral("q"));
    QTRY_VERIFY_WITH_TIMEOUT(prints.contains(QStringLiteral("q bye")), 10000);
    collector.stop();
    QVERIFY(finished.wait(10000));
    const Lane& ql = requireLane(collector.model(), QStringLiteral("q"));
    QVERIFY(!findInstant(ql, InstantKind::Terminated)); // it had ended before it was asked to
    QVERIFY(findInstant(ql, InstantKind::End));
    QVERIFY(!findInstant(ql, InstantKind::Aborted));
}

QTEST_GUILESS_MAIN(TestFaults)
// A thousand processes connect at once and a loaded collector accepts them a few at a time:
// a worker whose connection waits longer than it used to give up after (10 s) must still get
// through, not lose its events.
void TestFaults::channelWaitsForABusyCollector()
{
    QLocalServer server;
    server.setListenBacklogSize(1);
    QVERIFY(server.listen(QStringLiteral("forkline-busy-%1").arg(QCoreApplication::applicationPid())));
    // The queue of connections not yet accepted is full: two that nobody accepts for now.
    std::vector<std::unique_ptr<QLocalSocket>> crowd;
    for (int i = 0; i < 2; ++i) {
        crowd.push_back(std::make_unique<QLocalSocket>());
        crowd.back()->connectToServer(server.fullServerName());
        crowd.back()->waitForConnected(1000);
    }
    Forkline::EventChannel channel;
    QString reason;
    std::atomic<int> opened { -1 };
    std::thread worker([&] { opened = channel.open(server.fullServerName(), &reason) ? 1 : 0; });
    // Busy: the event loop does not turn, so nothing is accepted (Qt would accept in it).
    std::this_thread::sleep_for(std::chrono::seconds(12));
    QVERIFY2(opened == -1, qPrintable(reason)); // still waiting, not given up
    QElapsedTimer waited;
    waited.start();
    while (opened == -1 && waited.elapsed() < 30000) {
        while (server.hasPendingConnections() || server.waitForNewConnection(50)) {
            if (QLocalSocket* s = server.nextPendingConnection())
                s->setParent(&server);
        }
    }
    worker.join();
    QVERIFY2(opened == 1, qPrintable(reason));
}

void TestFaults::workerThatCannotReachTheCollectorFailsTheRun()
{
    // The worker's side: nobody listens, and it says so with the code its parent knows.
    const CliResult alone = runCli({ QStringLiteral("--fl-runner"), QStringLiteral("--fl-worker"), QStringLiteral("w"),
        QStringLiteral("--fl-channel"), QStringLiteral("forkline-nobody-%1").arg(QCoreApplication::applicationPid()),
        QStringLiteral("--scenario"), QStringLiteral("x") });
    QCOMPARE(alone.exitCode, 75);
    QVERIFY2(alone.err.contains("cannot reach the event channel"), alone.err.constData());

    // The parent's side: a worker whose events were lost fails the run, which says which
    // worker and how many; the others' events are all there.
    QTemporaryDir dir;
    const QString lost = writeFile(dir, QStringLiteral("lost.sh"),
        "#!/bin/sh\necho 'forkline: cannot reach the event channel: (test)' >&2\nexit 75\n");
    QFile::setPermissions(lost, QFile::permissions(lost) | QFileDevice::ExeOwner);
    const QString scenario = writeFile(dir, QStringLiteral("s.json"),
        R"({"main": [{"print": "before"}, {"start": "w"}, {"join": "w"}, {"print": "after {exitcode}"}],
        "workers": [{"name": "w", "kind": "process", "steps": [{"print": "never"}]}]})");
    const QString trace = dir.filePath(QStringLiteral("t.json"));
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("FORKLINE_WORKER_PROGRAM"), lost);
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(FORKLINE_BIN), { QStringLiteral("run"), scenario, QStringLiteral("--trace"), trace });
    const CliResult r = finishCli(p);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.startsWith("before\nafter"), r.out.constData());
    QVERIFY2(r.err.contains("1 process worker could not reach the collector"), r.err.constData());
    const QByteArray written = readAll(trace);
    QVERIFY2(written.contains("could not reach the collector: its events are missing"), written.left(2000).constData());
}

#include "tst_faults.moc"
