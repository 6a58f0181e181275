// SPDX-License-Identifier: GPL-3.0-or-later
// Process workers forked by the runner's fork server, and spawned with FORKLINE_SPAWN_WORKERS=1:
// who is whose parent, exit codes, terminate, standard input, and the server's end.
#include "platform.h"
#include "runutil.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace ForklineTest;

namespace {

// Sets FORKLINE_SPAWN_WORKERS for the runs of one test row, and clears it after.
class SpawnMode
{
public:
    explicit SpawnMode(bool spawn)
    {
        if (spawn)
            qputenv("FORKLINE_SPAWN_WORKERS", "1");
        else
            qunsetenv("FORKLINE_SPAWN_WORKERS");
    }
    ~SpawnMode() { qunsetenv("FORKLINE_SPAWN_WORKERS"); }
};

// The system's parent of a process (Linux /proc), or -1.
qint64 systemParent(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray stat = f.readAll();
    // "pid (comm) state ppid ...": comm may hold spaces, so count from its closing parenthesis.
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    return fields.size() > 1 ? fields.at(1).toLongLong() : -1;
}

qint64 tracedParent(const TraceModel& m, qint64 pid)
{
    for (const ProcessInfo& p : m.processes()) {
        if (p.pid == pid)
            return p.ppid;
    }
    return -1;
}

const Instant* ending(const Lane& l)
{
    for (auto it = l.instants.rbegin(); it != l.instants.rend(); ++it) {
        if (isTerminal(it->kind))
            return &*it;
    }
    return nullptr;
}

// outer starts inner, which runs until it is terminated; both report their exit codes.
const QByteArray kNested = R"({"main": [{"start": "outer"}, {"join": "outer"}, {"print": "outer {outer.exitcode}"}],
  "workers": [
    {"name": "outer", "kind": "process", "steps": [{"start": "inner"}, {"join": "inner"},
        {"print": "inner {inner.exitcode}"}]},
    {"name": "inner", "kind": "process", "steps": [{"print": "up"}, {"sleep": 30}]}]})";

// A run of kNested through the collector, up to the moment inner is running.
struct NestedRun
{
    QTemporaryDir dir;
    Collector collector;
    QSignalSpy printed { &collector, &Collector::printed };
    QSignalSpy finished { &collector, &Collector::finished };

    bool startUntilInnerRuns()
    {
        Collector::Launch launch;
        launch.scenario = writeFile(dir, QStringLiteral("nested.json"), kNested);
        launch.program = QStringLiteral(FORKLINE_BIN);
        QString error;
        if (!collector.start(launch, &error))
            return false;
        return QTest::qWaitFor([this] { return printed.count() >= 1; }, 20000);
    }
    qint64 pidOf(const QString& worker) const { return requireLane(collector.model(), worker).pid; }
};

} // namespace

class TestForkServer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void workersAreTheServersChildren_data();
    void workersAreTheServersChildren();
    void exitCodesAndInput_data();
    void exitCodesAndInput();
    void serverEndsWithTheRunner();
};

void TestForkServer::workersAreTheServersChildren_data()
{
    QTest::addColumn<bool>("spawn");
    QTest::newRow("forked") << false;
    QTest::newRow("FORKLINE_SPAWN_WORKERS=1") << true;
}

