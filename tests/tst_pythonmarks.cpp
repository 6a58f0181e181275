// SPDX-License-Identifier: GPL-3.0-or-later
// `forkline run FILE.py --trace out.json` on small programs of tests/data/python, read back from
// the trace file: the marks a scenario run draws (signals, the wait at exit), messages through
// the pipes and queues the tracer follows, and the line of code on every exported event.
#include "chrometrace.h"
#include "chrometraceimport.h"
#include "pythontestutil.h"
#include "testutil.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>

using namespace Forkline;
using namespace ForklineTest;

namespace {

struct TracedRun
{
    CliResult cli;
    TraceModel model;
    QByteArray trace; // the file's bytes
};

TracedRun runTraced(const QString& name, const QStringList& args = {})
{
    TracedRun r;
    QTemporaryDir dir;
    const QString trace = dir.filePath(QStringLiteral("out.json"));
    QStringList cli { QStringLiteral("run"), pythonProgram(name), QStringLiteral("--python"), python(),
        QStringLiteral("--trace"), trace };
    if (!args.isEmpty())
        cli << QStringLiteral("--") << args;
    r.cli = runCli(cli, {}, 180000);
    QFile file(trace);
    if (file.open(QIODevice::ReadOnly))
        r.trace = file.readAll();
    QString error;
    if (!loadChromeTrace(trace, &r.model, &error))
        qWarning("%s", qPrintable(error));
    return r;
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

int flowsBetween(const TraceModel& m, FlowKind kind, int from, int to)
{
    int n = 0;
    for (const Flow& f : m.flows())
        n += f.kind == kind && f.fromLane == from && f.toLane == to && f.complete();
    return n;
}

int countInstants(const TraceModel& m, int lane, InstantKind kind)
{
    int n = 0;
    for (const Instant& in : m.lane(lane).instants)
        n += in.kind == kind;
    return n;
}

bool endsWith(const TraceModel& m, int lane, InstantKind kind, int code)
{
    const Lane& l = m.lane(lane);
    return !l.instants.empty() && l.instants.back().kind == kind && l.instants.back().code == code;
}

} // namespace

class TestPythonMarks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void signalsAndExitWait();
    void signalledChildEndsWhenItDied_data();
    void signalledChildEndsWhenItDied();
    void pipesAndQueues_data();
    void pipesAndQueues();
    void linesInTheTraceFile();
    void printFormsBuffered();
    void windowsPaths();
};

void TestPythonMarks::initTestCase()
{
    if (python().isEmpty())
        QSKIP("no python3 on PATH");
}

// terminate(), kill() and os.kill(): a `signal` mark on the caller naming the child, an arrow
// to the child's end (SIGTERM, exitcode -15 / SIGKILL, -9), and the join after it gets its
// arrow from that end. The interpreter's wait for a non-daemon thread reads as the runner's.
void TestPythonMarks::signalsAndExitWait()
{
    const TracedRun r = runTraced(QStringLiteral("signals_exit.py"));
    QCOMPARE(r.cli.exitCode, 0);
    QCOMPARE(r.cli.out, QByteArray("terminated -15\nkilled -9\noskilled -15\nmain: end\nlate: done\n"));
    const TraceModel& m = r.model;
    const int main = mainLane(m);
    QVERIFY(main >= 0);
    const struct
    {
        const char* name;
        InstantKind end;
        int signal;
    } children[] = { { "terminated", InstantKind::Terminated, SIGTERM }, { "killed", InstantKind::Killed, SIGKILL },
        { "oskilled", InstantKind::Terminated, SIGTERM } };
    for (const auto& child : children) {
        const int lane = laneNamed(m, QLatin1String(child.name));
        QVERIFY2(lane >= 0, child.name);
        const Instant* mark = findInstant(m.lane(main), InstantKind::Signal, QLatin1String(child.name), &m);
        QVERIFY2(mark, child.name);
        QCOMPARE(mark->code, child.signal);
        QVERIFY2(endsWith(m, lane, child.end, child.signal), child.name);
        QCOMPARE(endingCodeText(child.end, child.signal),
            child.signal == SIGTERM ? QStringLiteral("SIGTERM (exitcode -15)")
                                    : QStringLiteral("SIGKILL (exitcode -9)"));
        QCOMPARE(flowsBetween(m, FlowKind::Signal, main, lane), 1);
        QCOMPARE(flowsBetween(m, FlowKind::Join, lane, main), 1);
    }
    QCOMPARE(countInstants(m, main, InstantKind::Signal), 3); // one per call, none from the library
    const Instant* exit = findInstant(m.lane(main), InstantKind::MainExit);
    QVERIFY(exit);
    bool exitWait = false;
    for (const Span& sp : m.lane(main).spans) {
        QVERIFY2(!(sp.state == State::WaitingJoin && sp.start >= exit->t), "the wait at exit is no join");
        exitWait |= sp.state == State::WaitingExit && sp.start >= exit->t && sp.end - sp.start > 100000000;
    }
    QVERIFY(exitWait);
    const int late = laneNamed(m, QStringLiteral("late"));
    QVERIFY(late >= 0);
    QCOMPARE(flowsBetween(m, FlowKind::Join, late, main), 1);
}

void TestPythonMarks::signalledChildEndsWhenItDied_data()
{
    QTest::addColumn<QString>("method");
    QTest::newRow("fork") << QStringLiteral("fork");
    QTest::newRow("spawn") << QStringLiteral("spawn");
}

// A child killed by a signal cannot report its end, and its parent notices only at the join
// 1.5 s later; the end (and the arrows at it) are where the child died, just after the signal.
void TestPythonMarks::signalledChildEndsWhenItDied()
{
    QFETCH(QString, method);
    const TracedRun r = runTraced(QStringLiteral("signal_late_join.py"), { method });
    QCOMPARE(r.cli.exitCode, 0);
    QCOMPARE(r.cli.out, QByteArray("victim -15\n"));
    const TraceModel& m = r.model;
    const int main = mainLane(m);
    const int victim = laneNamed(m, QStringLiteral("victim"));
    QVERIFY(main >= 0 && victim >= 0);
    const Instant* signal = findInstant(m.lane(main), InstantKind::Signal, QStringLiteral("victim"), &m);
    const Instant* join = findInstant(m.lane(main), InstantKind::Join, QStringLiteral("victim"), &m);
    const Instant* end = findInstant(m.lane(victim), InstantKind::Terminated);
    QVERIFY(signal && join && end);
    QVERIFY2(join->t - signal->t > 1400000000, qPrintable(QString::number(join->t - signal->t)));
    // Generous: a loaded machine may take a while to deliver the signal and the socket's end.
    QVERIFY2(end->t >= signal->t && end->t - signal->t < 700000000, qPrintable(QString::number(end->t - signal->t)));
    for (const Flow& f : m.flows()) {
        if (f.kind == FlowKind::Join && f.fromLane == victim)
            QCOMPARE(f.fromT, end->t);
        if (f.kind == FlowKind::Signal && f.toLane == victim)
            QCOMPARE(f.toT, end->t);
    }
    QCOMPARE(flowsBetween(m, FlowKind::Join, victim, main), 1);
    QCOMPARE(flowsBetween(m, FlowKind::Signal, main, victim), 1);
}

void TestPythonMarks::pipesAndQueues_data()
{
    QTest::addColumn<QString>("method");
    QTest::newRow("fork") << QStringLiteral("fork");
    QTest::newRow("spawn") << QStringLiteral("spawn");
}

// Every message of the program is an arrow from its sender to its receiver, whatever carried
// it; the bytes arrive as they were sent; a Manager's server is a process of its own.
void TestPythonMarks::pipesAndQueues()
{
    QFETCH(QString, method);

    const TracedRun r = runTraced(QStringLiteral("pipes_queues.py"), { method });
    QCOMPARE(r.cli.exitCode, 0);
    QCOMPARE(r.cli.out,
        QByteArray("main got b'raw bytes'\nbytes_child got b'back!'\nduplex_child got ping\nmain got pong\n"
                   "main got from thread\nmain got simple hello\nmain got managed hello\n"
                   "list [1] dict {'child': 'here'}\nmain: done\n"));
    const TraceModel& m = r.model;
    const int main = mainLane(m);
    QVERIFY(main >= 0);
    const struct
    {
        const char* lane;
        int toChild;
        int fromChild;
    } expected[] = { { "bytes_child", 1, 1 }, { "duplex_child", 1, 1 }, { "thread_side", 0, 1 },
        { "simple_child", 0, 1 }, { "managed_child", 0, 1 } };
    for (const auto& e : expected) {
        const int lane = laneNamed(m, QLatin1String(e.lane));
        QVERIFY2(lane >= 0, e.lane);
        QCOMPARE(flowsBetween(m, FlowKind::Message, main, lane), e.toChild);
        QCOMPARE(flowsBetween(m, FlowKind::Message, lane, main), e.fromChild);
    }
    QVERIFY(findInstant(m.lane(main), InstantKind::Receive, QStringLiteral("b'raw bytes'"), &m));
    QVERIFY(findInstant(m.lane(main), InstantKind::Send, QStringLiteral("b'back!'"), &m)); // offset 2, size 5
    QVERIFY(findInstant(m.lane(main), InstantKind::Receive, QStringLiteral("'managed hello'"), &m));
    int managers = 0;
    for (const Lane& l : m.lanes()) {
        if (!l.name.startsWith(QLatin1String("SyncManager-")))
            continue;
        ++managers;
        QCOMPARE(l.kind, LaneKind::Process);
        QCOMPARE(l.parent, main);
        QVERIFY(l.pid != m.lane(main).pid);
    }
    QCOMPARE(managers, 1);
}