// One run, checked at each level of its process tree as it stands while the innermost worker
// runs, then through its terminate and the ends it causes.
void TestForkServer::workersAreTheServersChildren()
{
#if !defined(Q_OS_LINUX)
    QSKIP("reads the process tree from /proc");
#endif
    QFETCH(bool, spawn);
    const SpawnMode mode(spawn);
    NestedRun run;
    QVERIFY(run.startUntilInnerRuns());
    Collector& collector = run.collector;
    const qint64 runner = collector.runnerPid();
    const qint64 outer = run.pidOf(QStringLiteral("outer"));
    const qint64 inner = run.pidOf(QStringLiteral("inner"));
    QVERIFY(outer > 0 && inner > 0);
    qint64 server = -1;
    if (spawn) {
        // Each worker is a fresh program started by the process that starts it.
        QCOMPARE(systemParent(outer), runner);
        QCOMPARE(systemParent(inner), outer);
    } else {
        // Both are children of one server, itself the runner's child; outer asked for inner
        // on a socket of its own.
        server = systemParent(outer);
        QVERIFY(server > 0 && server != runner);
        QCOMPARE(systemParent(server), runner);
        QCOMPARE(systemParent(inner), server);
    }
    // The run's tree is who started whom, either way.
    QCOMPARE(tracedParent(collector.model(), outer), runner);
    QCOMPARE(tracedParent(collector.model(), inner), outer);

    // The GUI's terminate reaches inner through its parent outer (through the server).
    collector.terminateWorker(QStringLiteral("inner"));
    QVERIFY(run.finished.wait(20000));
    QCOMPARE(run.finished.first().first().toInt(), 0);
    const TraceModel& m = collector.model();
    const Instant* innerEnd = ending(requireLane(m, QStringLiteral("inner")));
    QVERIFY(innerEnd && innerEnd->kind == InstantKind::Terminated);
    QCOMPARE(innerEnd->code, 15);
    const Instant* outerEnd = ending(requireLane(m, QStringLiteral("outer")));
    QVERIFY(outerEnd && outerEnd->kind == InstantKind::End);
    QCOMPARE(printedByTime(m),
        QStringList({ QStringLiteral("up"), QStringLiteral("inner -15"), QStringLiteral("outer 0") }));
    if (server > 0)
        QTRY_VERIFY_WITH_TIMEOUT(!processAlive(server), 5000); // gone with the runner
}

void TestForkServer::exitCodesAndInput_data()
{
    workersAreTheServersChildren_data();
}

void TestForkServer::exitCodesAndInput()
{
    QFETCH(bool, spawn);
    const SpawnMode mode(spawn);
    // 0, 1 after an exception, -15 after terminate(), -9 after kill(), as p.exitcode says.
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("codes.json"), R"({"main": [
        {"start": "ok"}, {"join": "ok"}, {"print": "ok {ok.exitcode}"},
        {"start": "bad"}, {"join": "bad"}, {"print": "bad {bad.exitcode}"},
        {"start": "term"}, {"sleep": 0.3}, {"terminate": "term"}, {"join": "term"}, {"print": "term {term.exitcode}"},
        {"start": "kil"}, {"sleep": 0.3}, {"kill": "kil"}, {"join": "kil"}, {"print": "kill {kil.exitcode}"}],
      "workers": [
        {"name": "ok", "kind": "process", "steps": [{"print": "hello from ok"}]},
        {"name": "bad", "kind": "process", "steps": [{"raise": "ValueError", "message": "boom"}]},
        {"name": "term", "kind": "process", "steps": [{"sleep": 30}]},
        {"name": "kil", "kind": "process", "steps": [{"sleep": 30}]}]})");
    const CliResult r = runCli({ QStringLiteral("run"), path });
    QCOMPARE(r.exitCode, 0);
    // A worker's prints reach the runner's stdout, its traceback the runner's stderr.
    QCOMPARE(QString::fromUtf8(r.out), QStringLiteral("hello from ok\nok 0\nbad 1\nterm -15\nkill -9\n"));
    QVERIFY2(r.err.contains("ValueError: boom"), r.err.constData());

    // The worker reads the runner's standard input.
    const CliResult in = runCli({ QStringLiteral("run"), QStringLiteral("input-worker") }, "forkline\n");
    QCOMPARE(in.exitCode, 0);
    QVERIFY2(QString::fromUtf8(in.out).contains(QStringLiteral("[sub] forkline")), in.out.constData());
}

void TestForkServer::serverEndsWithTheRunner()
{
#if !defined(Q_OS_LINUX)
    QSKIP("reads the process tree from /proc");
#endif
    // However the runner ends (here SIGKILL, which nothing can catch), the server sees its
    // socket close, and leaves with the last worker it forked.
    qunsetenv("FORKLINE_SPAWN_WORKERS");
    NestedRun run;
    QVERIFY(run.startUntilInnerRuns());
    const qint64 inner = run.pidOf(QStringLiteral("inner"));
    const qint64 outer = run.pidOf(QStringLiteral("outer"));
    const qint64 server = systemParent(inner);
    QVERIFY(server > 0 && server != run.collector.runnerPid());
    QVERIFY(killProcess(run.collector.runnerPid()));
    QTRY_VERIFY_WITH_TIMEOUT(!processAlive(run.collector.runnerPid()), 5000);
    // Whatever the collector does with the orphans, once they are gone the server is too.
    killProcess(inner);
    killProcess(outer);
    QTRY_VERIFY_WITH_TIMEOUT(!processAlive(server), 5000);
}

QTEST_GUILESS_MAIN(TestForkServer)
#include "tst_forkserver.moc"