// Every slice and mark of a Python run names its line in args, where Perfetto and DevTools show
// it; the file opens again with its lines, and writes out the same bytes.
void TestPythonMarks::linesInTheTraceFile()
{
    const TracedRun r = runTraced(QStringLiteral("threads_join.py"));
    QCOMPARE(r.cli.exitCode, 0);
    const QString file = QFileInfo(pythonProgram(QStringLiteral("threads_join.py"))).absoluteFilePath();
    bool sawPrint = false;
    bool sawSleep = false;
    const QJsonArray events = QJsonDocument::fromJson(r.trace).object().value(QStringLiteral("traceEvents")).toArray();
    for (const QJsonValue& v : events) {
        const QJsonObject e = v.toObject();
        const QJsonObject args = e.value(QStringLiteral("args")).toObject();
        const int line = args.value(QStringLiteral("line")).toInt();
        if (line > 0)
            QCOMPARE(args.value(QStringLiteral("file")).toString(), file);
        if (e.value(QStringLiteral("ph")) == QLatin1String("i")
            && args.value(QStringLiteral("text")) == QLatin1String("slow: start")) {
            QCOMPARE(line, 7);
            sawPrint = true;
        }
        if (e.value(QStringLiteral("ph")) == QLatin1String("X")
            && e.value(QStringLiteral("name")) == QLatin1String("sleeping") && line == 8)
            sawSleep = true;
    }
    QVERIFY(sawPrint);
    QVERIFY(sawSleep);
    // Read back: the lines are the model's again, and the file comes out byte for byte.
    const TraceModel& m = r.model;
    QVERIFY(m.sourceFiles().contains(file));
    const int slow = laneNamed(m, QStringLiteral("slow"));
    QVERIFY(slow >= 0);
    const Instant* start = findInstant(m.lane(slow), InstantKind::Print, QStringLiteral("slow: start"), &m);
    QVERIFY(start);
    bool found = false;
    for (const SourcePoint& p : m.lane(slow).sources)
        found |= p.t == start->t && p.line == 7 && m.sourceFiles().at(p.file) == file;
    QVERIFY(found);
    QCOMPARE(chromeTrace(m), r.trace);
    ChromeTraceImportOptions qtJson;
    qtJson.backend = JsonBackend::QtJson; // the reader of builds without simdjson
    const ChromeTraceImportResult again = importChromeTraceData(r.trace, QStringLiteral("out.json"), qtJson);
    QVERIFY2(again.ok(), qPrintable(again.error));
    QCOMPARE(chromeTrace(again.model), r.trace);
}

// To a buffered stdout (no PYTHONUNBUFFERED) print() makes its line in one go: the text is the
// untraced run's, and every line is a mark of its own with the line of code that ended it.
void TestPythonMarks::printFormsBuffered()
{
    const QByteArray unbuffered = qgetenv("PYTHONUNBUFFERED");
    qunsetenv("PYTHONUNBUFFERED");
    QProcess plain;
    plain.start(python(), { pythonProgram(QStringLiteral("print_forms.py")) });
    QVERIFY(plain.waitForFinished(120000));
    const TracedRun r = runTraced(QStringLiteral("print_forms.py"));
    if (!unbuffered.isNull())
        qputenv("PYTHONUNBUFFERED", unbuffered);
    QCOMPARE(r.cli.exitCode, 0);
    QCOMPARE(r.cli.out, plain.readAllStandardOutput());
    const TraceModel& m = r.model;
    const int main = mainLane(m);
    QVERIFY(main >= 0);
    const struct
    {
        const char* text;
        int line;
    } marks[] = { { "1 2", 8 }, { "a-b", 9 }, { "a", 11 }, { "b", 11 }, { "x y", 13 }, { "S! T! b'by' 3.5 None", 14 },
        { "err", 15 }, { "tail!", 26 } };
    for (const auto& mark : marks) {
        const Instant* in = findInstant(m.lane(main), InstantKind::Print, QString::fromUtf8(mark.text), &m);
        QVERIFY2(in, mark.text);
        bool lined = false;
        for (const SourcePoint& p : m.lane(main).sources)
            lined |= p.t == in->t && p.line == mark.line;
        QVERIFY2(lined, mark.text);
    }
}

// The tracer's path logic on Windows paths (Python's ntpath runs anywhere): the file an event
// names is absolute with "/" between folders, library folders match in any case.
void TestPythonMarks::windowsPaths()
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PYTHONPATH"), QStringLiteral(FORKLINE_SOURCE_DIR "/resources/python"));
    env.remove(QStringLiteral("FORKLINE_CHANNEL"));
    p.setProcessEnvironment(env);
    p.start(python(), { pythonProgram(QStringLiteral("tracer_paths.py")) });
    QVERIFY(p.waitForFinished(60000));
    const QByteArray out = p.readAllStandardOutput() + p.readAllStandardError();
    QVERIFY2(p.exitCode() == 0, out.constData());
    QCOMPARE(out, QByteArray("ok\n"));
}

QTEST_GUILESS_MAIN(TestPythonMarks)
#include "tst_pythonmarks.moc"
